/* vifte: the service worker that keeps the site for use without a network (decision 61). The
   build writes OFFLINE (this build's version, the edition, the list's address) before this code.

   Installing stores every file of the list in a store of its own, named after the edition, the
   site's folder and the version; the new store is used only once it is whole, and then the
   older stores of the same edition and folder are deleted. A request within the site always
   goes to the network first: a stored file is used only when the network fails, and a page
   from the store says so (data-vifte-stored on <html>, the day it was stored; offline.js shows
   it). Nothing is stored while browsing, and nothing from outside the site's folder. */
"use strict";

var SCOPE = self.registration.scope;
var PREFIX = "vifte-" + OFFLINE.edition + "-" + new URL(SCOPE).pathname + "-";
var STORE = PREFIX + OFFLINE.version;
var STATE = new URL(OFFLINE.list, SCOPE).href;
var PDF = /\.pdf$/i;
var AT_ONCE = 6;

function fresh(url) {
  return fetch(new Request(url, { cache: "no-cache", credentials: "same-origin" })).then(function (response) {
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response;
  });
}

/* Store each address, a few at a time; any failure fails the whole. */
function storeAll(cache, urls) {
  var next = 0;
  function one() {
    if (next >= urls.length) return Promise.resolve();
    var url = urls[next++];
    return fresh(url).then(function (response) { return cache.put(url, response); }).then(one);
  }
  var runners = [];
  for (var i = 0; i < AT_ONCE; i++) runners.push(one());
  return Promise.all(runners);
}

/* PDFs a visitor stored from an earlier build of this edition: stored again from this one
   (a PDF the new build no longer has is left out). */
function savedPdfs(cache) {
  return caches.keys().then(function (names) {
    var older = names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== STORE; });
    return Promise.all(older.map(function (name) {
      return caches.open(name).then(function (old) { return old.keys(); });
    }));
  }).then(function (lists) {
    var urls = {};
    lists.forEach(function (requests) {
      requests.forEach(function (request) { if (PDF.test(new URL(request.url).pathname)) urls[request.url] = true; });
    });
    return Promise.all(Object.keys(urls).map(function (url) {
      return fresh(url).then(function (response) { return cache.put(url, response); }, function () {});
    }));
  });
}

function today() {
  var d = new Date();
  function two(n) { return (n < 10 ? "0" : "") + n; }
  return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
}

self.addEventListener("install", function (event) {
  event.waitUntil(fresh(STATE).then(function (response) { return response.json(); }).then(function (listing) {
    if (listing.version !== OFFLINE.version || listing.edition !== OFFLINE.edition) {
      throw new Error("the list belongs to another build");
    }
    var urls = listing.files.map(function (file) { return new URL(file, SCOPE).href; });
    return caches.open(STORE).then(function (cache) {
      return storeAll(cache, urls).then(function () { return savedPdfs(cache); }).then(function () {
        var state = JSON.stringify({ version: OFFLINE.version, stored: today() });
        return cache.put(STATE, new Response(state, { headers: { "Content-Type": "application/json" } }));
      });
    });
  }).catch(function (error) {
    /* Half a store is no store: the previous worker and its whole store stay. */
    return caches.delete(STORE).then(function () { throw error; });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== STORE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

/* The stored copy of a request, a page marked with the day it was stored; null if none. */
function stored(request) {
  var url = new URL(request.url);
  var key = url.origin + url.pathname.replace(/\/index\.html$/, "/");
  return caches.open(STORE).then(function (cache) {
    return Promise.all([cache.match(key, { ignoreSearch: true }), cache.match(STATE)]);
  }).then(function (found) {
    var response = found[0], state = found[1];
    if (!response) return null;
    var type = response.headers.get("Content-Type") || "";
    if (type.indexOf("text/html") !== 0) return response;
    return Promise.all([response.text(), state ? state.json() : {}]).then(function (read) {
      var day = String(read[1].stored || "").replace(/[^0-9-]/g, "");
      var html = read[0].replace(/<html\b/i, '<html data-vifte-stored="' + day + '"');
      return new Response(html, { headers: { "Content-Type": type } });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0 || request.url === STATE) return;
  /* A page is asked of the server itself (the browser's own cache could answer it without a
     network, unmarked); a file a page loads may come from that cache as always. */
  var network = request.mode === "navigate" ? fetch(new Request(request, { cache: "no-cache" })) : fetch(request);
  event.respondWith(network.catch(function (error) {
    return stored(request).then(function (response) {
      if (!response) throw error;
      return response;
    });
  }));
});

/* A page asks to store a PDF, to remove it, or whether it is stored: {vifte: "pdf", url, do:
   "save" | "remove" | "ask"}; the answer ({stored: true|false} or {failed: true}) goes back
   through the message's port. */
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  if (data.vifte !== "pdf" || !port) return;
  var url = new URL(String(data.url), SCOPE).href;
  if (url.indexOf(SCOPE) !== 0 || !PDF.test(new URL(url).pathname)) {
    port.postMessage({ failed: true });
    return;
  }
  var work = caches.open(STORE).then(function (cache) {
    if (data.do === "save") return fresh(url).then(function (response) { return cache.put(url, response); }).then(function () { return true; });
    if (data.do === "remove") return cache.delete(url).then(function () { return false; });
    return cache.match(url).then(function (response) { return Boolean(response); });
  }).then(function (isStored) {
    port.postMessage({ stored: isStored });
  }, function () {
    port.postMessage({ failed: true });
  });
  event.waitUntil(work);
});
