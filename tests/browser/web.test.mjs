// Browser tests in Debian's headless Chromium, driven by playwright-core.
// Needs NTM_URL (a server on the demo database) and NTM_ARTIFACTS (screenshots).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { base, shots, consoleErrors, page, signIn, theBrowser, fitsTheScreen } from "./lib.mjs";

test("dashboard loads with its figures, charts and map", async () => {
  const p = await page();
  await p.goto(`${base}/dashboard/42`);
  assert.equal(await p.locator("h1").innerText(), "Tỉnh Hà Tĩnh");
  assert.match(await p.locator(".headline").innerText(), /xã đạt chuẩn/);
  assert.ok(await p.locator("svg.map path").count() >= 60, "map drawn");
  assert.ok(await p.locator("svg.chart").count() >= 3, "charts drawn");
  assert.match(await p.locator(".demo").innerText(), /minh họa/);
  // The trend marks the July 2025 merger and the change of criteria set
  // instead of drawing a collapse; subtitles name sets in words.
  const marks = await p.locator("svg.chart.line .marker").allTextContents();
  assert.ok(marks.some((m) => /Sắp xếp đơn vị hành chính, số xã: 182 → 60/.test(m)), marks.join(" | "));
  assert.ok(marks.some((m) => /Bộ tiêu chí mới/.test(m)), marks.join(" | "));
  assert.doesNotMatch(await p.locator("figure.panel figcaption").first().innerText(), /ntm-xa/);
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
  const results = await p.locator("main").innerText();
  assert.match(results, /Huyện Lộc Hà/);
  assert.match(results, /Xã Lộc Hà/);
  await p.context().close();
});

