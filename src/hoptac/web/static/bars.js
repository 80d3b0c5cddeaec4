// Bar widths from data-share (percent): set through the DOM, as the pages carry no inline style.
document.addEventListener("DOMContentLoaded", () => {
  for (const bar of document.querySelectorAll(".bar[data-share]")) bar.style.width = `${bar.dataset.share}%`;
});
