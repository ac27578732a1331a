// Live dashboard: refreshes stats.json every few seconds and redraws without reloading the page.
(function () {
  "use strict";
  var root = document.getElementById("dashboard");
  var svgNS = "http://www.w3.org/2000/svg";

  function text(el, value) { if (el) { el.textContent = value; } }

  function label(svg, x, y, anchor, value) {
    var t = document.createElementNS(svgNS, "text");
    t.setAttribute("x", x);
    t.setAttribute("y", y);
    t.setAttribute("text-anchor", anchor);
    t.setAttribute("class", "axis");
    t.textContent = value;
    svg.appendChild(t);
  }

  function clock(iso) { return new Date(iso).toLocaleTimeString([], {hour: "2-digit", minute: "2-digit"}); }

  // One bar pair per bucket (a minute when zoomed to the last hour, 10 minutes for a whole day): calls on the
  // left half of each slot, emails on the right. The drawing is sized in the SVG's own pixels, so the labels stay
  // legible on a phone.
  function drawChart(points, bucketMinutes) {
    var svg = document.getElementById("chart");
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var wide = Math.max(280, Math.round(svg.getBoundingClientRect().width) || 600);
    var tall = wide < 500 ? 160 : 200;
    svg.setAttribute("viewBox", "0 0 " + wide + " " + tall);
    if (!points.length) { return; }
    var max = 1;
    points.forEach(function (p) { max = Math.max(max, p.calls, p.emails); });
    var width = wide / points.length, height = tall - 30, base = tall - 18;
    points.forEach(function (p, i) {
      [["calls", p.calls, 0], ["emails", p.emails, width / 2]].forEach(function (bar) {
        if (!bar[1]) { return; }
        var rect = document.createElementNS(svgNS, "rect");
        var h = Math.max(height * bar[1] / max, 1);
        rect.setAttribute("x", i * width + bar[2]);
        rect.setAttribute("y", base - h);
        rect.setAttribute("width", Math.max(width / 2 - 0.5, 0.5));
        rect.setAttribute("height", h);
        rect.setAttribute("class", bar[0]);
        var title = document.createElementNS(svgNS, "title");
        var end = new Date(new Date(p.minute).getTime() + bucketMinutes * 60000).toISOString();
        title.textContent = clock(p.minute) + (bucketMinutes > 1 ? "–" + clock(end) : "") + ": " + bar[1] + " " + bar[0];
        rect.appendChild(title);
        svg.appendChild(rect);
      });
    });
    label(svg, 2, 12, "start", max);
    label(svg, 2, tall - 3, "start", clock(points[0].minute));
    label(svg, wide - 2, tall - 3, "end", clock(points[points.length - 1].minute));
  }

  function describeBuckets(minutes) {
    var el = document.getElementById("bucket");
    if (!el) { return; }
    text(el, minutes > 1 ? el.dataset.bucketLabel.replace("{n}", minutes) : el.dataset.minuteLabel);
  }

  function showRange(range) {
    root.dataset.range = range;
    root.querySelectorAll(".zoom [data-range]").forEach(function (link) {
      if (link.dataset.range === range) { link.setAttribute("aria-current", "true"); }
      else { link.removeAttribute("aria-current"); }
    });
  }

  function render(stats) {
    Object.keys(stats.totals).forEach(function (key) {
      text(root.querySelector('[data-total="' + key + '"]'), stats.totals[key]);
    });
    ["calls", "emails"].forEach(function (key) {
      var goal = stats.goals[key];
      var noGoal = root.querySelector(".goals").dataset.noGoalLabel;
      text(root.querySelector('[data-goal="' + key + '"]'),
           goal.goal ? goal.done + " / " + goal.goal : goal.done + " (" + noGoal + ")");
      var bar = root.querySelector('[data-goal-bar="' + key + '"]');
      if (bar) { bar.value = goal.percent || 0; bar.hidden = !goal.goal; }
    });
    var body = root.querySelector("#targets tbody");
    body.innerHTML = "";
    stats.targets.forEach(function (row) {
      var tr = document.createElement("tr");
      [row.name, row.contacts, row.calls_connected, row.average_call_seconds, row.busy, row.no_answer, row.emails]
        .forEach(function (value) { var td = document.createElement("td"); td.textContent = value; tr.appendChild(td); });
      body.appendChild(tr);
    });
    [["states", stats.top_states, "state"], ["districts", stats.top_districts, "district"]].forEach(function (list) {
      var ol = document.getElementById(list[0]);
      ol.innerHTML = "";
      list[1].forEach(function (row) { var li = document.createElement("li"); li.textContent = row[list[2]] + ": " + row.contacts; ol.appendChild(li); });
    });
    var queue = stats.call_queue;
    if (queue) {
      text(root.querySelector('[data-queue="depth"]'), queue.depth);
      text(root.querySelector('[data-queue="scheduled"]'), queue.calls_scheduled);
      text(root.querySelector('[data-queue="wait"]'), queue.wait_p50_seconds === null ? "–"
           : queue.wait_p50_seconds + " s / " + queue.wait_p95_seconds + " s");
      text(root.querySelector('[data-queue="rate"]'), queue.placed_per_second + " / " + queue.configured_per_second);
    }
    Object.keys(stats.outcomes).forEach(function (key) { text(root.querySelector('[data-outcome="' + key + '"]'), stats.outcomes[key]); });
    drawChart(stats.per_minute, stats.chart ? stats.chart.bucket_minutes : 1);
    describeBuckets(stats.chart ? stats.chart.bucket_minutes : 1);
    text(document.getElementById("updated"), (root.dataset.updatedLabel || "Updated") + " " + new Date(stats.generated_at).toLocaleTimeString());
  }

  var latest = null;
  function refresh() {
    var range = root.dataset.range || "hour";
    fetch(root.dataset.statsUrl + "?range=" + encodeURIComponent(range), {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (stats) {
        if (stats && (!stats.chart || stats.chart.range === root.dataset.range)) { latest = stats; render(stats); }
      })
      .catch(function () {});
  }
  // The range links work without JavaScript (a page load); with it they switch in place and keep the URL.
  root.querySelectorAll(".zoom [data-range]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      showRange(link.dataset.range);
      history.replaceState(null, "", "?range=" + link.dataset.range);
      refresh();
    });
  });
  window.addEventListener("resize", function () {
    if (latest) { drawChart(latest.per_minute, latest.chart ? latest.chart.bucket_minutes : 1); }
  });
  refresh();
  setInterval(refresh, (parseInt(root.dataset.refresh, 10) || 5) * 1000);
})();
