"""The editor's configuration agrees with the models, the JSON Schema and the project's choices.

`disagreements` walks every model field (at any depth) beside the generated Decap fields, so a
field added to a model, a collection added to the table, or a term added to settings.yaml that
the editor would not show makes these tests fail. The tests run on a `vifte init` project.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, get_origin

import pytest
import yaml
from pydantic import BaseModel

from tests.conftest import Write
from tests.test_collections import EVENTS
from vifte.domain.fields import ID_PATTERN, Rendered, has_mark
from vifte.domain.refs import refs_of
from vifte.domain.registry import TABLE
from vifte.editor.config import before, decap_config
from vifte.editor.form import _nested_model
from vifte.source.project import Project, folder_of
from vifte.source.schema import schema_for

LOCAL = "http://127.0.0.1:8123/api/v1"


def terms_of(root: Path) -> dict[str, list[str]]:
    data = yaml.safe_load((root / "catalogue/settings.yaml").read_text(encoding="utf-8"))
    return {name: [t["id"] for t in data.get(name, [])] for name in TABLE.term_lists}


def disagreements(
    model: type[BaseModel],
    fields: list[dict[str, Any]],
    project: Project,
    where: str,
    optional_part: bool = False,
) -> list[str]:
    """What the editor's fields get wrong about a model: missing or unknown fields, required
    ones not required, choices that are not the project's, references as free text.
    In an optional part (an image), required fields are optional in the form (Decap would
    demand them with the part left out) and their help says when they are needed."""
    out: list[str] = []
    by_name = {f["name"]: f for f in fields}
    expected = {n for n, i in model.model_fields.items() if not i.exclude}
    if set(by_name) != expected:
        out.append(f"{where}: fields {sorted(set(by_name) ^ expected)} disagree")
    terms = terms_of(project.root)
    for name, info in model.model_fields.items():
        field = by_name.get(name)
        if field is None or info.exclude:
            continue
        at = f"{where}.{name}"
        if field["required"] != (info.is_required() and not optional_part):
            out.append(
                f"{at}: required is {field['required']}, the model says {info.is_required()}"
            )
        if optional_part and info.is_required() and "Skal udfyldes, når" not in field["hint"]:
            out.append(f"{at}: the help does not say when it is needed")
        if not field.get("label") or field["label"] == name:
            out.append(f"{at}: no Danish label")
        ref = refs_of(model).get(name)
        if ref is not None and ref.target in project.table.term_lists:
            values = [o["value"] for o in field.get("options", [])]
            if field["widget"] != "select" or values != terms[ref.target]:
                out.append(f"{at}: choices {values} are not settings.yaml's {ref.target}")
        elif ref is not None:
            if field["widget"] != "relation" or field["collection"] != ref.target:
                out.append(f"{at}: not a pick list of {ref.target}")
        elif has_mark(info, Rendered) and field["widget"] != "markdown":
            out.append(f"{at}: Markdown shown as {field['widget']}")
        minimum = next((m.min_length for m in info.metadata if hasattr(m, "min_length")), None)
        listed = get_origin(info.annotation) is list
        # In an optional part the save's check asks for the minimum (Decap would demand it always).
        if listed and minimum and not optional_part and field.get("min") != minimum:
            out.append(f"{at}: at least {minimum} required, the form says {field.get('min')}")
        nested = _nested_model(info.annotation)
        if nested is not None and ref is None:
            # A list's items exist only once added: inside them the model's rules hold again.
            inside_list = field["widget"] == "list"
            part = (optional_part and not inside_list) or (
                not info.is_required() and field["widget"] == "object"
            )
            out += disagreements(nested, field.get("fields", []), project, at, part)
    return out


def collections(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in config["collections"]}


def test_every_collection_and_field_of_the_models_is_in_the_editor(project: Path) -> None:
    proj = Project.at(project)
    config = decap_config(proj, local_url=LOCAL)
    found = collections(config)
    assert list(found) == list(TABLE.collections)  # offers, mentors, enterprises, strategy, news
    for name, col in TABLE.collections.items():
        entry = found[name]
        assert entry["folder"] == folder_of(col)
        assert entry["extension"] == col.suffixes[0].lstrip(".")
        assert entry["identifier_field"] == col.title_field
        assert disagreements(col.model, entry["fields"], proj, name) == []
    assert config["locale"] == "da"
    assert config["backend"] == {"name": "proxy", "proxy_url": LOCAL, "branch": "main"}
    assert config["local_backend"] == {"url": LOCAL}
    assert config["media_folder"] == "catalogue/images"
    assert yaml.safe_load(yaml.safe_dump(config)) == config  # served as YAML, read back whole


def test_the_check_finds_each_kind_of_disagreement(project: Path) -> None:
    # A test that cannot fail is a defect: spoil a correct configuration four ways.
    proj = Project.at(project)
    offers = collections(decap_config(proj, local_url=LOCAL))["offers"]
    fields = {f["name"]: f for f in offers["fields"]}
    fields.pop("summary")
    fields["title"] = {**fields["title"], "required": False}
    fields["themes"] = {**fields["themes"], "options": fields["themes"]["options"][1:]}
    fields["related"] = {
        "name": "related",
        "label": "Beslægtede",
        "required": False,
        "widget": "string",
    }
    found = "\n".join(
        disagreements(TABLE.collections["offers"].model, list(fields.values()), proj, "offers")
    )
    assert "['summary']" in found
    assert "offers.title: required is False" in found
    assert "offers.themes: choices" in found
    assert "offers.related: not a pick list of offers" in found


def test_choices_are_the_projects_own_terms_and_items(project: Path, write: Write) -> None:
    settings = project / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace(
        "themes:\n", "themes:\n  - id: madlavning\n    label: Mad <b>og</b> måltider\n", 1
    )
    settings.write_text(text, encoding="utf-8")
    proj = Project.at(project)
    found = collections(decap_config(proj, local_url=LOCAL))
    themes = {f["name"]: f for f in found["offers"]["fields"]}["themes"]
    assert {"label": "Mad <b>og</b> måltider", "value": "madlavning"} in themes["options"]
    assert themes["multiple"] is True and themes["min"] == 1
    assert (
        disagreements(TABLE.collections["offers"].model, found["offers"]["fields"], proj, "o") == []
    )
    related = {f["name"]: f for f in found["offers"]["fields"]}["related"]
    assert related["collection"] == "offers" and related["value_field"] == "{{slug}}"
    goals = {f["name"]: f for f in found["strategy"]["fields"]}["goals"]
    goal_offers = {f["name"]: f for f in goals["fields"]}["offers"]
    assert goal_offers["widget"] == "relation" and goal_offers["collection"] == "offers"
    enterprises = {f["name"]: f for f in found["offers"]["fields"]}["enterprises"]
    assert enterprises["collection"] == "enterprises" and enterprises["search_fields"] == ["name"]


def test_widgets_follow_the_field_types(project: Path) -> None:
    found = collections(decap_config(Project.at(project), local_url=LOCAL))
    offer = {f["name"]: f for f in found["offers"]["fields"]}
    assert offer["title"] == {
        **offer["title"],
        "widget": "string",
        "required": True,
        "label": "Titel",
    }
    assert offer["title"]["hint"] == "Tilbuddets navn, som borgeren ser det."
    assert found["offers"]["fields"][0]["name"] == "title"
    assert offer["status"]["default"] == "draft"  # a new item starts as a draft
    assert {"label": "Kladde", "value": "draft"} in offer["status"]["options"]
    assert offer["kind"]["options"][0] == {"label": "Virksomhedspraktik", "value": "work_practice"}
    assert offer["description"]["widget"] == "markdown"
    assert offer["updated"]["widget"] == "datetime" and offer["updated"]["format"] == "YYYY-MM-DD"
    assert offer["updated"]["time_format"] is False
    contact = {f["name"]: f for f in offer["contact"]["fields"]}
    assert contact["phone"]["widget"] == "string"  # "70 11 22 33" stays text, never a number
    assert re.fullmatch(contact["phone"]["pattern"][0], "70 11 22 33")
    assert "telefonnummer" in contact["phone"]["pattern"][1]
    image = {f["name"]: f for f in offer["image"]["fields"]}
    assert image["file"]["widget"] == "image"
    assert image["alt"]["widget"] == "string" and image["alt"]["label"].startswith("Billedtekst")
    # An image may be left out; when it is given, its alt text is needed (the save says so).
    assert image["alt"]["required"] is False
    assert image["alt"]["hint"].endswith("Skal udfyldes, når 'Billede' er udfyldt.")
    assert {f["name"]: f for f in offer["contact"]["fields"]}["phone"]["required"] is False
    assert offer["provider"]["fields"][0]["required"] is True  # a required part's own
    assert offer["price"]["label"] == "Pris (kun intern)"  # caseworker-only fields are marked
    assert offer["professional"]["label"].endswith("(til fagfolk)")
    assert "aldrig på det offentlige site" in offer["price"]["hint"]
    assert (
        offer["legal_basis"]["widget"] == "list"
        and offer["legal_basis"]["field"]["widget"] == "string"
    )
    enterprise = {f["name"]: f for f in found["enterprises"]["fields"]}
    assert enterprise["placements"]["widget"] == "select" and enterprise["placements"]["multiple"]
    assert enterprise["registered"]["widget"] == "boolean"
    news = found["news"]
    assert news["format"] == "yaml-frontmatter" and news["extension"] == "md"
    assert {f["name"]: f for f in news["fields"]}["body"]["widget"] == "markdown"
    assert found["offers"]["delete"] is False  # closed, never deleted: the page stays


def test_a_collection_added_to_the_table_appears_in_the_editor(project: Path) -> None:
    table = TABLE.adding(EVENTS)
    proj = Project.at(project, table=table)
    events = collections(decap_config(proj, local_url=LOCAL))["events"]
    assert events["folder"] == "catalogue/events" and events["label"] == "Arrangementer"
    assert disagreements(EVENTS.model, events["fields"], proj, "events") == []
    by_name = {f["name"]: f for f in events["fields"]}
    assert by_name["date"]["widget"] == "datetime"
    assert by_name["offers"]["widget"] == "relation"
    assert by_name["themes"]["widget"] == "select"
    assert (
        schema_for("event", table)["properties"]["summary"]["description"]
        == by_name["summary"]["hint"]
    )


def test_the_list_filters_by_status_and_by_review_date_passed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIFTE_TODAY", "2026-12-07")
    offers = collections(decap_config(Project.at(project), local_url=LOCAL))["offers"]
    filters = {f["label"]: f for f in offers["view_filters"]}
    assert filters["Kladde"] == {"label": "Kladde", "field": "status", "pattern": "^draft$"}
    passed = re.compile(filters["Gennemgangsdato overskredet"]["pattern"])
    assert passed.match("2026-12-06") and not passed.match("2026-12-07")


def test_before_matches_exactly_the_earlier_dates() -> None:
    days = [dt.date(2024, 12, 31) + dt.timedelta(days=n) for n in range(0, 800, 7)]
    for today in [dt.date(2026, 12, 7), dt.date(2030, 1, 1), dt.date(2026, 10, 10), *days[::9]]:
        pattern = re.compile(before(today))
        for day in [*days, dt.date(1999, 12, 31), dt.date(2100, 1, 1)]:
            assert bool(pattern.match(day.isoformat())) == (day < today), (today, day)


def test_hosted_backends_name_the_repository_from_settings(project: Path) -> None:
    settings = project / "catalogue/settings.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        + "editor:\n  backend: gitlab\n  repo: kommune/tilbud\n  branch: main\n"
        "  base_url: https://git.kommune.dk\n  app_id: a1\n",
        encoding="utf-8",
    )
    config = decap_config(Project.at(project), backend="gitlab")
    assert config["backend"] == {  # settings.yaml's editor: as EditorSettings gives it to Decap
        "name": "gitlab",
        "repo": "kommune/tilbud",
        "branch": "main",
        "auth_type": "pkce",
        "app_id": "a1",
        "base_url": "https://git.kommune.dk",
        "api_root": "https://git.kommune.dk/api/v4",
    }
    assert "local_backend" not in config
    with pytest.raises(ValueError):
        decap_config(Project.at(project), backend="ftp")


def test_a_broken_settings_file_still_gives_an_editor(project: Path) -> None:
    (project / "catalogue/settings.yaml").write_text("areas: [\n", encoding="utf-8")
    found = collections(decap_config(Project.at(project), local_url=LOCAL))
    area = {f["name"]: f for f in found["offers"]["fields"]}["area"]
    # Decap refuses an empty pick list: the id is typed, `vifte check` names settings.yaml's error.
    assert area["widget"] == "string" and area["pattern"][0] == ID_PATTERN
