/* Autocomplete for the search box and the location box: ARIA 1.2 comboboxes with a
   listbox popup. Without JavaScript each is a plain text field; a suggestion never submits
   the form by itself, except a physician's name, which opens that physician's page.
   - input[data-autocomplete]: conditions, procedures, specialties, names (/api/v1/suggest)
   - input[data-places]: ZIP codes and "City, ST" from offline data (/api/v1/places); a
     city name found in several states lists each one, so the choice is the person's. */
(function () {
  "use strict";
  if (!window.fetch) return;
  var KINDS = { condition: "Condition", procedure: "Procedure", specialty: "Specialty", physician: "Physician" };

  function combobox(input, endpoint, read) {
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
    input.setAttribute("autocomplete", "off"); // ours replaces the browser's own list
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    function close() {
      // A lookup still waiting (typed just before Enter, Escape or Tab) or on its way must
      // not reopen the list once it is closed.
      window.clearTimeout(timer);
      requestNumber++;
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
      if (item.href) {
        window.location.href = item.href;
        return;
      }
      input.value = item.value;
      close();
      status.textContent = item.value + " chosen.";
    }

    function render(suggestions) {
      // An answer that arrives after the person moved on must not reopen the list over
      // the next field or the Search button.
      var chosen = active >= 0 && items[active] ? items[active].value : null;
      items = document.activeElement === input ? suggestions : [];
      listbox.textContent = "";
      active = -1;
      if (!items.length) {
        close();
        return;
      }
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listbox.id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.appendChild(document.createTextNode(item.label));
        if (item.kind) {
          var kind = document.createElement("span");
          kind.className = "kind";
          kind.textContent = item.kind;
          option.appendChild(kind);
        }
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { choose(index); });
        listbox.appendChild(option);
      });
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = items.length + " suggestions. Use the up and down arrows to choose one.";
      // A later answer for the same text keeps the option the person had arrowed to.
      var still = items.map(function (item) { return item.value; }).indexOf(chosen);
      if (still >= 0) highlight(still);
    }

    function lookup() {
      var text = input.value.trim();
      var number = ++requestNumber;
      if (text.length < 2) {
        render([]);
        return;
      }
      fetch(endpoint + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (body) { if (number === requestNumber) render(body ? read(body) : []); })
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
  }

  function terms(body) {
    return (body.suggestions || []).map(function (item) {
      return {
        label: item.label,
        value: item.label,
        kind: KINDS[item.kind] || "",
        href: item.kind === "physician" ? "/physicians/" + encodeURIComponent(item.id) : null
      };
    });
  }

  function places(body) {
    return (body.places || []).map(function (place) {
      return { label: place.label, value: place.value, kind: /^\d/.test(place.value) ? "ZIP code" : "City" };
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-autocomplete]"), function (input) {
    combobox(input, input.getAttribute("data-autocomplete"), terms);
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[data-places]"), function (input) {
    combobox(input, input.getAttribute("data-places"), places);
  });
})();
