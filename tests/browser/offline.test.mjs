// Offline entry (issue: data entry that survives no signal): Xã Sơn Tây's
// officer on a 360 px phone opens the entry page online once, loses the
// network, enters three values, closes and reopens the page, comes back
// online, and the values and a photo arrive once, submitted for
// verification: the department sees them in its queue.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
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

// A camera's photo: 2400×1800 pixels with EXIF (time taken, a location, and
// orientation 6: the phone was held upright, so the picture shows 1800×2400),
// made in the page as a camera would write it.
async function cameraPhoto(p) {
  const bytes = await p.evaluate(async () => {
    const c = document.createElement("canvas");
    c.width = 2400;
    c.height = 1800;
    const g = c.getContext("2d");
    g.fillStyle = "#2a7";
    g.fillRect(0, 0, 2400, 1800);
    g.fillStyle = "#fff";
    g.font = "200px sans-serif";
    g.fillText("Trạm y tế", 300, 900);
    const jpeg = new Uint8Array(await (await new Promise((r) => c.toBlob(r, "image/jpeg", 0.9))).arrayBuffer());
    // TIFF, little-endian: IFD0 (Orientation 1, Exif IFD, GPS IFD), the Exif
    // IFD (DateTimeOriginal), the GPS IFD (GPSLatitudeRef "N").
    const t = new DataView(new ArrayBuffer(120));
    t.setUint16(0, 0x4949); t.setUint16(2, 42, true); t.setUint32(4, 8, true);
    const entry = (at, tag, type, count, value) => {
      t.setUint16(at, tag, true); t.setUint16(at + 2, type, true);
      t.setUint32(at + 4, count, true); t.setUint32(at + 8, value, true);
    };
    t.setUint16(8, 3, true);
    entry(10, 0x0112, 3, 1, 6);
    entry(22, 0x8769, 4, 1, 50);
    entry(34, 0x8825, 4, 1, 68);
    t.setUint32(46, 0, true);
    t.setUint16(50, 1, true);
    entry(52, 0x9003, 2, 20, 86);
    t.setUint32(64, 0, true);
    t.setUint16(68, 1, true);
    entry(70, 0x0001, 2, 2, 0x4e);
    t.setUint32(82, 0, true);
    const stamp = "2026:12:04 10:32:00";
    for (let i = 0; i < stamp.length; ++i) t.setUint8(86 + i, stamp.charCodeAt(i));
    const tiff = new Uint8Array(t.buffer);
    const seg = new Uint8Array(10 + tiff.length);
    seg.set([0xff, 0xe1, (seg.length - 2) >> 8, (seg.length - 2) & 255, 69, 120, 105, 102, 0, 0]);
    seg.set(tiff, 10);
    const out = new Uint8Array(jpeg.length + seg.length);
    out.set(jpeg.subarray(0, 2));
    out.set(seg, 2);
    out.set(jpeg.subarray(2), 2 + seg.length);
    return Array.from(out);
  });
  return Buffer.from(bytes);
}

// A JPEG's size from its frame header (SOF0/SOF2).
// The EXIF orientation of a JPEG (little-endian TIFF, as cameraPhoto writes).
function orientation(b) {
  const tiff = b.indexOf("Exif\0\0") + 6, ifd = tiff + b.readUInt32LE(tiff + 4);
  for (let i = 0; i < b.readUInt16LE(ifd); ++i)
    if (b.readUInt16LE(ifd + 2 + 12 * i) === 0x0112) return b.readUInt16LE(ifd + 2 + 12 * i + 8);
  return null;
}

