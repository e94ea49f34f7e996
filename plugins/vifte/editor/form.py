"""One collection's form fields for Decap CMS, read from its model and its JSON Schema.

The JSON Schema says what a field holds (type, required, pattern, choices, help text, audience);
the model says what the schema cannot: which fields name other items or settings.yaml's terms
(`Ref`), which hold Markdown (`Rendered`) and the Danish labels of fixed choices (the `Labels`
tables beside the model). Nothing here names a field of a particular model.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from vifte.domain.collections import Table
from vifte.domain.edition import AUDIENCE_KEY
from vifte.domain.fields import FILE_PATTERN, ID_PATTERN, Rendered, has_mark
from vifte.domain.refs import refs_of
from vifte.domain.wording import Labels
from vifte.editor.labels import label_of
from vifte.source.messages import PATTERN_HELP

Terms = Mapping[str, list[tuple[str, str]]]
"""Each term list of settings.yaml as (id, label) pairs, in the file's order."""

DRAFT = "draft"
NEEDED = "Skal udfyldes, når '{part}' er udfyldt."
LONG_TEXT = 300
"""A one-line field holds at most this many characters; longer ones get a text box."""
DATE = {
    "widget": "datetime",
    "format": "YYYY-MM-DD",
    "date_format": "DD.MM.YYYY",
    "time_format": False,
    "picker_utc": True,
}
"""A date as the files write it (2026-12-07), picked and shown as Danes write it."""


@dataclass(frozen=True)
class Context:
    table: Table
    terms: Terms
    definitions: Mapping[str, Any]


def form_fields(
    model: type[BaseModel], schema: dict[str, Any], ctx: Context, within: str = ""
) -> list[dict[str, Any]]:
    """Decap's `fields` of one model, in the model's order (the order of `vifte new`).

    `within`: the label of an optional part this model fills (an image). Decap would demand
    its required fields even when the part is left out, so they are optional in the form and
    their help says when they are needed; the save's check names them when they are missing.
    """
    required = set(schema.get("required", []))
    out = []
    for name, prop in schema.get("properties", {}).items():
        info = model.model_fields[name]
        field = _field(model, name, info, prop, name in required and not within, ctx)
        if within and name in required:
            field["hint"] = f"{field.get('hint', '')} {NEEDED.format(part=within)}".strip()
        out.append(field)
    return out


def _field(
    model: type[BaseModel], name: str, info: Any, prop: dict[str, Any], required: bool, ctx: Context
) -> dict[str, Any]:
    node, nullable = _unwrap(prop, ctx)
    audience = prop.get(AUDIENCE_KEY, "citizen")
    description = prop.get("description") or node.get("description", "")
    field: dict[str, Any] = {
        "name": name,
        "label": label_of(name, description, audience),
        "required": required and not nullable,
    }
    if description:
        field["hint"] = description
    part = field["label"] if nullable or not required else ""
    field.update(_widget(model, name, info, node, ctx, part))
    if "default" in prop and prop["default"] is not None and field["widget"] != "hidden":
        field["default"] = prop["default"]
    if field.get("options") and DRAFT in [o["value"] for o in field["options"]]:
        field["default"] = DRAFT  # a new item starts as a draft: saved even with errors
    return field


def _widget(
    model: type[BaseModel], name: str, info: Any, node: dict[str, Any], ctx: Context, part: str
) -> dict[str, Any]:
    ref = refs_of(model).get(name)
    many = node.get("type") == "array"
    if ref is not None:
        return _choice(ref.target, many, node, ctx)
    nested = _nested_model(info.annotation)
    if nested is not None:
        inner, _ = _unwrap(node.get("items", node), ctx)
        fields = form_fields(nested, inner, ctx, "" if many else part)
        if many:
            return {
                "widget": "list",
                "fields": fields,
                "collapsed": False,
                "summary": _summary(fields),
            }
        return {"widget": "object", "fields": fields, "collapsed": False}
    if has_mark(info, Rendered):
        return {"widget": "markdown", "editor_components": [], "sanitize_preview": True}
    if many:
        item, _ = _unwrap(node["items"], ctx)
        if "enum" in item:
            options = _options(model, item["enum"])
            return {"widget": "select", "multiple": True, "options": options, **_count(node)}
        one = {"name": name, "label": label_of(name), **_scalar(model, item)}
        return {"widget": "list", "field": one, **_count(node)}
    return _scalar(model, node)


