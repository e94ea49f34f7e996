/* vifte: view switch, "Min plan" and search (the filter page is filter.js). Everything stays in this browser. */
(function () {
  "use strict";

  var PLAN_KEY = "vifte.plan";
  var DISCARDED_KEY = "vifte.plan.discarded";
  var VIEW_KEY = "vifte.view";
  var USED_KEY = "vifte.plan.used";
  var EXPIRED_KEY = "vifte.plan.expired";

  function store(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
      if (key === PLAN_KEY) localStorage.setItem(USED_KEY, String(Date.now()));
    } catch (e) {}
  }
  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  /* The view switch: citizen text by default, caseworker details on request. */
  function setupView() {
    var toolbar = $("[data-vifte-toolbar]");
    var button = $("[data-vifte-view-toggle]");
    if (!toolbar || !button) return;
    toolbar.hidden = false;
    function show() {
      var caseworker = document.documentElement.getAttribute("data-vifte-view") === "fagperson";
      button.setAttribute("aria-pressed", caseworker ? "true" : "false");
      button.textContent = caseworker ? "Skjul oplysninger til sagsbehandlere" : "Vis oplysninger til sagsbehandlere";
    }
    button.addEventListener("click", function () {
      var next = document.documentElement.getAttribute("data-vifte-view") === "fagperson" ? "borger" : "fagperson";
      document.documentElement.setAttribute("data-vifte-view", next);
      try { localStorage.setItem(VIEW_KEY, next); } catch (e) {}
      show();
    });
    show();
  }

  /* Min plan: offers picked in the meeting, with goal and details, kept only in this browser.
     What is stored can be anything (another script, an old version, a hand edit), so a plan is
     used only when every part of it has the shape this script writes; otherwise it is discarded. */
  var MAX_TEXT = 10000;
  var MAX_ACTIVITIES = 1000;
  var OFFER_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var OFFER_URL = /^((tilbud|mentorer)\/[a-z0-9]+(-[a-z0-9]+)*\/)?$/;
  var ISO_DATE = /^(\d{4}-\d{2}-\d{2})?$/;
  var TEXT_FIELDS = ["title", "responsible", "legal", "subgoal", "hours"];
  var OPTIONAL_FIELDS = ["contact", "phone", "address"];
  function optionalText(value) { return value === undefined || isText(value); }
  var planDiscarded = false;

  function emptyPlan() { return { goal: "", activities: [] }; }
  function danishDate(iso) { return iso ? iso.split("-").reverse().join(".") : ""; }
  function isText(value) { return typeof value === "string" && value.length <= MAX_TEXT; }
  function validActivity(a) {
    return !!a && typeof a === "object" && !Array.isArray(a) &&
      isText(a.id) && OFFER_ID.test(a.id) && isText(a.url) && OFFER_URL.test(a.url) &&
      TEXT_FIELDS.every(function (name) { return isText(a[name]); }) &&
      OPTIONAL_FIELDS.every(function (name) { return optionalText(a[name]); }) &&
      isText(a.start) && ISO_DATE.test(a.start) && isText(a.end) && ISO_DATE.test(a.end);
  }
  function validPlan(plan) {
    if (!plan || typeof plan !== "object" || Array.isArray(plan)) return false;
    if (!isText(plan.goal) || !Array.isArray(plan.activities)) return false;
    if (!optionalText(plan.citizen) || !optionalText(plan.caseworker)) return false;
    if (!optionalText(plan.meeting) || !ISO_DATE.test(plan.meeting || "")) return false;
    if (plan.activities.length > MAX_ACTIVITIES || !plan.activities.every(validActivity)) return false;
    var ids = plan.activities.map(function (a) { return a.id; });
    return ids.every(function (id, i) { return ids.indexOf(id) === i; });
  }
  /* The stored plan, or an empty one; a malformed plan is removed and remembered in planDiscarded. */
  function readPlan() {
    clearIfIdle();
    var raw = null;
    try { raw = localStorage.getItem(PLAN_KEY); } catch (e) { return emptyPlan(); }
    if (raw === null) return emptyPlan();
    var plan = null;
    try { plan = JSON.parse(raw); } catch (e) { plan = null; }
    if (validPlan(plan)) return plan;
    planDiscarded = true;
    try { localStorage.removeItem(PLAN_KEY); localStorage.setItem(DISCARDED_KEY, "1"); } catch (e) {}
    return emptyPlan();
  }
  /* On a shared computer a plan does not linger: after settings.yaml's plan.clear_after_hours
     without use it is removed. Pages that touch the plan carry the limit in data-vifte-plan-hours;
     a missing time stamp (a plan from before this rule) starts the clock, a broken one clears. */
  function clearIfIdle() {
    var holder = $("[data-vifte-plan-hours]");
    var hours = holder ? Number(holder.getAttribute("data-vifte-plan-hours")) : NaN;
    if (!(hours > 0)) return;
    try {
      if (localStorage.getItem(PLAN_KEY) === null) return;
      var raw = localStorage.getItem(USED_KEY);
      var now = Date.now();
      if (raw === null) { localStorage.setItem(USED_KEY, String(now)); return; }
      var used = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
      if (used <= now + 60000 && now - used <= hours * 3600000) return;
      localStorage.removeItem(PLAN_KEY);
      localStorage.removeItem(USED_KEY);
      localStorage.setItem(EXPIRED_KEY, "1");
    } catch (e) {}
  }
  function takeExpired() {
    try {
      var expired = localStorage.getItem(EXPIRED_KEY) !== null;
      localStorage.removeItem(EXPIRED_KEY);
      return expired;
    } catch (e) { return false; }
  }
  /* Whether a plan was discarded on this or an earlier page since the plan page last said so. */
  function takeDiscarded() {
    var earlier = false;
    try { earlier = localStorage.getItem(DISCARDED_KEY) !== null; localStorage.removeItem(DISCARDED_KEY); } catch (e) {}
    var discarded = planDiscarded || earlier;
    planDiscarded = false;
    return discarded;
  }
  function clip(value) { return String(value || "").slice(0, MAX_TEXT); }
  function updatePlanCount() {
    var n = readPlan().activities.length;
    $$("[data-vifte-plan-count]").forEach(function (el) { el.textContent = n ? "(" + n + ")" : ""; });
  }
  function addToPlan(data) {
    var plan = readPlan();
    if (plan.activities.some(function (a) { return a.id === data.id; })) return false;
    plan.activities.push({
      id: data.id, title: clip(data.title), url: data.url || "", responsible: clip(data.provider),
      legal: clip(data.legal), subgoal: "", start: "", end: "", hours: "",
      contact: clip(data.contact), phone: clip(data.phone), address: clip(data.address)
    });
    store(PLAN_KEY, plan);
    updatePlanCount();
    return true;
  }

  /* What the build wrote about an offer or a mentor on a button or an option (plan_data in _site.html). */
  function planData(el) {
    var data = {};
    ["id", "title", "url", "provider", "legal", "contact", "phone", "address"].forEach(function (name) {
      data[name] = el.getAttribute("data-" + name) || "";
    });
    return data;
  }
  /* "Kontakt: Name, phone. Adresse: street, town." for an activity, or "". */
  function contactLine(a, keepPhone) {
    var phone = keepPhone ? String(a.phone || "").replace(/ /g, "\u00a0") : a.phone;
    var who = [a.contact, phone].filter(Boolean).join(", ");
    return [who ? "Kontakt: " + who + "." : "", a.address ? "Adresse: " + a.address + "." : ""].filter(Boolean).join(" ");
  }

  function setupAddButtons() {
    $$("[data-vifte-add]").forEach(function (button) {
      button.hidden = false;
      var status = button.parentNode.querySelector("[data-vifte-add-status]");
      function inPlan() {
        return readPlan().activities.some(function (a) { return a.id === button.getAttribute("data-id"); });
      }
      function show() { if (inPlan()) button.textContent = "Er på min plan"; }
      button.addEventListener("click", function () {
        var added = addToPlan(planData(button));
        var noun = /^mentorer\//.test(button.getAttribute("data-url")) ? "Mentoren" : "Tilbuddet";
        if (status) status.textContent = noun + (added ? " er lagt på din plan." : " er allerede på din plan.");
        show();
      });
      show();
    });
  }

  var ACTIVITY_FIELDS = [
    ["subgoal", "Delmål", "textarea"], ["start", "Start", "date"], ["end", "Slut", "date"],
    ["hours", "Timer om ugen", "text"], ["responsible", "Ansvarlig", "text"], ["legal", "Lov og paragraf", "text"]
  ];

  function setupPlan() {
    var root = $("[data-vifte-plan]");
    if (!root) return;
    var siteRoot = root.getAttribute("data-root") || "../";
    root.hidden = false;
    var goal = $("#vifte-plan-goal", root);
    var list = $("[data-vifte-plan-list]", root);
    var empty = $("[data-vifte-plan-empty]", root);
    var picker = $("#vifte-plan-picker", root);
    var status = $("[data-vifte-plan-status]", root);
    var printTable = $("[data-vifte-plan-print] tbody");
    var printGoal = $("[data-vifte-plan-print-goal]");
    var printDate = $("[data-vifte-plan-print-date]");
    var own = $("#vifte-plan-own", root);
    var people = ["citizen", "caseworker", "meeting"].map(function (name) {
      return [name, $("#vifte-plan-" + name, root), $("[data-vifte-plan-print-" + name + "]")];
    });
    fillPicker($("[data-vifte-plan-offers]", root));
    readPlan();
    $("[data-vifte-plan-discarded]", root).hidden = !takeDiscarded();
    $("[data-vifte-plan-expired]", root).hidden = !takeExpired();

    function save(plan) { store(PLAN_KEY, plan); updatePlanCount(); renderPrint(plan); }

    /* On paper an offer or mentor carries its short address and a QR code of it, drawn here by
       the vendored qrcode.js (fetched from this site once the plan page is used; decision 27-build). */
    var site = (root.getAttribute("data-site") || "").replace(/^https?:\/\//, "");
    var siteUrl = root.getAttribute("data-site") || "";
    function qrImage(text) {
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
      var svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + (n + 8) + " " + (n + 8) +
        '" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="' +
        d.join("") + '"/></svg>';
      return "data:image/svg+xml," + encodeURIComponent(svg);
    }
    function printLink(a) {
      var box = document.createElement("span");
      box.className = "vifte-plan-print-link";
      var img = document.createElement("img");
      img.alt = "QR-kode til " + a.title;
      img.width = 72;
      img.height = 72;
      if (window.qrcode) img.src = qrImage(siteUrl + a.url);
      else img.hidden = true;  /* until the encoder has loaded */
      box.appendChild(img);
      var text = document.createElement("span");
      text.textContent = site + a.url;
      box.appendChild(text);
      return box;
    }
    function renderPrint(plan) {
      printGoal.textContent = plan.goal || "(intet mål skrevet)";
      people.forEach(function (p) {
        var value = p[0] === "meeting" ? danishDate(plan.meeting || "") : plan[p[0]];
        p[2].textContent = value || "(ikke skrevet)";
      });
      printDate.textContent = new Date().toLocaleDateString("da-DK");
      printTable.textContent = "";
      plan.activities.forEach(function (a) {
        var row = document.createElement("tr");
        [a.title, a.subgoal, danishDate(a.start), danishDate(a.end), a.hours, a.responsible, a.legal].forEach(function (value, i) {
          var cell = document.createElement(i === 0 ? "th" : "td");
          if (i === 0) cell.setAttribute("scope", "row");
          if (i === 2 || i === 3) cell.className = "vifte-nowrap";
          cell.textContent = value || "";
          if (i === 0 && a.url) cell.appendChild(printLink(a));
          var line = i === 0 && contactLine(a, true);  /* a phone number never breaks on paper */
          if (line) {
            var small = document.createElement("span");
            small.className = "vifte-plan-print-contact";
            small.textContent = line;
            cell.appendChild(small);
          }
          row.appendChild(cell);
        });
        printTable.appendChild(row);
      });
    }

    function render() {
      var plan = readPlan();
      goal.value = plan.goal || "";
      people.forEach(function (p) { p[1].value = plan[p[0]] || ""; });
      list.textContent = "";
      empty.hidden = plan.activities.length > 0;
      plan.activities.forEach(function (activity, index) {
        var item = document.createElement("li");
        item.className = "vifte-plan-activity";
        var heading = document.createElement("h3");
        if (activity.url) {
          var link = document.createElement("a");
          link.href = siteRoot + activity.url;
          link.textContent = activity.title;
          heading.appendChild(link);
        } else {
          heading.textContent = activity.title;
        }
        item.appendChild(heading);
        var line = contactLine(activity);
        if (line) {
          var contact = document.createElement("p");
          contact.className = "vifte-plan-contact";
          contact.textContent = line;
          item.appendChild(contact);
        }
        ACTIVITY_FIELDS.forEach(function (spec) {
          var id = "vifte-plan-" + index + "-" + spec[0];
          var label = document.createElement("label");
          label.setAttribute("for", id);
          label.textContent = spec[1];
          var input = document.createElement(spec[2] === "textarea" ? "textarea" : "input");
          if (spec[2] === "textarea") input.rows = 2;
          else input.type = spec[2];
          input.id = id;
          input.maxLength = 1000;
          input.value = activity[spec[0]] || "";
          input.addEventListener("input", function () {
            var current = readPlan();
            if (!current.activities[index]) return;
            current.activities[index][spec[0]] = input.value;
            save(current);
          });
          var wrap = document.createElement("div");
          wrap.className = "vifte-plan-field";
          wrap.appendChild(label);
          wrap.appendChild(input);
          item.appendChild(wrap);
        });
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "vifte-button";
        remove.textContent = "Fjern " + activity.title + " fra planen";
        remove.addEventListener("click", function () {
          var current = readPlan();
          current.activities.splice(index, 1);
          save(current);
          render();
          status.textContent = activity.title + " er fjernet fra planen.";
        });
        item.appendChild(remove);
        list.appendChild(item);
      });
      renderPrint(plan);
    }

    people.forEach(function (p) {
      p[1].addEventListener("input", function () {
        var plan = readPlan();
        plan[p[0]] = clip(p[1].value);
        save(plan);
      });
    });
    $("[data-vifte-plan-own]", root).addEventListener("click", function () {
      var text = own.value.trim();
      if (!text) { status.textContent = "Skriv aktiviteten i feltet først."; own.focus(); return; }
      var plan = readPlan();
      var n = 1;
      while (plan.activities.some(function (a) { return a.id === "egen-" + n; })) n += 1;
      addToPlan({ id: "egen-" + n, title: text, url: "", provider: "", legal: "" });
      own.value = "";
      render();
      status.textContent = text + " er lagt på planen.";
    });
    goal.addEventListener("input", function () {
      var plan = readPlan();
      plan.goal = goal.value;
      save(plan);
    });
    $("[data-vifte-plan-add]", root).addEventListener("click", function () {
      var option = picker.options[picker.selectedIndex];
      if (!option || !option.value) return;
      var data = planData(option);
      data.title = option.getAttribute("data-title") || option.textContent;
      var added = addToPlan(data);
      render();
      status.textContent = added ? option.textContent + " er lagt på planen." : option.textContent + " er allerede på planen.";
    });
    $("[data-vifte-plan-print-button]", root).addEventListener("click", function () { window.print(); });
    setupPlanFile(root, status, render);
    $("[data-vifte-plan-clear]", root).addEventListener("click", function () {
      if (!window.confirm("Vil du slette hele planen i denne browser?")) return;
      try { localStorage.removeItem(PLAN_KEY); localStorage.removeItem(USED_KEY); } catch (e) {}
      updatePlanCount();
      render();
      status.textContent = "Planen er slettet.";
    });
    render();
    /* The QR encoder arrives after the first render; the printed plan is drawn again with it. */
    var qrSource = root.getAttribute("data-qr-src");
    if (qrSource && !window.qrcode) {
      var script = document.createElement("script");
      script.src = qrSource;
      script.addEventListener("load", function () { renderPrint(readPlan()); });
      document.head.appendChild(script);
    }
  }

  /* The picker's offers come from the offers' data file (OFFER_LIST_PATH, keys in
     output/offer_list.py), with the attributes planData reads, as the build writes them for mentors. */
  function fillPicker(group) {
    if (!group) return;
    fetch(group.getAttribute("data-vifte-plan-offers"))
      .then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return []; })
      .then(function (offers) {
        var batch = document.createDocumentFragment();
        offers.forEach(function (o) {
          var option = document.createElement("option");
          option.value = o.i;
          option.textContent = o.t;
          [["id", o.i], ["title", o.t], ["url", o.u], ["provider", o.pr], ["legal", o.lb],
            ["contact", o.n], ["phone", o.c], ["address", o.l]].forEach(function (pair) {
            option.setAttribute("data-" + pair[0], pair[1] || "");
          });
          batch.appendChild(option);
        });
        group.appendChild(batch);
        group.parentNode.setAttribute("data-vifte-ready", "");
      });
  }

  /* The plan as a file the citizen takes home: written from this browser, read back only when
     it has the shape readPlan accepts. Nothing leaves the computer. */
  var MAX_FILE_BYTES = 5 * 1024 * 1024;
  function setupPlanFile(root, status, render) {
    var error = $("[data-vifte-plan-file-error]", root);
    var input = $("#vifte-plan-open", root);
    $("[data-vifte-plan-save]", root).addEventListener("click", function () {
      var plan = readPlan();
      var blob = new Blob([JSON.stringify(plan, null, 2)], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "min-plan" + (plan.meeting ? "-" + plan.meeting : "") + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
      status.textContent = "Planen er gemt som filen " + link.download + ".";
    });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      error.hidden = true;
      if (!file) return;
      function refuse() { error.hidden = false; input.value = ""; }
      if (file.size > MAX_FILE_BYTES) { refuse(); return; }
      var reader = new FileReader();
      reader.onerror = refuse;
      reader.onload = function () {
        var plan = null;
        try { plan = JSON.parse(String(reader.result)); } catch (e) { plan = null; }
        if (!validPlan(plan)) { refuse(); return; }
        store(PLAN_KEY, plan);
        updatePlanCount();
        render();
        input.value = "";
        status.textContent = "Planen fra filen " + file.name + " er åbnet.";
      };
      reader.readAsText(file);
    });
  }

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
    var rootUrl = new URL(form.getAttribute("data-root") || "../", location.href);
    var engine = null;
    var latest = 0;

    function load() {
      if (!engine) {
        engine = import(new URL("pagefind/pagefind.js", rootUrl).href).then(function (pf) {
          /* termSimilarity 5: "mad" ranks the word mad above words that only begin with it (Madsen). */
          return pf.options({ baseUrl: rootUrl.pathname, ranking: { termSimilarity: 5 } }).then(function () { return pf; });
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
    function excerpt(html) {
      html = visible(html).replace(/<mark>\s*<\/mark>/g, "").trim();
      if (!/<mark>/.test(html)) return null;
      var out = matchFrame.cloneNode(true);
      var decode = document.createElement("textarea");
      html.split(/<\/?mark>/).forEach(function (part, i) {
        decode.innerHTML = part;
        var text = document.createTextNode(decode.value);
        if (i % 2) { var mark = document.createElement("mark"); mark.appendChild(text); out.appendChild(mark); }
        else out.appendChild(text);
      });
      return out;
    }
    function card(data) {
      var meta = data.meta || {};
      var item = frame.cloneNode(true);
      if (meta.area) item.setAttribute("data-area", meta.area);
      var link = $(".vifte-card__title a", item);
      link.href = data.url;
      link.textContent = meta.title || data.url;
      var summary = $(".vifte-card__summary", item);
      if (meta.summary) summary.textContent = meta.summary;
      else summary.remove();
      var why = data.excerpt && excerpt(data.excerpt);
      if (why) item.insertBefore(why, $(".vifte-badges", item));
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
        more.textContent = left > RESULTS ? "Vis " + RESULTS + " resultater mere" : left === 1 ? "Vis det sidste resultat" : "Vis de sidste " + left + " resultater";
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
      status.textContent = "Søger …";
      load().then(function (pf) {
        /* A word the site never uses, one letter from one it does: search for that word instead. */
        return corrected(query).then(function (fixed) {
          var plain = function () { return pf.search(query).then(function (search) { return { search: search }; }); };
          if (!fixed) return plain();
          return pf.search(fixed).then(function (again) {
            return again.results.length ? { search: again, fixed: fixed } : plain();
          });
        });
      }).then(function (found) {
        var search = found.search;
        if (ticket !== latest) return null;
        shown = { search: search, drawn: 0 };
        var n = search.results.length;
        var said = found.fixed ? "Ordet »" + query + "« findes ikke. Viser i stedet " : "";
        var text = n === 0
          ? "Ingen resultater for »" + query + "«. Prøv et andet ord, eller find tilbud efter tema."
          : said + (n === 1 ? "1 resultat" : n + " resultater") + " for »" + (found.fixed || query) + "«.";
        return drawResults().then(function () { if (ticket === latest) status.textContent = text; });
      }).catch(function () {
        if (ticket === latest) status.textContent = "Søgningen kunne ikke starte. Prøv at genindlæse siden.";
      });
    }
    /* One letter wrong, missing, extra or two swapped, in words of five letters or more: such a
       word is replaced by the site's own word. The site's words lie in small files by first and by
       last letter (pagefind/vifte-ord/, see TYPO_FOLDER in search.py), fetched when needed. */
    var shards = {};
    function shard(end, letter) {
      var name = end + "-" + letter.codePointAt(0) + ".json";
      if (!shards[name]) {
        shards[name] = fetch(new URL("pagefind/vifte-ord/" + name, rootUrl).href)
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
      var words = query.toLocaleLowerCase("da").split(/\s+/);
      if (!words.some(function (w) { return w.length >= 5; })) return Promise.resolve(null);
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

  function start() {
    setupSearch();
    setupView();
    setupAddButtons();
    setupPlan();
    updatePlanCount();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