function jpegSize(b) {
  for (let at = 2; at + 9 < b.length;) {
    const marker = b[at + 1], len = b.readUInt16BE(at + 2);
    if (marker === 0xc0 || marker === 0xc2) return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    at += 2 + len;
  }
  return null;
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
  // The first value is the health department's, with the photo as evidence.
  const health = p.locator("form.entry fieldset:has(legend:has-text('SYT')) input[data-kind='percent']");
  const measures = [(await health.first().getAttribute("name")).slice(2)];
  const fields = p.locator("form.entry input[data-kind='percent']");
  for (let i = 0; measures.length < 3; ++i) {
    const m = (await fields.nth(i).getAttribute("name")).slice(2);
    if (!measures.includes(m)) measures.push(m);
  }

  await offline(context, true);
  await p.goto(`${base}/entry?period=${period}`);  // from the phone, no network
  assert.match(await p.locator(".net").innerText(), /ngoại tuyến/);
  await assert.rejects(p.evaluate(() => fetch("/api/v1/health")), "the server is out of reach");
  const typed = ["91,5", "72", "64,25"];
  for (let i = 0; i < 3; ++i) await p.fill(`#v-${measures[i]}`, typed[i]);
  await p.setInputFiles(`input[name='f.${measures[0]}']`,
    { name: "IMG_20261204_103200.jpg", mimeType: "image/jpeg", buffer: await cameraPhoto(p) });
  await p.click("button[value=review]");  // to be submitted for verification
  await p.waitForSelector("#offline-queue .queue-item.waiting");
  const queued = await p.locator("#offline-queue").innerText();
  assert.match(queued, /3 giá trị · 1 ảnh · đang chờ gửi/);
  assert.match(queued, /ảnh 1200×1600, \d+ KB, chụp 04\/12\/2026 10:32, có vị trí/, "upright, resized to the office's 1600 px");
  await p.locator("#offline-queue").scrollIntoViewIfNeeded();
  await p.screenshot({ path: `${shots}/offline-queued-360.png` });
  // Closed and opened again, still with no network: the queue is kept.
  await p.close();
  const again = await context.newPage();
  await again.goto(`${base}/entry?period=${period}`);
  await again.waitForSelector("#offline-queue .queue-item.waiting");  // read from IndexedDB
  assert.match(await again.locator("#offline-queue").innerText(), /3 giá trị · 1 ảnh · đang chờ gửi/);

  // The network returns: the item is sent once, the page shows it submitted.
  await offline(context, false);
  await Promise.all([again.waitForEvent("load"), again.evaluate(() => window.dispatchEvent(new Event("online")))]);
  await again.waitForSelector("#offline-queue .queue-item.sent");
  for (let i = 0; i < 3; ++i) {
    assert.match(await again.locator(`#f-${measures[i]}`).innerText(), /đã gửi/, measures[i]);
  }
  assert.equal(await again.inputValue(`#v-${measures[0]}`), "91,5");
  // The photo is the value's evidence: upright at 1200×1600, its EXIF time
  // and place kept, its orientation now "as stored" (1).
  const link = again.locator(`#f-${measures[0]} a[href^='/evidence/']`);
  assert.equal(await link.count(), 1, "one photo, sent once");
  assert.match(await link.innerText(), /IMG_20261204_103200\.jpg/);
  const photo = Buffer.from(await (await again.request.get(base + (await link.getAttribute("href")))).body());
  assert.deepEqual(jpegSize(photo), { width: 1200, height: 1600 });
  assert.ok(photo.includes("Exif\0\0") && photo.includes("2026:12:04 10:32:00"), "EXIF kept");
  assert.equal(orientation(photo), 1, "the pixels are upright, and the EXIF says so");
  await again.locator("#offline-queue").scrollIntoViewIfNeeded();
  await again.screenshot({ path: `${shots}/offline-sent-360.png` });
  await context.close();

  // The health department sees the value and the photo in its queue.
  const dept = await page(1366);
  await signIn(dept, "so.yte");
  await dept.goto(`${base}/verify?unit=18172&period=${period}`);
  const row = dept.locator("#queue tr", { hasText: "IMG_20261204_103200.jpg" });
  assert.equal(await row.count(), 1);
  assert.match(await row.innerText(), /91,5/);
  await row.scrollIntoViewIfNeeded();
  await dept.screenshot({ path: `${shots}/offline-verify-1366.png` });
  await dept.context().close();
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
  await p.click("button[value=review]");
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

// Opens the entry page online once (kept by the worker), then cuts the
// network and queues `value` for its first ratio field (`button`: review to
// submit it, draft to keep it a draft).
async function queueOffline(p, period, value, button = "review") {
  await p.goto(`${base}/entry?period=${period}`);
  await p.evaluate(() => navigator.serviceWorker.ready);
  await p.reload();
  await p.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith("ntm-pages-")));
  const measure = (await p.locator("form.entry input[data-kind='percent']").first().getAttribute("name")).slice(2);
  await offline(p.context(), true);
  await p.goto(`${base}/entry?period=${period}`);
  await p.fill(`#v-${measure}`, value);
  await p.click(`button[value=${button}]`);
  await p.waitForSelector("#offline-queue .queue-item.waiting");
  return measure;
}

