"""The JSON Schema (draft-07) of data/catalogue.json, generated from the model and the table.

Committed as plugins/vifte/schema/export/catalogue.schema.json (a test keeps it in step) and
published beside the export as data/catalogue.schema.json. Regenerate with
`python -m vifte.output.export_schema`. SCHEMA_VERSION in export.py changes when a field is
removed or changes meaning; new fields keep it.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from vifte.domain.collections import Table
from vifte.domain.fields import LANGUAGE_CODE_PATTERN, markdown_fields
from vifte.domain.registry import TABLE
from vifte.domain.settings import Settings
from vifte.domain.strategy import StrategyDocument
from vifte.domain.translation import shape
from vifte.output.export import EXCLUDED_SETTINGS, FORMAT, HTML, SCHEMA_VERSION, TEXT, TRANSLATIONS

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
SCHEMA_ID = "urn:vifte:schema:catalogue-export"
URL = {"type": "string", "description": "Sidens adresse, regnet fra sitets rod."}


def _model(cls: type[BaseModel], definitions: dict[str, Any]) -> dict[str, Any]:
    raw = cls.model_json_schema(mode="serialization", ref_template="#/definitions/{model}")
    definitions.update(raw.pop("$defs", {}))
    return raw


def _item(cls: type[BaseModel], definitions: dict[str, Any]) -> dict[str, Any]:
    """An item as export.py writes it: `id` and `url` first, a website as `website`."""
    raw = _model(cls, definitions)
    props = raw["properties"]
    if "url" in props:
        props["website"] = props.pop("url")
    if cls is StrategyDocument:
        props["file"] = {
            "type": "object",
            "description": "Det oprindelige dokument som PDF: filnavnet og adressen på sitet.",
            "properties": {"url": URL, "file": {"type": "string"}},
            "required": ["url", "file"],
        }
    _markup(cls, props)
    props[TRANSLATIONS] = {
        "type": "object",
        "description": "Oversættelserne af emnets tekster pr. sprogkode (settings' languages). "
        "Et sprog har kun de tekster, der er oversat; resten findes kun på dansk.",
        "propertyNames": {"pattern": LANGUAGE_CODE_PATTERN},
        "additionalProperties": _translation(cls),
    }
    raw["properties"] = {"id": {"type": "string"}, "url": URL, **props}
    raw["required"] = ["id", "url", *raw.get("required", [])]
    return raw


def _markup(cls: type[BaseModel], props: dict[str, Any]) -> None:
    """Say in `props` that each Markdown field comes with its HTML and its plain text."""
    for name in markdown_fields(cls):
        if name not in props:
            continue
        props[name] = {
            **props[name],
            "description": " ".join(
                filter(
                    None,
                    [
                        props[name].get("description"),
                        f"Markdown som skrevet: vis den aldrig uden at rense den; brug "
                        f"{name}{HTML} eller {name}{TEXT}.",
                    ],
                )
            ),
        }
        props[name + HTML] = {
            "type": "string",
            "contentMediaType": "text/html",
            "description": f"{name} som renset HTML: kun tilladte tags, links kun til http, "
            "https, mailto og tel, relative links regnet fra emnets url; overskrifter et "
            "niveau ned (# bliver h2), da emnets navn er h1.",
        }
        props[name + TEXT] = {
            "type": "string",
            "contentMediaType": "text/plain",
            "description": f"{name} som ren tekst uden opmærkning.",
        }


def _translation(cls: type[BaseModel]) -> dict[str, Any]:
    """One language's translation of a `cls` item, in the shape of a translation file: a nested
    model's texts as an object, a list of models (goals) as an object by their ids."""
    the_shape = shape(cls)
    text = {"type": "string"}
    props: dict[str, Any] = dict.fromkeys(the_shape.texts, text)
    props.update(dict.fromkeys(the_shape.lists, {"type": "array", "items": text}))
    for name in the_shape.nested:
        inner, many = _held(cls.model_fields[name].annotation)
        one = _translation(inner)
        props[name] = {"type": "object", "additionalProperties": one} if many else one
    _markup(cls, props)
    return {"type": "object", "properties": props, "additionalProperties": False}


def _held(annotation: Any) -> tuple[type[BaseModel], bool]:
    """The model a field holds (`Location | None`, `list[Goal]`), and whether a list of them."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    for arg in get_args(annotation):
        if arg is not type(None) and not isinstance(arg, str | bytes):
            try:
                inner, many = _held(arg)
            except TypeError:
                continue
            return inner, many or get_origin(annotation) in (list, tuple)
    raise TypeError(f"no model in {annotation!r}")


def export_schema(table: Table = TABLE) -> dict[str, Any]:
    """The schema of the whole export."""
    definitions: dict[str, Any] = {}
    settings = _model(Settings, definitions)
    for name in EXCLUDED_SETTINGS:
        settings["properties"].pop(name, None)
    collections = {
        name: {"type": "array", "items": _item(col.model, definitions)}
        for name, col in table.collections.items()
    }
    if "Image" in definitions:  # every image carries its site address
        image = definitions["Image"]
        image["properties"] = {"url": URL, **image["properties"]}
        image["required"] = ["url", *image.get("required", [])]
    link = {"type": "string"}
    return {
        "$schema": DRAFT_07,
        "$id": SCHEMA_ID,
        "title": "vifte: kommunens tilbudskatalog som åbne data",
        "description": "Skemaet for data/catalogue.json. schema_version skifter, når et felt "
        "fjernes eller skifter betydning; nye felter beholder den.",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "schema_version": {"const": SCHEMA_VERSION},
            **settings["properties"],
            **collections,
            "goal_offers": {
                "type": "array",
                "description": "Alle koblinger mellem et mål i et strategisk dokument og et tilbud.",
                "items": {
                    "type": "object",
                    "properties": {"document": link, "goal": link, "offer": link},
                    "required": ["document", "goal", "offer"],
                    "additionalProperties": False,
                },
            },
        },
        "required": [
            "format",
            "schema_version",
            *settings.get("required", []),
            *table.collections,
            "goal_offers",
        ],
        "additionalProperties": False,
        "definitions": dict(sorted(definitions.items())),
    }


def export_schema_text(table: Table = TABLE) -> str:
    return json.dumps(export_schema(table), ensure_ascii=False, indent=2) + "\n"


def committed_path() -> Path:
    return Path(str(files("vifte").joinpath("schema", "export", "catalogue.schema.json")))


if __name__ == "__main__":
    path = committed_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(export_schema_text(), encoding="utf-8")
    print(path)
