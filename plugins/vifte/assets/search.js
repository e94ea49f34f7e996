/* vifte: the search page. Pagefind's index is loaded only when someone searches; results come
   10 at a time, and a word one letter off is corrected from the site's own words. */
(function () {
  "use strict";

  var t = window.vifte.t, tn = window.vifte.tn;  /* the page's words (view.js) */
  function $(selector, root) { return (root || document).querySelector(selector); }
  /* Lower case as the page's language has it (a code the browser does not know: as plain). */
  var LANG = document.documentElement.lang;
  try { "".toLocaleLowerCase(LANG); } catch (e) { LANG = undefined; }
  function lower(text) { return text.toLocaleLowerCase(LANG); }

  /* Search: Pagefind's index, loaded only when someone searches; results show colour and access.
     Cards and badges are clones of the page's <template> elements, written by the build's macros. */
  function setupSearch() {
    var form = $("[data-vifte-search]");
    if (!form) return;
    var input = $("#vifte-q", form);
    var status = $("[data-vifte-search-status]");
    var list = $("[data-vifte-search-results]");
    var frame = $("[data-vifte-search-card]").content.querySelector(".vifte-card");
    var matchFrame = $("[data-vifte-search-card]").content.querySelector("[data-vifte-search-match]");
    var badgeSource = $("[data-vifte-search-badges]").content;
    /* The site's root, where the one index lies: Pagefind loads the part for the page's
       <html lang> (decision 54), and its addresses are read from there. */
    var rootUrl = new URL(form.getAttribute("data-root") || "../", location.href);
    /* The search index's and the typo words' folders, as the page states them (routes.py). The
       typo words and the spellings without æ, ø, å are Danish: only a Danish page has them. */
    var indexUrl = new URL(form.getAttribute("data-vifte-index"), location.href);
    var parts = (form.getAttribute("data-vifte-parts") || "").split(" ").filter(Boolean);
    var typos = form.getAttribute("data-vifte-typos");
    var typoUrl = typos && new URL(typos, location.href);
    var engine = null;
    var latest = 0;

    function load() {
      if (!engine) {
        engine = import(new URL("pagefind.js", indexUrl).href).then(function (pf) {
          /* termSimilarity 5: "mad" ranks the word mad above words that only begin with it (Madsen).
             noWorker: the search runs in the page, not in Pagefind's web worker, whose script is
             12 kB more to fetch before the first result (decision 70). */
          var settings = { baseUrl: rootUrl.pathname, ranking: { termSimilarity: 5 } };
          return pf.options(Object.assign({ noWorker: true }, settings)).then(function () {
            /* A very large site's index lies in parts (decision 78): each merged in, and searched
               as one list, best score first. */
            return Promise.all(parts.map(function (part) { return pf.mergeIndex(new URL(part, indexUrl).pathname, settings); }));
          }).then(function () { return pf; });
        });
      }
      return engine;
    }
    function badge(attribute, value) {
      var source = badgeSource.querySelector("[" + attribute + "=\"" + CSS.escape(value) + "\"]");
      return source ? source.cloneNode(true) : null;
    }
    /* Why a page matched: Pagefind's excerpt without the build's extra index words (between the
       two words in data-hidden), its <mark>s rebuilt as elements (never innerHTML). */
    var hidden = (form.getAttribute("data-hidden") || "").split(" ");
    function visible(html) {
      var open = html.indexOf(hidden[0]), close = html.indexOf(hidden[1]);
      if (close >= 0 && (open < 0 || close < open)) return visible(html.slice(close + hidden[1].length));
      if (open < 0) return html;
      return html.slice(0, open) + (close > open ? visible(html.slice(close + hidden[1].length)) : "");
    }
    /* The excerpt as [text, marked, text, marked, ...], decoded, or null when nothing is marked. */
    function excerptParts(html) {
      html = visible(html).replace(/<mark>\s*<\/mark>/g, "").trim();
      if (!/<mark>/.test(html)) return null;
      var decode = document.createElement("textarea");
      return html.split(/<\/?mark>/).map(function (part) { decode.innerHTML = part; return decode.value; });
    }
    function marked(parts, into) {
      parts.forEach(function (part, i) {
        var text = document.createTextNode(part);
        if (i % 2) { var mark = document.createElement("mark"); mark.appendChild(text); into.appendChild(mark); }
        else into.appendChild(text);
      });
      return into;
    }
    /* The summary with the matched words marked in it; null when a matched word is not in it. */
    function markedSummary(summary, title, parts) {
      var words = parts.filter(function (p, i) { return i % 2; }).map(function (w) { return lower(w.replace(/[^\p{L}\p{N}]+$/u, "")); });
      var low = lower(summary), shown = low + " " + lower(title);
      if (!words.length || words.some(function (w) { return shown.indexOf(w) < 0; })) return null;
      var out = [], at = 0;
      while (true) {
        var next = -1, word = "";
        words.forEach(function (w) { var i = low.indexOf(w, at); if (w && i >= 0 && (next < 0 || i < next)) { next = i; word = w; } });
        if (next < 0) break;
        out.push(summary.slice(at, next), summary.slice(next, next + word.length));
        at = next + word.length;
      }
      out.push(summary.slice(at));
      return out;
    }
    /* A title or summary its page shows in Danish (the page's "da" meta: "title summary") is
       marked as the page marks it, in a clone of the frame in the page's <template> (lang="da"
       and the note); the note the page wrote after the text is not said twice (decision 54). */
    var danishFrame = $("template[data-vifte-danish]");
    var note = danishFrame ? danishFrame.content.textContent.trim() : "";
    function withoutNote(text) {
      return note && text && text.slice(-note.length) === note ? text.slice(0, -note.length).trim() : text;
    }
    function inDanish(el) {
      var copy = danishFrame.content.cloneNode(true), inner = copy.querySelector('[lang="da"]');
      el.appendChild(copy);
      return inner;
    }
    function card(data) {
      var meta = data.meta || {};
      var danish = danishFrame ? (meta.da || "").split(" ") : [];
      var title = danish.indexOf("title") >= 0 ? withoutNote(meta.title) : meta.title;
      var text = danish.indexOf("summary") >= 0 ? withoutNote(meta.summary) : meta.summary;
      var item = frame.cloneNode(true);
      if (meta.area) item.setAttribute("data-area", meta.area);
      var link = $(".vifte-card__title a", item);
      link.href = data.url;
      (danish.indexOf("title") >= 0 ? inDanish(link) : link).textContent = title || data.url;
      var summary = $(".vifte-card__summary", item);
      var parts = data.why !== undefined ? data.why : data.excerpt && excerptParts(data.excerpt);
      /* Words found in the title or summary are marked there; "Her står ordet" only shows text
         the card does not already show, so a card never says its summary twice. */
      var inSummary = parts && text && markedSummary(text, title || "", parts);
      var into = text && danish.indexOf("summary") >= 0 ? inDanish(summary) : summary;
      if (inSummary) marked(inSummary, into);
      else if (text) into.textContent = text;
      else summary.remove();
      var shown = lower((title || "") + " " + (text || ""));
      var onCard = parts && parts.every(function (p, i) { return !(i % 2) || shown.indexOf(lower(p.replace(/[^\p{L}\p{N}]+$/u, ""))) >= 0; });
      if (parts && !onCard) item.insertBefore(marked(parts, matchFrame.cloneNode(true)), $(".vifte-badges", item));
      var badges = $(".vifte-badges", item);
      [["data-area", meta.area], ["data-access", meta.access], ["data-kind", meta.type]].forEach(function (pair) {
        var found = pair[1] && badge(pair[0], pair[1]);
        if (found) badges.appendChild(found);
      });
      return item;
    }
    /* Results come RESULTS at a time: each needs its own fragment file from the index. */
    var RESULTS = 10;
    var shown = null;
    var more = $("[data-vifte-search-more]");
    function drawResults() {
      var current = shown;
      var start = current.drawn;
      var batch = current.search.results.slice(start, start + RESULTS);
      current.drawn += batch.length;
      more.hidden = true;
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
        if (current !== shown) return null;
        if (!start) list.textContent = "";
        var first = null;
        items.forEach(function (data) {
          var item = card(data);
          first = first || item;
          list.appendChild(item);
        });
        var left = current.search.results.length - current.drawn;
        more.hidden = left <= 0;
        more.textContent = left > RESULTS ? tn("Vis %(n)s resultat mere", "Vis %(n)s resultater mere", RESULTS)
          : tn("Vis det sidste resultat", "Vis de sidste %(n)s resultater", left);
        return first;
      });
    }
    more.addEventListener("click", function () {
      drawResults().then(function (first) { if (first) $(".vifte-card__title a", first).focus(); });
    });
    function run(query, updateUrl) {
      var ticket = ++latest;
      query = query.trim();
      if (updateUrl) history.replaceState(null, "", location.pathname + (query ? "?q=" + encodeURIComponent(query) : ""));
      if (!query) { list.textContent = ""; status.textContent = ""; shown = null; more.hidden = true; return; }
      status.textContent = t("Søger …");
      load().then(function (pf) {
        /* A word the site never uses, one letter from one it does: search for that word instead. */
        return corrected(query).then(function (fixed) {
          var plain = function () { return find(pf, query).then(function (search) { return { search: search }; }); };
          if (!fixed) return plain();
          return find(pf, fixed).then(function (again) {
            return again.results.length ? { search: again, fixed: fixed } : plain();
          });
        });
      }).then(function (found) {
        var search = found.search;
        if (ticket !== latest) return null;
        shown = { search: search, drawn: 0 };
        var n = search.results.length;
        var counted = tn("%(n)s resultat for »%(query)s«.", "%(n)s resultater for »%(query)s«.", n, { query: found.fixed || query });
        var text = n === 0
          ? t("Ingen resultater for »%(query)s«. Prøv et andet ord, eller find tilbud efter tema.", { query: query })
          : found.fixed ? t("Ordet »%(query)s« findes ikke. Viser i stedet %(results)s", { query: query, results: counted }) : counted;
        return drawResults().then(function () { if (ticket === latest) status.textContent = text; });
      }).catch(function () {
        if (ticket === latest) status.textContent = t("Søgningen kunne ikke starte. Prøv at genindlæse siden.");
      });
    }
    /* Pagefind finds a word's stem and every word it begins: "gæld" also finds "gælder" (of the
       verb gælde) and "mad" finds "Madsen". Where some page has the word itself (or, among the
       build's extra words, as part of a compound or spelled without æ, ø, å), only such pages are
       results. That needs each result's matched words, from its fragment: up to EXACT_UP_TO
       results are read (about 0.7 kB each); a longer list stays as Pagefind ranks it. */
    var EXACT_UP_TO = 200;
    function bare(word) { return lower(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""); }
    function exact(query, results) {
      var words = query.split(/\s+/).map(bare).filter(Boolean);
      if (results.length > EXACT_UP_TO) return Promise.resolve(results);
      return Promise.all(results.map(function (r) { return r.data(); })).then(function (all) {
        /* Copied at once: Pagefind keeps one object per page and gives it the next search's
           locations and excerpt. */
        var kept = results.map(function (r, i) {
          var content = all[i].content.split(/\s+/);
          var data = { url: all[i].url, meta: all[i].meta, why: why(content, all[i].locations) };
          var matched = all[i].locations.map(function (at) { return bare(content[at] || ""); });
          return { id: r.id, score: r.score, matched: matched, data: function () { return Promise.resolve(data); } };
        });
        words.forEach(function (w) {
          if (kept.some(function (r) { return r.matched.indexOf(w) >= 0; })) {
            kept = kept.filter(function (r) { return r.matched.indexOf(w) >= 0; });
          }
        });
        return kept;
      });
    }
    /* Why a page matched, as [text, marked, text, ...]: the words around its first match that a
       reader can see, without the build's extra words (between the two words in data-hidden),
       which Pagefind's own excerpt shows when its window holds neither of those words. */
    var AROUND = 12;
    function why(content, locations) {
      var inside = [], open = false;
      content.forEach(function (word, i) {
        var b = bare(word);
        if (b === hidden[0]) open = true;
        inside[i] = open;
        if (b === hidden[1]) open = false;
      });
      var at = locations.filter(function (l) { return !inside[l]; }).sort(function (a, b) { return a - b; })[0];
      if (at === undefined) return null;
      var parts = [""], marks = {};
      locations.forEach(function (l) { marks[l] = true; });
      for (var i = Math.max(0, at - AROUND); i < Math.min(content.length, at + 2 * AROUND); i++) {
        if (inside[i]) continue;
        if (marks[i]) parts.push(content[i], " ");
        else parts[parts.length - 1] += content[i] + " ";
      }
      parts[parts.length - 1] = parts[parts.length - 1].trimEnd();
      return parts;
    }
    /* "gaeld" means "gæld": both are searched and their results merged, best score first. */
    function danish(query) { return lower(query).replace(/ae/g, "æ").replace(/oe/g, "ø").replace(/aa/g, "å"); }
    function find(pf, query) {
      var queries = !typoUrl || danish(query) === lower(query) ? [query] : [query, danish(query)];
      var lists = [];
      /* One search after the other (see exact). */
      return queries.reduce(function (done, q) {
        return done.then(function () { return pf.search(q); })
          .then(function (search) { return exact(q, search.results); })
          .then(function (list) { lists.push(list); });
      }, Promise.resolve()).then(function () {
        var best = {};
        lists.forEach(function (list) { list.forEach(function (r) { if (!best[r.id] || best[r.id].score < r.score) best[r.id] = r; }); });
        var results = Object.keys(best).map(function (id) { return best[id]; });
        results.sort(function (a, b) { return b.score - a.score; });
        return { results: results };
      });
    }
    /* One letter wrong, missing, extra or two swapped, in words of five letters or more: such a
       word is replaced by the site's own word. The site's words lie in small files by first and by
       last letter (data-vifte-typos, see TYPO_FOLDER in routes.py), fetched when needed. */
    var shards = {};
    function shard(end, letter) {
      var name = end + "-" + letter.codePointAt(0) + ".json";
      if (!shards[name]) {
        shards[name] = fetch(new URL(name, typoUrl).href)
          .then(function (r) { return r.ok ? r.json() : []; }).catch(function () { return []; });
      }
      return shards[name];
    }
    function near(a, b) {
      if (Math.abs(a.length - b.length) > 1 || a === b) return false;
      var i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      if (a.length === b.length) {
        if (a.slice(i + 1) === b.slice(i + 1)) return true;
        return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
      }
      return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
    }
    /* The word itself when the site uses it, else the most used word one letter from it with the
       same first letter, else with the same last letter, else null. */
    function fix(w) {
      if (w.length < 5) return Promise.resolve(w);
      var pick = function (known) { return known.filter(function (k) { return near(w, k); })[0]; };
      return shard("f", w[0]).then(function (known) {
        if (known.indexOf(w) >= 0) return w;
        return pick(known) || shard("l", w[w.length - 1]).then(function (more) { return pick(more) || null; });
      });
    }
    function corrected(query) {
      var words = lower(query).split(/\s+/);
      if (!typoUrl || !words.some(function (w) { return w.length >= 5; })) return Promise.resolve(null);
      return Promise.all(words.map(fix)).then(function (fixed) {
        var changed = fixed.some(function (f, i) { return f && f !== words[i]; });
        return changed ? fixed.map(function (f, i) { return f || words[i]; }).join(" ") : null;
      });
    }
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value, true); }, 250);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(input.value, true); });
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) { input.value = initial; run(initial, false); }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupSearch);
  else setupSearch();
})();
