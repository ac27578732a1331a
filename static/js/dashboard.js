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

  // Bars per minute: calls on the left half of each slot, emails on the right; 0-170 px of bar height.
  function drawChart(points) {
    var svg = document.getElementById("chart");
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    if (!points.length) { return; }
    var max = 1;
    points.forEach(function (p) { max = Math.max(max, p.calls, p.emails); });
    var width = 600 / points.length, height = 170, base = 180;
    points.forEach(function (p, i) {
      [["calls", p.calls, 0], ["emails", p.emails, width / 2]].forEach(function (bar) {
        if (!bar[1]) { return; }
        var rect = document.createElementNS(svgNS, "rect");
        var h = height * bar[1] / max;
        rect.setAttribute("x", i * width + bar[2]);
        rect.setAttribute("y", base - h);
        rect.setAttribute("width", Math.max(width / 2 - 0.5, 0.5));
        rect.setAttribute("height", h);
        rect.setAttribute("class", bar[0]);
        var title = document.createElementNS(svgNS, "title");
        title.textContent = clock(p.minute) + ": " + bar[1] + " " + bar[0];
        rect.appendChild(title);
        svg.appendChild(rect);
      });
    });
    label(svg, 2, 10, "start", max);
    label(svg, 2, 197, "start", clock(points[0].minute));
    label(svg, 598, 197, "end", clock(points[points.length - 1].minute));
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
    Object.keys(stats.outcomes).forEach(function (key) { text(root.querySelector('[data-outcome="' + key + '"]'), stats.outcomes[key]); });
    drawChart(stats.per_minute);
    text(document.getElementById("updated"), (root.dataset.updatedLabel || "Updated") + " " + new Date(stats.generated_at).toLocaleTimeString());
  }

  function refresh() {
    fetch(root.dataset.statsUrl, {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (stats) { if (stats) { render(stats); } })
      .catch(function () {});
  }
  refresh();
  setInterval(refresh, (parseInt(root.dataset.refresh, 10) || 5) * 1000);
})();
