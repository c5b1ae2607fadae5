// The audit page's one job: show where a value came from.  Everything is readable without it.
(function () {
  "use strict";
  var status = document.getElementById("status");

  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  function hasField(el, field) { return (el.getAttribute("data-fields") || "").split(" ").indexOf(field) >= 0; }

  // Scroll el to the middle of its own scrolling pane only, so the tables stay where they are.
  function centre(el) {
    var pane = el.closest("#pages, #text");
    if (!pane) { el.scrollIntoView({block: "center"}); return; }
    var top = el.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
    pane.scrollTop = Math.max(0, top - pane.clientHeight / 2);
  }

  function show(field) {
    each(".hl", function (el) { el.classList.remove("hl"); });
    var found = {marks: 0, boxes: 0};
    each(".v[data-field]", function (el) { if (el.getAttribute("data-field") === field) el.classList.add("hl"); });
    each("mark[data-fields]", function (el) {
      if (hasField(el, field)) { el.classList.add("hl"); if (!found.marks++) centre(el); }
    });
    each(".box[data-fields]", function (el) {
      if (hasField(el, field)) { el.classList.add("hl"); if (!found.boxes++) centre(el); }
    });
    var cell = document.querySelector('.v[data-field="' + field + '"]');
    var where = found.marks ? "highlighted in the text" + (found.boxes ? " and on the page" : "")
                            : "no place in the text (derived, blank or not found)";
    if (status) status.textContent = field + (cell && cell.title ? " — " + cell.title.split("\n").slice(1).join("; ") : "") + " — " + where;
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest(".v[data-field], button.field");
    if (target) { show(target.getAttribute("data-field")); return; }
    var place = event.target.closest("a.place");
    if (place) {
      var anchor = document.getElementById(place.getAttribute("href").slice(1));
      if (anchor) { event.preventDefault(); each(".hl", function (el) { el.classList.remove("hl"); }); anchor.classList.add("hl"); centre(anchor); }
    }
  });
  document.addEventListener("focusin", function (event) {
    var target = event.target.closest && event.target.closest(".v[data-field]");
    if (target) show(target.getAttribute("data-field"));
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target.closest && event.target.closest(".v[data-field]");
    if (target && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); show(target.getAttribute("data-field")); }
  });

  // The corpus table: sort by a column, filter by any text.
  each("table.sortable", function (table) {
    var body = table.tBodies[0];
    Array.prototype.forEach.call(table.querySelectorAll("th button"), function (button) {
      button.addEventListener("click", function () {
        var th = button.parentNode, column = Array.prototype.indexOf.call(th.parentNode.children, th);
        var numeric = th.getAttribute("data-type") === "number";
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.querySelectorAll("th"), function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-value"), y = b.cells[column].getAttribute("data-value");
          if (numeric) {  // blanks last, whichever way
            if (x === "" || y === "") return (x === "") - (y === "");
            return ascending ? x - y : y - x;
          }
          return ascending ? x.localeCompare(y, "zh") : y.localeCompare(x, "zh");
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  var filter = document.getElementById("filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0, rows = document.querySelectorAll("#corpus tbody tr");
      Array.prototype.forEach.call(rows, function (row) {
        var text = row.textContent.toLowerCase();
        var keep = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !keep; shown += keep;
      });
      document.getElementById("shown").textContent = words.length ? shown + " of " + rows.length + " shown" : "";
    });
  }
})();