// The items kept on the phone, read straight from IndexedDB.
function phoneQueue(p) {
  return p.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open("ntm-offline", 2);
    open.onsuccess = () => {
      const get = open.result.transaction("queue").objectStore("queue").getAll();
      get.onsuccess = () => { open.result.close(); resolve(get.result.map((i) => ({ user: i.user, period: i.period, state: i.state, values: i.values }))); };
    };
    open.onerror = () => reject(open.error);
  }));
}

test("offline entry: an expired session keeps the queue and asks to sign in again", async () => {
  const p = await page(360, { serviceWorkers: "allow" });
  const context = p.context();
  await signIn(p, "xa.sontay");
  const measure = await queueOffline(p, "2024-06-30", "88");
  // The session ends while the phone is offline (here: its cookie is gone).
  await context.clearCookies();
  await offline(context, false);
  await p.evaluate(() => window.dispatchEvent(new Event("online")));
  await p.waitForSelector("#offline-queue .ok-box:has-text('Phiên đăng nhập đã hết')");
  assert.match(await p.locator("#offline-queue").innerText(), /1 giá trị · đang chờ gửi/);
  assert.deepEqual((await phoneQueue(p)).map((i) => i.state), ["waiting"], "kept on the phone");
  // Signed in again: the item is sent, once.
  await signIn(p, "xa.sontay");
  await p.goto(`${base}/entry?period=2024-06-30`);
  await p.waitForSelector("#offline-queue .queue-item.sent");
  // Sent by the page or by the worker's sync: either reloads the form.
  await p.waitForFunction((m) => document.querySelector(`#v-${m}`)?.value === "88", measure);
  assert.match(await p.locator(`#f-${measure}`).innerText(), /đã gửi/);
  await context.close();
});

test("offline entry: another account on the same phone never sees or sends the first one's queue", async () => {
  const p = await page(360, { serviceWorkers: "allow" });
  const context = p.context();
  await signIn(p, "xa.sontay");
  // The first officer keeps two periods' pages on the phone.
  await p.goto(`${base}/entry?period=2024-12-31`);
  await p.evaluate(() => navigator.serviceWorker.ready);
  await p.reload();
  const measure = await queueOffline(p, "2023-12-31", "66", "draft");
  assert.match(await p.locator("#offline-queue").innerText(), /1 giá trị · lưu nháp · đang chờ gửi/);
  assert.equal(await p.evaluate(async () => (await (await caches.open((await caches.keys())
    .find((k) => k.startsWith("ntm-pages-")))).keys()).length), 2);
  const first = await p.evaluate(() => document.body.dataset.user);
  await context.clearCookies();  // the first officer's session is over
  await offline(context, false);
  // The phone is handed to Xã Lộc Hà's officer.
  await signIn(p, "xa.locha");
  await p.goto(`${base}/entry?period=2023-12-31`);
  await p.waitForLoadState("networkidle");
  assert.equal(await p.locator("#offline-queue .queue-item").count(), 0, "the first officer's item is not shown");
  const queue = await phoneQueue(p);
  assert.deepEqual(queue, [{ user: first, period: "2023-12-31", state: "waiting", values: { [measure]: "66" } }], "nor sent");
  // The first officer's kept pages are gone: only this officer's page is kept.
  const keptPages = () => p.evaluate(async () => {
    const c = await caches.open((await caches.keys()).find((k) => k.startsWith("ntm-pages-")));
    return Promise.all((await c.keys()).map(async (r) => (await c.match(r)).text()));
  });
  for (let i = 0; i < 50; ++i) {  // the worker keeps the page as it answers it
    const kept = await keptPages();
    if (kept.length === 1 && kept[0].includes('data-unit="18568"')) break;
    await p.waitForTimeout(100);
  }
  const kept = await keptPages();
  assert.equal(kept.length, 1);
  assert.match(kept[0], /data-unit="18568"/);
  // Back to the first officer: the item is sent under their account.
  await p.click("form[action='/logout'] button");
  await signIn(p, "xa.sontay");
  await p.goto(`${base}/entry?period=2023-12-31`);
  await p.waitForSelector("#offline-queue .queue-item.sent");
  await p.waitForFunction((m) => document.querySelector(`#v-${m}`)?.value === "66", measure);
  assert.match(await p.locator(`#f-${measure}`).innerText(), /nháp/, "saved as a draft, as the officer pressed");
  await context.close();
});