def _scalar(model: type[BaseModel], node: dict[str, Any]) -> dict[str, Any]:
    if "enum" in node:
        return {"widget": "select", "options": _options(model, node["enum"])}
    kind = node.get("type")
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind in ("integer", "number"):
        return {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
    if node.get("format") == "date":
        return dict(DATE)
    pattern = node.get("pattern")
    if pattern == FILE_PATTERN:
        return {"widget": "image", "choose_url": False}
    out: dict[str, Any] = {"widget": "text" if node.get("maxLength", 0) > LONG_TEXT else "string"}
    if pattern:
        out["pattern"] = [pattern, _pattern_help(pattern)]
    return out


def _choice(target: str, many: bool, node: dict[str, Any], ctx: Context) -> dict[str, Any]:
    """A pick list of settings.yaml's terms, or of the items of another collection."""
    count = _count(node) if many else {}
    if target in ctx.table.term_lists:
        options = [{"label": label, "value": id_} for id_, label in ctx.terms.get(target, [])]
        if not options:  # settings.yaml unreadable: Decap refuses an empty pick list
            typed = {"widget": "string", "pattern": [ID_PATTERN, _pattern_help(ID_PATTERN)]}
            return (
                {"widget": "list", "field": {"name": target, "label": target, **typed}}
                if many
                else typed
            )
        return {"widget": "select", "multiple": many, "options": options, **count}
    col = ctx.table.collections[target]
    return {
        "widget": "relation",
        "collection": target,
        "value_field": "{{slug}}",
        "search_fields": [col.title_field],
        "display_fields": [col.title_field],
        "multiple": many,
        "options_length": 1000,
        **count,
    }


def _count(node: dict[str, Any]) -> dict[str, Any]:
    return {k: node[s] for k, s in (("min", "minItems"), ("max", "maxItems")) if s in node}


def _options(model: type[BaseModel], values: list[str]) -> list[dict[str, str]]:
    """Fixed choices with their Danish labels from a `Labels` table beside the model."""
    labels = _labels_for(model, set(values))
    return [{"label": labels.msgids[v] if labels else v, "value": v} for v in values]


def _labels_for(model: type[BaseModel], values: set[str]) -> Labels | None:
    for cls in model.__mro__:
        found = [
            v
            for v in vars(sys.modules[cls.__module__]).values()
            if isinstance(v, Labels) and set(v.msgids) == values
        ]
        if found:
            return found[0]
    return None


def _pattern_help(pattern: str) -> str:
    text = PATTERN_HELP.get(pattern, f"skal passe til mønsteret {pattern}")
    return f"Feltet {text}"


def _summary(fields: list[dict[str, Any]]) -> str:
    names = [f["name"] for f in fields]
    first = next((n for n in ("title", "name", "id") if n in names), names[0] if names else "")
    return f"{{{{fields.{first}}}}}" if first else ""


def _unwrap(prop: dict[str, Any], ctx: Context) -> tuple[dict[str, Any], bool]:
    """The schema of a value without `anyOf [.., null]` and `$ref`, and whether null is allowed."""
    nullable = False
    if "anyOf" in prop:
        kinds = [k for k in prop["anyOf"] if k.get("type") != "null"]
        nullable = len(kinds) < len(prop["anyOf"])
        prop = kinds[0] if len(kinds) == 1 else prop
    if "$ref" in prop:
        prop = ctx.definitions[prop["$ref"].rsplit("/", 1)[1]]
    return prop, nullable


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside `Image | None`, `list[Goal]` or an Annotated of either."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Annotated, Union, types.UnionType, list):
        args = (
            get_args(annotation)[:1]
            if get_origin(annotation) is Annotated
            else get_args(annotation)
        )
        return next((m for a in args if (m := _nested_model(a)) is not None), None)
    return None
