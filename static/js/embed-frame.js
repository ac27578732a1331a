// Pages shown inside a partner's iframe tell the parent page their height (static/js/embed.js resizes the frame).
(function () {
  "use strict";
  if (window.parent === window) { return; }
  function tellHeight() {
    window.parent.postMessage({type: "advocacy:height", height: document.documentElement.scrollHeight}, "*");
  }
  window.addEventListener("load", tellHeight);
  if (window.ResizeObserver) { new ResizeObserver(tellHeight).observe(document.body); }
})();
