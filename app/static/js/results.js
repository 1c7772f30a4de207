/* The results page on top of the plain HTML: a filters drawer on a phone, the list/map
   toggle, "Show in the list" from a map pin, and the compact view's keyboard shortcuts.
   Runs after map.js (DOMContentLoaded), so it knows whether the map came up. */
(function () {
  "use strict";
  var narrow = window.matchMedia ? window.matchMedia("(max-width: 47.99em)") : { matches: false };

  // Filters: a <details> that works anywhere; on a phone, a modal drawer (focus stays in it,
  // Escape closes it) with the same form and its Apply button.
  function filtersDrawer(details) {
    var form = details.querySelector("form");
    var summary = details.querySelector("summary");
    if (!form || !summary || typeof HTMLDialogElement !== "function") return;
    var dialog = document.createElement("dialog");
    var head = document.createElement("div");
    var title = document.createElement("h2");
    var close = document.createElement("button");
    dialog.className = "drawer";
    dialog.setAttribute("aria-labelledby", "drawer-title");
    head.className = "drawer__head";
    title.id = "drawer-title";
    title.textContent = "Filter results";
    close.type = "button";
    close.className = "button button--small button--quiet";
    close.textContent = "Close";
    head.appendChild(title);
    head.appendChild(close);
    dialog.appendChild(head);
    document.body.appendChild(dialog);
    summary.addEventListener("click", function (event) {
      if (!narrow.matches) return;
      event.preventDefault();
      dialog.appendChild(form);
      dialog.showModal();
    });
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () {
      details.appendChild(form);
      summary.focus();
    });
  }

  // List or map (below the widest layout, where both show side by side).
  function viewToggle(toggle) {
    var layout = toggle.closest(".results-layout");
    var mapSection = layout && layout.querySelector("[data-map-section]");
    var map = document.getElementById("results-map");
    if (!mapSection || mapSection.hidden || !map) return; // map.js did not draw a map
    var buttons = toggle.querySelectorAll("[data-show]");
    function show(mode) {
      layout.setAttribute("data-showing", mode);
      Array.prototype.forEach.call(buttons, function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-show") === mode));
      });
      if (mode === "map") map.dispatchEvent(new CustomEvent("map:shown"));
    }
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () { show(button.getAttribute("data-show")); });
    });
    // "Show in the list" in a pin's popup: back to the list, focus on that physician's card.
    layout.addEventListener("click", function (event) {
      var link = event.target.closest("[data-show-card]");
      var card = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!card) return;
      event.preventDefault();
      show("list");
      card.setAttribute("tabindex", "-1");
      card.focus();
    });
    toggle.hidden = false;
    show("list");
  }

  // Compact view: shortcuts that act only while focus is in the table (WCAG 2.1.4).
  function compactShortcuts(region) {
    var rows = Array.prototype.slice.call(region.querySelectorAll("[data-row]"));
    var help = document.querySelector("[data-shortcuts]");
    if (help) help.hidden = false;
    function focusRow(index) {
      var row = rows[Math.max(0, Math.min(rows.length - 1, index))];
      row.querySelector("[data-row-link]").focus();
    }
    region.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var row = event.target.closest("[data-row]");
      if (!row) return;
      var index = rows.indexOf(row);
      var phone = row.querySelector("td[data-label='Phone'] [data-copy]");
      var fax = row.querySelector("td[data-label='Fax'] [data-copy]");
      var key = event.key;
      if (key === "j" || key === "ArrowDown") focusRow(index + 1);
      else if (key === "k" || key === "ArrowUp") focusRow(index - 1);
      else if (key === "c" && phone) phone.click();
      else if (key === "f" && fax) fax.click();
      else return;
      event.preventDefault();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-filters]"), filtersDrawer);
    Array.prototype.forEach.call(document.querySelectorAll("[data-view-toggle]"), viewToggle);
    Array.prototype.forEach.call(document.querySelectorAll("[data-compact-table]"), compactShortcuts);
  });
})();
