/* vifte: "Er oplysningerne rigtige?" by the reader's own calendar. A page is built on one day and read
   on another (a stored copy, a site not built for weeks): the mark that the review date has passed is
   in the page, hidden, with the date; it is shown once this device's date is past it. Without scripts
   the build's own day decides (_place.html). */
(function () {
  "use strict";

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  function mark() {
    var now = today();
    document.querySelectorAll("[data-vifte-review-by][hidden]").forEach(function (el) {
      if (now > el.getAttribute("data-vifte-review-by")) el.hidden = false;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
})();
