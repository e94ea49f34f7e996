/* vifte: the filter page. Ticked boxes narrow the list; the choice lives in the URL, which the
   page also shows as a QR code (drawn by qr.js, see docs/decisions.md 22).
   The offers come as compact data (the form's data-vifte-offers), drawn as cards a page at a time (29). */
(function () {
  "use strict";

  var t = window.vifte.t, tn = window.vifte.tn;  /* the page's words (view.js) */
  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  /* The groups' names in the URL, as the page names its checkboxes (filter_params in routes.py),
     and for each the key of its values in the offers' data, by the term list it filters on. */
  var NAMES = [];
  var KEYS = {};
  var DATA_KEYS = { themes: "th", target_groups: "tg", areas: "a", access: "x" };
  var PAGE = 50;

  /* Each offer of the data file (OFFER_LIST_PATH, keys in output/offer_list.py) with its values
     per filter group, and its card once drawn. */
  function entry(o) {
    var v = {};
    NAMES.forEach(function (name) { v[name] = [].concat(o[KEYS[name]] || []); });
    return { o: o, card: null, v: v };
  }

  function setupFilter() {
    var form = $("[data-vifte-filter]");
    if (!form) return;
    var results = $("[data-vifte-results]");
    var list = $("[data-vifte-cards]", results);
    var count = $("[data-vifte-count]");
    var chosenText = $("[data-vifte-chosen]");
    var empty = $("[data-vifte-empty]");
    var removeList = $("[data-vifte-remove]");
    var heading = $("#resultater");
    var qr = $("[data-vifte-qr]");
    var qrUrl = $("[data-vifte-qr-url]");
    var more = $("[data-vifte-more]");
    var loading = $("[data-vifte-loading]");
    var grouped = $("[data-vifte-grouped]");
    var frame = $("[data-vifte-card]").content.querySelector(".vifte-card");
    var badgeSource = $("[data-vifte-card-badges]").content;
    var danishFrame = $("[data-vifte-danish]");
    var root = new URL(form.getAttribute("data-root") || "../", location.href);
    var boxes = $$("input[type=checkbox]", form);
    $$("fieldset[data-vifte-terms]", form).forEach(function (group) {
      var box = $("input[type=checkbox]", group);
      if (!box) return;
      NAMES.push(box.name);
      KEYS[box.name] = DATA_KEYS[group.getAttribute("data-vifte-terms")];
    });
    var plan = window.vifte && window.vifte.plan;  /* plan-store.js: the cards' "Læg på min plan" */
    var mail = $("[data-vifte-mail]");
    var offers = null;
    var matched = [];
    var drawn = 0;

    function chosen() {
      var picked = {};
      NAMES.forEach(function (name) {
        picked[name] = $$('input[name="' + name + '"]:checked', form).map(function (box) { return box.value; });
      });
      return picked;
    }
    function groupOf(box) { return box.closest("fieldset").getAttribute("data-vifte-group"); }
    function describe() {
      var parts = [];
      NAMES.forEach(function (name) {
        var ticked = boxes.filter(function (b) { return b.name === name && b.checked; });
        if (ticked.length) {
          parts.push(groupOf(ticked[0]) + ": " + ticked.map(function (b) { return b.getAttribute("data-label"); }).join(", "));
        }
      });
      return parts.length ? t("Dine valg: %(choices)s.", { choices: parts.join(". ") }) : t("Du har ikke sat flueben: listen viser alle tilbud.");
    }
    function showRemoveButtons() {
      removeList.textContent = "";
      boxes.filter(function (b) { return b.checked; }).forEach(function (box) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "vifte-button";
        button.textContent = t("Fjern %(choice)s", { choice: box.getAttribute("data-label") });
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
      qr.appendChild(window.vifte.qr.element(location.href, t("QR-kode til listen")));
      qrUrl.textContent = location.href;
    }
    /* A mail to the citizen with the list's titles and its address: nothing is stored or sent by
       the site; the mail program opens with the text. Long lists are cut so the link stays under
       MAIL_MAX characters (mail programs drop longer ones); the address always holds the whole list. */
    var MAIL_MAX = 1800;
    function showMail() {
      if (!mail || !offers) return;
      var subject = mail.getAttribute("data-vifte-mail-subject");
      var head = t("Tilbud, der passer til dine valg (%(n)s):", { n: matched.length });
      var tail = t("Se hele listen her: %(address)s", { address: location.href });
      function href(titles, left) {
        var lines = [head, ""].concat(titles.map(function (t) { return "- " + t; }));
        if (left) lines.push("- " + tn("… og %(n)s tilbud mere", "… og %(n)s tilbud mere", left));
        return "mailto:?subject=" + encodeURIComponent(subject) +
          "&body=" + encodeURIComponent(lines.concat(["", chosenText.textContent, "", tail]).join("\n"));
      }
      var titles = matched.map(function (item) { return item.o.t; });
      var whole = href(titles, 0);
      if (whole.length <= MAIL_MAX) { mail.href = whole; return; }
      var used = href([], titles.length).length, n = 0;
      for (; n < titles.length; n += 1) {
        used += encodeURIComponent("- " + titles[n] + "\n").length;
        if (used > MAIL_MAX) break;
      }
      mail.href = href(titles.slice(0, n), titles.length - n);
    }
    function addBadge(badges, before, selector) {
      var found = badgeSource.querySelector(selector);
      if (!found) return;
      badges.insertBefore(found.cloneNode(true), before);
      badges.insertBefore(document.createTextNode(" "), before);
    }
    /* An offer's text into an element; one the data names as shown in Danish (o.d) in the frame
       the pages mark such a text with (lang="da" and the note; the page's <template>). */
    function put(el, o, key) {
      if (!danishFrame || (o.d || []).indexOf(key) < 0) { el.textContent = o[key]; return; }
      var frame = danishFrame.content.cloneNode(true);
      frame.querySelector('[lang="da"]').textContent = o[key];
      el.textContent = "";
      el.appendChild(frame);
    }
    /* A card as the build's card macro writes it, from the frame and badges in the page's <template>s. */
    function card(o) {
      var item = frame.cloneNode(true);
      item.setAttribute("data-id", o.i);
      item.setAttribute("data-area", o.a);
      item.setAttribute("data-access", o.x);
      var link = $(".vifte-card__title a", item);
      link.href = new URL(o.u, root).href;
      put(link, o, "t");
      var summary = $(".vifte-card__summary", item);
      if (o.s) put(summary, o, "s");
      else summary.remove();
      var badges = $(".vifte-badges", item);
      var print = $(".vifte-card__print", item);
      addBadge(badges, print, '.vifte-badge--area[data-area="' + CSS.escape(o.a) + '"]');
      addBadge(badges, print, '.vifte-badge--access[data-access="' + CSS.escape(o.x) + '"]');
      if (o.p) addBadge(badges, print, ".vifte-badge--paused");
      var reach = o.c ? (o.c.indexOf("@") >= 0 ? o.c : t("Telefon %(phone)s", { phone: o.c })) : "";
      print.textContent = reach + (o.l ? (reach ? " · " : "") + o.l : "");
      var add = $("[data-vifte-add]", item);
      if (add && plan) plan.mark(add, o);
      return item;
    }
    /* The list shows PAGE cards at a time, so a tick never draws thousands; "Vis flere" draws more. */
    function draw(n) {
      var end = Math.min(matched.length, drawn + n);
      var batch = document.createDocumentFragment();
      for (var i = drawn; i < end; i += 1) {
        var item = matched[i];
        batch.appendChild(item.card || (item.card = card(item.o)));
      }
      if (plan) plan.buttons(batch);
      list.appendChild(batch);
      drawn = end;
      var left = matched.length - drawn;
      more.hidden = left <= 0;
      more.textContent = left > PAGE ? tn("Vis %(n)s tilbud mere", "Vis %(n)s tilbud mere", PAGE)
        : tn("Vis det sidste tilbud", "Vis de sidste %(n)s tilbud", left);
    }
    /* The number beside each option is what the list shows once that box is clicked (decision 38):
       ticks within a group add offers (an offer needs one of them), groups narrow (it needs every
       group that has a tick). So for an unticked box in a group without ticks: the shown offers
       that have it; in a group with ticks: the shown offers plus those that miss only this group
       and have it. For a ticked box: the shown offers minus those it alone lets through, or, when
       it is its group's only tick, the shown offers plus those that miss only this group. */
    function tally(picked) {
      var have = {}, only = {}, near = {}, nearAll = {}, want = {}, active = [];
      NAMES.forEach(function (name) {
        have[name] = {}; only[name] = {}; near[name] = {}; nearAll[name] = 0;
        if (!picked[name].length) return;
        want[name] = {};
        picked[name].forEach(function (x) { want[name][x] = true; });
        active.push(name);
      });
      function add(counts, values) {
        for (var k = 0; k < values.length; k += 1) counts[values[k]] = (counts[values[k]] || 0) + 1;
      }
      matched = [];
      /* Plain loops: this runs over every offer on each tick (5,000 in the benchmark). */
      for (var i = 0; i < offers.length; i += 1) {
        var item = offers[i], failed = null, fails = 0, hits = {};
        for (var g = 0; g < active.length && fails < 2; g += 1) {
          var values = item.v[active[g]], set = want[active[g]], hit = [];
          for (var j = 0; j < values.length; j += 1) if (set[values[j]] === true) hit.push(values[j]);
          if (!hit.length) { fails += 1; failed = active[g]; }
          hits[active[g]] = hit;
        }
        if (!fails) {
          matched.push(item);
          for (var n = 0; n < NAMES.length; n += 1) {
            var name = NAMES[n];
            if (!want[name]) add(have[name], item.v[name]);
            else if (hits[name].length === 1) add(only[name], hits[name]);
          }
        } else if (fails === 1) {
          nearAll[failed] += 1;
          add(near[failed], item.v[failed]);
        }
      }
      return function (box) {
        var name = box.name, value = box.value, shown = matched.length;
        if (!want[name]) return have[name][value] || 0;
        if (!box.checked) return shown + (near[name][value] || 0);
        if (picked[name].length === 1) return shown + nearAll[name];
        return shown - (only[name][value] || 0);
      };
    }
    function apply(updateUrl) {
      var picked = chosen();
      if (updateUrl) {
        var params = new URLSearchParams();
        NAMES.forEach(function (name) {
          picked[name].forEach(function (v) { params.append(name, v); });
        });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
      }
      showQr();
      if (!offers) return;
      var after = tally(picked);
      boxes.forEach(function (box) {
        var n = after(box);
        var label = box.closest("label");
        var shown = box.checked ? t("(uden: %(n)s)", { n: n }) : "(" + n + ")";
        var place = $("[data-vifte-option-count]", label);
        if (place.textContent !== shown) place.textContent = shown;
        label.classList.toggle("vifte-check--none", n === 0);
      });
      var text = matched.length === offers.length
        ? tn("Viser alle %(n)s tilbud.", "Viser alle %(n)s tilbud.", offers.length)
        : tn("Viser %(shown)s af %(n)s tilbud.", "Viser %(shown)s af %(n)s tilbud.", offers.length, { shown: matched.length });
      if (count.textContent !== text) count.textContent = text;
      chosenText.textContent = describe();
      empty.hidden = matched.length > 0;
      if (!matched.length) showRemoveButtons();
      list.textContent = "";
      drawn = 0;
      draw(PAGE);
      showMail();
    }

    var params = new URLSearchParams(location.search);
    boxes.forEach(function (box) { box.checked = params.getAll(box.name).indexOf(box.value) !== -1; });
    form.hidden = false;
    results.hidden = false;
    $("[data-vifte-bar]").hidden = false;
    grouped.hidden = true;
    $("[data-vifte-nojs]").hidden = true;
    $("[data-vifte-filter-lead]").hidden = false;
    loading.hidden = false;
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    more.addEventListener("click", function () {
      var first = drawn;
      draw(PAGE);
      var next = list.children[first];
      if (next) $(".vifte-card__title a", next).focus();
    });
    /* On paper the whole chosen list, not only the cards drawn so far. */
    window.addEventListener("beforeprint", function () { draw(Infinity); });
    $("[data-vifte-print]").addEventListener("click", function () { draw(Infinity); window.print(); });
    fetch(form.getAttribute("data-vifte-offers"))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        offers = data.map(entry);
        loading.hidden = true;
        apply(false);
        form.setAttribute("data-vifte-ready", "");
      })
      .catch(function () {
        loading.textContent = t("Tilbuddene kunne ikke hentes. Prøv at genindlæse siden, eller find dem efter tema, situation eller område herunder.");
        grouped.hidden = false;
      });
    /* The encoder is fetched from this site only when the filter page is used. */
    window.vifte.qr.load(form.getAttribute("data-vifte-qr-src"), showQr);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupFilter);
  else setupFilter();
})();
