// The offline entry's service worker (docs/offline.md), served as /sw.js so
// that it controls the entry page. Its version is the app's: a new release
// installs a new worker, which removes the old caches when it takes over.
// It keeps the shell (style, scripts, icon) and the entry pages the officer
// opened online, and answers them when there is no network. Nothing else is
// kept: other pages need the network.
const VERSION = "__VERSION__";
const SHELL = "ntm-shell-" + VERSION;
const PAGES = "ntm-pages-" + VERSION;
const SHELL_FILES = ["/static/style.css", "/static/app.js", "/static/offline.js", "/static/favicon.svg",
  "/static/manifest.webmanifest"];

self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(SHELL).then((c) => c.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("ntm-") && k !== SHELL && k !== PAGES)
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

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
