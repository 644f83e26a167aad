// The four role walkthroughs, as each would use the demo: a visitor on a
// phone, a commune officer entering on a phone, a health department officer
// verifying, the office preparing the steering meeting. Each step asserts
// what the person needs to see; the screenshots (walk-*.png) are the ones in
// docs/screenshots and the README (`make screenshots` copies them).
import { test } from "node:test";
import assert from "node:assert/strict";
import { base, shots, consoleErrors, page, signIn, fitsTheScreen } from "./lib.mjs";

// The period in progress in Vietnam time (30/06 or 31/12): the commune's
// entry opens on it, the department filters on it.
const vn = new Date(Date.now() + 7 * 3600e3);
const period = `${vn.getUTCFullYear()}-${vn.getUTCMonth() < 6 ? "06-30" : "12-31"}`;
const periodShown = `${period.slice(8)}/${period.slice(5, 7)}/${period.slice(0, 4)}`;

test("walkthrough 1, a visitor on a phone: home, progress map, their commune, a news item", async () => {
  const p = await page(360);
  await p.goto(`${base}/`);
  assert.match(await p.locator(".headline").innerText(), /xã đạt chuẩn/);
  assert.match(await p.locator(".demo").innerText(), /minh họa/, "demo data says so");
  assert.equal(await fitsTheScreen(p, 360), "");
  await p.screenshot({ path: `${shots}/walk-visitor-1-home-360.png` });
  // The menu folds into one line; it opens to the public progress page.
  await p.click("details.menus > summary");
  await Promise.all([p.waitForURL(/\/tien-do/), p.click("nav.portal a[href='/tien-do']")]);
  assert.ok(await p.locator("svg.map path").count() >= 60, "the commune map is drawn");
  assert.equal(await fitsTheScreen(p, 360), "");
  await p.screenshot({ path: `${shots}/walk-visitor-2-progress-360.png` });
  // Their commune, found without diacritics: verified figures only.
  await p.fill("#q", "son tay");
  await Promise.all([p.waitForURL(/\/search\?q=/), p.press("#q", "Enter")]);
  await Promise.all([p.waitForURL(/\/commune\/18172/), p.locator("ul.results a", { hasText: "Xã Sơn Tây" }).first().click()]);
  assert.equal(await p.locator("h1").innerText(), "Xã Sơn Tây");
  assert.match(await p.locator("details.controls-box > summary").innerText(), /Chỉ số liệu đã thẩm định/);
  assert.equal(await fitsTheScreen(p, 360), "");
  await p.screenshot({ path: `${shots}/walk-visitor-3-commune-360.png` });
  // The newest news item from the home page.
  await p.goto(`${base}/`);
  const item = p.locator("section[aria-labelledby=h-tin-tuc] .news-list a").first();
  const title = await item.innerText();
  await Promise.all([p.waitForURL(/\/bai-viet\//), item.click()]);
  assert.equal(await p.locator("h1").innerText(), title);
  await p.context().close();
});

test("walkthrough 2, a commune officer on a phone: lands on entry, enters, checks, sends", async () => {
  const p = await page(360);
  await signIn(p, "xa.sontay");
  assert.equal(new URL(p.url()).pathname, "/entry", "lands on their entry");
  assert.match(await p.locator("p.asof").innerText(), new RegExp(`${periodShown} · .*kỳ đang diễn ra`));
  assert.equal(await fitsTheScreen(p, 360), "");
  await p.screenshot({ path: `${shots}/walk-commune-1-entry-360.png` });
  // Two health values of the period (criterion 5, verified by Sở Y tế).
  await p.fill("#v-bhyt_pct", "94,2");
  await p.fill("#v-thon_van_hoa_pct", "91");
  await Promise.all([p.waitForURL(/\/entry\/check/), p.click("button[value=review]")]);
  assert.match(await p.locator("#c-bhyt_pct").innerText(), /94,2/);
  assert.equal(await p.locator("tr.changed").count(), 2, "the two changes are marked");
  assert.equal(await fitsTheScreen(p, 360), "");
  await p.screenshot({ path: `${shots}/walk-commune-2-check-360.png`, fullPage: true });
  await Promise.all([p.waitForURL(/saved=submit/), p.click("form[action='/entry/confirm'] button")]);
  assert.match(await p.locator(".ok-box").innerText(), /Đã gửi/);
  assert.match(await p.locator("p.asof").innerText(), /đã gửi|chờ thẩm định/);
  await p.screenshot({ path: `${shots}/walk-commune-3-sent-360.png` });
  // What needs attention, from the folded menu.
  await p.click("details.menus > summary");
  await Promise.all([p.waitForURL(/\/notifications/), p.click("nav.work a[href='/notifications']")]);
  assert.match(await p.locator("h1").innerText(), /Việc cần chú ý/);
  assert.equal(await fitsTheScreen(p, 360), "");
  await p.context().close();
});

test("walkthrough 3, the health department: its queue, filtered, compared, verified together", async () => {
  const p = await page();
  await signIn(p, "so.yte");
  assert.equal(new URL(p.url()).pathname, "/verify", "lands on its queue");
  await p.selectOption("select[name=unit]", "18172");
  await p.selectOption("select[name=period]", period);
  await p.selectOption("select[name=criterion]", "5");
  await Promise.all([p.waitForURL(/criterion=5/), p.click("form.controls button")]);
  const rows = p.locator("tbody tr");
  assert.equal(await rows.count(), 2, "the commune's two health values of the period");
  const bhyt = await rows.filter({ hasText: "94,2" }).innerText();
  assert.match(bhyt, /Xã Sơn Tây/);
  assert.match(bhyt, /≥ ?95|>= ?95|95/, "the threshold beside the value");
  assert.match(bhyt, /Chưa đạt|Đạt/, "and whether it meets it");
  assert.match(bhyt, /Nguyễn Văn An \(minh họa\) \(xa\.sontay\)/, "the sender by name");
  await p.screenshot({ path: `${shots}/walk-department-1-queue-1366.png` });
  for (const box of await p.locator("tbody input[type=checkbox]").all()) await box.check();
  await Promise.all([p.waitForURL(/done=verify/), p.click("#batch button[value=verify]")]);
  assert.match(await p.locator(".ok-box").innerText(), /2/);
  assert.equal(await p.locator("tbody tr").count(), 0, "nothing left under the filter");
  await p.screenshot({ path: `${shots}/walk-department-2-verified-1366.png` });
  await p.context().close();
});

test("walkthrough 4, the office before the steering meeting: dashboard, briefing, report, audit", async () => {
  const p = await page();
  await signIn(p, "vanphong");
  assert.equal(new URL(p.url()).pathname, "/dashboard/42", "lands on the province dashboard");
  const marks = await p.locator("svg.chart.line .marker").allTextContents();
  assert.ok(marks.length >= 2, "the trend marks the merger and the new set");
  await p.screenshot({ path: `${shots}/walk-office-1-dashboard-1366.png` });
  // Before the meeting: who is behind, and why, by department.
  await p.goto(`${base}/briefing`);
  assert.match(await p.locator("h1").innerText(), /Trước cuộc họp/);
  await p.screenshot({ path: `${shots}/walk-office-2-briefing-1366.png` });
  // The progress report, as printed (Nghị định 30 header), and as Excel.
  await p.goto(`${base}/dashboard/42`);
  const report = p.locator("form[action^='/reports/progress/']");
  await Promise.all([p.waitForURL(/\/reports\/progress\/42/), report.locator("button").click()]);
  const text = await p.locator("body").innerText();
  for (const words of [/UBND TỈNH HÀ TĨNH/, /Số:\s+\/BC-VPĐP/, /Hà Tĩnh, ngày \d\d tháng \d\d năm/, /\nI\. Kết quả chung/])
    assert.ok(words.test(text), `the report has ${words}`);
  await p.emulateMedia({ media: "print" });
  await p.screenshot({ path: `${shots}/walk-office-3-report-print.png` });
  await p.emulateMedia({ media: "screen" });
  const xlsx = await p.request.get(`${base}/reports/progress/42?format=xlsx`);
  assert.equal(xlsx.status(), 200);
  assert.match(xlsx.headers()["content-type"], /spreadsheetml/);
  assert.equal((await xlsx.body()).subarray(0, 2).toString(), "PK");
  // The audit log: the department's two verifications, one row per value, by name.
  await p.goto(`${base}/audit?unit=18172&criterion=5&period=${period}&action=observation.verify`);
  const log = await p.locator("tbody").innerText();
  assert.equal(await p.locator("tbody tr").count(), 2, log);
  assert.match(log, /Lê Văn Hùng \(minh họa\) \(so\.yte\)/);
  assert.match(log, /đã gửi → đã thẩm định/);
  await p.screenshot({ path: `${shots}/walk-office-4-audit-1366.png` });
  await p.context().close();
});

test("walkthroughs: no console errors", () => {
  assert.deepEqual(consoleErrors, []);
});
