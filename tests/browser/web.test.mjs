// Browser tests in Debian's headless Chromium, driven by playwright-core.
// Needs NTM_URL (a server on the demo database) and NTM_ARTIFACTS (screenshots).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { writeFileSync } from "node:fs";

const base = process.env.NTM_URL;
const shots = process.env.NTM_ARTIFACTS;
let browser;
const consoleErrors = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});
after(async () => { await browser?.close(); });

async function page(width = 1366) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "vi-VN" });
  const p = await context.newPage();
  p.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  p.on("pageerror", (e) => consoleErrors.push(String(e)));
  return p;
}

test("dashboard loads with its figures, charts and map", async () => {
  const p = await page();
  await p.goto(`${base}/dashboard/42`);
  assert.equal(await p.locator("h1").innerText(), "Tỉnh Hà Tĩnh");
  assert.match(await p.locator(".headline").innerText(), /xã đạt chuẩn/);
  assert.ok(await p.locator("svg.map path").count() >= 60, "map drawn");
  assert.ok(await p.locator("svg.chart").count() >= 3, "charts drawn");
  assert.match(await p.locator(".demo").innerText(), /minh họa/);
  await p.screenshot({ path: `${shots}/dashboard-vi-1366.png`, fullPage: true });
  await p.context().close();
});

test("changing the date shows the old structure (districts, 182 communes)", async () => {
  const p = await page();
  await p.goto(`${base}/dashboard/42`);
  await p.fill("input[name=at]", "2024-12-31");
  await Promise.all([p.waitForURL(/at=2024-12-31/), p.click(".controls button[type=submit]")]);
  assert.match(await p.locator(".headline").innerText(), /\/182/);
  assert.match(await p.locator("main").innerText(), /Huyện Lộc Hà/);
  await p.context().close();
});

