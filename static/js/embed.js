// Partner sites: <script src="https://<our site>/static/js/embed.js" data-ref="your-code" async></script>
// placed after an <iframe> of /c/<slug>/embed/. It credits your partner code (data-ref) and language (data-lang)
// to the frames of our embed that lack them, and grows each frame to fit its content.
// With data-campaign="<slug>" and no iframe of your own, it adds the iframe itself right after the script.
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = script ? new URL(script.src, location.href).origin : null;
  var settings = script ? script.dataset : {};

  function withParams(src) {
    var url = new URL(src, location.href);
    if (settings.ref && !url.searchParams.has("ref")) { url.searchParams.set("ref", settings.ref); }
    if (settings.lang && !url.searchParams.has("lang")) { url.searchParams.set("lang", settings.lang); }
    return url.toString();
  }

  if (origin && settings.campaign) {
    var frame = document.createElement("iframe");
    frame.src = withParams(origin + "/c/" + encodeURIComponent(settings.campaign) + "/embed/");
    frame.title = settings.title || "Take action";
    frame.style.cssText = "width:100%;border:0;min-height:520px";
    script.parentNode.insertBefore(frame, script.nextSibling);
  } else if (origin && (settings.ref || settings.lang)) {
    document.querySelectorAll("iframe").forEach(function (frame) {
      var src = frame.getAttribute("src") || "";
      if (src.indexOf(origin + "/c/") === 0 && src.indexOf("/embed/") > 0 && withParams(src) !== frame.src) {
        frame.src = withParams(src);
      }
    });
  }

  window.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "advocacy:height") { return; }
    document.querySelectorAll("iframe").forEach(function (frame) {
      if (frame.contentWindow === event.source) { frame.style.height = event.data.height + "px"; }
    });
  });
})();
