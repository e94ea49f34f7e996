/* vifte: QR codes drawn in the browser, for the filter page (filter.js) and the printed plan (plan.js).
   The vendored encoder, qrcode.js (MIT, decision 22), is fetched from this site only once a page
   asks for it; the code is drawn as one SVG path with a quiet zone of 4 modules. */
(function () {
  "use strict";

  var waiting = null;

  /* Calls `done` once the encoder from `src` is there (at once when it is already). */
  function load(src, done) {
    if (window.qrcode) { done(); return; }
    if (waiting) { waiting.push(done); return; }
    waiting = [done];
    var script = document.createElement("script");
    script.src = src;
    script.addEventListener("load", function () {
      var callbacks = waiting;
      waiting = null;
      callbacks.forEach(function (callback) { callback(); });
    });
    document.head.appendChild(script);
  }

  /* The QR code of `text` as SVG markup, black on white, or "" before the encoder has loaded. */
  function svg(text) {
    if (!window.qrcode) return "";
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
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + (n + 8) + " " + (n + 8) +
      '" shape-rendering="crispEdges"><rect width="' + (n + 8) + '" height="' + (n + 8) +
      '" fill="#fff"/><path fill="#000" d="' + d.join("") + '"/></svg>';
  }

  /* The code as an <img> source (the printed plan). */
  function dataUrl(text) {
    return "data:image/svg+xml," + encodeURIComponent(svg(text));
  }

  /* The code as an inline <svg> element named by `label` (the filter page). */
  function element(text, label) {
    var node = new DOMParser().parseFromString(svg(text), "image/svg+xml").documentElement;
    node.setAttribute("role", "img");
    node.setAttribute("aria-label", label);
    return document.importNode(node, true);
  }

  window.vifte = window.vifte || {};
  window.vifte.qr = { load: load, dataUrl: dataUrl, element: element };
})();
