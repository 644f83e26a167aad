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
  // The page's language (Vietnamese first, English second).
  var T = document.documentElement.lang === "en" ? {
    online: "● Online", offline: "● Offline", yesNo: "choose Yes or No", number: "enter a number, e.g. 12.5",
    ratio: "enter a ratio from 0 to 100", photo: "photo", taken: "taken", where: "with its location",
    waiting: "waiting to be sent", sent: "sent", conflict: "choose a value", refused: "refused",
    queue: "Queue on this phone", draft: "as a draft", period: "Period", value: "value", values: "values", photos: "photos",
    seen: "when the page was loaded", none: "none", server: "on the server", phone: "on the phone",
    keepPhone: "Keep the phone's value", keepServer: "Keep the server's value", remove: "Remove from the list",
    onlyPhotos: "offline only JPEG or PNG photos can be queued; send the file %s when online",
    nothing: "No value changed.", resizing: "Resizing the photos…",
    saved: "Saved on the phone: it will be sent when the network returns.", unreadable: "Could not read the photo: ",
    signedOut: "Your session has ended: the queue is still on the phone. Sign in again to send it."
  } : {
    online: "● Đã kết nối", offline: "● Đang ngoại tuyến", yesNo: "chọn Có hoặc Không", number: "nhập một số, ví dụ 12,5",
    ratio: "nhập tỷ lệ từ 0 đến 100", photo: "ảnh", taken: "chụp", where: "có vị trí",
    waiting: "đang chờ gửi", sent: "đã gửi", conflict: "cần chọn", refused: "bị từ chối",
    queue: "Hàng chờ trên điện thoại", draft: "lưu nháp", period: "Kỳ", value: "giá trị", values: "giá trị", photos: "ảnh",
    seen: "lúc tải trang", none: "chưa có", server: "trên máy chủ", phone: "trên điện thoại",
    keepPhone: "Giữ số trên điện thoại", keepServer: "Giữ số trên máy chủ", remove: "Bỏ khỏi danh sách",
    onlyPhotos: "khi ngoại tuyến chỉ gửi được ảnh JPEG hoặc PNG; tệp %s hãy gửi khi có mạng",
    nothing: "Không có giá trị nào thay đổi.", resizing: "Đang thu nhỏ ảnh…",
    saved: "Đã lưu trên điện thoại — sẽ gửi khi có mạng.", unreadable: "Không đọc được ảnh: ",
    signedOut: "Phiên đăng nhập đã hết: hàng chờ vẫn còn trên điện thoại. Hãy đăng nhập lại để gửi."
  };

  // The connection state, in the header.
  var net = document.createElement("span");
  net.className = "net";
  net.setAttribute("role", "status");
  function showNet() {
    net.textContent = navigator.onLine ? T.online : T.offline;
    net.className = navigator.onLine ? "net online" : "net offline";
  }
  var tools = document.querySelector("header .tools");
  if (tools) tools.insertBefore(net, tools.firstChild);
  showNet();
  window.addEventListener("online", function () { showNet(); send(); });
  window.addEventListener("offline", showNet);

  // Pages kept for one account only: when another account signs in, the
  // pages of every other account are dropped (a page names its account in
  // data-user); at sign-out, every page.
  function dropPages(keep) {
    if (!window.caches) return Promise.resolve();
    var mark = 'data-user="' + keep + '"';
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("ntm-pages-") === 0; }).map(function (n) {
        return caches.open(n).then(function (c) {
          return c.keys().then(function (reqs) {
            return Promise.all(reqs.map(function (req) {
              return c.match(req).then(function (res) { return res ? res.text() : ""; }).then(function (html) {
                if (!keep || html.indexOf(mark) < 0) return c.delete(req);
              });
            }));
          });
        });
      }));
    });
  }
  // Another account on this phone: its pages go, and the worker's Background
  // Sync sends this account's queue only. Marked done only once done: a
  // page left sooner tries again.
  var queue = window.indexedDB && window.NtmQueue;
  try {
    if (localStorage.getItem("ntm-account") !== user)
      Promise.all([dropPages(user), queue && NtmQueue.setUser(user)])
        .then(function () { localStorage.setItem("ntm-account", user); }).catch(function () {});
  } catch (e) { /* storage off: nothing kept */ }
  document.querySelectorAll("form[action='/logout']").forEach(function (f) {
    f.addEventListener("submit", function () {
      dropPages("");
      if (queue) NtmQueue.setUser("").catch(function () {});
      try { localStorage.removeItem("ntm-account"); } catch (e) {}
    });
  });
  if (!form) return;
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(function () {});
    // The worker sent the queue in the background: show what became of it.
    navigator.serviceWorker.addEventListener("message", function (e) {
      if (e.data && e.data.ntm === "queue") e.data.stored ? location.reload() : render();
    });
  }
  if (!queue) return;
  // Asks the browser to send the queue when the network returns, even if
  // the page is closed by then (Background Sync, where the browser has it).
  function syncLater() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then(function (r) { return r.sync && r.sync.register("ntm-queue"); })
      .catch(function () { /* no Background Sync: sent at the next opening */ });
  }

  // The queue (queue.js): items of this account only.
  function mine() { return NtmQueue.items(user); }
  var put = NtmQueue.put, drop = NtmQueue.drop;
  function newKey() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return "q-" + Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
  }

  // The same checks as the server, before the item is queued.
  function check(input, value) {
    var kind = input.getAttribute("data-kind");
    if (kind === "boolean") return value === "0" || value === "1" ? "" : T.yesNo;
    // As parse_measure_value: a comma is the decimal point when there is no dot.
    var text = value.indexOf(",") >= 0 && value.indexOf(".") < 0 ? value.replace(",", ".") : value;
    if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(text)) return T.number;
    var n = Number(text);
    if (kind === "percent" && (n < 0 || n > 100)) return T.ratio;
    return "";
  }

  // Photos: resized on the phone to the office's size (data-photo-px, the
  // longer side), EXIF (time, location) kept. The EXIF segment of the
  // camera's JPEG is put back into the smaller JPEG with its orientation set
  // to upright: the browser has already turned the pixels.
  var photoPx = Number(form.getAttribute("data-photo-px")) || 1600;
  function exifOf(bytes) {
    if (bytes[0] !== 0xFF || bytes[1] !== 0xD8) return null;
    for (var at = 2; at + 4 < bytes.length && bytes[at] === 0xFF;) {
      var marker = bytes[at + 1], len = bytes[at + 2] << 8 | bytes[at + 3];
      if (marker === 0xDA) break;  // the image data: no EXIF before it
      if (marker === 0xE1 && String.fromCharCode.apply(null, bytes.subarray(at + 4, at + 10)) === "Exif\0\0")
        return bytes.slice(at, at + 2 + len);
      at += 2 + len;
    }
    return null;
  }
  // Reads (and with `upright` rewrites) the EXIF segment's TIFF: the time
  // taken and whether it holds a location.
  function exifInfo(seg, upright) {
    var info = { taken: "", gps: false };
    try {
      var v = new DataView(seg.buffer, seg.byteOffset + 10), le = v.getUint16(0) === 0x4949;
      var u16 = function (o) { return v.getUint16(o, le); }, u32 = function (o) { return v.getUint32(o, le); };
      var entries = function (ifd, fn) {
        for (var i = 0, n = u16(ifd); i < n; i++) fn(u16(ifd + 2 + 12 * i), ifd + 2 + 12 * i);
      };
      entries(u32(4), function (tag, e) {
        if (tag === 0x0112 && upright) v.setUint16(e + 8, 1, le);
        if (tag === 0x8825) info.gps = true;
        if (tag === 0x8769) entries(u32(e + 8), function (t, x) {
          if (t !== 0x9003) return;
          var o = u32(x + 8), text = "";
          for (var k = 0; k < 19; k++) text += String.fromCharCode(v.getUint8(o + k));
          var m = /^(\d{4}):(\d\d):(\d\d) (\d\d):(\d\d)/.exec(text);
          if (m) info.taken = m[3] + "/" + m[2] + "/" + m[1] + " " + m[4] + ":" + m[5];
        });
      });
    } catch (err) { /* a malformed EXIF: kept as it is, not read */ }
    return info;
  }
  function photo(file) {
    return file.arrayBuffer().then(function (buf) {
      var bytes = new Uint8Array(buf), exif = exifOf(bytes), info = exif ? exifInfo(exif, false) : { taken: "", gps: false };
      return createImageBitmap(file, { imageOrientation: "from-image" }).then(function (img) {
        var scale = Math.min(1, photoPx / Math.max(img.width, img.height));
        if (scale === 1) return { blob: file, width: img.width, height: img.height, info: info };
        var canvas = document.createElement("canvas");
        canvas.width = Math.round(img.width * scale);
        canvas.height = Math.round(img.height * scale);
        canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
        return new Promise(function (resolve) { canvas.toBlob(resolve, "image/jpeg", 0.85); }).then(function (small) {
          if (!exif) return small;
          exifInfo(exif, true);
          return small.arrayBuffer().then(function (b) {
            return new Blob([new Uint8Array(b, 0, 2), exif, new Uint8Array(b, 2)], { type: "image/jpeg" });
          });
        }).then(function (blob) { return { blob: blob, width: canvas.width, height: canvas.height, info: info }; });
      });
    });
  }
  function photoLine(p) {
    return T.photo + " " + p.width + "×" + p.height + ", " + Math.round(p.blob.size / 1024) + " KB" +
      (p.info.taken ? ", " + T.taken + " " + p.info.taken : "") + (p.info.gps ? ", " + T.where : "");
  }

  // The waiting list above the form.
  var panel = document.createElement("section");
  panel.className = "panel offline-queue";
  panel.id = "offline-queue";
  panel.setAttribute("aria-live", "polite");
  form.parentNode.insertBefore(panel, form);
  var note = "";
  var states = { waiting: T.waiting, sent: T.sent, conflict: T.conflict, refused: T.refused };
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
      panel.appendChild(el("h2", T.queue));
      var list = el("ul", "", "queue");
      items.forEach(function (item) {
        var li = el("li", "", "queue-item " + item.state);
        var period = item.period.split("-").reverse().join("/");
        var photos = item.photos || [];
        li.appendChild(el("span", T.period + " " + period + " · " + Object.keys(item.values).length + " " + (Object.keys(item.values).length === 1 ? T.value : T.values) +
          (photos.length ? " · " + photos.length + " " + T.photos : "") + (item.draft ? " · " + T.draft : "") + " · " +
          states[item.state] + (item.message ? " — " + item.message : "")));
        if (photos.length && item.state !== "sent") {
          var pl = el("ul", "", "photos");
          photos.forEach(function (p) {
            var li2 = el("li");
            var img = document.createElement("img");
            img.src = URL.createObjectURL(p.blob);
            img.alt = "";
            img.onload = function () { URL.revokeObjectURL(img.src); };
            li2.appendChild(img);
            li2.appendChild(document.createTextNode(p.label + ": " + photoLine(p)));
            pl.appendChild(li2);
          });
          li.appendChild(pl);
        }
        (item.conflicts || []).forEach(function (c) {
          var box = el("div", "", "conflict");
          box.appendChild(el("p", c.label + ": " + T.seen + " " + (c.base || T.none) + " → " + T.server + " " +
            (c.server || T.none) + " → " + T.phone + " " + c.phone));
          [["phone", T.keepPhone], ["server", T.keepServer]].forEach(function (choice) {
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
          var b = el("button", T.remove, "secondary");
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
    // "Lưu nháp" queues a draft; "Kiểm tra trước khi gửi" values to submit.
    var draft = !!(e.submitter && e.submitter.value === "draft");
    var item = { key: newKey(), user: user, unit: form.getAttribute("data-unit"),
      period: form.getAttribute("data-period"), values: {}, notes: {}, base: {}, choice: {},
      state: "waiting", created: new Date().toISOString(), draft: draft,
      csrf: (form.querySelector("[name='csrf']") || {}).value || "" };
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
    var files = [];
    form.querySelectorAll("input[type='file'][name^='f.']").forEach(function (input) {
      var file = input.files && input.files[0];
      if (!file) return;
      var measure = input.name.slice(2), label = form.querySelector("label[for='v-" + measure + "']");
      label = label ? label.textContent.trim() : measure;
      if (!/^image\/(jpeg|png)$/.test(file.type)) {
        problems.push(label + ": " + T.onlyPhotos.replace("%s", file.name));
        return;
      }
      files.push({ measure: measure, label: label, file: file });
    });
    if (problems.length) { note = ""; render(); alert(problems.join("\n")); return; }
    if (!Object.keys(item.values).length && !files.length) { note = T.nothing; render(); return; }
    note = T.resizing;
    render();
    Promise.all(files.map(function (f) {
      return photo(f.file).then(function (p) {
        p.measure = f.measure;
        p.label = f.label;
        p.name = f.file.name.replace(/\.[^.]*$/, "") + (p.blob.type === "image/png" ? ".png" : ".jpg");
        return p;
      });
    })).then(function (photos) {
      item.photos = photos;
      return put(item);
    }).then(function () {
      syncLater();
      form.querySelectorAll("input[type='file'][name^='f.']").forEach(function (input) { input.value = ""; });
      note = T.saved;
      return render();
    }).catch(function (err) {
      note = "";
      render();
      alert(T.unreadable + (err && err.message || err));
    });
  });

  // Sends the waiting items (queue.js) with this page's token.
  var sending = false;
  function send() {
    var csrf = form.querySelector("[name='csrf']");
    if (sending || !navigator.onLine || !csrf) return Promise.resolve();
    sending = true;
    return mine().then(function (items) {
      if (items.some(function (i) { return i.state === "waiting"; })) note = "";  // the list says
      return NtmQueue.send(user, csrf.value);
    }).then(function (r) {
      sending = false;
      if (r.signedOut) note = T.signedOut;
      if (r.offline) syncLater();
      // A page kept from before: load it again (a fresh token), once.
      if (r.stale && !sessionStorage.getItem("ntm-reloaded")) {
        sessionStorage.setItem("ntm-reloaded", "1");
        location.reload();
        return;
      }
      if (r.stored) {
        // The form shows what the server holds now (the list keeps "đã gửi").
        sessionStorage.removeItem("ntm-reloaded");
        location.reload();
        return;
      }
      return render();
    }, function () { sending = false; return render(); });
  }
  render().then(send);
})();
