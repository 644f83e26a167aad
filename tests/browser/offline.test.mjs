// Offline entry (issue: data entry that survives no signal): Xã Sơn Tây's
// officer on a 360 px phone opens the entry page online once, loses the
// network, enters three values, closes and reopens the page, comes back
// online, and the values arrive once, submitted for verification.
import { test } from "node:test";
import assert from "node:assert/strict";
import { base, page, shots, signIn } from "./lib.mjs";

const period = "2025-12-31";

// The page's requests and the service worker's both fail, as with no signal.
async function offline(context, on) {
  const cut = (route) => (route.request().serviceWorker() ? route.abort("internetdisconnected") : route.continue());
  if (on) {
    await context.setOffline(true);
    await context.route("**", cut);
  } else {
    await context.unrouteAll();
    await context.setOffline(false);
  }
}

test("offline entry: three values typed with no network arrive once when it returns", async () => {
  const p = await page(360, { serviceWorkers: "allow" });
  const context = p.context();
  await signIn(p, "xa.sontay");
  await p.goto(`${base}/entry?period=${period}`);
  await p.evaluate(() => navigator.serviceWorker.ready);
  await p.reload();  // now through the worker: the page is kept on the phone
  await p.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith("ntm-pages-")));
  assert.match(await p.locator(".net").innerText(), /Đã kết nối/);
  const fields = p.locator("form.entry input[data-kind='percent']");
  const measures = [];
  for (let i = 0; i < 3; ++i) measures.push((await fields.nth(i).getAttribute("name")).slice(2));

  await offline(context, true);
  await p.goto(`${base}/entry?period=${period}`);  // from the phone, no network
  assert.match(await p.locator(".net").innerText(), /ngoại tuyến/);
  await assert.rejects(p.evaluate(() => fetch("/api/v1/health")), "the server is out of reach");
  const typed = ["91,5", "72", "64,25"];
  for (let i = 0; i < 3; ++i) await p.fill(`#v-${measures[i]}`, typed[i]);
  await p.click("button[value=draft]");
  await p.waitForSelector("#offline-queue .queue-item.waiting");
  assert.match(await p.locator("#offline-queue").innerText(), /3 giá trị · đang chờ gửi/);
  await p.locator("#offline-queue").scrollIntoViewIfNeeded();
  await p.screenshot({ path: `${shots}/offline-queued-360.png` });
  // Closed and opened again, still with no network: the queue is kept.
  await p.close();
  const again = await context.newPage();
  await again.goto(`${base}/entry?period=${period}`);
  await again.waitForSelector("#offline-queue .queue-item.waiting");  // read from IndexedDB
  assert.match(await again.locator("#offline-queue").innerText(), /3 giá trị · đang chờ gửi/);

  // The network returns: the item is sent once, the page shows it submitted.
  await offline(context, false);
  await Promise.all([again.waitForEvent("load"), again.evaluate(() => window.dispatchEvent(new Event("online")))]);
  await again.waitForSelector("#offline-queue .queue-item.sent");
  for (let i = 0; i < 3; ++i) {
    assert.match(await again.locator(`#f-${measures[i]}`).innerText(), /đã gửi/, measures[i]);
  }
  assert.equal(await again.inputValue(`#v-${measures[0]}`), "91,5");
  await again.locator("#offline-queue").scrollIntoViewIfNeeded();
  await again.screenshot({ path: `${shots}/offline-sent-360.png` });
  await context.close();
});

test("offline entry: a value changed on the server while the phone was offline is shown, and the officer chooses", async () => {
  const conflictPeriod = "2025-06-30";
  const p = await page(360, { serviceWorkers: "allow" });
  const context = p.context();
  await signIn(p, "xa.sontay");
  await p.goto(`${base}/entry?period=${conflictPeriod}`);
  await p.evaluate(() => navigator.serviceWorker.ready);
  await p.reload();
  await p.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith("ntm-pages-")));
  const measure = (await p.locator("form.entry input[data-kind='percent']").first().getAttribute("name")).slice(2);

  await offline(context, true);
  await p.goto(`${base}/entry?period=${conflictPeriod}`);
  await p.fill(`#v-${measure}`, "97,5");
  await p.click("button[value=draft]");
  await p.waitForSelector("#offline-queue .queue-item.waiting");

  // Meanwhile the office enters another value for the commune, online.
  const office = await page(1366);
  await signIn(office, "vanphong");
  await office.goto(`${base}/entry?unit=18172&period=${conflictPeriod}`);
  await office.fill(`#v-${measure}`, "55");
  await Promise.all([office.waitForURL(/saved=draft/), office.click("button[value=draft]")]);
  await office.context().close();

  // Back online: the item is not applied; the officer sees the three values.
  await offline(context, false);
  await p.evaluate(() => window.dispatchEvent(new Event("online")));
  await p.waitForSelector("#offline-queue .queue-item.conflict .conflict");
  const shown = await p.locator("#offline-queue .conflict p").innerText();
  assert.match(shown, /trên máy chủ 55 \(nháp\)/);
  assert.match(shown, /trên điện thoại 97,5/);
  assert.equal(await p.inputValue(`#v-${measure}`), "97,5", "nothing reloaded yet");
  await p.locator("#offline-queue").scrollIntoViewIfNeeded();
  await p.screenshot({ path: `${shots}/offline-conflict-360.png` });
  // The officer keeps the phone's value: sent, the page shows it submitted.
  await Promise.all([p.waitForEvent("load"), p.click("#offline-queue button:has-text('Giữ số trên điện thoại')")]);
  await p.waitForSelector("#offline-queue .queue-item.sent");
  assert.equal(await p.inputValue(`#v-${measure}`), "97,5");
  assert.match(await p.locator(`#f-${measure}`).innerText(), /đã gửi/);
  await context.close();
});
