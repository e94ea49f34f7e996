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
from typing import Any

from pydantic import BaseModel

from vifte.domain.collections import Table
from vifte.domain.fields import markdown_fields
from vifte.domain.registry import TABLE
from vifte.domain.settings import Settings
from vifte.domain.strategy import StrategyDocument
from vifte.output.export import EXCLUDED_SETTINGS, FORMAT, HTML, SCHEMA_VERSION, TEXT

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
    for name in markdown_fields(cls):
        props[name] = {
            **props[name],
            "description": props[name].get("description", "")
            + f" Markdown som skrevet: vis den aldrig uden at rense den; brug {name}{HTML} "
            f"eller {name}{TEXT}.",
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
    raw["properties"] = {"id": {"type": "string"}, "url": URL, **props}
    raw["required"] = ["id", "url", *raw.get("required", [])]
    return raw


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
