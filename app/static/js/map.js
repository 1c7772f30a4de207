/* The results map: reads markers from data-markers and draws them with Leaflet.
   The list above it has the same physicians, so the page is complete without the map;
   if tiles can't load, markers still show on a plain background. */
(function () {
  "use strict";
  var element = document.getElementById("results-map");
  if (!element || !window.L) return;
  var markers;
  try {
    markers = JSON.parse(element.getAttribute("data-markers") || "[]");
  } catch (error) {
    return;
  }
  if (!markers.length) return;

  var section = element.closest("[data-map-section]");
  if (section) section.hidden = false;

  var map = window.L.map(element, { scrollWheelZoom: false });
  window.L.tileLayer("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
  }).addTo(map);

  function popup(item) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    var address = document.createElement("p");
    link.href = item.url;
    link.textContent = item.name;
    address.textContent = item.address;
    box.appendChild(link);
    box.appendChild(address);
    return box;
  }

  var points = markers.map(function (item) {
    window.L.marker([item.lat, item.lon], { title: item.name, alt: item.name, keyboard: true })
      .bindPopup(popup(item))
      .addTo(map);
    return [item.lat, item.lon];
  });
  map.fitBounds(points, { padding: [24, 24], maxZoom: 14 });
})();