test("drill down: province -> commune -> indicator in two clicks", async () => {
  const p = await page();
  await p.goto(`${base}/dashboard/42?at=2024-12-31`);
  // Click 1: a lagging commune from "what is missing".
  const first = p.locator(".lagging a").first();
  const name = await first.innerText();
  await Promise.all([p.waitForURL(/\/commune\//), first.click()]);
  assert.equal(await p.locator("h1").innerText(), name);
  // Click 2: the first missing criterion jumps to its indicators.
  await p.locator(".missing a").first().click();
  const anchor = new URL(p.url()).hash;
  assert.ok(anchor.startsWith("#c-"), "jumped to a criterion");
  const rows = p.locator(`${anchor} tr`);
  assert.ok(await rows.count() >= 2, "indicator rows visible");
  assert.match(await p.locator(`${anchor}`).innerText(), /Chưa đạt|Chưa có số liệu|Chưa đặt ngưỡng/);
  await p.screenshot({ path: `${shots}/scorecard-vi-1366.png`, fullPage: true });
  await p.context().close();
});

test("language switch to English is remembered", async () => {
  const p = await page();
  await p.goto(`${base}/dashboard/42`);
  await Promise.all([p.waitForURL(/\/dashboard\/42/), p.click("a.lang")]);
  assert.match(await p.locator(".headline").innerText(), /communes meet the title/);
  await p.screenshot({ path: `${shots}/dashboard-en-1366.png`, fullPage: true });
  await p.goto(`${base}/commune/18580?at=2024-12-31`);
  assert.match(await p.locator("main").innerText(), /Commune scorecard/);
  await p.screenshot({ path: `${shots}/scorecard-en-1366.png`, fullPage: true });
  await p.click("a.lang");
  await p.waitForLoadState();
  assert.match(await p.locator("main").innerText(), /Phiếu đánh giá xã/);
  await p.context().close();
});

test("search without diacritics finds Lộc Hà", async () => {
  const p = await page(360);
  await p.goto(`${base}/`);
  await p.fill("#q", "loc ha");
  await Promise.all([p.waitForURL(/\/search\?q=/), p.press("#q", "Enter")]);
  const results = await p.locator(".results").innerText();
  assert.match(results, /Huyện Lộc Hà/);
  assert.match(results, /Xã Lộc Hà/);
  await p.context().close();
});

test("phone width: dashboard usable at 360 px", async () => {
  const p = await page(360);
  await p.goto(`${base}/dashboard/42`);
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 380, `no sideways scrolling of the page (scrollWidth ${width})`);
  await p.screenshot({ path: `${shots}/dashboard-vi-360.png`, fullPage: true });
  await p.context().close();
});

async function signIn(p, username) {
  await p.goto(`${base}/login`);
  await p.fill("#username", username);
  await p.fill("#password", "demo-ntm-2026");
  await Promise.all([p.waitForURL((u) => !u.pathname.startsWith("/login")), p.click("form[action='/login'] button")]);
}

test("the data loop: enter with evidence, submit, verify one, return one, see it, audit it", async () => {
  // The commune officer of Xã Sơn Tây enters two values and attaches a PDF.
  const xa = await page();
  await signIn(xa, "xa.sontay");
  await xa.goto(`${base}/entry`);
  assert.match(await xa.locator("h1").innerText(), /Xã Sơn Tây/);
  await xa.fill("#v-bhyt_pct", "93,7");
  await xa.fill("#v-thon_van_hoa_pct", "88");
  const pdf = `${shots}/evidence.pdf`;
  writeFileSync(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
  await xa.setInputFiles("input[name='f.bhyt_pct']", pdf);
  // Every field is prefilled with the last value, so nothing is left empty;
  // the officer checks the figures (old → new) before sending.
  await Promise.all([xa.waitForURL(/\/entry\/check/), xa.click("button[value=review]")]);
  const changed = await xa.locator("#c-bhyt_pct").innerText();
  assert.match(changed, /93,7/);
  assert.match(changed, /thay đổi/);
  assert.equal(await xa.locator("tr.changed#c-thon_van_hoa_pct").count(), 1, "the culture value is marked changed");
  await xa.screenshot({ path: `${shots}/entry-check-vi-1366.png`, fullPage: true });
  await Promise.all([xa.waitForURL(/saved=submit/), xa.click("form[action='/entry/confirm'] button")]);
  assert.match(await xa.locator(".ok-box").innerText(), /Đã gửi/);
  assert.match(await xa.locator("#f-bhyt_pct").innerText(), /evidence\.pdf/);
  await xa.screenshot({ path: `${shots}/entry-vi-1366.png`, fullPage: true });

  // The health department verifies BHYT and returns the village-culture value.
  const so = await page();
  await signIn(so, "so.yte");
  await so.goto(`${base}/verify`);
  const bhyt = so.locator("tbody tr", { hasText: "Xã Sơn Tây" }).filter({ hasText: "93,7" });
  assert.equal(await bhyt.count(), 1, "the submitted BHYT value is in the queue");
  await Promise.all([so.waitForURL(/done=verify/), bhyt.locator("button[value=verify]").click()]);
  const culture = so.locator("tbody tr", { hasText: "Xã Sơn Tây" }).filter({ hasText: "thôn đạt chuẩn văn hóa" });
  await culture.locator("input[name=comment]").fill("Thiếu biên bản công nhận thôn văn hóa");
  await Promise.all([so.waitForURL(/done=return/), culture.locator("button[value=return]").click()]);
  await so.screenshot({ path: `${shots}/verify-vi-1366.png`, fullPage: true });

  // The verified view of the scorecard shows the new value at once.
  await so.goto(`${base}/commune/18172?at=2026-06-30&view=verified`);
  assert.match(await so.locator("table.scorecard").innerText(), /93,7/);

  // The commune sees the returned value with the reason.
  await xa.goto(`${base}/entry`);
  assert.match(await xa.locator("#f-thon_van_hoa_pct").innerText(), /bị trả lại[\s\S]*Thiếu biên bản/);

  // The office's audit log holds every step.
  const vp = await page();
  await signIn(vp, "vanphong");
  await vp.goto(`${base}/audit?unit=18172`);
  const log = await vp.locator("table").innerText();
  for (const action of ["observation.submit", "evidence.add", "observation.verify", "observation.return"]) {
    assert.match(log, new RegExp(action.replace(".", "\\.")));
  }
  await vp.screenshot({ path: `${shots}/audit-vi-1366.png`, fullPage: true });
  for (const p of [xa, so, vp]) await p.context().close();
});

test("no console errors on any page", () => {
  assert.deepEqual(consoleErrors, []);
});