test("portal: a reader goes home -> article -> older item -> search, and sees the progress map", async () => {
  const p = await page(360);
  await p.goto(`${base}/`);
  assert.match(await p.locator("h1").innerText(), /Cổng thông tin/);
  assert.match(await p.locator(".headline").innerText(), /xã đạt chuẩn/);
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 380, `no sideways scrolling of the home page (scrollWidth ${width})`);
  await p.screenshot({ path: `${shots}/portal-home-vi-360.png`, fullPage: true });
  // The newest news item, then the one before it from "Những tin cũ hơn".
  const newest = p.locator("section[aria-labelledby=h-tin-tuc] .news-list a").first();
  const newestTitle = await newest.innerText();
  await Promise.all([p.waitForURL(/\/bai-viet\//), newest.click()]);
  assert.equal(await p.locator("h1").innerText(), newestTitle);
  const older = p.locator("section[aria-labelledby=h-older] a").first();
  const olderTitle = await older.innerText();
  const from = new URL(p.url()).pathname;
  await Promise.all([p.waitForURL((u) => u.pathname !== from), older.click()]);
  assert.equal(await p.locator("h1").innerText(), olderTitle);
  assert.match(olderTitle, /Lộc Hà/);
  // ... whose "newer" list leads back, and which names its directive.
  assert.equal(await p.locator("section[aria-labelledby=h-newer] a").first().innerText(), newestTitle);
  assert.match(await p.locator("main").innerText(), /Văn bản chỉ đạo liên quan: Họp Ban Chỉ đạo/);
  assert.ok(await p.locator("link[rel=canonical]").count() === 1, "canonical link");
  assert.ok(await p.locator("meta[property='og:title']").count() === 1, "Open Graph title");
  await p.screenshot({ path: `${shots}/portal-article-vi-360.png`, fullPage: true });
  // Search without diacritics finds the write-up, with the words marked.
  await p.fill("#q", "hop ban chi dao loc ha");
  await Promise.all([p.waitForURL(/\/search\?q=/), p.press("#q", "Enter")]);
  const hit = p.locator("ol.results li a").first();
  assert.match(await hit.innerText(), /Lộc Hà/);
  assert.ok(await p.locator("ol.results mark").count() >= 3, "matches highlighted");
  await p.screenshot({ path: `${shots}/portal-search-vi-360.png`, fullPage: true });
  await Promise.all([p.waitForURL(/\/bai-viet\//), hit.click()]);
  await p.context().close();
  // The public progress page: figures and the commune map.
  const w = await page();
  await w.goto(`${base}/tien-do`);
  assert.match(await w.locator(".headline").innerText(), /\/60/);
  assert.ok(await w.locator("svg.map path").count() >= 60, "map drawn");
  await w.screenshot({ path: `${shots}/portal-progress-vi-1366.png`, fullPage: true });
  await w.goto(`${base}/`);
  await w.screenshot({ path: `${shots}/portal-home-vi-1366.png`, fullPage: true });
  await w.context().close();
});

test("a merged commune shows its constituents and its status computed from them", async () => {
  const p = await page();
  await p.goto(`${base}/commune/18568`);
  const section = await p.locator("#danh-gia-lai").innerText();
  assert.match(section, /\d+\/3 xã cũ đạt chuẩn → tính cho xã mới tại ngày 01\/07\/2025: \d+\/19 tiêu chí đạt/);
  assert.match(section, /Xã Thạch Kim/);
  assert.match(section, /phải đo lại/);
  await p.locator("#danh-gia-lai").screenshot({ path: `${shots}/reassess-vi-1366.png` });
  await p.context().close();
});

test("2026-2030: the office enters a QĐ 51 threshold in a new version and the commune's status changes", async () => {
  const p = await page();
  await signIn(p, "vanphong");
  // Under the official 2026-2030 set, whose annex is not entered yet, criterion 5 is unknown.
  await p.goto(`${base}/commune/18568?set=ntm-xa-2026-2030`);
  assert.match(await p.locator("#c-5").innerText(), /chưa có chỉ tiêu/);
  // Groups: the commune has one, shown with the official definitions.
  await p.goto(`${base}/commune-groups`);
  assert.match(await p.locator("#cg-def").locator("xpath=..").innerText(), /khu vực II và xã khu vực III/);
  assert.match(await p.locator("#xa-18568").innerText(), /Nhóm [123]/);
  // A new version of the set, with BHYT thresholds by group.
  await p.goto(`${base}/criteria-sets`);
  const row = p.locator("#set-ntm-xa-2026-2030");
  await row.locator("input[name=id]").fill("ntm-xa-2026-2030-bhyt");
  await Promise.all([p.waitForURL(/\/criteria-sets\/drafts\/ntm-xa-2026-2030-bhyt/), row.locator("button[type=submit]").click()]);
  const form = p.locator("#i-5-new");
  await form.locator("summary").click();
  await form.locator("input[name=code]").fill("5.1");
  await form.locator("input[name=name_vi]").fill("Tỷ lệ người dân tham gia bảo hiểm y tế");
  await form.locator("input[name=measure]").fill("bhyt_pct");
  await form.locator("select[name=op]").selectOption(">=");
  await form.locator("input[name='t.1']").fill("95");
  await form.locator("input[name='t.2']").fill("95");
  await form.locator("input[name='t.3']").fill("2026: 85; 2028: 90");
  await form.locator("input[name=source]").fill("QĐ 51/2025/QĐ-TTg, Phụ lục I (nhập thử)");
  await Promise.all([p.waitForURL(/saved=1/), form.locator("button[type=submit]").click()]);
  assert.match(await p.locator("#thay-doi + .table-scroll, #thay-doi ~ .table-scroll").first().innerText(), /Thêm\s+5\s+5\.1/);
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.screenshot({ path: `${shots}/criteria-editor-vi-1366.png`, fullPage: false });
  const today = new Date().toISOString().slice(0, 10);
  await p.fill("input[name=from]", today);
  await Promise.all([p.waitForURL(/published=/), p.click("form[action$='/publish'] button")]);
  assert.match(await p.locator(".ok-box").innerText(), /ntm-xa-2026-2030-bhyt/);
  // The commune's criterion 5 is now assessed against the threshold of its group.
  await p.goto(`${base}/commune/18568?set=ntm-xa-2026-2030-bhyt`);
  const c5 = await p.locator("#c-5").innerText();
  assert.doesNotMatch(c5, /chưa có chỉ tiêu/);
  assert.match(c5.split("\n")[0], /✓ Đạt|✗ Chưa đạt/);
  assert.match(c5, /QĐ 51\/2025\/QĐ-TTg, Phụ lục I \(nhập thử\)/);
  await p.locator("#c-5").screenshot({ path: `${shots}/criteria-editor-after-vi-1366.png` });
  // The transition report counts communes recognised before and where they stand now.
  await p.goto(`${base}/reports/transition/42`);
  assert.match(await p.locator("body").innerText(), /BÁO CÁO CHUYỂN TIẾP BỘ TIÊU CHÍ/);
  await p.context().close();
});

test("phone width: dashboard usable at 360 px, its figures on the first screen", async () => {
  const p = await page(360);
  await p.goto(`${base}/dashboard/42`);
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 380, `no sideways scrolling of the page (scrollWidth ${width})`);
  // Menus and pickers fold into one line each; the headline figure shows
  // within the first 640 px (a small phone's screen).
  assert.equal(await p.locator("nav.portal").isVisible(), false, "the menu is folded");
  const top = await p.locator(".headline .big").first().evaluate((e) => e.getBoundingClientRect().bottom);
  assert.ok(top < 640, `the first figure ends ${top} px down`);
  await p.click("details.menus > summary");
  assert.equal(await p.locator("nav.portal").isVisible(), true, "the menu opens");
  await p.screenshot({ path: `${shots}/dashboard-vi-360.png`, fullPage: true });
  await p.context().close();
});


test("the data loop: enter with evidence, submit, verify one, return one, see it, audit it", async () => {
  // The commune officer of Xã Sơn Tây enters two values and attaches a PDF.
  const xa = await page();
  await signIn(xa, "xa.sontay");
  // The entry opens on the reporting period in progress (30/06 or 31/12 in
  // Vietnam time), its state beside it.
  const t = new Date(Date.now() + 7 * 3600e3);
  const half = t.getUTCMonth() < 6 ? "30/06" : "31/12";
  await xa.goto(`${base}/entry`);
  assert.match(await xa.locator("h1").innerText(), /Xã Sơn Tây/);
  assert.match(await xa.locator("p.asof").innerText(), new RegExp(`${half}/${t.getUTCFullYear()} · .*kỳ đang diễn ra`));
  // The loop below works on 30/06/2026, chosen in the list of periods.
  await Promise.all([xa.waitForURL(/period=2026-06-30/), xa.selectOption("select[name=period]", "2026-06-30").then(() => xa.click("form.controls button"))]);
  assert.match(await xa.locator("p.asof").innerText(), /30\/06\/2026/);
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
  await xa.goto(`${base}/entry?period=2026-06-30`);
  assert.match(await xa.locator("#f-thon_van_hoa_pct").innerText(), /bị trả lại[\s\S]*Thiếu biên bản/);
  assert.match(await xa.locator("p.asof").innerText(), /có số liệu bị trả lại/);
  // ... and among what needs attention, by the value's name, not its code.
  await xa.goto(`${base}/notifications`);
  const told = await xa.locator("main").innerText();
  assert.match(told, /Bị trả lại · .*văn hóa — Thiếu biên bản/);
  assert.doesNotMatch(told, /thon_van_hoa_pct/);

  // The office's audit log holds every step, in Vietnamese.
  const vp = await page();
  await signIn(vp, "vanphong");
  await vp.goto(`${base}/audit?unit=18172`);
  const log = await vp.locator("table").innerText();
  for (const action of ["Gửi số liệu", "Thêm minh chứng", "Thẩm định số liệu", "Trả lại số liệu"]) {
    assert.ok(log.includes(action), action);
  }
  assert.ok(!/observation\./.test(log), "no action codes");
  await vp.screenshot({ path: `${shots}/audit-vi-1366.png`, fullPage: true });
  for (const p of [xa, so, vp]) await p.context().close();
});

test("coordination: before the meeting, an owner updates a work item, the office records a meeting", async () => {
  // A steering member opens "before the meeting" for the province.
  const bcd = await page();
  await signIn(bcd, "bcd.thanhvien");
  await bcd.goto(`${base}/briefing`);
  assert.match(await bcd.locator("h1").innerText(), /Trước cuộc họp: Tỉnh Hà Tĩnh/);
  const behind = bcd.locator("table.briefing tbody tr", { hasText: "Chậm tiến độ" });
  assert.ok((await behind.count()) > 0, "communes behind plan are listed");
  const first = await behind.first().innerText();
  assert.match(first, /— (SXD|SNNMT|SNV|SYT|SKHCN|CA)/, "each gap names its department");
  assert.ok((await bcd.locator("section", { hasText: "Kết luận chưa hoàn thành" }).locator("li").count()) > 0);
  await bcd.screenshot({ path: `${shots}/briefing-vi-1366.png`, fullPage: false });
  await bcd.emulateMedia({ media: "print" });
  assert.equal(await bcd.locator("nav.work").isVisible(), false, "navigation is not printed");
  await bcd.emulateMedia({ media: "screen" });

  // The commune officer of Xã Sơn Tây updates its own overdue work item.
  const xa = await page();
  await signIn(xa, "xa.sontay");
  assert.ok(Number(await xa.locator("nav.work .count").innerText()) > 0, "the badge counts what needs attention");
  await xa.goto(`${base}/notifications`);
  assert.match(await xa.locator("main").innerText(), /Quá hạn[\s\S]*khu dân cư kiểu mẫu/);
  await xa.goto(`${base}/work`);
  const mine = xa.locator("tbody tr", { hasText: "khu dân cư kiểu mẫu thôn Trung Lộc" });
  assert.match(await mine.innerText(), /của tôi/);
  await Promise.all([xa.waitForURL(/\/work\/\d+$/), mine.locator("a").first().click()]);
  await xa.selectOption("select[name=status]", "done");
  await xa.fill("input[name=spent]", "1.150.000.000");
  await xa.fill("textarea[name=note]", "Đã nghiệm thu");
  await Promise.all([xa.waitForURL(/saved=1/), xa.click("form.grid-form button[type=submit]")]);
  const facts = await xa.locator("dl.facts").innerText();
  assert.match(facts, /Hoàn thành · 100%/);
  assert.match(facts, /1\.150\.000\.000 đ/);
  assert.match(await xa.locator("table").innerText(), /Đã nghiệm thu/);  // in the item's history

  // The office records a meeting with two conclusions and follows them up.
  const vp = await page();
  await signIn(vp, "vanphong");
  await vp.goto(`${base}/meetings`);
  await vp.fill("input[name=chair]", "Phó Chủ tịch UBND tỉnh");
  await vp.fill("input[name=title]", "Họp Ban Chỉ đạo tháng 11");
  await Promise.all([vp.waitForURL(/\/meetings\/\d+$/), vp.click("form[action='/meetings'] button")]);
  const conclude = async (text, owner) => {
    await vp.fill("textarea[name=text]", text);
    await vp.selectOption("select[name=owner]", owner);
    await vp.fill("input[name=deadline]", "2026-12-31");
    await Promise.all([vp.waitForURL(/saved=1/), vp.click("form[action$='/conclusions'] button")]);
  };
  await conclude("Sở Y tế hoàn thành nâng cấp trạm y tế các xã chậm tiến độ", "department:SYT");
  await conclude("Các đơn vị đỡ đầu báo cáo hỗ trợ quý IV", "sponsor:STC");
  assert.equal(await vp.locator("ol.conclusions > li").count(), 2);
  await vp.goto(`${base}/briefing`);
  const open = await vp.locator("section", { hasText: "Kết luận chưa hoàn thành" }).innerText();
  assert.match(open, /trạm y tế các xã chậm tiến độ/);
  assert.match(open, /báo cáo hỗ trợ quý IV/);
  // The health department sees the directive assigned to it.
  const so = await page();
  await signIn(so, "so.yte");
  await so.goto(`${base}/notifications`);
  assert.match(await so.locator("main").innerText(), /Kết luận được giao[\s\S]*trạm y tế các xã chậm tiến độ/);
  for (const p of [bcd, xa, vp, so]) await p.context().close();
});

// axe-core over the main pages of each role, on a desktop and on a phone: no
// critical, serious or moderate violation (axe's own rules, WCAG 2.1 AA and
// best practice). The page's CSP forbids injected scripts, so only these
// contexts bypass it.
const axeSource = readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const axePages = [
  [null, ["/", "/tien-do", "/search?q=loc+ha", "/dashboard/42", "/dashboard/42?at=2024-12-31",
    "/commune/18172", "/commune/18568", "/criterion/ntm-xa-minh-hoa-2026-2030/3?parent=42", "/login", "/chuyen-muc/tin-tuc"]],
  ["xa.sontay", ["/entry", "/entry/check?period=2026-06-30", "/notifications", "/work"]],
  ["so.yte", ["/verify", "/notifications"]],
  ["vanphong", ["/dashboard/42", "/plan/18172", "/audit", "/briefing", "/meetings", "/reports/progress/42", "/criteria-sets", "/users"]],
];
// On a phone the layout differs (folded menus and pickers): the pages of each role's first screen.
const axePhonePages = [[null, ["/", "/dashboard/42"]], ["xa.sontay", ["/entry"]], ["so.yte", ["/verify"]],
  ["vanphong", ["/audit", "/briefing"]]];
for (const [width, pages] of [[1366, axePages], [360, axePhonePages]]) {
  test(`axe: no serious or critical accessibility violation on the main pages (${width} px)`, async () => {
    const found = [];
    for (const [user, paths] of pages) {
      const context = await theBrowser().newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const p = await context.newPage();
      if (user) await signIn(p, user);
      for (const path of paths) {
        const response = await p.goto(`${base}${path}`);
        assert.ok(response.ok(), `${path}: ${response.status()}`);
        await p.addScriptTag({ content: axeSource });
        const violations = await p.evaluate(async () =>
          (await window.axe.run(document, { resultTypes: ["violations"] })).violations.map((v) =>
            `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`));
        for (const v of violations) if (!v.startsWith("minor")) found.push(`${user ?? "visitor"} ${path} ${v}`);
      }
      await context.close();
    }
    assert.deepEqual(found, []);
  });
}

test("no console errors on any page", () => {
  assert.deepEqual(consoleErrors, []);
});

test("signed in on a 360 px phone: every page fits the screen and every action button is on it", async () => {
  const problems = [];
  for (const [user, paths] of [
    ["xa.sontay", ["/entry", "/entry/check?period=2026-06-30", "/account", "/notifications", "/work"]],
    ["so.yte", ["/verify", "/notifications", "/reports/department/SYT"]],
    ["vanphong", ["/dashboard/42", "/plan/18172", "/audit", "/briefing?unit=42", "/work", "/work/1", "/meetings", "/meetings/1",
      "/sponsors", "/responsibilities", "/criteria-sets", "/commune-groups", "/articles", "/users", "/departments"]],
    ["bcd.thanhvien", ["/briefing"]]]) {
    const p = await page(360);
    await signIn(p, user);
    for (const path of paths) {
      const response = await p.goto(`${base}${path}`);
      assert.ok(response.ok(), `${user} ${path}: ${response.status()}`);
      // The menus, opened, wrap within the screen too (report documents have none).
      if (await p.locator("details.menus > summary").count()) await p.click("details.menus > summary");
      const nav = await p.evaluate(() => document.querySelector("nav.work")?.scrollWidth ?? 0);
      assert.ok(nav <= 360, `${user} ${path}: the work menu is ${nav} px wide`);
      const problem = await fitsTheScreen(p, 360, "main button, main input[type=submit]");
      if (problem) problems.push(`${user} ${problem}`);
    }
    if (user === "xa.sontay") {
      await p.goto(`${base}/entry`);
      await p.screenshot({ path: `${shots}/signed-in-commune-vi-360.png`, fullPage: false });
    }
    await p.context().close();
  }
  assert.deepEqual(problems, []);
});
