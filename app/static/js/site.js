/* Small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  // "Use my location": only offered where the browser can answer.
  function useMyLocation(button) {
    var input = document.getElementById(button.getAttribute("data-use-location"));
    if (!input || !("geolocation" in navigator)) return;
    var status = document.getElementById(input.id + "-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "Finding your location…";
      navigator.geolocation.getCurrentPosition(
        function (position) {
          // Two decimals, about a kilometre: enough to find who is near, and the URL, the back
          // links and a printed sheet never carry where exactly someone is.
          input.value = position.coords.latitude.toFixed(2) + ", " + position.coords.longitude.toFixed(2);
          status.textContent = "Location set to where you are now. Press Search to continue.";
          input.focus();
        },
        function () {
          status.textContent = "We couldn't get your location. Type a ZIP code or city instead.";
          input.focus();
        },
        { timeout: 10000, maximumAge: 600000 }
      );
    });
  }

  // Print buttons: the print stylesheet turns the page into a referral sheet.
  function printButton(button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  // Panels that start folded (so a phone sees results first) open on a wide screen.
  function openWhenWide(details) {
    if (window.matchMedia && window.matchMedia("(min-width: 48em)").matches) details.open = true;
  }

  // Shortlist add/remove without leaving the page: the answer goes into the live region
  // under the button, where the eye already is. Any failure falls back to a normal post.
  function shortlistForm(form) {
    if (!window.fetch || !window.FormData) return;
    var button = form.querySelector("button[type=submit]");
    var label = button.firstChild;
    var status = form.querySelector("[role=status]");
    var busy = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (busy) return;
      busy = true;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin"
      })
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response); })
        .then(function (body) {
          form.action = form.getAttribute(body.listed ? "data-remove-url" : "data-add-url");
          label.textContent = body.listed ? "Remove from shortlist" : "Add to shortlist";
          button.classList.toggle("button--quiet", body.listed);
          var link = document.createElement("a");
          link.href = form.getAttribute("data-shortlist-url");
          link.textContent = "Open your shortlist";
          status.textContent = body.message + " ";
          status.appendChild(link);
          each("[data-shortlist-count]", function (count) {
            count.textContent = body.count ? "(" + body.count + ")" : "";
          });
          busy = false;
        })
        .catch(function () { form.submit(); });
    });
  }

  // Copy buttons: the number is selectable text without them (the no-JS fallback).
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var scratch = document.createElement("textarea");
    scratch.value = text;
    scratch.setAttribute("readonly", "");
    scratch.className = "visually-hidden";
    document.body.appendChild(scratch);
    scratch.select();
    var copied = document.execCommand && document.execCommand("copy");
    document.body.removeChild(scratch);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copyButton(button) {
    var status = document.querySelector("[data-copy-status]");
    var word = button.firstChild;
    button.hidden = false;
    button.addEventListener("click", function () {
      var number = button.getAttribute("data-copy");
      copyText(number).then(
        function () {
          word.textContent = "Copied";
          if (status) status.textContent = "Copied " + number + ".";
          window.setTimeout(function () { word.textContent = "Copy"; }, 2000);
        },
        function () {
          if (status) status.textContent = "Couldn't copy: select the number and press Ctrl+C.";
        }
      );
    });
  }

  each("[data-use-location]", useMyLocation);
  each("[data-print]", printButton);
  each("details[data-open-wide]", openWhenWide);
  each("form[data-shortlist-form]", shortlistForm);
  each("[data-copy]", copyButton);
})();
