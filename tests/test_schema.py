"""The published JSON Schema: generated from the model, committed, and in agreement with it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from vifte.source import loader
from vifte.source.frontmatter import load_markdown
from vifte.source.schema import SCHEMAS, packaged_schema_dir, schema_text
from vifte.source.translations import translation_stem

from .conftest import REPO


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_up_to_date(name):
    committed = (packaged_schema_dir() / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(name), "run: python -m vifte.source.schema"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_valid_draft_07(name):
    schema = json.loads(schema_text(name))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema)
    jsonschema.Draft7Validator.check_schema(schema)


def _files(glob: str, name: str) -> list[Path]:
    """The example's and the starter project's files of a schema; an item's schema does not
    take its translations (`<id>.<code>.yaml`), which its glob also matches."""
    found = sorted(REPO.glob(glob)) + sorted((REPO / "plugins/vifte/scaffold").glob(glob))
    if name.endswith("-translation"):
        return found
    return [p for p in found if translation_stem(p.stem) is None]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_example_files_satisfy_the_schema(name):
    _, glob = SCHEMAS[name]
    validator = jsonschema.Draft7Validator(
        json.loads(schema_text(name)), format_checker=jsonschema.FormatChecker()
    )
    files = _files(glob, name)
    # Translations made by `vifte new` are checked in test_translation_new.py.
    assert files or name.endswith("-translation")
    for path in files:
        doc = load_markdown(path).document if path.suffix == ".md" else loader.load(path)
        data = json.loads(json.dumps(doc.data, default=str))
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], path


def test_schema_rejects_what_check_rejects():
    validator = jsonschema.Draft7Validator(json.loads(schema_text("offer")))
    bad = {
        "title": "x",
        "area": "Beskæftigelse",
        "access": "direkte",
        "themes": [],
        "target_groups": ["a"],
        "summary": "x",
        "description": "x",
        "provider": {"name": "x"},
        "contact": {"phone": "70000000"},
        "titel": "x",
    }
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert (
        "does not match" in messages and "should be non-empty" in messages and "titel" in messages
    )


def test_strategy_schema_describes_the_front_matter_not_the_body():
    schema = json.loads(schema_text("strategy"))
    assert "body" not in schema["properties"]
    assert set(schema["required"]) == {"title", "kind", "period", "status", "summary"}
    goal = schema["definitions"]["Goal"]
    assert goal["properties"]["status"]["enum"] == [
        "achieved",
        "on_track",
        "at_risk",
        "off_track",
        "not_started",
    ]
    assert SCHEMAS["strategy"][1] == "strategy/*.md"
