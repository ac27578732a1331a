// Pages shown inside a partner's iframe tell the parent page their height (static/js/embed.js resizes the frame).
// Measured from the body, not the document, so the frame shrinks again when a page is shorter than the last.
(function () {
  "use strict";
  if (window.parent === window) { return; }
  function tellHeight() {
    var body = document.body;
    var height = body.getBoundingClientRect().bottom + parseFloat(getComputedStyle(body).marginBottom || 0);
    window.parent.postMessage({type: "advocacy:height", height: Math.ceil(height + window.scrollY)}, "*");
  }
  window.addEventListener("load", tellHeight);
  if (window.ResizeObserver) { new ResizeObserver(tellHeight).observe(document.body); }
})();
