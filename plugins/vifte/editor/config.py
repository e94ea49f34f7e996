"""Decap CMS's configuration, generated from the table of collections, the models and the JSON
Schema, with the choices of the project's own settings.yaml.

A new collection in the table or a new field on a model appears in the editor with no further
work; tests/test_editor_config.py fails when the configuration and the models disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError

from vifte.domain.editor_settings import EditorSettings
from vifte.domain.entries import Collection
from vifte.editor.form import Context, Terms, form_fields
from vifte.source.clock import ClockError
from vifte.source.clock import today as catalogue_today
from vifte.source.loader import YamlProblem, load
from vifte.source.project import CATALOGUE, IMAGES, Project, folder_of
from vifte.source.schema import schema_for

HOSTS = ("gitlab", "github")
FORMATS = {"yaml": ("yaml", "yaml"), "markdown": ("md", "yaml-frontmatter")}
"""A collection's format -> Decap's file extension and format."""
REVIEW_PASSED = "Gennemgangsdato overskredet"


def decap_config(
    project: Project, *, backend: str = "local", local_url: str = "", site_url: str = ""
) -> dict[str, Any]:
    """Decap's config.yml as a dict. `backend` is "local" (then `local_url` is the address of
    vifte's own /api/v1), "gitlab" or "github" (then settings.yaml's `editor:` names the
    repository). `site_url`: the live preview, where "Vis" opens an item's page."""
    settings = _settings_data(project)
    ctx = Context(project.table, _terms(project, settings), {})
    config: dict[str, Any] = {
        "backend": _backend(backend, local_url, settings),
        "locale": "da",
        "media_folder": f"{CATALOGUE}/{IMAGES}",
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "publish_mode": "simple",
        "collections": [
            _collection(col, ctx, site_url) for col in project.table.collections.values()
        ],
    }
    if backend == "local":
        config["local_backend"] = {"url": local_url}
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


def _collection(col: Collection, ctx: Context, site_url: str) -> dict[str, Any]:
    schema = schema_for(col.kind, ctx.table)
    ctx = Context(ctx.table, ctx.terms, schema.get("definitions", {}))
    fields = form_fields(col.model, schema, ctx)
    if col.format == "markdown":
        body = col.model.model_fields[col.body_field]
        fields += form_fields(
            col.model,
            {
                "properties": {col.body_field: body.json_schema_extra or _body_schema(col)},
                "required": [col.body_field] if body.is_required() else [],
            },
            ctx,
        )
    fields.sort(
        key=lambda f: f["name"] != col.title_field
    )  # the name first, then the model's order
    extension, file_format = FORMATS[col.format]
    names = {f["name"] for f in fields}
    out: dict[str, Any] = {
        "name": col.name,
        "label": col.plural.capitalize(),
        "label_singular": col.noun.capitalize(),
        "folder": folder_of(col),
        "extension": extension,
        "format": file_format,
        "create": True,
        "delete": False,  # an item is closed, never deleted: a closed item keeps its page
        "slug": "{{slug}}",
        "identifier_field": col.title_field,
        "summary": _summary(col, fields),
        "sortable_fields": [
            n for n in (col.title_field, "status", "review_by", "updated") if n in names
        ],
        "fields": fields,
    }
    filters = _view_filters(fields, _today())
    if filters:
        out["view_filters"] = filters
    if site_url:
        out["preview_path"] = col.url("{{slug}}")
    return out


def _body_schema(col: Collection) -> dict[str, Any]:
    """The body's JSON Schema (schema_for leaves it out: it is the text under the front matter)."""
    return col.model.model_json_schema()["properties"][col.body_field]


def _summary(col: Collection, fields: list[dict[str, Any]]) -> str:
    """The list's line of an item: its name and its status (the model's default when left out)."""
    parts = [f"{{{{{col.title_field}}}}}"]
    status = next((f for f in fields if f["name"] == "status"), None)
    if status is not None:
        default = col.model.model_fields["status"].default
        parts.append(
            f"{{{{status | default('{default}')}}}}" if isinstance(default, str) else "{{status}}"
        )
    return " · ".join(parts)


def _view_filters(fields: list[dict[str, Any]], today: dt.date | None) -> list[dict[str, Any]]:
    """Filters of the list: one per status (its Danish label), and "review date passed"."""
    by_name = {f["name"]: f for f in fields}
    filters = [
        {"label": o["label"], "field": "status", "pattern": f"^{o['value']}$"}
        for o in by_name.get("status", {}).get("options", [])
    ]
    if "review_by" in by_name and today is not None:
        filters.append({"label": REVIEW_PASSED, "field": "review_by", "pattern": before(today)})
    return filters


def before(day: dt.date) -> str:
    """A regular expression that matches a date written YYYY-MM-DD that lies before `day`:
    Decap's list filters compare text, and the configuration is made anew on each load."""
    y, m, d = f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}"
    earlier_year = _less(y)
    earlier_month = _less(m)
    earlier_day = _less(d)
    options = [f"{earlier_year}-[0-9]{{2}}-[0-9]{{2}}"]
    if earlier_month:
        options.append(f"{y}-{earlier_month}-[0-9]{{2}}")
    if earlier_day:
        options.append(f"{y}-{m}-{earlier_day}")
    return "^(" + "|".join(f"(?:{o})" for o in options if o) + ")$"


def _less(digits: str) -> str:
    """A regular expression for digit strings of the same length that are smaller."""
    options = []
    for i, ch in enumerate(digits):
        if ch != "0":
            rest = len(digits) - i - 1
            lower = "0" if ch == "1" else f"[0-{int(ch) - 1}]"
            options.append(digits[:i] + lower + ("[0-9]" * rest))
    return "(?:" + "|".join(options) + ")" if options else "(?!)"


def _today() -> dt.date | None:
    try:
        return catalogue_today()
    except ClockError:
        return None  # `vifte check` says what is wrong with VIFTE_TODAY


def _backend(backend: str, local_url: str, settings: dict[str, Any]) -> dict[str, Any]:
    if backend == "local":
        return {"name": "proxy", "proxy_url": local_url, "branch": "main"}
    if backend not in HOSTS:
        raise ValueError(f"unknown editor backend {backend!r}")
    try:
        editor = EditorSettings.model_validate(settings.get("editor"))
    except ValidationError:  # `vifte check` names what is wrong with settings.yaml's editor:
        return {"name": backend}
    return editor.decap_backend()


def _settings_data(project: Project) -> dict[str, Any]:
    """settings.yaml as written (as much as parses): the editor works beside `vifte check`,
    which names any error in it."""
    try:
        data = load(project.settings_file).data
    except (YamlProblem, OSError):
        return {}
    return data if isinstance(data, dict) else {}


def _terms(project: Project, settings: dict[str, Any]) -> Terms:
    """Each term list's (id, label) pairs from settings.yaml."""
    out: dict[str, list[tuple[str, str]]] = {}
    for name in project.table.term_lists:
        items = settings.get(name)
        out[name] = [
            (str(term["id"]), str(term.get("label") or term["id"]))
            for term in (items if isinstance(items, list) else [])
            if isinstance(term, dict) and "id" in term
        ]
    return out
