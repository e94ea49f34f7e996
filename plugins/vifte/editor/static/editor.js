/* vifte's additions to Decap CMS: the problems vifte's checks find when an item is saved,
   shown at their fields (under the field's label, announced to screen readers) and as a list
   at the top of the form.

   The save is Decap's `persistEntry` request to vifte's own /api/v1: HTTP 422 when it was
   refused (nothing written), 200 when it was saved, both with
   {"error"?: "...", "problems": [{"field": "contact.phone", "message", "severity", "line"}]}.
   The response is read beside Decap (a copy of it), so Decap goes on as it would. A field is
   found by Decap's own element ids, `<name>-field-<n>`, nested as the form nests them. */
(function () {
  "use strict";

  var words = JSON.parse(document.getElementById("vifte-editor-words").textContent);
  var CONTAINER = '[class*="ControlContainer"]';
  var PROBLEM = "vifte-problem";
  var shown = [];

  var send = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var request = requestOf(init);
    var action = request && request.action;
    if (action === "persistEntry") clear();
    var answer = send(input, init);
    if (action !== "persistEntry") return answer;
    return answer.then(function (response) {
      if (response.status === 200 || response.status === 422) {
        response.clone().json().then(function (body) {
          show(response.status, body);
          if (response.status === 200) linkPreview(request.params && request.params.entry);
        }, function () {});
      }
      return response;
    });
  };

  window.addEventListener("hashchange", clear);

  function requestOf(init) {
    try {
      return JSON.parse(init && init.body);
    } catch (e) {
      return null;
    }
  }

  /* After a save: a link to the item's page in the live preview (vifte rediger's /vifte/preview). */
  function linkPreview(entry) {
    var collection = (/^#\/collections\/([^/]+)/.exec(location.hash) || [])[1];
    if (!entry || !entry.slug || !collection) return;
    var query = "?collection=" + encodeURIComponent(collection) + "&slug=" + encodeURIComponent(entry.slug);
    send("vifte/preview" + query).then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (answer) {
      if (!answer || !/^http:\/\/(127\.0\.0\.1|localhost):[0-9]+\//.test(answer.url || "")) return;
      var link = element("a", "vifte-preview__link", words.preview);
      link.href = answer.url;
      link.target = "_blank";
      link.rel = "noopener";
      var box = element("p", "vifte-preview");
      box.setAttribute("role", "status");
      box.appendChild(link);
      var pane = formPane();
      if (pane) pane.insertBefore(box, pane.firstChild);
      shown.push(function () { box.remove(); });
    }, function () {});
  }

  function show(status, body) {
    var problems = (body && Array.isArray(body.problems)) ? body.problems : [];
    if (status === 200 && !problems.length) return;
    var refused = status === 422;
    var list = element("ul", "vifte-problems__list");
    problems.forEach(function (problem, i) {
      var item = element("li", "vifte-problems__item vifte-" + severity(problem));
      var at = problem.field ? findField(String(problem.field)) : null;
      var text = words[severity(problem)] + ": " + problem.message;
      if (at) {
        var id = "vifte-problem-" + i;
        markField(at, problem, text, id);
        var link = element("a", "vifte-problems__link", (at.label ? at.label + " – " : "") + text);
        link.href = "#" + (at.input ? at.input.id : id);
        link.addEventListener("click", function (event) {
          event.preventDefault();
          at.container.scrollIntoView({ block: "center" });
          (at.input || at.container).focus();
        });
        item.appendChild(link);
      } else {
        item.textContent = text;
      }
      list.appendChild(item);
    });
    var box = element("section", "vifte-problems " + (refused ? "vifte-refused" : "vifte-warned"));
    box.setAttribute("role", "alert");
    var summary = refused ? (body && body.error) || words.refused : words.saved_with_warnings;
    box.appendChild(element("p", "vifte-problems__summary", summary));
    if (refused && body && body.error) box.appendChild(element("p", "", words.refused));
    box.appendChild(list);
    var pane = formPane();
    if (pane) {
      pane.insertBefore(box, pane.firstChild);
    } else {
      document.body.insertBefore(box, document.body.firstChild);
    }
    shown.push(function () { box.remove(); });
  }

  function severity(problem) {
    return problem.severity === "warning" ? "warning" : "error";
  }

  /* The control of a dotted path ("contact.phone", "goals.1.title"): each name is looked for
     among the controls directly inside the previous one; a number picks the nth of them. */
  function findField(path) {
    var scope = null;
    var index = 0;
    var found = null;
    var parts = path.split(".");
    for (var i = 0; i < parts.length; i++) {
      if (/^[0-9]+$/.test(parts[i])) {
        index = Number(parts[i]);
        continue;
      }
      var own = new RegExp("^" + parts[i].replace(/[^A-Za-z0-9_]/g, "") + "-field-[0-9]+$");
      var labels = Array.prototype.filter.call(
        document.querySelectorAll("label[for]"),
        function (label) {
          if (!own.test(label.htmlFor)) return false;
          var container = label.closest(CONTAINER);
          var outer = container && container.parentElement && container.parentElement.closest(CONTAINER);
          return container && (outer || null) === scope;
        }
      );
      var label = labels[index] || labels[0];
      index = 0;
      if (!label) break; // a part not on screen: show it at the nearest field that is
      found = { container: label.closest(CONTAINER), label: label.firstChild ? label.firstChild.textContent : "" };
      found.input = document.getElementById(label.htmlFor);
      found.topbar = label.parentElement;
      scope = found.container;
    }
    return found;
  }

  function markField(at, problem, text, id) {
    var note = element("p", PROBLEM + " " + PROBLEM + "--" + severity(problem), text);
    note.id = id;
    note.setAttribute("role", "alert");
    at.topbar.insertAdjacentElement("afterend", note);
    at.container.classList.add("vifte-has-" + severity(problem));
    var input = at.input;
    var before = input ? input.getAttribute("aria-describedby") : null;
    if (input) {
      input.setAttribute("aria-describedby", ((before ? before + " " : "") + id).trim());
      if (severity(problem) === "error") input.setAttribute("aria-invalid", "true");
    }
    shown.push(function () {
      note.remove();
      at.container.classList.remove("vifte-has-" + severity(problem));
      if (input) {
        if (before) input.setAttribute("aria-describedby", before);
        else input.removeAttribute("aria-describedby");
        input.removeAttribute("aria-invalid");
      }
    });
  }

  function formPane() {
    var first = document.querySelector(CONTAINER);
    return first ? first.parentElement : null;
  }

  function clear() {
    shown.splice(0).forEach(function (undo) { undo(); });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
})();
