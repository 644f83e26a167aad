// The commune officer's entry page on a phone's slow network (issue: offline
// entry, "light"): Debian's headless Chromium at 360 px, throttled through
// DevTools to the "Slow 3G" and "Fast 3G" profiles, signed in as Xã Sơn
// Tây's officer on the demo. Prints table rows:
// - the first visit (nothing on the phone yet): load time, bytes transferred;
// - the page's HTML alone: what a later visit loads over the network, the
//   shell (style, scripts, icon) being served by the worker from the phone;
// - what the phone keeps for offline entry: the shell plus one period's
//   entry page (the commune's criteria, last values and thresholds).
// Usage: node bench/offline_load.mjs URL
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/browser/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const base = process.argv[2];

// Chrome DevTools' presets (bytes per second, milliseconds).
const profiles = {
  "Slow 3G": { latency: 2000, downloadThroughput: 50000, uploadThroughput: 50000 },
  "Fast 3G": { latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 },
};

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const kb = (n) => (n / 1024).toFixed(1).replace(".", ",");
const s = (ms) => (ms / 1000).toFixed(2).replace(".", ",");
try {
  // The network service's first requests escape DevTools' throttling: a
  // page loaded first, unmeasured.
  const warm = await browser.newContext();
  await (await warm.newPage()).goto(`${base}/login`);
  await warm.close();
  for (const [name, conditions] of Object.entries(profiles)) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: "allow" });
    const p = await context.newPage();
    await p.goto(`${base}/login`);
    await p.fill("#username", "xa.sontay");
    await p.fill("#password", "demo-ntm-2026");
    await Promise.all([p.waitForURL((u) => !u.pathname.startsWith("/login")), p.click("form[action='/login'] button")]);
    // The HTTP cache empty, as on a phone that never opened the app.
    const cdp = await context.newCDPSession(p);
    await cdp.send("Network.enable");
    await cdp.send("Network.clearBrowserCache");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...conditions });
    // The throttle is sometimes not yet in force for the first request: a
    // load faster than the profile's latency is measured again.
    let first;
    for (let attempt = 0; attempt < 3 && !(first?.html >= conditions.latency); ++attempt) {
      await p.goto(`${base}/entry`, { waitUntil: "load" });
      first = await p.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        const all = [nav, ...performance.getEntriesByType("resource")];
        return { load: nav.loadEventEnd, html: nav.responseEnd, bytes: all.reduce((t, e) => t + (e.transferSize || 0), 0) };
      });
    }
    console.log(`| entry page on ${name}, first visit with nothing in the browser at all, 360 px | ${s(first.load)} s, ${kb(first.bytes)} KB transferred |`);
    console.log(`| entry page on ${name}, the HTML alone (a later visit: the shell comes from the phone) | ${s(first.html)} s |`);
    if (name === "Slow 3G") {
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
      await p.evaluate(() => navigator.serviceWorker.ready);
      await p.reload();
      await p.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith("ntm-pages-")));
      const kept = await p.evaluate(async () => {
        const out = {};
        for (const name of await caches.keys()) {
          const c = await caches.open(name);
          let bytes = 0;
          for (const r of await c.keys()) bytes += (await (await c.match(r)).arrayBuffer()).byteLength;
          out[name.split("-")[1]] = bytes;
        }
        return out;
      });
      console.log(`| kept on the phone for offline entry: shell + one period's page (≤ 300 KB) | ${kb(kept.shell + kept.pages)} KB (shell ${kb(kept.shell)} KB, page ${kb(kept.pages)} KB; uncompressed) |`);
    }
    await context.close();

    // As an officer first comes to it: signing in on the phone (the sign-in
    // page brings the style and scripts), then the entry page.
    const fresh = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: "allow" });
    const q = await fresh.newPage();
    const link = await fresh.newCDPSession(q);
    await link.send("Network.enable");
    await link.send("Network.emulateNetworkConditions", { offline: false, ...conditions });
    await q.goto(`${base}/login`);
    await q.fill("#username", "xa.sontay");
    await q.fill("#password", "demo-ntm-2026");
    await Promise.all([q.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 60000 }),
      q.click("form[action='/login'] button")]);
    await q.goto(`${base}/entry`, { waitUntil: "load", timeout: 60000 });
    const after = await q.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd);
    console.log(`| entry page on ${name}, first visit after signing in on the phone | ${s(after)} s |`);
    await fresh.close();
  }
} finally {
  await browser.close();
}
