// filon web: progressive enhancement only; every page works without this file.
"use strict";

// Layer toggles of the document page: a checked box shows that layer's highlights.
function setUpLayers() {
  const box = document.getElementById("layers");
  const text = document.getElementById("text");
  if (!box || !text) return;
  box.hidden = false;
  box.addEventListener("change", (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.dataset.layer) {
      text.classList.toggle("hide-" + input.dataset.layer, !input.checked);
    }
  });
}

// Highlights carry their conclusion in `title`; make them reachable by keyboard too, so the
// browser shows it on focus and screen readers read it.
function focusableHighlights() {
  document.querySelectorAll("#text mark.hl, #text .hl-quote").forEach((el) => {
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0");
    if (el.title && !el.hasAttribute("aria-description")) el.setAttribute("aria-description", el.title);
  });
}

// Following an anchor to evidence moves keyboard focus there as well as the view.
function focusTarget() {
  if (!location.hash) return;
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) {
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: false });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  setUpLayers();
  focusableHighlights();
  focusTarget();
});
window.addEventListener("hashchange", focusTarget);
