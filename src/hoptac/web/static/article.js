// Links highlighted evidence in the text with the facts panel, both ways.
(function () {
  const focus = document.currentScript && document.currentScript.dataset.focus;
  const marks = Array.from(document.querySelectorAll("mark.fact"));
  const items = Array.from(document.querySelectorAll(".fact-item"));
  function select(factId, scroll) {
    marks.forEach((m) => m.classList.toggle("active", m.dataset.facts.split(" ").includes(factId)));
    items.forEach((i) => i.classList.toggle("active", i.dataset.fact === factId));
    const item = document.getElementById("fact-" + factId);
    if (item) {
      const details = item.querySelector("details");
      if (details) details.open = true;
    }
    if (scroll) {
      const first = marks.find((m) => m.classList.contains("active"));
      if (first) first.scrollIntoView({ block: "center" });
    }
  }
  marks.forEach((m) => {
    const pick = () => {
      const ids = m.dataset.facts.split(" ");
      const current = ids.findIndex((id) => document.getElementById("fact-" + id)?.classList.contains("active"));
      const next = ids[(current + 1) % ids.length];
      select(next, false);
      document.getElementById("fact-" + next)?.scrollIntoView({ block: "nearest" });
    };
    m.addEventListener("click", pick);
    m.addEventListener("keydown", (e) => { if (e.key === "Enter") pick(); });
  });
  items.forEach((i) => {
    i.addEventListener("click", (e) => { if (e.target.tagName !== "A" && e.target.tagName !== "SUMMARY") select(i.dataset.fact, true); });
  });
  if (focus) select(focus, true);
})();
