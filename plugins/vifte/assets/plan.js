/* vifte: the "Min plan" page: the meeting's names, goal and activities, the picker, the printed
   plan with a QR code per offer, and the plan as a file to take home. The plan itself is kept by
   plan-store.js (window.vifte.plan), the QR codes drawn by qr.js. Everything stays in this browser. */
(function () {
  "use strict";

  var t = window.vifte.t;  /* the page's words (view.js) */
  var keep = window.vifte.plan;
  var qr = window.vifte.qr;
  function $(selector, root) { return (root || document).querySelector(selector); }
  /* A date ("2027-03-05") written as the site writes dates: the format the plan page states
     (danish.py's DATE_FORMAT, "%d.%m.%Y"), so the printed plan has one date format. */
  var dateFormat = ($("[data-vifte-plan]") || document.documentElement).getAttribute("data-vifte-date-format");
  function danishDate(iso) {
    var part = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!part || !dateFormat) return iso || "";
    return dateFormat.replace("%Y", part[1]).replace("%m", part[2]).replace("%d", part[3]);
  }
  function today() {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  /* "Kontakt: Name, phone. Adresse: street, town. Det skal du have med: …." for an activity, or "". */
  function contactLine(a, keepPhone) {
    var phone = keepPhone ? String(a.phone || "").replace(/ /g, "\u00a0") : a.phone;
    var who = [a.contact, phone].filter(Boolean).join(", ");
    return [who ? t("Kontakt: %(who)s.", { who: who }) : "", a.address ? t("Adresse: %(address)s.", a) : "",
      a.bring ? t("Det skal du have med: %(bring)s.", a) : ""].filter(Boolean).join(" ");
  }

  /* The offers of this language's data file by id, and, on another language's page, their Danish
     titles (the Danish site's file): an activity shows the title in the page's language, on paper
     with the Danish one beside it for the caseworker (decision 54). Filled by fillPicker. */
  var offers = {}, danishTitles = {};
  var danishFrame = $("template[data-vifte-danish]");
  function titleOf(a) { return offers[a.id] ? offers[a.id].t : a.title; }
  /* The title into an element; one shown in Danish (the data's "d") in the pages' frame for it. */
  function putTitle(el, a) {
    var o = offers[a.id];
    if (!danishFrame || !o || (o.d || []).indexOf("t") < 0) { el.textContent = titleOf(a); return; }
    var frame = danishFrame.content.cloneNode(true);
    frame.querySelector('[lang="da"]').textContent = o.t;
    el.textContent = "";
    el.appendChild(frame);
  }
  function danishBeside(a) {
    var title = danishTitles[a.id];
    if (!title || title === titleOf(a)) return null;
    var box = document.createElement("span");
    box.className = "vifte-plan-print-detail vifte-plan-print-danish";
    box.appendChild(document.createTextNode(t("På dansk:") + " "));
    var name = document.createElement("span");
    name.lang = "da";
    name.textContent = title;
    box.appendChild(name);
    return box;
  }

  var ACTIVITY_FIELDS = [
    ["subgoal", t("Delmål"), "textarea"], ["start", t("Start"), "date"], ["end", t("Slut"), "date"],
    ["hours", t("Timer om ugen"), "text"], ["responsible", t("Ansvarlig"), "text"], ["legal", t("Lov og paragraf"), "text"]
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
    var here = document.documentElement.lang || "da";
    var elsewhere = $("[data-vifte-plan-elsewhere]", root);
    /* The plan page in the language the plan was made in, when that is another: null if none. */
    function home(plan) {
      var item = plan.language && plan.language !== here && elsewhere &&
        $('[data-vifte-plan-language="' + CSS.escape(plan.language) + '"]', elsewhere);
      return item ? $("a", item) : null;
    }
    function showElsewhere(plan) {
      if (!elsewhere) return;
      var link = home(plan);
      elsewhere.hidden = !link;
      Array.prototype.forEach.call(elsewhere.querySelectorAll("[data-vifte-plan-language]"), function (item) {
        var a = $("a", item);
        a.href = a.getAttribute("data-href");
        a.hreflang = item.getAttribute("data-vifte-plan-language");
        item.hidden = a !== link;
      });
    }
    var printAsked = new URLSearchParams(location.search).has("udskriv");
    if (printAsked) history.replaceState(null, "", location.pathname + location.hash);
    fillPicker($("[data-vifte-plan-offers]", root), root.getAttribute("data-vifte-plan-danish"), function () {
      render();
      if (printAsked) window.print();
    });
    keep.read();
    $("[data-vifte-plan-discarded]", root).hidden = !keep.takeDiscarded();
    $("[data-vifte-plan-expired]", root).hidden = !keep.takeExpired();

    function save(plan) { keep.save(plan); renderPrint(plan); }

    /* On paper an offer or mentor carries its short address and a QR code of it, drawn by qr.js
       (the encoder is fetched from this site once the plan page is used; decision 30). */
    var site = (root.getAttribute("data-site") || "").replace(/^https?:\/\//, "");
    var siteUrl = root.getAttribute("data-site") || "";
    function printLink(a) {
      var box = document.createElement("span");
      box.className = "vifte-plan-print-link";
      var img = document.createElement("img");
      img.alt = t("QR-kode til %(title)s", a);
      img.width = 72;
      img.height = 72;
      if (window.qrcode) img.src = qr.dataUrl(siteUrl + a.url);
      else img.hidden = true;  /* until the encoder has loaded */
      box.appendChild(img);
      var text = document.createElement("span");
      text.textContent = site + a.url;
      box.appendChild(text);
      return box;
    }
    function renderPrint(plan) {
      printGoal.textContent = plan.goal || t("(intet mål skrevet)");
      people.forEach(function (p) {
        var value = p[0] === "meeting" ? danishDate(plan.meeting || "") : plan[p[0]];
        p[2].textContent = value || t("(ikke skrevet)");
      });
      printDate.textContent = danishDate(today());
      printTable.textContent = "";
      plan.activities.forEach(function (a) {
        var row = document.createElement("tr");
        /* Three columns, so that the sub-goal has room: the activity, its sub-goal, and its
           dates, hours, who is responsible and the law, one labelled line each. */
        var title = document.createElement("th");
        title.setAttribute("scope", "row");
        putTitle(title, a);
        var beside = danishBeside(a);
        if (beside) title.appendChild(beside);
        if (a.url) title.appendChild(printLink(a));
        var line = contactLine(a, true);  /* a phone number never breaks on paper */
        if (line) {
          var small = document.createElement("span");
          small.className = "vifte-plan-print-contact";
          small.textContent = line;
          title.appendChild(small);
        }
        var subgoal = document.createElement("td");
        subgoal.textContent = a.subgoal || "";
        var details = document.createElement("td");
        ACTIVITY_FIELDS.slice(1).forEach(function (spec) {
          var value = spec[2] === "date" ? danishDate(a[spec[0]]) : a[spec[0]];
          if (!value) return;
          var part = document.createElement("span");
          part.className = "vifte-plan-print-detail";
          part.textContent = t("%(field)s: %(value)s", { field: spec[1], value: value });
          details.appendChild(part);
        });
        [title, subgoal, details].forEach(function (cell) { row.appendChild(cell); });
        printTable.appendChild(row);
      });
    }

    function render() {
      var plan = keep.read();
      showElsewhere(plan);
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
          putTitle(link, activity);
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
            var current = keep.read();
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
        var named = { title: titleOf(activity) };
        remove.textContent = t("Fjern %(title)s fra planen", named);
        remove.addEventListener("click", function () {
          var current = keep.read();
          current.activities.splice(index, 1);
          save(current);
          render();
          status.textContent = t("%(title)s er fjernet fra planen.", named);
        });
        item.appendChild(remove);
        list.appendChild(item);
      });
      renderPrint(plan);
    }

    people.forEach(function (p) {
      p[1].addEventListener("input", function () {
        var plan = keep.read();
        plan[p[0]] = keep.clip(p[1].value);
        save(plan);
      });
    });
    $("[data-vifte-plan-own]", root).addEventListener("click", function () {
      var text = own.value.trim();
      if (!text) { status.textContent = t("Skriv aktiviteten i feltet først."); own.focus(); return; }
      var plan = keep.read();
      var n = 1;
      while (plan.activities.some(function (a) { return a.id === "egen-" + n; })) n += 1;
      keep.add({ id: "egen-" + n, title: text, url: "", provider: "", legal: "" });
      own.value = "";
      render();
      status.textContent = t("%(title)s er lagt på planen.", { title: text });
    });
    goal.addEventListener("input", function () {
      var plan = keep.read();
      plan.goal = goal.value;
      save(plan);
    });
    $("[data-vifte-plan-add]", root).addEventListener("click", function () {
      var option = picker.options[picker.selectedIndex];
      if (!option || !option.value) return;
      var data = keep.data(option);
      data.title = option.getAttribute("data-title") || option.textContent;
      var added = keep.add(data);
      render();
      var named = { title: option.textContent };
      status.textContent = added ? t("%(title)s er lagt på planen.", named) : t("%(title)s er allerede på planen.", named);
    });
    /* A plan made in another language is printed there: its plan page prints on arrival. */
    $("[data-vifte-plan-print-button]", root).addEventListener("click", function () {
      var link = home(keep.read());
      if (link) location.href = link.href;
      else window.print();
    });
    if (elsewhere) {
      $("[data-vifte-plan-here]", elsewhere).addEventListener("click", function () {
        var plan = keep.read();
        plan.language = here;
        save(plan);
        showElsewhere(plan);
        $("[data-vifte-plan-print-button]", root).focus();
      });
    }
    setupPlanFile(root, status, render);
    $("[data-vifte-plan-clear]", root).addEventListener("click", function () {
      if (!window.confirm(t("Vil du slette hele planen i denne browser?"))) return;
      keep.clear();
      render();
      status.textContent = t("Planen er slettet.");
    });
    render();
    /* The QR encoder arrives after the first render; the printed plan is drawn again with it. */
    var qrSource = root.getAttribute("data-vifte-qr-src");
    if (qrSource) qr.load(qrSource, function () { renderPrint(keep.read()); });
  }

  /* The picker's offers come from the offers' data file (OFFER_LIST_PATH, keys in
     output/offer_list.py), with the attributes plan-store.js's data() reads, as the build writes them for mentors. */
  function fillPicker(group, danishList, done) {
    if (!group) return;
    function read(address) {
      if (!address) return Promise.resolve([]);
      return fetch(address).then(function (r) { return r.ok ? r.json() : []; }).catch(function () { return []; });
    }
    Promise.all([read(group.getAttribute("data-vifte-plan-offers")), read(danishList)])
      .then(function (lists) {
        lists[1].forEach(function (o) { danishTitles[o.i] = o.t; });
        var batch = document.createDocumentFragment();
        lists[0].forEach(function (o) {
          offers[o.i] = o;
          var option = document.createElement("option");
          option.value = o.i;
          option.textContent = o.t;
          keep.mark(option, o);
          batch.appendChild(option);
        });
        group.appendChild(batch);
        done();
        group.parentNode.setAttribute("data-vifte-ready", "");
      });
  }

  /* The plan as a file the citizen takes home: written from this browser, read back only when
     it has the shape plan-store.js accepts. Nothing leaves the computer. */
  var MAX_FILE_BYTES = 5 * 1024 * 1024;
  function setupPlanFile(root, status, render) {
    var error = $("[data-vifte-plan-file-error]", root);
    var input = $("#vifte-plan-open", root);
    $("[data-vifte-plan-save]", root).addEventListener("click", function () {
      var plan = keep.read();
      var blob = new Blob([JSON.stringify(plan, null, 2)], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = t("min-plan") + (plan.meeting ? "-" + plan.meeting : "") + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
      status.textContent = t("Planen er gemt som filen %(file)s.", { file: link.download });
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
        if (!keep.valid(plan)) { refuse(); return; }
        keep.save(plan);
        render();
        input.value = "";
        status.textContent = t("Planen fra filen %(file)s er åbnet.", { file: file.name });
      };
      reader.readAsText(file);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupPlan);
  else setupPlan();
})();
