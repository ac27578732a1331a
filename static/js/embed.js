// Partner sites: include after the <iframe> of /c/<slug>/embed/; it grows the iframe to fit its content.
(function () {
  "use strict";
  window.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "advocacy:height") { return; }
    document.querySelectorAll("iframe").forEach(function (frame) {
      if (frame.contentWindow === event.source) { frame.style.height = event.data.height + "px"; }
    });
  });
})();
