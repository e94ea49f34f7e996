// Live reload for `vifte serve` only, loaded as a file so the site's own CSP allows it.
// The server writes the number of the build this page comes from on this script's tag
// (data-build) and answers the long poll with a newer number as soon as a new build, good or
// failed, is ready.
(function () {
  "use strict";
  var build = Number(document.currentScript.getAttribute("data-build"));
  var xhr, timer;

  function poll() {
    stop();
    xhr = new XMLHttpRequest();
    xhr.onloadend = function () {
      if (this.status === 200 && Number(this.responseText) > build) {
        location.reload();
      } else {
        timer = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    xhr.open("GET", "/_vifte-preview/reload?seen=" + build);
    xhr.send();
  }

  function stop() {
    if (xhr) xhr.abort();
    if (timer) clearTimeout(timer);
    xhr = timer = undefined;
  }

  if (document.readyState === "complete") poll();
  else window.addEventListener("load", poll);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") poll();
    else stop();
  });
  window.addEventListener("pagehide", stop);
})();
