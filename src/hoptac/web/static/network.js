// Partner network from /api/graph, drawn with the bundled Cytoscape.js.
(function () {
  const form = document.getElementById("graph-filters");
  const status = document.getElementById("graph-status");
  const box = document.getElementById("graph");
  const colours = { sister: "#b3261e", friendship: "#d98324", cooperation: "#2f7d32", membership: "#3b5ba5" };
  const vi = box.dataset.lang === "vi";
  const relations = JSON.parse(box.dataset.relations || "{}");
  const params = new URLSearchParams(location.search);
  for (const [k, v] of params) if (form.elements[k]) form.elements[k].value = v;
  let cy = null;
  async function draw() {
    const query = new URLSearchParams();
    for (const el of form.elements) if (el.name && el.value) query.set(el.name, el.value);
    status.textContent = "…";
    const response = await fetch("/api/graph?" + query.toString());
    const data = await response.json();
    if (!response.ok) { status.textContent = JSON.stringify(data.detail); return; }
    status.textContent = data.nodes.length + " " + box.dataset.nodes + " · " + data.edges.length + " " + box.dataset.edges +
      (data.truncated ? " (" + box.dataset.top + ")" : "");
    const max = Math.max(1, ...data.nodes.map((n) => n.events));
    const elements = data.nodes.map((n) => ({ data: {
      id: n.id, label: vi ? (n.name_vi || n.name) : (n.name || n.name_vi), size: 12 + 40 * Math.sqrt(n.events / max),
      colour: n.country === "VN" ? "#c0392b" : (n.kind === "country" ? "#555" : "#2b6cb0") } }));
    data.edges.forEach((e, i) => elements.push({ data: {
      id: "e" + i, source: e.source, target: e.target, width: 1 + Math.min(8, e.events),
      colour: colours[e.relation] || "#999", style: e.relation ? "solid" : "dashed",
      // "✎" marks a relationship an editor added or changed.
      label: (e.human ? "✎ " : "") + (relations[e.relation] || "") + (e.since ? " " + e.since : "") } }));
    if (cy) cy.destroy();
    cy = cytoscape({
      container: box, elements: elements,
      style: [
        { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)",
          label: "data(label)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 2 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "line-style": "data(style)",
          "curve-style": "straight", opacity: 0.7, label: "data(label)", "font-size": 7, color: "#666" } },
      ],
      layout: { name: "cose", animate: false, nodeRepulsion: 6000, idealEdgeLength: 60, numIter: 800 },
      wheelSensitivity: 0.3,
    });
    cy.on("tap", "node", (evt) => { location.href = box.dataset.profile + encodeURIComponent(evt.target.id()); });
    window.hoptacGraph = cy;
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); draw(); });
  draw();
})();
