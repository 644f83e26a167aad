// The offline entry queue kept on the phone (docs/offline.md), shared by the
// entry page (offline.js) and the service worker (sw.js, Background Sync):
// IndexedDB "ntm-offline", store "queue" (items by their idempotency key)
// and store "meta" (the account signed in last on this phone).
var NtmQueue = (function () {
  "use strict";
  function db() {
    return new Promise(function (resolve, reject) {
      var open = indexedDB.open("ntm-offline", 2);
      open.onupgradeneeded = function () {
        var d = open.result;
        if (!d.objectStoreNames.contains("queue")) d.createObjectStore("queue", { keyPath: "key" });
        if (!d.objectStoreNames.contains("meta")) d.createObjectStore("meta", { keyPath: "k" });
      };
      open.onsuccess = function () { resolve(open.result); };
      open.onerror = function () { reject(open.error); };
    });
  }
  function tx(name, mode, fn) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction(name, mode), out = fn(t.objectStore(name));
        t.oncomplete = function () { d.close(); resolve(out && out.result !== undefined ? out.result : out); };
        t.onerror = function () { d.close(); reject(t.error); };
      });
    });
  }
  // The account's items, oldest first; another account's are never read out.
  function items(user) {
    return tx("queue", "readonly", function (s) { return s.getAll(); }).then(function (all) {
      return all.filter(function (i) { return i.user === user; })
        .sort(function (a, b) { return a.created < b.created ? -1 : 1; });
    });
  }
  function put(item) { return tx("queue", "readwrite", function (s) { s.put(item); }); }
  function drop(key) { return tx("queue", "readwrite", function (s) { s.delete(key); }); }
  function setUser(user) {
    return tx("meta", "readwrite", function (s) { if (user) s.put({ k: "user", v: user }); else s.delete("user"); });
  }
  function user() {
    return tx("meta", "readonly", function (s) { return s.get("user"); }).then(function (m) { return m && m.v; });
  }

  // Sends the account's waiting items one at a time, each under its key,
  // with `csrf` (the page's token) or the token kept with the item. Resolves
  // to what happened: stored (how many), signedOut (401: the rest wait),
  // stale (403 csrf: the token is old), offline (the network failed).
  function send(user, csrf) {
    var out = { stored: 0, signedOut: false, stale: false, offline: false };
    return items(user).then(function (all) {
      return all.filter(function (i) { return i.state === "waiting"; }).reduce(function (p, item) {
        return p.then(function () {
          if (out.signedOut || out.stale || out.offline) return;
          var body = new FormData();
          body.append("key", item.key);
          body.append("unit", item.unit);
          body.append("period", item.period);
          body.append("action", item.draft ? "draft" : "submit");
          Object.keys(item.values).forEach(function (m) {
            body.append("v." + m, item.values[m]);
            body.append("b." + m, item.base[m] || "");
            if (item.choice[m]) body.append("c." + m, item.choice[m]);
          });
          (item.photos || []).forEach(function (ph) { body.append("p." + ph.measure, ph.blob, ph.name); });
          return fetch("/api/v1/entry/queue", { method: "POST", body: body, credentials: "same-origin",
            headers: { "X-CSRF-Token": csrf || item.csrf || "" } })
            .then(function (res) {
              return res.json().catch(function () { return {}; }).then(function (j) {
                if (res.status === 200) { item.state = "sent"; item.message = ""; out.stored++; }
                else if (res.status === 409) { item.state = "conflict"; item.conflicts = j.conflicts; item.message = ""; }
                else if (res.status === 422) {
                  item.state = "refused";
                  item.message = (j.errors || []).map(function (x) { return x.message; }).join("; ");
                } else if (res.status === 401) { out.signedOut = true; return; }
                else if (res.status === 403 && j.error && j.error.code === "csrf") { out.stale = true; return; }
                else { item.message = (j.error && j.error.message) || "lỗi " + res.status; }
                return put(item);
              });
            }, function () { out.offline = true; });
        });
      }, Promise.resolve());
    }).then(function () { return out; });
  }
  return { items: items, put: put, drop: drop, setUser: setUser, user: user, send: send };
})();
