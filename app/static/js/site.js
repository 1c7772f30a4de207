/* Small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

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
          input.value = position.coords.latitude.toFixed(4) + ", " + position.coords.longitude.toFixed(4);
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

  // On a phone, start with the filters folded unless one is already chosen.
  function foldFilters(details) {
    var narrow = window.matchMedia && window.matchMedia("(max-width: 47.99em)").matches;
    if (narrow && !details.querySelector("input:checked")) details.open = false;
  }

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  each("[data-use-location]", useMyLocation);
  each("[data-print]", printButton);
  each("details[data-collapse-narrow]", foldFilters);
})();
