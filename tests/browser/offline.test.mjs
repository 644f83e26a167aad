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
