/* vifte: "Læs op" (decision 62). Reads the page's main text aloud with the browser's own speech
   synthesis, one sentence at a time, marking the sentence on the page. Only voices the device
   itself speaks with (localService): a network voice would send the text to its maker. The text
   is the page's title and what the page marks with data-vifte-read (generated pages), or, on a hand-written page
   (data-vifte-read-aloud="page"), the writer's own headings, paragraphs and lists around the
   controls, without the catalogue's blocks (class vifte-…) and the headings above them. */
(function () {
  "use strict";

  var t = window.vifte.t;
  var LEAF = "p, h1, h2, h3, h4, h5, h6, li, dt, dd, th, td, figcaption, blockquote";
  var OWN = /^(H[1-6]|P|UL|OL|BLOCKQUOTE|DL)$/;
  var HIGHLIGHT = "vifte-read-aloud";

  function primary(lang) { return String(lang || "").toLowerCase().replace("_", "-").split("-")[0]; }

  function voiceFor(lang) {
    var wanted = primary(lang), found = null;
    window.speechSynthesis.getVoices().forEach(function (v) {
      if (!v.localService || primary(v.lang) !== wanted) return;
      if (!found || (v.default && !found.default)) found = v;
    });
    return found;
  }

  function visible(el) { return !el.closest("[hidden], [aria-hidden='true'], [data-vifte-read-aloud]"); }

  /* The elements read, in page order: their own text is one paragraph each. */
  function blocks(group) {
    var roots;
    if (group.getAttribute("data-vifte-read-aloud") === "page") {
      var kids = Array.prototype.filter.call(group.parentElement.children, function (el) {
        return OWN.test(el.tagName) && !/(^|\s)vifte-/.test(el.className) && visible(el);
      });
      roots = kids.filter(function (el, i) {  // a heading goes with what follows it
        var next = el.nextElementSibling;
        return !/^H[1-6]$/.test(el.tagName) || el.tagName === "H1" || (next && kids.indexOf(next) === i + 1 && !/^H[1-6]$/.test(next.tagName));
      });
    } else {
      var title = (group.closest("article") || document).querySelector("h1");  // always first
      roots = (title ? [title] : []).concat(Array.prototype.slice.call(document.querySelectorAll("[data-vifte-read]")));
    }
    var out = [];
    roots.forEach(function (root) {
      var leaves = Array.prototype.filter.call(root.querySelectorAll(LEAF), function (el) {
        return !el.querySelector(LEAF) && visible(el);
      });
      if (root.matches(LEAF) && !root.querySelector(LEAF)) leaves = [root];
      (leaves.length ? leaves : [root]).forEach(function (el) { if (visible(el)) out.push(el); });
    });
    return out;
  }

  /* One element's sentences: the text, its language and the range it covers on the page. A
     Danish text on another language's page is marked lang="da" (its note is not): each stretch of
     one language is read with that language's voice. */
  function sentences(el) {
    var runs = [], run = null, page = document.documentElement.lang;
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) { return visible(n.parentElement) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT; }
    });
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      var own = n.parentElement.closest("[lang]"), lang = own ? own.getAttribute("lang") : page;
      if (!run || (run.lang !== lang && /\S/.test(n.data))) runs.push(run = { lang: lang, nodes: [], text: "" });
      run.nodes.push([n, run.text.length]);
      run.text += n.data;
    }
    var out = [];
    runs.forEach(function (r) { out = out.concat(split(r, el)); });
    return out;
  }

  function split(r, el) {
    var text = r.text, parts = [];
    if (window.Intl && Intl.Segmenter) {
      Array.from(new Intl.Segmenter(r.lang, { granularity: "sentence" }).segment(text)).forEach(function (s) { parts.push([s.index, s.segment]); });
    } else {
      var re = /[^.!?]+[.!?]*\s*/g, m;
      while ((m = re.exec(text))) parts.push([m.index, m[0]]);
    }
    function at(offset) {  // the text node and offset in it of a place in the run's text
      for (var i = r.nodes.length - 1; i >= 0; i--) if (r.nodes[i][1] <= offset) return [r.nodes[i][0], offset - r.nodes[i][1]];
      return [el, 0];
    }
    return parts.filter(function (p) { return /[\p{L}\p{N}]/u.test(p[1]); }).map(function (p) {
      var said = p[1].trim(), from = p[0] + p[1].indexOf(said), range = document.createRange();
      var start = at(from), end = at(from + said.length - 1);
      range.setStart(start[0], start[1]);
      range.setEnd(end[0], end[1] + 1);
      return { text: said.replace(/\s+/g, " "), lang: r.lang, range: range, el: el };
    });
  }

  function setup(group) {
    var start = group.querySelector("[data-vifte-read-start]");
    var stop = group.querySelector("[data-vifte-read-stop]");
    var status = group.querySelector("[data-vifte-read-status]");
    var lang = document.documentElement.lang;
    var state = "idle", queue = [], index = 0, run = 0, marked = null;

    function mark(item) {
      if (marked) marked.removeAttribute("data-vifte-reading");
      marked = item ? item.el : null;
      if (marked) {
        marked.setAttribute("data-vifte-reading", "");
        if (marked.scrollIntoView) marked.scrollIntoView({ block: "nearest" });
      }
      if (window.CSS && CSS.highlights && window.Highlight) {
        if (item) CSS.highlights.set(HIGHLIGHT, new Highlight(item.range));
        else CSS.highlights.delete(HIGHLIGHT);
      }
    }

    function show(next, said) {
      state = next;
      var reading = state === "playing" || state === "paused";
      start.textContent = state === "playing" ? t("Pause") : state === "paused" ? t("Fortsæt") : state === "novoice" ? t("Kan ikke læse op: din enhed har ingen stemme på dette sprog") : state === "unsupported" ? t("Kan ikke læse op: din browser har ikke oplæsning") : t("Læs op");
      start.setAttribute("aria-disabled", state === "novoice" || state === "unsupported" ? "true" : "false");
      group.setAttribute("data-vifte-read-state", state);
      stop.hidden = !reading;
      if (said !== undefined) status.textContent = said;
    }

    function speak() {
      var mine = ++run;
      while (index < queue.length && !voiceFor(queue[index].lang)) index++;  // no voice of its own: left out
      if (index >= queue.length) { mark(null); show("idle", t("Oplæsningen er færdig")); return; }
      var item = queue[index], u = new window.SpeechSynthesisUtterance(item.text);
      u.lang = item.lang;
      u.voice = voiceFor(item.lang);
      u.onend = function () { if (mine === run && state === "playing") { index++; speak(); } };
      u.onerror = function (e) {
        if (mine !== run || e.error === "interrupted" || e.error === "canceled") return;
        run++; mark(null); show("idle", t("Oplæsningen stoppede på grund af en fejl"));
      };
      mark(item);
      window.speechSynthesis.speak(u);
    }

    function halt() { run++; window.speechSynthesis.cancel(); }

    function stopReading() {
      if (state !== "playing" && state !== "paused") return;
      halt(); mark(null); show("idle", t("Oplæsningen er stoppet"));
      start.focus();
    }

    function ready() {
      if (state === "playing" || state === "paused") return;
      show(voiceFor(lang) ? "idle" : "novoice");
      group.hidden = false;
    }

    start.addEventListener("click", function () {
      if (state === "unsupported") { status.textContent = start.textContent; return; }
      if (state === "novoice") { ready(); if (state === "novoice") status.textContent = start.textContent; return; }
      if (state === "playing") {  // a pause is a stop that remembers the sentence: pause() is unreliable on phones
        halt(); show("paused", t("Oplæsningen holder pause"));
      } else if (state === "paused") {
        show("playing", t("Læser op")); speak();
      } else {
        queue = [];
        blocks(group).forEach(function (el) { queue = queue.concat(sentences(el)); });
        index = 0;
        halt();  // anything still queued in this browser, e.g. left by another tab or page
        show("playing", t("Læser op"));
        speak();
      }
    });
    stop.addEventListener("click", stopReading);
    group.addEventListener("keydown", function (e) { if (e.key === "Escape") stopReading(); });
    window.addEventListener("pagehide", function () { if (state === "playing" || state === "paused") halt(); });

    if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) {
      show("unsupported");
      group.hidden = false;
      return;
    }
    if (window.speechSynthesis.getVoices().length) { ready(); return; }
    // Voices come a moment after the page; a device without any says so after a while.
    var synth = window.speechSynthesis;
    if (synth.addEventListener) synth.addEventListener("voiceschanged", ready);
    else synth.onvoiceschanged = ready;
    setTimeout(ready, 1500);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-vifte-read-aloud]").forEach(setup);
  });
})();
