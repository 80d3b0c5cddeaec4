// Localities and partnership lines from /api/map over the bundled country outlines.
(function () {
  const form = document.getElementById("map-filters");
  const status = document.getElementById("map-status");
  const colours = { sister: "#b3261e", friendship: "#d98324", cooperation: "#2f7d32", membership: "#3b5ba5" };
  const box = document.getElementById("map");
  const vi = box.dataset.lang === "vi";
  const relations = JSON.parse(box.dataset.relations || "{}");
  const nameOf = (p) => (vi ? p.name_vi || p.name : p.name || p.name_vi) || p.id;
  let fitted = false;
  const map = L.map("map", { worldCopyJump: true }).setView([16, 106], 3);
  fetch("/static/basemap/countries.geojson").then((r) => r.json()).then((world) => {
    L.geoJSON(world, { style: { color: "#8a9bb0", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false }).addTo(map).bringToBack();
  });
  let tiles = null;
  let layer = null;
  function esc(s) { return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]); }
  async function draw() {
    const query = new URLSearchParams();
    for (const el of form.elements) if (el.name && el.value && el.type !== "checkbox") query.set(el.name, el.value);
    const useTiles = document.getElementById("online-tiles").checked;
    if (useTiles && !tiles) tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { attribution: "© OpenStreetMap" }).addTo(map);
    if (!useTiles && tiles) { map.removeLayer(tiles); tiles = null; }
    const response = await fetch("/api/map?" + query.toString());
    const data = await response.json();
    if (layer) map.removeLayer(layer);
    // Line popups name both ends: every end of a line is a point of the same answer.
    const names = {};
    for (const f of data.features) if (f.properties.feature === "party") names[f.properties.id] = nameOf(f.properties);
    layer = L.geoJSON(data, {
      // Lines only: a style here would also override the markers' own colours from pointToLayer.
      style: (f) => (f.properties.feature === "party" ? {} : { color: colours[f.properties.relation] || "#888",
        weight: 1 + Math.min(5, f.properties.events || 0), dashArray: f.properties.relation ? null : "4 4", opacity: 0.7 }),
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 3 + Math.min(12, Math.sqrt(f.properties.events || 1) * 2),
        color: f.properties.country === "VN" ? "#c0392b" : "#2b6cb0", weight: 1, fillOpacity: 0.8 }),
      onEachFeature: (f, l) => {
        const p = f.properties;
        if (p.feature === "party") {
          l.bindPopup('<a href="/party/' + encodeURIComponent(p.id) + '">' + esc(nameOf(p)) + "</a><br>" + esc(p.events) + " " + esc(box.dataset.events));
        } else {
          l.bindPopup('<a href="/partnership/' + encodeURIComponent(p.source) + "/" + encodeURIComponent(p.target) + '">' +
            esc(names[p.source] || p.source) + " – " + esc(names[p.target] || p.target) + "</a><br>" + (p.human ? "✎ " : "") + esc(relations[p.relation] || "") + " " + esc(p.since || "") + " · " + esc(p.events) + " " + esc(box.dataset.events));
        }
      },
    }).addTo(map);
    // Open on the data, not on a fixed view; later filters keep the view the reader chose.
    const bounds = layer.getBounds();
    if (!fitted && bounds.isValid()) { map.fitBounds(bounds.pad(0.05)); fitted = true; }
    status.textContent = data.features.length + " " + box.dataset.features;
    window.hoptacMapLayer = layer;
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); draw(); });
  draw();
})();
