/* vifte: the citizen or caseworker view. Loaded in the head, so the view is chosen before the page
   is drawn; the switch (view_switch in _site.html, on offer pages with text for professionals) works once
   the page is read. Citizen text by default, caseworker details on request, kept in this browser. */
(function () {
  "use strict";

  var KEY = "vifte.view";
  var html = document.documentElement;
  var view = "borger";
  try { if (localStorage.getItem(KEY) === "fagperson") view = "fagperson"; } catch (e) {}
  html.setAttribute("data-vifte-view", view);
  html.classList.add("vifte-js");

  function setupSwitch() {
    var toolbar = document.querySelector("[data-vifte-toolbar]");
    var button = document.querySelector("[data-vifte-view-toggle]");
    if (!toolbar || !button) return;
    toolbar.hidden = false;
    function show() {
      var caseworker = html.getAttribute("data-vifte-view") === "fagperson";
      button.setAttribute("aria-pressed", caseworker ? "true" : "false");
      button.textContent = caseworker ? "Skjul oplysninger til sagsbehandlere" : "Vis oplysninger til sagsbehandlere";
    }
    button.addEventListener("click", function () {
      var next = html.getAttribute("data-vifte-view") === "fagperson" ? "borger" : "fagperson";
      html.setAttribute("data-vifte-view", next);
      try { localStorage.setItem(KEY, next); } catch (e) {}
      show();
    });
    show();
  }
  document.addEventListener("DOMContentLoaded", setupSwitch);
})();
