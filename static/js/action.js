// Progressive enhancements of the action page; the page works without them.
(function () {
  "use strict";
  // The schedule in the visitor's own time zone, beside the campaign's.
  var fmt = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {hour: "numeric", minute: "2-digit", timeZoneName: "short"});
  var shown = false;
  document.querySelectorAll(".local-time").forEach(function (el) {
    var start = new Date(el.dataset.start);
    var text = fmt.format(start);
    if (el.dataset.end) { text += " – " + fmt.format(new Date(el.dataset.end)); }
    el.textContent = "(" + text + ")";
    shown = true;
  });
  if (shown) { document.querySelectorAll(".local-note").forEach(function (el) { el.hidden = false; }); }

  // Copy buttons for sample posts and web-form messages. innerText keeps the line breaks as the page shows
  // them (textContent dropped every <br>); without the Clipboard API (plain http) a hidden textarea is copied.
  var copyText = function (text) {
    if (navigator.clipboard && window.isSecureContext) { return navigator.clipboard.writeText(text); }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    document.body.removeChild(area);
    return Promise.resolve();
  };
  document.querySelectorAll("button.copy").forEach(function (button) {
    button.addEventListener("click", function () {
      var source = document.getElementById(button.dataset.copyTarget);
      copyText(source.innerText || source.textContent).then(function () {
        button.textContent = button.dataset.copied || "✓";
      });
    });
  });

  // The live counter: refreshed from the public, cached stats endpoint.
  var counter = document.getElementById("counter");
  if (counter && window.fetch) {
    var refresh = function () {
      fetch(counter.dataset.statsUrl, {headers: {"Accept": "application/json"}})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          if (!body || !body.totals) { return; }
          counter.querySelector('[data-count="calls"]').textContent = body.totals.calls.toLocaleString();
          counter.querySelector('[data-count="emails"]').textContent = body.totals.emails.toLocaleString();
        })
        .catch(function () {});
    };
    setInterval(refresh, 10000);
  }

  // Inside a partner's iframe, static/js/embed-frame.js (loaded by base.html in embed mode) reports the height.
})();
