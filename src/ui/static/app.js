// Progressive enhancement only: every page works without this file.
// Click a column header of a .sortable table to sort by it (numbers aware).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, col) {
      th.tabIndex = 0;
      var dir = 1;
      function sort() {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-sort") || a.cells[col].textContent.trim();
          var y = b.cells[col].getAttribute("data-sort") || b.cells[col].textContent.trim();
          var nx = parseFloat(x.replace(/\./g, "").replace(",", ".")), ny = parseFloat(y.replace(/\./g, "").replace(",", "."));
          if (!isNaN(nx) && !isNaN(ny)) return (nx - ny) * dir;
          return x.localeCompare(y, "vi") * dir;
        });
        rows.forEach(function (r) { body.appendChild(r); });
        table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
        dir = -dir;
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
    });
  });
});
// A "print" button (the page prints fine from the browser menu too).
document.addEventListener("click", function (e) {
  if (e.target.closest && e.target.closest("[data-print]")) window.print();
});
// Menus and the date / set pickers fold away on phones (a summary line opens
// them) and stay open on wider screens; without this file they start folded.
(function () {
  var wide = window.matchMedia("(min-width: 40.01rem)");
  function sync() {
    document.querySelectorAll("details[data-open-wide]").forEach(function (d) {
      if (wide.matches) d.open = true;
      else if (!d.querySelector("[role=alert]")) d.open = false;
    });
  }
  document.addEventListener("DOMContentLoaded", sync);
  if (wide.addEventListener) wide.addEventListener("change", sync);
})();
// A table wider than a phone scrolls sideways: keyboard users reach it too.
function focusableScrollers() {
  document.querySelectorAll("table.data, .table-scroll").forEach(function (t) {
    if (t.scrollWidth > t.clientWidth + 1) t.tabIndex = 0;
    else if (t.tabIndex === 0) t.removeAttribute("tabindex");
  });
}
document.addEventListener("DOMContentLoaded", focusableScrollers);
window.addEventListener("resize", focusableScrollers);
