/* vifte: "I dag: 9.00–15.00 · Åben nu" on an offer page with opening hours (decision 63).
   The build writes each weekday's and each coming special day's opening minutes with their words
   (domain/opening_text.py) in data-vifte-opening; this script only picks today's, in Danish time
   whatever the device's clock zone is, and says in words whether it is open now. Nothing is sent. */
(function () {
  "use strict";

  var t = window.vifte.t;  /* the page's words (view.js) */
  var DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

  /* Today's date ("2026-12-08"), weekday (0 = Monday) and minutes since midnight in `zone`. */
  function now(zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    return {
      date: parts.year + "-" + parts.month + "-" + parts.day,
      weekday: DAYS.indexOf(parts.weekday),
      minutes: Number(parts.hour) * 60 + Number(parts.minute)
    };
  }

  function show(box) {
    var data;
    try { data = JSON.parse(box.getAttribute("data-vifte-opening")); } catch (e) { return; }
    var today = now(data.z);
    if (today.weekday < 0) return;
    var day = data.x.filter(function (x) { return x.f <= today.date && today.date <= x.u; })[0] ||
      data.w[today.weekday];
    var open = day.s.some(function (span) { return span[0] <= today.minutes && today.minutes < span[1]; });
    box.textContent = t("I dag: %(hours)s", { hours: day.t }) + " · ";
    var state = document.createElement("strong");
    state.className = "vifte-opening__now";
    state.setAttribute("data-open", open ? "true" : "false");
    state.textContent = open ? t("Åben nu") : t("Lukket nu");
    box.appendChild(state);
    box.hidden = false;
  }

  function showAll() {
    document.querySelectorAll("[data-vifte-opening]").forEach(show);
  }
  showAll();
  /* A page left open past a closing time says so without a reload. */
  setInterval(showAll, 60000);
})();
