// One tap per office on the call's status page: the answer is recorded with fetch() and the page stays where
// it is, moving to the next office's buttons; without JavaScript (or if fetch fails) the plain form posts.
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) { return; }
  function showDone() {
    var done = document.getElementById("done-link");
    if (done) { done.hidden = false; done.querySelector("a").focus(); }
  }
  function recorded(form, body) {
    var said = document.createElement("span");
    said.className = "outcome";
    said.setAttribute("role", "status");
    said.textContent = form.dataset.said + " " + body.label;
    form.replaceWith(said);
    var next = document.querySelector("form.outcome-form button");
    if (next) {
      next.closest("li").scrollIntoView({block: "nearest"});
      next.focus({preventScroll: true});
    } else if (body.done_url) {
      showDone();
    }
  }
  document.querySelectorAll("form.outcome-form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || form.dataset.plain) { return; }
      event.preventDefault();
      var data = new FormData(form);
      data.append(button.name, button.value);
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      fetch(form.action, {method: "POST", body: data, credentials: "same-origin",
                          headers: {"Accept": "application/json"}})
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response); })
        .then(function (body) { recorded(form, body); })
        .catch(function () {
          form.dataset.plain = "1";
          form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
          button.click();
        });
    });
  });
})();
