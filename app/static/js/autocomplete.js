/* Autocomplete for the search box: an ARIA 1.2 combobox with a listbox popup.
   Without JavaScript the box is a plain text field; suggestions never submit by themselves,
   except a physician's name, which opens that physician's page. */
(function () {
  "use strict";
  var input = document.querySelector("input[data-autocomplete]");
  if (!input || !window.fetch) return;

  var endpoint = input.getAttribute("data-autocomplete");
  var KINDS = { condition: "Condition", procedure: "Procedure", specialty: "Specialty", physician: "Physician" };
  var listbox = document.createElement("ul");
  var status = document.createElement("p");
  var items = [];
  var active = -1;
  var requestNumber = 0;
  var timer = null;

  listbox.id = input.id + "-listbox";
  listbox.className = "suggestions";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", "Suggestions");
  listbox.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.parentNode.appendChild(listbox);
  input.parentNode.appendChild(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    var options = listbox.children;
    if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
    active = index;
    if (index < 0) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    options[index].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", options[index].id);
    options[index].scrollIntoView({ block: "nearest" });
  }

  function choose(index) {
    var item = items[index];
    if (!item) return;
    if (item.kind === "physician") {
      window.location.href = "/physicians/" + encodeURIComponent(item.id);
      return;
    }
    input.value = item.label;
    close();
    status.textContent = item.label + " chosen.";
  }

  function render(suggestions) {
    items = suggestions;
    listbox.textContent = "";
    active = -1;
    if (!items.length) {
      close();
      return;
    }
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      var kind = document.createElement("span");
      option.id = listbox.id + "-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.appendChild(document.createTextNode(item.label));
      kind.className = "kind";
      kind.textContent = KINDS[item.kind] || "";
      option.appendChild(kind);
      option.addEventListener("mousedown", function (event) { event.preventDefault(); });
      option.addEventListener("click", function () { choose(index); });
      listbox.appendChild(option);
    });
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
    status.textContent = items.length + " suggestions. Use the up and down arrows to choose one.";
  }

  function lookup() {
    var text = input.value.trim();
    var number = ++requestNumber;
    if (text.length < 2) {
      render([]);
      return;
    }
    fetch(endpoint + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (body) { if (number === requestNumber) render(body.suggestions || []); })
      .catch(function () { if (number === requestNumber) render([]); });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(lookup, 150);
  });

  input.addEventListener("keydown", function (event) {
    var open = !listbox.hidden;
    if (event.key === "ArrowDown") {
      if (!open) { lookup(); return; }
      event.preventDefault();
      highlight(active + 1 < items.length ? active + 1 : 0);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active > 0 ? active - 1 : items.length - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      close();
    }
  });

  input.addEventListener("blur", function () { window.setTimeout(close, 150); });
})();