test("offline entry: Background Sync sends the queue with the page closed", async () => {
  const p = await page(360, { serviceWorkers: "allow" });
  const context = p.context();
  await signIn(p, "xa.sontay");
  const period = "2024-12-31";
  const measure = await queueOffline(p, period, "77,5");
  assert.ok((await p.evaluate(async () => (await navigator.serviceWorker.ready).sync.getTags())).includes("ntm-queue"),
    "a sync is asked for");
  await p.close();
  await offline(context, false);
  // No entry page open: the browser wakes the worker (here through DevTools).
  const holder = await context.newPage();
  await holder.goto(`${base}/static/manifest.webmanifest`);
  const cdp = await context.newCDPSession(holder);
  const registered = new Promise((resolve) => cdp.on("ServiceWorker.workerRegistrationUpdated", (e) => {
    const r = e.registrations.find((x) => x.scopeURL.startsWith(base) && !x.isDeleted);
    if (r) resolve(r.registrationId);
  }));
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.dispatchSyncEvent",
    { origin: new URL(base).origin, registrationId: await registered, tag: "ntm-queue", lastChance: false });
  for (let i = 0; i < 150 && !(await phoneQueue(holder)).some((q) => q.period === period && q.state === "sent"); ++i)
    await holder.waitForTimeout(100);
  assert.ok((await phoneQueue(holder)).some((q) => q.period === period && q.state === "sent"), "sent by the worker");
  const entry = await context.newPage();
  await entry.goto(`${base}/entry?period=${period}`);
  assert.equal(await entry.inputValue(`#v-${measure}`), "77,5");
  assert.match(await entry.locator(`#f-${measure}`).innerText(), /đã gửi/);
  await context.close();
});

test("offline entry: in English, the indicator and the queue speak English", async () => {
  const p = await page(360, { serviceWorkers: "allow" });
  await signIn(p, "xa.sontay");
  await p.goto(`${base}/lang/en`);
  await p.goto(`${base}/entry?period=2023-06-30`);
  assert.equal(await p.locator(".net").innerText(), "● Online");
  const measure = await queueOffline(p, "2023-06-30", "55");
  // A ratio over 100 is refused on the phone, in English.
  await p.fill(`#v-${measure}`, "150");
  const message = new Promise((resolve) => p.once("dialog", async (d) => { resolve(d.message()); await d.dismiss(); }));
  await p.click("button[value=draft]");
  assert.match(await message, /enter a ratio from 0 to 100/);
  assert.equal(await p.locator(".net").innerText(), "● Offline");
  assert.match(await p.locator("#offline-queue").innerText(), /Queue on this phone[\s\S]*1 value · waiting to be sent/);
  await p.context().close();
});

// `ntm serve` of one release (NTM_RELEASE) on the demo's database, on `port`.
async function release(label, port) {
  const server = spawn(process.env.NTM_BIN, ["serve", "--db", process.env.NTM_DB, "--port", String(port)],
    { env: { ...process.env, NTM_RELEASE: label }, stdio: "ignore" });
  for (let i = 0; i < 100; ++i) {
    try { if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return server; } catch (e) { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error("the server of release " + label + " did not start");
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

test("offline entry: the worker of a new release takes over cleanly, old caches removed, kept pages carried", async () => {
  const port = await freePort(), site = `http://127.0.0.1:${port}`;
  let server = await release("2026.12", port);
  const p = await page(360, { serviceWorkers: "allow" });
  const context = p.context();
  try {
    await signIn(p, "xa.sontay", site);
    await p.goto(`${site}/entry`);
    await p.evaluate(() => navigator.serviceWorker.ready);
    await p.reload();
    await p.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith("ntm-pages-")));
    const before = await p.evaluate(() => caches.keys());
    assert.equal(before.length, 2);
    // The next release is installed and started; the phone comes back.
    server.kill();
    await new Promise((r) => server.once("exit", r));
    server = await release("2027.01", port);
    await p.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await p.waitForFunction(async (old) => {
      const k = await caches.keys();
      return k.length === 2 && !k.some((x) => old.includes(x));
    }, before, { timeout: 15000 });
    const after = await p.evaluate(() => caches.keys());
    assert.ok(after.some((k) => k.startsWith("ntm-shell-")) && after.some((k) => k.startsWith("ntm-pages-")), after.join());
    // The kept entry page came along into the new release's cache (what the
    // worker answers with no network: the first test opens such a page).
    const kept = await p.evaluate(async () => {
      const c = await caches.open((await caches.keys()).find((k) => k.startsWith("ntm-pages-")));
      return Promise.all((await c.keys()).map(async (r) => (await c.match(r)).text()));
    });
    assert.equal(kept.length, 1);
    assert.match(kept[0], /<form method="post" action="\/entry" class="entry"/);
  } finally {
    await context.close();
    server.kill();
  }
});
