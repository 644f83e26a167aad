// Recognition on the demo, in the browser: Xã Lộc Hà's commune officer opens
// a dossier (its verified data meets the title at the end of 2025), records
// the postings, the survey and the declarations, uploads the documents and
// submits; the health department appraises its criterion; the office
// appraises the rest, records the council's vote and the decision; the
// commune is announced on the portal and shown as recognised beside its
// computed standing; and the recognised commune that slipped in 2024 is
// listed on the dashboard as liable to revocation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { base, shots, page, signIn } from "./lib.mjs";

async function submitForm(p, form) {
  // The answer may have the same address as the page (…?saved=1): wait for the load itself.
  await Promise.all([p.waitForNavigation({ waitUntil: "load" }), form.locator("button").first().click()]);
  assert.equal(await p.locator(".error-summary").count(), 0, await p.locator(".error-summary").allInnerTexts().then((t) => t.join()));
}

test("recognition: from the commune's dossier to the chairman's decision, announced on the portal", async () => {
  const pdf = `${shots}/tai-lieu.pdf`;
  writeFileSync(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
  const xa = await page(390);
  await signIn(xa, "xa.locha");
  await xa.goto(`${base}/dossiers`);
  await xa.fill("input[name=year]", "2025");
  await xa.fill("input[name=at]", "2025-12-31");
  await Promise.all([xa.waitForURL(/\/dossiers\/\d+$/), xa.click("form[action='/dossiers'] button")]);
  const dossier = new URL(xa.url()).pathname;
  assert.match(await xa.locator("h1").innerText(), /Lộc Hà/);
  // Five postings within 15 days.
  for (const day of ["05", "07", "09", "12", "15"]) {
    await xa.fill("form[action$='/postings'] input[name=place]", "Nhà văn hóa thôn " + day);
    await xa.fill("form[action$='/postings'] input[name=date]", `2026-01-${day}`);
    await submitForm(xa, xa.locator("form[action$='/postings']"));
  }
  await xa.fill("textarea[name=rows]", "Thôn Trung Hải, 120, 110, 104, 99\nThôn Bắc Hải, 80, 72, 70, 66");
  await submitForm(xa, xa.locator("form[action$='/survey']"));
  for (const condition of ["no_debt", "security"]) {
    const form = xa.locator(`form[action$='/declarations']:has(input[value='${condition}'])`);
    await form.locator("input[name=holds]").check();
    await submitForm(xa, form);
  }
  const documents = await xa.locator("form[action$='/files'] select[name=document] option").evaluateAll((os) => os.map((o) => o.value));
  assert.ok(documents.length >= 5, documents.join());
  for (const d of documents) {
    await xa.selectOption("form[action$='/files'] select[name=document]", d);
    await xa.setInputFiles("form[action$='/files'] input[type=file]", pdf);
    await submitForm(xa, xa.locator("form[action$='/files']"));
  }
  assert.equal(await xa.locator(".st.not_met").count(), 0, "nothing is missing");
  await xa.screenshot({ path: `${shots}/dossier-commune-390.png`, fullPage: true });
  await submitForm(xa, xa.locator("form[action$='/submit']"));
  assert.match(await xa.locator("ol.steps li.current").innerText(), /Sở, ngành thẩm định/);
  await xa.context().close();

  // The health department appraises its criterion (15, health) only.
  const syt = await page();
  await signIn(syt, "so.yte");
  await syt.goto(`${base}${dossier}`);
  const mine = syt.locator("form[action$='/appraisal']");
  assert.equal(await mine.count(), 1);
  assert.equal(await mine.locator("input[name=criterion]").inputValue(), "15");
  await submitForm(syt, mine);
  await syt.context().close();

  // The office appraises the rest, records the vote and the decision.
  const vp = await page();
  await signIn(vp, "vanphong");
  await vp.goto(`${base}${dossier}`);
  while (await vp.locator("form[action$='/appraisal']").count()) {
    await submitForm(vp, vp.locator("form[action$='/appraisal']").first());
  }
  assert.match(await vp.locator("ol.steps li.current").innerText(), /Hội đồng/);
  await vp.fill("form[action$='/vote'] input[name=members]", "9");
  await vp.fill("form[action$='/vote'] input[name=present]", "8");
  await vp.fill("form[action$='/vote'] input[name=agree]", "8");
  await submitForm(vp, vp.locator("form[action$='/vote']"));
  await vp.fill("form[action$='/decision'] input[name=number]", "15/QĐ-UBND");
  await vp.fill("form[action$='/decision'] input[name=date]", "2026-02-02");
  await vp.fill("form[action$='/decision'] input[name=signer]", "Chủ tịch UBND tỉnh");
  await vp.setInputFiles("form[action$='/decision'] input[type=file]", pdf);
  await submitForm(vp, vp.locator("form[action$='/decision']"));
  assert.match(await vp.locator("main").innerText(), /Đã công nhận — QĐ số 15\/QĐ-UBND ngày 02\/02\/2026/);
  await vp.screenshot({ path: `${shots}/dossier-decided.png`, fullPage: true });
  // The recognised commune that slipped in 2024 is listed for revocation.
  await vp.goto(`${base}/dashboard/42?at=2024-12-31`);
  assert.match(await vp.locator("#giu-chuan").innerText(), /Thuộc diện thu hồi\s+Xã Thạch Trung/);
  // The archive: one ZIP with its cover and the uploaded documents.
  const zip = await vp.request.get(`${base}${dossier}/export.zip`);
  assert.equal(zip.status(), 200);
  assert.equal((await zip.body()).subarray(0, 2).toString(), "PK");
  // From the upkeep list the office opens the revocation dossier and
  // proposes it; the departments are asked to confirm the failing criteria.
  await vp.goto(`${base}/dashboard/42?at=2024-12-31`);
  await vp.locator("#giu-chuan a", { hasText: "Mở hồ sơ thu hồi" }).first().click();
  await submitForm(vp, vp.locator("form[action='/dossiers/revocations']"));
  assert.match(await vp.locator("h1").innerText(), /Hồ sơ thu hồi quyết định công nhận — .*Xã Thạch Trung/);
  assert.match(await vp.locator("main").innerText(), /Thuộc diện thu hồi theo quy định/);
  await submitForm(vp, vp.locator("form[action$='/submit']"));
  assert.match(await vp.locator("ol.steps li.current").innerText(), /xác nhận tiêu chí không đạt/);
  assert.ok((await vp.locator("form[action$='/appraisal']").count()) >= 3, "the failing criteria");
  await vp.screenshot({ path: `${shots}/revocation-dossier.png`, fullPage: true });
  await vp.context().close();

  // A visitor: the portal's list, and the commune's two standings.
  const visitor = await page();
  await visitor.goto(`${base}/cong-nhan`);
  assert.match(await visitor.locator("main").innerText(), /Xã Lộc Hà[\s\S]*15\/QĐ-UBND/);
  await visitor.goto(`${base}/commune/18568?at=2026-02-10`);
  const standing = await visitor.locator(".headline").innerText();
  assert.match(standing, /theo số liệu/);
  assert.match(standing, /Đã công nhận 2025 — QĐ số 15\/QĐ-UBND ngày 02\/02\/2026/);
  await visitor.goto(`${base}/dashboard/42?at=2026-02-10`);
  assert.match(await visitor.locator(".figure.recognised").innerText(), /xã đã được công nhận/);
  await visitor.context().close();
});
