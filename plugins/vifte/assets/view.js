/* vifte: the citizen or caseworker view. Loaded in the head, so the view is chosen before the page
   is drawn; the switch (view_switch in _site.html, on offer pages with text for professionals) works once
   the page is read. Citizen text by default, caseworker details on request, kept in this browser. */
(function () {
  "use strict";

  /* The words scripts draw (decision 49): each script calls t("Dansk tekst") or
     tn("ental", "flertal", n) with %(name)s placeholders (`pybabel extract -k t -k tn:1,2`); the
     build writes a page's translations in <script type="application/json" data-vifte-words>
     blocks (output/script_words.py), and a msgid without one is said as written, in Danish. */
  var words = null;
  var pluralRule = null;
  function translation(msgid) {
    if (!words) {
      words = {};
      Array.prototype.forEach.call(document.querySelectorAll("script[data-vifte-words]"), function (block) {
        var data = {};
        try { data = JSON.parse(block.textContent); } catch (e) {}
        if (data.plural) pluralRule = new Intl.PluralRules(data.plural);
        for (var id in data.words || {}) words[id] = data.words[id];
      });
    }
    return words[msgid];
  }
  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (all, name) { return String(values[name]); });
  }
  function t(msgid, values) {
    var said = translation(msgid);
    return fill(typeof said === "string" ? said : msgid, values || {});
  }
  function tn(singular, plural, n, values) {
    var forms = translation(singular), v = { n: n };
    for (var name in values || {}) v[name] = values[name];
    if (!forms || typeof forms !== "object") return fill(n === 1 ? singular : plural, v);
    return fill(forms[pluralRule ? pluralRule.select(n) : "other"] || forms.other, v);
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
