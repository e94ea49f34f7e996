"""`vifte rediger`: a browser editor for communication staff, built on Decap CMS.

Layout (one module per concern):
- server.py: the local HTTP server on 127.0.0.1 (the editor page, its static files, Decap's
  local-backend API at /api/v1, and vifte's own read-only API under /vifte/).
- proxy.py: Decap's local-backend actions (entriesByFolder, getEntry, persistEntry, ...) on a project.
- writer.py: an item saved from the form written as a person would (comments and untouched fields
  kept, `vifte new`'s field order for a new file, values that read back as written).
- checks.py: `vifte check`'s checks on one saved item, as problems at form fields.
- media.py: uploaded images, checked like files written by hand.
- config.py: Decap's configuration generated from the table of collections, the models and the
  JSON Schema (local and hosted mode).
- page.py: the editor's HTML page.
- translations_view.py: an item's translations beside its Danish texts.
- static/: Decap CMS (vendored, static/decap/) and vifte's own editor.js / editor.css.
"""
