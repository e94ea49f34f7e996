/* vifte: the filter page. Ticked boxes narrow the list; the choice lives in the URL, which the
   page also shows as a QR code (drawn here by the vendored qrcode.js, see docs/decisions.md 22). */
(function () {
  "use strict";

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  var FIELDS = { tema: "data-themes", maalgruppe: "data-target-groups", omraade: "data-area", adgang: "data-access" };
  var SVG = "http://www.w3.org/2000/svg";

  /* The QR code of `text` as an SVG element (one path, quiet zone of 4 modules). */
  function qrSvg(text) {
    var code = window.qrcode(0, "M");
    code.addData(text, "Byte");
    code.make();
    var n = code.getModuleCount();
    var d = [];
    for (var r = 0; r < n; r += 1) {
      for (var col = 0; col < n; col += 1) {
        if (code.isDark(r, col)) d.push("M" + (col + 4) + " " + (r + 4) + "h1v1h-1z");
      }
    }
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + (n + 8) + " " + (n + 8));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "QR-kode til listen");
    svg.setAttribute("shape-rendering", "crispEdges");
    var back = document.createElementNS(SVG, "rect");
    back.setAttribute("width", n + 8);
    back.setAttribute("height", n + 8);
    back.setAttribute("fill", "#fff");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d.join(""));
    path.setAttribute("fill", "#000");
    svg.appendChild(back);
    svg.appendChild(path);
    return svg;
  }

  function setupFilter() {
    var form = $("[data-vifte-filter]");
    if (!form) return;
    var results = $("[data-vifte-results]");
    var list = $(".vifte-cards", results);
    var count = $("[data-vifte-count]");
    var chosenText = $("[data-vifte-chosen]");
    var empty = $("[data-vifte-empty]");
    var removeList = $("[data-vifte-remove]");
    var heading = $("#resultater");
    var qr = $("[data-vifte-qr]");
    var qrUrl = $("[data-vifte-qr-url]");
    var boxes = $$("input[type=checkbox]", form);
    /* data-rank is the card's place in Danish title order (Æ, Ø, Å after Z), set by the build. */
    var cards = $$(".vifte-card", list).sort(function (a, b) {
      return Number(a.getAttribute("data-rank")) - Number(b.getAttribute("data-rank"));
    });
    cards.forEach(function (card) { list.appendChild(card); });
    var values = cards.map(function (card) {
      var v = {};
      Object.keys(FIELDS).forEach(function (name) { v[name] = (card.getAttribute(FIELDS[name]) || "").split(" "); });
      return v;
    });

    function chosen() {
      var picked = {};
      Object.keys(FIELDS).forEach(function (name) {
        picked[name] = $$('input[name="' + name + '"]:checked', form).map(function (box) { return box.value; });
      });
      return picked;
    }
    /* Within a group any ticked value will do; every group with a tick must match. */
    function matches(v, picked, skip) {
      return Object.keys(FIELDS).every(function (name) {
        if (name === skip || !picked[name].length) return true;
        return picked[name].some(function (x) { return v[name].indexOf(x) !== -1; });
      });
    }
    function groupOf(box) { return box.closest("fieldset").getAttribute("data-vifte-group"); }
    function describe(picked) {
      var parts = [];
      Object.keys(FIELDS).forEach(function (name) {
        var ticked = boxes.filter(function (b) { return b.name === name && b.checked; });
        if (ticked.length) {
          parts.push(groupOf(ticked[0]) + ": " + ticked.map(function (b) { return b.getAttribute("data-label"); }).join(", "));
        }
      });
      return parts.length ? "Dine valg: " + parts.join(". ") + "." : "Du har ikke sat flueben: listen viser alle tilbud.";
    }
    function showRemoveButtons() {
      removeList.textContent = "";
      boxes.filter(function (b) { return b.checked; }).forEach(function (box) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "vifte-button";
        button.textContent = "Fjern " + box.getAttribute("data-label");
        button.addEventListener("click", function () {
          box.checked = false;
          apply(true);
          heading.focus();
        });
        item.appendChild(button);
        removeList.appendChild(item);
      });
    }
    function showQr() {
      if (!qr || !window.qrcode) return;
      qr.textContent = "";
      qr.appendChild(qrSvg(location.href));
      qrUrl.textContent = location.href;
    }
    function apply(updateUrl) {
      var picked = chosen();
      var shown = 0;
      cards.forEach(function (card, i) {
        var ok = matches(values[i], picked);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      boxes.forEach(function (box) {
        var n = values.filter(function (v) {
          return v[box.name].indexOf(box.value) !== -1 && matches(v, picked, box.name);
        }).length;
        var label = box.closest("label");
        $("[data-vifte-option-count]", label).textContent = "(" + n + ")";
        label.classList.toggle("vifte-check--none", n === 0);
      });
      var text = shown === cards.length
        ? "Viser alle " + cards.length + " tilbud."
        : "Viser " + shown + " af " + cards.length + " tilbud.";
      if (count.textContent !== text) count.textContent = text;
      chosenText.textContent = describe(picked);
      empty.hidden = shown > 0;
      if (!shown) showRemoveButtons();
      if (updateUrl) {
        var params = new URLSearchParams();
        Object.keys(picked).forEach(function (name) {
          picked[name].forEach(function (v) { params.append(name, v); });
        });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
      }
      showQr();
    }

    var params = new URLSearchParams(location.search);
    boxes.forEach(function (box) { box.checked = params.getAll(box.name).indexOf(box.value) !== -1; });
    form.hidden = false;
    results.hidden = false;
    $("[data-vifte-bar]").hidden = false;
    $("[data-vifte-grouped]").hidden = true;
    $("[data-vifte-nojs]").hidden = true;
    $("[data-vifte-filter-lead]").hidden = false;
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    $("[data-vifte-print]").addEventListener("click", function () { window.print(); });
    apply(false);
    /* The encoder is fetched from this site only when the filter page is used. */
    var script = document.createElement("script");
    script.src = form.getAttribute("data-vifte-qr-src");
    script.addEventListener("load", showQr);
    document.head.appendChild(script);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupFilter);
  else setupFilter();
})();
