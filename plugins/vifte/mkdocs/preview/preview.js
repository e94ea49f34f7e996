// Live reload for `vifte serve` only, loaded as a file so the site's own CSP allows it.
// The server writes the page's build (data-epoch) on this script's tag; it answers the long poll
// with a newer number as soon as a new build, good or failed, is ready.
(function () {
  "use strict";
  var me = document.currentScript;
  var epoch = Number(me.getAttribute("data-epoch"));
  var request = me.getAttribute("data-request");
  var xhr, timer;

  function poll() {
    stop();
    xhr = new XMLHttpRequest();
    xhr.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        timer = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    xhr.open("GET", "/livereload/" + epoch + "/" + request);
    xhr.send();
  }

  function stop() {
    if (xhr) xhr.abort();
    if (timer) clearTimeout(timer);
    xhr = timer = undefined;
  }

  function start() {
    if (document.visibilityState === "visible") poll();
  }

  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") poll();
    else stop();
  });
  window.addEventListener("pagehide", stop);
})();
