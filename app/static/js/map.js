/* The results map: pins from data-markers, clustered with Leaflet.markercluster.
   Every pin and every cluster is a focusable button (Enter opens a pin's popup or zooms
   into a cluster); each popup links to the physician's card in the list and to their page.
   The tile server comes from data-tile-url (MAP_TILE_URL); with none, or when tiles fail
   to load, the pins still show on a plain background and the list is complete anyway. */
(function () {
  "use strict";
  var element = document.getElementById("results-map");
  if (!element || !window.L) return;
  var L = window.L;
  var markers;
  try {
    markers = JSON.parse(element.getAttribute("data-markers") || "[]");
  } catch (error) {
    return;
  }
  if (!markers.length) return;

  var section = element.closest("[data-map-section]");
  var note = section && section.querySelector("[data-map-note]");
  if (section) section.hidden = false;

  var map = L.map(element, { scrollWheelZoom: false });
  var tileUrl = element.getAttribute("data-tile-url");

  function say(text) {
    if (note) note.textContent = text + " Every practice on the map is also in the list, with its address.";
  }

  if (tileUrl) {
    var tiles = L.tileLayer(tileUrl, { maxZoom: 18, attribution: element.getAttribute("data-attribution") || "" });
    var warned = false;
    tiles.on("tileerror", function () {
      if (warned) return;
      warned = true;
      element.classList.add("map--no-tiles");
      say("The map background couldn't load, so the pins show on a plain background.");
    });
    tiles.addTo(map);
  } else {
    element.classList.add("map--no-tiles");
    say("The map background is switched off on this site.");
  }

  // "Back to results" from a profile opened on the map returns to this very list.
  var back = "?back=" + encodeURIComponent(window.location.pathname + window.location.search);

  function popup(item) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    var address = document.createElement("p");
    var inList = document.createElement("a");
    link.href = item.url + back;
    link.textContent = item.name;
    address.textContent = item.address;
    inList.href = "#hit-" + item.url.split("/").pop();
    inList.textContent = "Show in the list";
    inList.setAttribute("data-show-card", "");
    box.appendChild(link);
    box.appendChild(address);
    box.appendChild(inList);
    return box;
  }

  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var html = '<span aria-hidden="true">' + count + '</span><span class="visually-hidden">' +
      count + " practices close together: zoom in</span>";
    return L.divIcon({ html: html, className: "map-cluster", iconSize: L.point(40, 40) });
  }

  var group = L.markerClusterGroup({
    iconCreateFunction: clusterIcon,
    showCoverageOnHover: false,
    maxClusterRadius: 40
  });
  var points = markers.map(function (item) {
    group.addLayer(
      L.marker([item.lat, item.lon], { title: item.name, alt: item.name, keyboard: true })
        .bindPopup(popup(item))
    );
    return [item.lat, item.lon];
  });
  map.addLayer(group);
  // The zoom level on the element: lets a test (or a stylesheet) see what a cluster did.
  map.on("zoomend", function () { element.setAttribute("data-zoom", String(map.getZoom())); });
  map.fitBounds(points, { padding: [24, 24], maxZoom: 14 });
  element.setAttribute("data-zoom", String(map.getZoom()));
  // results.js shows the map after it was hidden (list/map toggle): re-measure then.
  element.addEventListener("map:shown", function () {
    map.invalidateSize();
    map.fitBounds(points, { padding: [24, 24], maxZoom: 14 });
  });
})();
