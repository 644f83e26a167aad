// The offline entry's service worker (docs/offline.md), served as /sw.js so
// that it controls the entry page. Its version is the app's: a new release
// installs a new worker, which removes the old caches when it takes over.
// It keeps the shell (style, scripts, icon) and the entry pages the officer
// opened online, and answers them when there is no network. Nothing else is
// kept: other pages need the network. With Background Sync it sends the
// queue (queue.js) when the network returns, even with the page closed.
const VERSION = "__VERSION__";
const SHELL = "ntm-shell-" + VERSION;
const PAGES = "ntm-pages-" + VERSION;
const SHELL_FILES = ["/static/style.css", "/static/app.js", "/static/queue.js", "/static/offline.js",
  "/static/favicon.svg", "/static/manifest.webmanifest"];
// With the release's version: never an older copy from the HTTP cache.
importScripts("/static/queue.js?v=" + VERSION);

self.addEventListener("install", (e) => {
  // From the server, not the HTTP cache: this release's files.
  e.waitUntil(caches.open(SHELL).then((c) => c.addAll(SHELL_FILES.map((f) => new Request(f, { cache: "reload" }))))
    .then(() => self.skipWaiting()));
});

// A new release takes over: the entry pages the officer kept are loaded
// again for the new release (or, with no network, carried over as they
// are), then every cache of the previous release is removed.
self.addEventListener("activate", (e) => e.waitUntil(takeOver()));

async function takeOver() {
  const old = (await caches.keys()).filter((k) => k.startsWith("ntm-") && k !== SHELL && k !== PAGES);
  const pages = await caches.open(PAGES);
  for (const name of old.filter((k) => k.startsWith("ntm-pages-"))) {
    const kept = await caches.open(name);
    for (const req of await kept.keys()) {
      const fresh = await fetch(req.url, { credentials: "same-origin" }).catch(() => null);
      const res = fresh && fresh.ok && !fresh.redirected ? fresh : await kept.match(req);
      if (res) await pages.put(req, res);
    }
  }
  await Promise.all(old.map((k) => caches.delete(k)));
  await self.clients.claim();
}

// One cached copy per period: "/entry" (the period in progress) or
// "/entry?period=2026-06-30".
function pageKey(url) {
  const period = url.searchParams.get("period");
  return "/entry" + (period ? "?period=" + encodeURIComponent(period) : "");
}

self.addEventListener("fetch", (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/static/")) {
    e.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
    return;
  }
  if (url.pathname !== "/entry") return;
  e.respondWith(fetch(req).then((res) => {
    if (res.ok && !res.redirected) {
      const copy = res.clone();
      caches.open(PAGES).then((c) => c.put(pageKey(url), copy));
    }
    return res;
  }).catch(() => caches.open(PAGES).then((c) => c.match(pageKey(url)).then((hit) => hit || c.match("/entry")))
    .then((hit) => hit || new Response("<!doctype html><meta charset=utf-8><title>Ngoại tuyến</title>" +
      "<p>Đang ngoại tuyến và chưa có bản lưu của trang nhập liệu: hãy mở trang khi có mạng một lần.</p>",
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } }))));
});

// Background Sync: the queue of the account signed in last on this phone,
// sent with the tokens kept with its items; the open entry pages are told.
// A failed network asks the browser to try again later.
self.addEventListener("sync", (e) => {
  if (e.tag !== "ntm-queue") return;
  e.waitUntil(NtmQueue.user().then((user) => (user ? NtmQueue.send(user, "") : { stored: 0 })).then((r) =>
    self.clients.matchAll({ type: "window" }).then((pages) => {
      pages.forEach((p) => p.postMessage({ ntm: "queue", stored: r.stored }));
      if (r.offline) throw new Error("offline: sync again later");
    })));
});
