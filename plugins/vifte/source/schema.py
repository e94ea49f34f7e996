"""The data contract as JSON Schema (draft-07), generated from the model for editors.

Draft-07 is the version the YAML language server in VS Code understands; pydantic writes
2020-12, so `$defs` become `definitions`.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from vifte.domain.collections import Table
from vifte.domain.entries import Collection
from vifte.domain.registry import TABLE
from vifte.domain.settings import Settings
from vifte.source.project import CATALOGUE, SETTINGS, relative_glob
from vifte.source.translation_model import translation_model

TRANSLATION = "{kind}-translation"
"""The schema name of a collection's translation files (`offer-translation`)."""


def schemas(table: Table = TABLE) -> dict[str, tuple[type[BaseModel], str]]:
    """Each kind of file's schema name, model and files: settings, the table's collections, and
    their translation files (`<id>.<code>.yaml`, source/translation_model.py)."""
    return {
        "settings": (Settings, f"{CATALOGUE}/{SETTINGS}"),
        **{col.kind: (col.model, relative_glob(col)) for col in table.collections.values()},
        **{
            TRANSLATION.format(kind=col.kind): (
                translation_model(col.model),
                translation_glob(col),
            )
            for col in table.collections.values()
        },
    }


def translation_glob(col: Collection) -> str:
    """A collection's translation files, relative to the project root."""
    return relative_glob(col).replace("/*.", "/*.??.", 1)


SCHEMAS = schemas()
"""The package's own schemas (the JSON files shipped in schema/)."""
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def schema_for(name: str, table: Table = TABLE) -> dict[str, Any]:
    """The draft-07 schema of one kind of file."""
    cls, _ = schemas(table)[name]
    raw = cls.model_json_schema(ref_template="#/definitions/{model}")
    translated = next(
        (c for c in table.collections.values() if name == TRANSLATION.format(kind=c.kind)), None
    )
    if translated is not None and translated.format == "markdown":
        raw["properties"].pop(translated.body_field, None)  # the text under the front matter
    elif name != "settings" and translated is None:
        raw["properties"].pop("id", None)
        raw["required"] = [r for r in raw.get("required", []) if r != "id"]
        col = table.by_kind(name)
        if col.format == "markdown":  # the body is the text under the front matter
            raw["properties"].pop(col.body_field, None)
    definitions = raw.pop("$defs", {})
    out: dict[str, Any] = {"$schema": DRAFT_07, "$id": f"urn:vifte:schema:{name}", **raw}
    if definitions:
        out["definitions"] = definitions
    return out


def schema_text(name: str, table: Table = TABLE) -> str:
    return json.dumps(schema_for(name, table), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def packaged_schema_dir() -> Path:
    return Path(str(files("vifte").joinpath("schema")))


def write_schemas(folder: Path, table: Table = TABLE) -> list[Path]:
    """Write every schema file into `folder`; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in schemas(table):
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(name, table), encoding="utf-8")
        written.append(path)
    return written


def vscode_settings(schema_dir: str) -> str:
    """A .vscode/settings.json that tells the YAML language server which schema fits which file.

    Front matter in Markdown files is not YAML to the language server, so those are left out
    (README: how editors of strategy documents get completion).
    """
    translations = {glob for name, (_, glob) in schemas().items() if name.endswith("-translation")}
    mapping: dict[str, str | list[str]] = {}
    for name, (_, glob) in schemas().items():
        if not glob.endswith((".yaml", ".yml")):
            continue
        # An item's glob (*.yaml) also matches its translations (*.en.yaml): they are left out.
        # Older YAML servers ignore the "!" line; the file's own first line names its schema.
        left_out = [f"!{t}" for t in translations if t.replace(".??.", ".") == glob]
        mapping[f"{schema_dir}/{name}.schema.json"] = [glob, *left_out] if left_out else glob
    return json.dumps({"yaml.schemas": mapping}, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    for written_path in write_schemas(packaged_schema_dir()):
        print(written_path)
