/* vifte: the citizen or caseworker view. Loaded in the head, so the view is chosen before the page
   is drawn; the switch (view_switch in _site.html, on offer pages with text for professionals) works once
   the page is read. Citizen text by default, caseworker details on request, kept in this browser. */
(function () {
  "use strict";

  /* The scripts' words (decision 49): t("msgid", values), tn("ental", "flertal", n, values), with
     %(name)s filled in; a page's translations are in data-vifte-words blocks, else the msgid. */
  var words, rule;
  function said(id) {
    if (!words) {
      words = {};
      document.querySelectorAll("script[data-vifte-words]").forEach(function (block) {
        try { var d = JSON.parse(block.textContent); rule = new Intl.PluralRules(d.plural); Object.assign(words, d.words); } catch (e) {}
      });
    }
    return words[id];
  }
  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (all, name) { return values[name]; });
  }
  function t(id, values) { var w = said(id); return fill(typeof w === "string" ? w : id, values || {}); }
  function tn(one, other, n, values) {
    var w = said(one), v = Object.assign({ n: n }, values);
    // A language's forms by CLDR category; Ukrainian's whole numbers have no "other" at all.
    var form = w && typeof w === "object" ? w[rule.select(n)] || w.other || w.many : null;
    return fill(form || (n === 1 ? one : other), v);
  }
  window.vifte = window.vifte || {};
  window.vifte.t = t;
  window.vifte.tn = tn;

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
      button.textContent = caseworker ? t("Skjul oplysninger til sagsbehandlere") : t("Vis oplysninger til sagsbehandlere");
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
