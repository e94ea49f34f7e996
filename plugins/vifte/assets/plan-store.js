/* vifte: "Min plan" as kept in this browser, and the "Læg på min plan" buttons that add to it.
   Loaded on the pages with such a button and on the plan page (plan.js), which reads window.vifte.plan.
   Everything stays in this browser. */
(function () {
  "use strict";

  var t = window.vifte.t, tn = window.vifte.tn;  /* the page's words (view.js) */

  var PLAN_KEY = "vifte.plan";
  var DISCARDED_KEY = "vifte.plan.discarded";
  var USED_KEY = "vifte.plan.used";
  var EXPIRED_KEY = "vifte.plan.expired";

  /* What is stored can be anything (another script, an old version, a hand edit), so a plan is
     used only when every part of it has the shape this script writes; otherwise it is discarded. */
  var MAX_TEXT = 10000;
  var MAX_ACTIVITIES = 1000;
  var OFFER_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var OFFER_URL = /^((tilbud|mentorer)\/[a-z0-9]+(-[a-z0-9]+)*\/)?$/;
  var ISO_DATE = /^(\d{4}-\d{2}-\d{2})?$/;
  var LANGUAGE = /^[a-z]{2,3}$/;
  var TEXT_FIELDS = ["title", "responsible", "legal", "subgoal", "hours"];
  var OPTIONAL_FIELDS = ["contact", "phone", "address", "bring"];
  var planDiscarded = false;

  /* One plan for every language of the site; it keeps the language it was made in (the page's
     when it is first saved), which it is printed in (plan.js; decision 54). */
  function store(plan) {
    if (!plan.language) plan.language = document.documentElement.lang || "da";
    try {
      localStorage.setItem(PLAN_KEY, JSON.stringify(plan));
      localStorage.setItem(USED_KEY, String(Date.now()));
    } catch (e) {}
  }
  function emptyPlan() { return { goal: "", activities: [] }; }
  function isText(value) { return typeof value === "string" && value.length <= MAX_TEXT; }
  function optionalText(value) { return value === undefined || isText(value); }
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
    if (plan.language !== undefined && !(isText(plan.language) && LANGUAGE.test(plan.language))) return false;
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
    var holder = document.querySelector("[data-vifte-plan-hours]");
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
  function clearPlan() {
    try { localStorage.removeItem(PLAN_KEY); localStorage.removeItem(USED_KEY); } catch (e) {}
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
  /* Adds an offer, mentor or own activity (planData's fields); false when it is there already. */
  function addToPlan(data) {
    var plan = readPlan();
    if (plan.activities.some(function (a) { return a.id === data.id; })) return false;
    plan.activities.push({
      id: data.id, title: clip(data.title), url: data.url || "", responsible: clip(data.provider),
      legal: clip(data.legal), subgoal: "", start: "", end: "", hours: "",
      contact: clip(data.contact), phone: clip(data.phone), address: clip(data.address),
      bring: clip(data.bring)
    });
    store(plan);
    return true;
  }
  /* Writes an offer of the offers' data file (keys in output/offer_list.py) onto a button or an
     option as the build writes plan_data (_site.html), for the cards filter.js draws and plan.js's picker. */
  function markListed(el, o) {
    [["id", o.i], ["title", o.t], ["url", o.u], ["provider", o.pr], ["legal", o.lb],
      ["contact", o.n], ["phone", o.c], ["address", o.l], ["bring", o.b]].forEach(function (pair) {
      el.setAttribute("data-" + pair[0], pair[1] || "");
    });
  }
  /* What the build wrote about an offer or a mentor on a button or an option (plan_data in _site.html). */
  function planData(el) {
    var data = {};
    ["id", "title", "url", "provider", "legal", "contact", "phone", "address", "bring"].forEach(function (name) {
      data[name] = el.getAttribute("data-" + name) || "";
    });
    return data;
  }

  /* A "Læg på min plan" button: on an offer's or a mentor's page with its own status line, or on
     an offer card (card_add_button in _site.html), whose news go to one live region for the page. */
  var cardNews = null;
  function say(button, text) {
    var status = button.parentNode.querySelector("[data-vifte-add-status]");
    if (status) { status.textContent = text; return; }
    if (!cardNews) {
      cardNews = document.createElement("p");
      cardNews.className = "vifte-sr";
      cardNews.setAttribute("aria-live", "polite");
      document.body.appendChild(cardNews);
    }
    cardNews.textContent = text;
  }
  function planIds() {
    var ids = {};
    readPlan().activities.forEach(function (a) { ids[a.id] = true; });
    return ids;
  }
  /* Shows whether the button's offer or mentor is on the plan (ids: planIds()): "På din plan" in words. */
  function showButton(button, ids) {
    var added = (ids || planIds())[button.getAttribute("data-id")] === true;
    var text = added ? t("På din plan") : t("Læg på min plan");
    button.textContent = text;
    /* A card's button is one of many: its name also says which offer ("På din plan: <titel>"). */
    if (button.hasAttribute("aria-label")) button.setAttribute("aria-label", t("%(state)s: %(title)s", { state: text, title: button.getAttribute("data-title") }));
    button.classList.toggle("vifte-button--done", added);
  }
  function setupButton(button, ids) {
    if (button.hasAttribute("data-vifte-add-ready")) { showButton(button, ids); return; }
    button.setAttribute("data-vifte-add-ready", "");
    button.hidden = false;
    button.addEventListener("click", function () {
      var data = planData(button);
      var added = addToPlan(data);
      var own = button.parentNode.querySelector("[data-vifte-add-status]");
      var mentor = /^mentorer\//.test(data.url);
      say(button, !own ? (added ? t("%(title)s er lagt på din plan.", data) : t("%(title)s er allerede på din plan.", data))
        : mentor ? (added ? t("Mentoren er lagt på din plan.") : t("Mentoren er allerede på din plan."))
        : added ? t("Tilbuddet er lagt på din plan.") : t("Tilbuddet er allerede på din plan."));
      showButton(button);
    });
    showButton(button, ids);
  }
  /* Every button under root (a page, or the cards filter.js draws), the plan read once. */
  function setupAddButtons(root) {
    var buttons = (root || document).querySelectorAll("[data-vifte-add]");
    if (!buttons.length) return;
    var ids = planIds();
    Array.prototype.forEach.call(buttons, function (button) { setupButton(button, ids); });
  }

  window.vifte = window.vifte || {};
  window.vifte.plan = {
    read: readPlan, save: store, add: addToPlan, valid: validPlan, clear: clearPlan, clip: clip,
    data: planData, takeExpired: takeExpired, takeDiscarded: takeDiscarded, buttons: setupAddButtons,
    mark: markListed
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { setupAddButtons(); });
  else setupAddButtons();
  /* Back to a page from the browser's cache: the plan may have changed on another page meanwhile. */
  window.addEventListener("pageshow", function (event) { if (event.persisted) setupAddButtons(); });
})();
