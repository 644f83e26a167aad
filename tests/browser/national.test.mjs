// One server for the whole country (ntm demo --national, a sample of the
// communes): the central office reads the national map and a province's
// dashboard but not its entry or verification pages; two provinces' offices
// never see each other's drafts, accounts or log.
import { test } from "node:test";
import assert from "node:assert/strict";
import { shots, page, signIn } from "./lib.mjs";

const nat = process.env.NTM_NATIONAL_URL;

test("national: the central office opens the country map, clicks a province, sees its dashboard, not its entry or verification", async () => {
  const p = await page();
  await signIn(p, "trunguong", nat);
  await p.goto(`${nat}/`);
  assert.match(await p.locator("#h-national").textContent(), /34 tỉnh/);
  assert.equal(await p.locator("svg.map path").count(), 34);
  assert.equal(await p.locator("#provinces tbody tr").count(), 34);
  await p.screenshot({ path: `${shots}/national-home.png`, fullPage: true });
  // Before 1 July 2025: the 63 provinces, a table and no map (said on the page).
  await p.goto(`${nat}/?at=2024-12-31`);
  assert.equal(await p.locator("#provinces tbody tr").count(), 63);
  assert.equal(await p.locator("svg.map").count(), 0);
  assert.match(await p.locator("#h-national").locator("..").textContent(), /Chưa có ranh giới/);
  // One click on the map to a province.
  await p.goto(`${nat}/`);
  await Promise.all([p.waitForURL(/\/dashboard\/42/), p.locator('svg.map a[href^="/dashboard/42"]').click()]);
  assert.match(await p.locator("h1").textContent(), /Hà Tĩnh/);
  await p.screenshot({ path: `${shots}/national-province.png` });
  const commune = await p.locator("table a[href^='/commune/']").first().getAttribute("href");
  const code = commune.match(/\/commune\/(\d+)/)[1];
  assert.equal((await p.goto(`${nat}/entry?unit=${code}`)).status(), 403);
  assert.equal((await p.goto(`${nat}/verify`)).status(), 403);
  // The CSV of the table answers with every province.
  const csv = await p.request.get(`${nat}/toan-quoc.csv`);
  assert.equal((await csv.text()).trim().split("\n").length, 1 + 34 + 1);
  await p.context().close();
});

test("national: Hà Tĩnh's office cannot see Nghệ An's draft article, account or log by URL, list, search or export", async () => {
  const na = await page();
  await signIn(na, "vanphong.nghean", nat);
  await na.goto(`${nat}/articles`);
  await na.fill("input[name=title]", "Dự thảo kế hoạch Nghệ An 2027");
  await Promise.all([na.waitForURL(/\/articles\/\d+/), na.click("form[action='/articles'] button[type=submit]")]);
  const draft = new URL(na.url()).pathname;
  await na.context().close();

  const ht = await page();
  await signIn(ht, "vanphong.hatinh", nat);
  assert.equal((await ht.goto(`${nat}${draft}`)).status(), 404);
  for (const [path, secret] of [
    ["/articles", "Dự thảo kế hoạch Nghệ An"],
    ["/search?q=du+thao+ke+hoach+nghe+an", "Dự thảo kế hoạch Nghệ An"],
    ["/users", "vanphong.nghean"],
    ["/audit", "vanphong.nghean"],
  ]) {
    await ht.goto(`${nat}${path}`);
    assert.ok(!(await ht.content()).includes(secret), `${path} shows ${secret}`);
  }
  const exported = await ht.request.get(`${nat}/audit?format=csv`);
  assert.ok(!(await exported.text()).includes("Nghệ An 2027"), "the audit export");
  // Its own province's accounts it does see.
  await ht.goto(`${nat}/users`);
  assert.ok((await ht.content()).includes("so.yte.hatinh"));
  await ht.context().close();
});

test("national: a visitor goes from the country's progress to a province's portal and stays in it", async () => {
  const p = await page();
  await p.goto(`${nat}/tien-do`);
  assert.match(await p.locator("h1").textContent(), /cả nước/);
  assert.equal(await p.locator("#provinces tbody tr").count(), 34);
  await Promise.all([p.waitForURL(/\/tinh\/42$/), p.locator('#provinces tr[data-code="42"] a[href="/tinh/42"]').click()]);
  // The menu, the search box and the progress link belong to Hà Tĩnh's portal.
  assert.match(await p.locator("nav.portal").textContent(), /Hà Tĩnh/);
  await Promise.all([p.waitForURL(/\/tinh\/42\/chuyen-muc\/thong-bao$/), p.locator('nav.portal a[href$="/thong-bao"]').first().click()]);
  await p.fill("header form.search input[name=q]", "Hà Tĩnh");
  await Promise.all([p.waitForURL(/\/tinh\/42\/search\?q=/), p.press("header form.search input[name=q]", "Enter")]);
  assert.match(await p.locator("main").textContent(), /Tìm trong cổng thông tin của .*Hà Tĩnh/);
  await Promise.all([p.waitForURL(/\/tinh\/42\/tien-do$/), p.locator('nav.portal a[href="/tinh/42/tien-do"]').click()]);
  assert.match(await p.locator("h1").textContent(), /Hà Tĩnh/);
  await p.screenshot({ path: `${shots}/national-province-portal.png` });
  await p.context().close();
});
