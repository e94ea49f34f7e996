/* vifte: the site for use without a network (decision 61). On every page: registers the site's
   service worker (its address is on this script's tag), says so at the top of a page that comes
   from the store on this device and from which day, and puts "Gem til brug uden net" beside each
   PDF, which is stored only when asked. Where the browser has no service workers (or the site is
   opened from a file), the site works as before. */
(function () {
  "use strict";

  var t = window.vifte.t;  /* the page's words (view.js) */
  var script = document.currentScript;
  var html = document.documentElement;

  function day(iso) {
    try {
      return new Date(iso + "T12:00:00").toLocaleDateString(html.lang, { day: "numeric", month: "long", year: "numeric" });
    } catch (e) {
      return iso;
    }
  }

  /* A page from the store: the notice first in the content, where the skip link lands. */
  function notice() {
    var stored = html.getAttribute("data-vifte-stored");
    if (stored === null) return;
    var box = document.createElement("div");
    box.className = "vifte-notice vifte-notice--offline";
    box.setAttribute("data-vifte-offline-notice", "");
    box.setAttribute("role", "note");
    var p = document.createElement("p");
    var symbol = document.createElement("span");
    symbol.className = "vifte-notice__symbol";
    symbol.setAttribute("aria-hidden", "true");
    symbol.textContent = "⚠";
    var strong = document.createElement("strong");
    strong.textContent = stored ? t("Gemt kopi fra %(day)s.", { day: day(stored) }) : t("Gemt kopi.");
    p.append(symbol, " ", strong, " ", t("Siden kunne ikke hentes, så du ser den kopi, der er gemt på denne enhed. Der kan være nyere oplysninger."));
    box.append(p);
    var anchor = document.getElementById("vifte-indhold");
    if (anchor) anchor.after(box);
    else document.body.prepend(box);
  }

  /* Ask the worker about one PDF: "ask", "save" or "remove"; resolves to {stored} or {failed}. */
  function ask(worker, url, what) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data || { failed: true }); };
      worker.postMessage({ vifte: "pdf", url: url, do: what }, [channel.port2]);
    });
  }

  function pdfButtons(worker) {
    document.querySelectorAll(".vifte-download a[href$='.pdf']").forEach(function (link) {
      var name = link.textContent.trim();
      var button = document.createElement("button");
      button.type = "button";
      button.className = "vifte-button vifte-button--small";
      button.setAttribute("data-vifte-offline-pdf", "");
      var status = document.createElement("span");
      status.setAttribute("role", "status");
      status.setAttribute("data-vifte-offline-status", "");
      var isStored = false;
      function show(answer, said) {
        if (answer.failed) {
          status.textContent = t("Kunne ikke gemmes. Prøv igen, når du har net.");
          return;
        }
        isStored = answer.stored;
        button.textContent = isStored ? t("Fjern fra denne enhed") : t("Gem til brug uden net");
        button.setAttribute("aria-label", isStored ? t("Fjern fra denne enhed: %(name)s", { name: name }) : t("Gem til brug uden net: %(name)s", { name: name }));
        status.textContent = said ? (isStored ? t("Gemt på denne enhed.") : t("Fjernet fra denne enhed.")) : (isStored ? t("Gemt på denne enhed.") : "");
      }
      button.addEventListener("click", function () {
        button.disabled = true;
        ask(worker, link.href, isStored ? "remove" : "save").then(function (answer) {
          button.disabled = false;
          show(answer, true);
        });
      });
      ask(worker, link.href, "ask").then(function (answer) {
        show(answer.failed ? { stored: false } : answer, false);
        link.parentNode.append(" ", button, " ", status);
      });
    });
  }

  function start() {
    notice();
    var worker = script && script.getAttribute("data-vifte-worker");
    if (!worker || !("serviceWorker" in navigator) || !window.isSecureContext) return;
    navigator.serviceWorker.register(worker).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (registration.active) pdfButtons(registration.active);
    }).catch(function () { /* no store: the site works with a network as before */ });
  }
  start();
})();
