/* vifte's translations in Decap's form: under each Danish field, what each language says.
 *
 * The texts come from vifte's own server (GET vifte/translations?collection=&slug=, see
 * editor/translations_view.py), by the field's dotted path in the form's data ("title",
 * "schedule.start", "goals.1.title"). A translation made from an older Danish text is marked
 * with a sign and words, not colour alone. Every text is put in as text, never as markup.
 * Where vifte's server is not there (the editor on a git host), nothing is shown.
 */
(function () {
  "use strict";

  var ENTRY = /^#\/collections\/([^/]+)\/entries\/([^/?#]+)/;
  var BOX = "vifte-translations";
  var shown = { key: null, view: null };
  var asked = null;

  function link() {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = "static/translations.css";
    document.head.appendChild(css);
  }

  function entry() {
    var match = ENTRY.exec(window.location.hash);
    if (!match) return null;
    return { collection: decodeURIComponent(match[1]), slug: decodeURIComponent(match[2]) };
  }

  function load(item, force) {
    var key = item.collection + "/" + item.slug;
    if (!force && (asked === key || shown.key === key)) return;
    asked = key;
    var url = "vifte/translations?collection=" + encodeURIComponent(item.collection) +
      "&slug=" + encodeURIComponent(item.slug);
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (view) {
        if (asked !== key) return;
        shown = { key: key, view: view && view.languages && view.languages.length ? view : null };
        clear();
        draw();
      })
      .catch(function () { /* no vifte server here: nothing to show */ });
  }

  /* Decap's field containers: the element around a field's label and its widget. */
  function containers() {
    var found = [];
    document.querySelectorAll("label[for]").forEach(function (label) {
      var name = /^(.+)-field-\d+$/.exec(label.getAttribute("for"));
      var box = label.parentElement && label.parentElement.parentElement;
      if (name && box) found.push({ name: name[1], box: box, label: label });
    });
    return found;
  }

  function parentOf(element, boxes) {
    for (var node = element.parentElement; node; node = node.parentElement) {
      if (boxes.indexOf(node) >= 0) return node;
    }
    return null;
  }

  /* The container of a dotted path: each name among the containers directly inside the
   * previous one; a number picks the item of a list (the n-th container of that name). */
  function find(path, all) {
    var boxes = all.map(function (c) { return c.box; });
    var scope = null;
    var parts = path.split(".");
    var found = null;
    for (var i = 0; i < parts.length; i++) {
      if (/^\d+$/.test(parts[i])) continue;
      var index = i > 0 && /^\d+$/.test(parts[i - 1]) ? Number(parts[i - 1]) : 0;
      var matching = all.filter(function (c) {
        return c.name === parts[i] && parentOf(c.box, boxes) === scope;
      });
      found = matching[index];
      if (!found) return null;
      scope = found.box;
    }
    return found;
  }

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (content !== undefined) element.textContent = content;
    return element;
  }

  function box(path, texts, view, field) {
    var section = text("div", BOX);
    section.setAttribute("role", "group");
    section.setAttribute("data-vifte-path", path);
    section.setAttribute("aria-label", view.words.heading + ": " + field.label.textContent);
    section.appendChild(text("p", BOX + "-heading", view.words.heading));
    var list = text("dl", BOX + "-list");
    view.languages.forEach(function (language) {
      var said = texts[language.code];
      list.appendChild(text("dt", null, language.name));
      if (said === undefined || said === null) {
        list.appendChild(text("dd", BOX + "-missing", view.words.missing));
        return;
      }
      var value = text("dd", BOX + "-text", Array.isArray(said) ? said.join(", ") : said);
      value.lang = language.code;
      value.dir = "auto";
      list.appendChild(value);
      if (language.stale === null && language.file && !language.translated_from && view.fingerprint) {
        list.appendChild(text("dd", BOX + "-unknown", view.words.unknown));
      }
      if (language.stale === true) {
        var mark = text("dd", BOX + "-stale");
        mark.appendChild(text("span", null, "⚠ "));
        mark.lastChild.setAttribute("aria-hidden", "true");
        mark.appendChild(document.createTextNode(view.words.stale));
        list.appendChild(mark);
      }
    });
    section.appendChild(list);
    return section;
  }

  function clear() {
    document.querySelectorAll("." + BOX).forEach(function (old) { old.remove(); });
  }

  function draw() {
    var view = shown.view;
    if (!view) return;
    var all = containers();
    Object.keys(view.fields).forEach(function (path) {
      var field = find(path, all);
      if (!field) return;
      var existing = field.box.querySelector(":scope > ." + BOX);
      if (existing) return;
      field.box.appendChild(box(path, view.fields[path], view, field));
    });
  }

  var pending = 0;
  function update() {
    pending = 0;
    var item = entry();
    if (!item) {
      shown = { key: null, view: null };
      asked = null;
      return;
    }
    if (shown.key === item.collection + "/" + item.slug) draw();
    else load(item, false);
  }

  function soon() {
    if (!pending) pending = window.setTimeout(update, 150);
  }

  link();
  new MutationObserver(soon).observe(document.body, { childList: true, subtree: true });
  window.addEventListener("hashchange", soon);
  if (window.CMS && window.CMS.registerEventListener) {
    window.CMS.registerEventListener({
      name: "postSave",
      handler: function () {
        var item = entry();
        if (item) load(item, true); // a new Danish text may make a translation older
      },
    });
  }
  soon();
})();
