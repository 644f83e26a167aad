// Offline entry (docs/offline.md). Progressive: the entry page works without
// it. With it: the connection state is shown; the entry page is kept on the
// phone by the service worker (/sw.js); a form saved with no network goes
// into a queue on the phone (IndexedDB) and is sent when the network
// returns, each item once (its key), conflicts and refusals shown.
(function () {
  "use strict";
  var user = document.body && document.body.getAttribute("data-user");
  if (!user) return;
  var form = document.querySelector("form.entry[data-unit]");

  // The connection state, in the header.
  var net = document.createElement("span");
  net.className = "net";
  net.setAttribute("role", "status");
  function showNet() {
    net.textContent = navigator.onLine ? "● Đã kết nối" : "● Đang ngoại tuyến";
    net.className = navigator.onLine ? "net online" : "net offline";
  }
  var tools = document.querySelector("header .tools");
  if (tools) tools.insertBefore(net, tools.firstChild);
  showNet();
  window.addEventListener("online", function () { showNet(); send(); });
  window.addEventListener("offline", showNet);

  // Pages kept for one account only: another account or a sign-out drops them.
  function dropPages() {
    if (!window.caches) return Promise.resolve();
    return caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k.indexOf("ntm-pages-") === 0; })
        .map(function (k) { return caches.delete(k); }));
    });
  }
  try {
    if (localStorage.getItem("ntm-user") !== user) { dropPages(); localStorage.setItem("ntm-user", user); }
  } catch (e) { /* storage off: nothing kept */ }
  document.querySelectorAll("form[action='/logout']").forEach(function (f) {
    f.addEventListener("submit", function () { dropPages(); try { localStorage.removeItem("ntm-user"); } catch (e) {} });
  });
  if (!form) return;
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(function () {});
  if (!window.indexedDB) return;

  // The queue: one store, items keyed by their idempotency key.
  function db() {
    return new Promise(function (resolve, reject) {
      var open = indexedDB.open("ntm-offline", 1);
      open.onupgradeneeded = function () { open.result.createObjectStore("queue", { keyPath: "key" }); };
      open.onsuccess = function () { resolve(open.result); };
      open.onerror = function () { reject(open.error); };
    });
  }
  function tx(mode, fn) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction("queue", mode), out = fn(t.objectStore("queue"));
        t.oncomplete = function () { resolve(out && out.result !== undefined ? out.result : out); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }
  function mine() {
    return tx("readonly", function (s) { return s.getAll(); }).then(function (all) {
      return all.filter(function (i) { return i.user === user; })
        .sort(function (a, b) { return a.created < b.created ? -1 : 1; });
    });
  }
  function put(item) { return tx("readwrite", function (s) { s.put(item); }); }
  function drop(key) { return tx("readwrite", function (s) { s.delete(key); }); }
  function newKey() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return "q-" + Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
  }

  // The same checks as the server, before the item is queued.
  function check(input, value) {
    var kind = input.getAttribute("data-kind");
    if (kind === "boolean") return value === "0" || value === "1" ? "" : "chọn Có hoặc Không";
    // As parse_measure_value: a comma is the decimal point when there is no dot.
    var text = value.indexOf(",") >= 0 && value.indexOf(".") < 0 ? value.replace(",", ".") : value;
    if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(text)) return "nhập một số, ví dụ 12,5";
    var n = Number(text);
    if (kind === "percent" && (n < 0 || n > 100)) return "nhập tỷ lệ từ 0 đến 100";
    return "";
  }

  // The waiting list above the form.
  var panel = document.createElement("section");
  panel.className = "panel offline-queue";
  panel.id = "offline-queue";
  panel.setAttribute("aria-live", "polite");
  form.parentNode.insertBefore(panel, form);
  var note = "";
  var states = { waiting: "đang chờ gửi", sent: "đã gửi", conflict: "cần chọn", refused: "bị từ chối" };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function render() {
    return mine().then(function (items) {
      panel.textContent = "";
      if (note) panel.appendChild(el("p", note, "ok-box"));
      if (!items.length) { panel.hidden = !note; return; }
      panel.hidden = false;
      panel.appendChild(el("h2", "Hàng chờ trên điện thoại"));
      var list = el("ul", "", "queue");
      items.forEach(function (item) {
        var li = el("li", "", "queue-item " + item.state);
        var period = item.period.split("-").reverse().join("/");
        li.appendChild(el("span", "Kỳ " + period + " · " + Object.keys(item.values).length + " giá trị · " +
          states[item.state] + (item.message ? " — " + item.message : "")));
        (item.conflicts || []).forEach(function (c) {
          var box = el("div", "", "conflict");
          box.appendChild(el("p", c.label + ": lúc tải trang " + (c.base || "chưa có") + " → trên máy chủ " +
            (c.server || "chưa có") + " → trên điện thoại " + c.phone));
          [["phone", "Giữ số trên điện thoại"], ["server", "Giữ số trên máy chủ"]].forEach(function (choice) {
            var b = el("button", choice[1], choice[0] === "server" ? "secondary" : "");
            b.type = "button";
            b.addEventListener("click", function () {
              item.choice = item.choice || {};
              item.choice[c.measure] = choice[0];
              item.conflicts = item.conflicts.filter(function (x) { return x.measure !== c.measure; });
              if (!item.conflicts.length) { item.state = "waiting"; item.message = ""; }
              put(item).then(render).then(send);
            });
            box.appendChild(b);
          });
          li.appendChild(box);
        });
        if (item.state === "refused" || item.state === "sent") {
          var b = el("button", "Bỏ khỏi danh sách", "secondary");
          b.type = "button";
          b.addEventListener("click", function () { drop(item.key).then(render); });
          li.appendChild(b);
        }
        list.appendChild(li);
      });
      panel.appendChild(list);
    });
  }

  // Saved with no network: into the queue, checked first.
  form.addEventListener("submit", function (e) {
    if (navigator.onLine) return;
    e.preventDefault();
    var item = { key: newKey(), user: user, unit: form.getAttribute("data-unit"),
      period: form.getAttribute("data-period"), values: {}, notes: {}, base: {}, choice: {},
      state: "waiting", created: new Date().toISOString() };
    var problems = [];
    form.querySelectorAll("[name^='v.']").forEach(function (input) {
      var value = input.value.trim();
      var before = input.tagName === "SELECT"
        ? (Array.prototype.filter.call(input.options, function (o) { return o.defaultSelected; })[0] || {}).value || ""
        : input.defaultValue.trim();
      if (value === before || value === "") return;
      var measure = input.name.slice(2);
      var why = check(input, value);
      var label = form.querySelector("label[for='" + input.id + "']");
      if (why) { problems.push((label ? label.textContent.trim() : measure) + ": " + why); return; }
      item.values[measure] = value;
      var base = form.querySelector("[name='b." + measure + "']");
      item.base[measure] = base ? base.value : "";
    });
    if (problems.length) { note = ""; render(); alert(problems.join("\n")); return; }
    if (!Object.keys(item.values).length) { note = "Không có giá trị nào thay đổi."; render(); return; }
    put(item).then(function () {
      note = "Đã lưu trên điện thoại — sẽ gửi khi có mạng.";
      return render();
    });
  });

  // Sends the waiting items, one at a time, each under its key.
  var sending = false;
  function send() {
    if (sending || !navigator.onLine) return Promise.resolve();
    var csrf = form.querySelector("[name='csrf']");
    if (!csrf) return Promise.resolve();
    sending = true;
    var stored = 0;
    return mine().then(function (items) {
      var waiting = items.filter(function (i) { return i.state === "waiting"; });
      if (waiting.length) note = "";  // the list says what became of them
      return waiting.reduce(function (p, item) {
        return p.then(function () {
          var body = new FormData();
          body.append("key", item.key);
          body.append("unit", item.unit);
          body.append("period", item.period);
          Object.keys(item.values).forEach(function (m) {
            body.append("v." + m, item.values[m]);
            body.append("b." + m, item.base[m] || "");
            if (item.choice[m]) body.append("c." + m, item.choice[m]);
          });
          return fetch("/api/v1/entry/queue", { method: "POST", body: body, credentials: "same-origin",
            headers: { "X-CSRF-Token": csrf.value } })
            .then(function (res) {
              return res.json().catch(function () { return {}; }).then(function (j) {
                if (res.status === 200) { item.state = "sent"; item.message = ""; stored++; }
                else if (res.status === 409) { item.state = "conflict"; item.conflicts = j.conflicts; item.message = ""; }
                else if (res.status === 422) {
                  item.state = "refused";
                  item.message = (j.errors || []).map(function (x) { return x.message; }).join("; ");
                } else if (res.status === 401) {
                  note = "Phiên đăng nhập đã hết: hàng chờ vẫn còn trên điện thoại. Hãy đăng nhập lại để gửi.";
                  throw new Error("signed out");
                } else if (res.status === 403 && j.error && j.error.code === "csrf") {
                  throw new Error("stale page");
                } else { item.message = (j.error && j.error.message) || "lỗi " + res.status; }
                return put(item);
              });
            });
        });
      }, Promise.resolve());
    }).catch(function (err) {
      // A page kept from before: load it again (a fresh token), once.
      if (err && err.message === "stale page" && !sessionStorage.getItem("ntm-reloaded")) {
        sessionStorage.setItem("ntm-reloaded", "1");
        location.reload();
      }
    }).then(function () {
      sending = false;
      if (stored) {
        // The form shows what the server holds now (the list keeps "đã gửi").
        sessionStorage.removeItem("ntm-reloaded");
        location.reload();
        return;
      }
      return render();
    });
  }
  render().then(send);
})();
