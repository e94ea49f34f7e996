"""A new kind of thing is one model, one table entry and its templates: the proof.

The test makes its own table with `events` (nothing in plugins/ mentions it) and renders the
real pages, schema, export, search words and checks from it; the package's table is untouched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import pytest
from pydantic import Field

from tests.conftest import Write
from vifte.domain.collections import Table
from vifte.domain.entries import Collection
from vifte.domain.fields import Date, Id, Markdown, Ref, Routed, Text
from vifte.domain.markup import plain_text
from vifte.domain.registry import TABLE
from vifte.output.export import catalogue_data
from vifte.output.outputs import SCRIPTS
from vifte.output.pages import Renderer
from vifte.scaffold import new_file
from vifte.source.project import Project
from vifte.source.schema import schema_for, write_schemas
from vifte.source.validate import load_catalogue


class Event(Routed):
    """Et arrangement, fx en jobmesse."""

    id: Id = Field(exclude=True, description="Arrangementets id; sættes fra filnavnet.")
    title: Text = Field(description="Arrangementets navn.")
    date: Date = Field(description="Dagen (ÅÅÅÅ-MM-DD).")
    summary: Text = Field(description="Én kort sætning.")
    description: Markdown = Field(description="Teksten til borgeren (Markdown).")
    offers: Annotated[list[Id], Ref("offers")] = Field(
        default_factory=list, description="Tilbud, der er med."
    )
    themes: Annotated[list[Id], Ref("themes")] = Field(default_factory=list)


EVENTS = Collection(
    name="events",
    kind="event",
    model=Event,
    noun="arrangement",
    definite="arrangementet",
    plural="arrangementer",
    section="arrangementer",
    template="pages/event.html",
    variable="ev",
    index_template="pages/events.html",
    search_text=lambda ev: " ".join([ev.title, ev.summary, plain_text(ev.description)]),
)

EVENT_HTML = """\
<article data-pagefind-body>
<h1>{{ ev.title }}</h1>
<p class="event-date">{{ ev.date.isoformat() }}</p>
{{ ev.description | md }}
<ul class="event-offers">
{% for o in c.linked(ev, "offers") %}<li><a href="{{ link(o | page_url) }}">{{ o.title }}</a></li>{% endfor %}
</ul>
<p class="event-words" hidden>{{ search_words(page_url) }}</p>
</article>
"""
EVENTS_HTML = """\
{% set title = "Arrangementer" %}
{% set description = "Det sker i kommunen." %}
<h1>{{ title }}</h1>
<ul class="events">
{% for ev in c.listed("events") %}<li><a href="{{ link(ev | page_url) }}">{{ ev.title }}</a></li>{% endfor %}
</ul>
"""
JOBMESSE = """\
title: Jobmesse på havnen
date: 2027-05-04
summary: Mød virksomheder, der søger folk.
description: |
  Kom og mød [praktikstederne](../../tilbud/virksomhedspraktik/) og få en kop kaffe.
offers: [virksomhedspraktik]
themes: [arbejdsliv]
"""


@pytest.fixture
def table() -> Table:
    return TABLE.adding(EVENTS)


@pytest.fixture
def event_project(project: Path, write: Write, table: Table) -> Project:
    write("theme/vifte/pages/event.html", EVENT_HTML)
    write("theme/vifte/pages/events.html", EVENTS_HTML)
    write("catalogue/events/jobmesse.yaml", JOBMESSE)
    return Project.at(project, table=table)


def test_a_collection_of_its_own_table_gets_pages_schema_and_export(
    event_project: Project, table: Table, tmp_path: Path
) -> None:
    catalogue, report = load_catalogue(event_project)
    assert catalogue is not None, report.lines()
    renderer = Renderer(catalogue, [event_project.templates])
    renderer.env.globals["scripts"] = SCRIPTS  # as outputs.py gives them
    pages = {p.path: p.body for p in renderer.pages()}

    page = pages["arrangementer/jobmesse.md"]
    assert "<h1>Jobmesse på havnen</h1>" in page
    assert '<p class="event-date">2027-05-04</p>' in page
    assert '<a href="../../tilbud/virksomhedspraktik/">' in page  # its reference, resolved
    assert "soeger" in page.split('class="event-words"')[1]  # search words: "søger" folded
    overview = pages["arrangementer/index.md"]
    assert '<a href="jobmesse/">Jobmesse på havnen</a>' in overview

    export = json.loads(json.dumps(catalogue_data(catalogue)))
    assert export["events"] == [
        {
            "id": "jobmesse",
            "url": "arrangementer/jobmesse/",
            "title": "Jobmesse på havnen",
            "date": "2027-05-04",
            "summary": "Mød virksomheder, der søger folk.",
            "description": JOBMESSE.split("|\n", 1)[1].split("offers:")[0].replace("  ", "", 1),
            "offers": ["virksomhedspraktik"],
            "themes": ["arbejdsliv"],
            "description_html": '<p>Kom og mød <a href="../../tilbud/virksomhedspraktik/"'
            ' rel="noopener noreferrer">praktikstederne</a> og få en kop kaffe.</p>\n',
            "description_text": "Kom og mød praktikstederne og få en kop kaffe.",
        }
    ]
    assert len(export["offers"]) == 1  # the package's own collections are all still there

    schema = schema_for("event", table)
    assert schema["$id"] == "urn:vifte:schema:event"
    assert set(schema["required"]) == {"title", "date", "summary", "description"}
    written = write_schemas(tmp_path / "schema", table)
    assert tmp_path / "schema" / "event.schema.json" in written


def test_the_package_table_is_a_value_a_test_table_leaves_alone(table: Table) -> None:
    assert "events" in table.collections
    assert "events" not in TABLE.collections  # no global was changed
    assert list(table.collections)[: len(TABLE.collections)] == list(TABLE.collections)
    with pytest.raises(TypeError):
        table.collections["more"] = EVENTS  # type: ignore[index]


def test_a_collection_of_its_own_table_is_checked_like_the_others(
    event_project: Project, write: Write
) -> None:
    path = write(
        "catalogue/events/sommerfest.yaml",
        """\
        title: Sommerfest
        date: 2027-02-31
        summary: Fest.
        description: Se [planen](../../plan/) og [noget](../../tilbud/findes-ikke/).
        offers: [virksomhedspraktk]
        themes: [arbejdsliv, havearbejde]
        title: To gange
        """,
    )
    catalogue, report = load_catalogue(event_project)
    assert catalogue is None
    lines = [line for line in report.lines() if line.startswith("catalogue/events/sommerfest")]
    text = "\n".join(lines)
    # Every problem of the file in one run: the duplicate key, the bad date, the references.
    assert "sommerfest.yaml:7:1: error: feltet 'title' står to gange" in text
    assert "sommerfest.yaml:2:7: error:" in text
    assert 'ukendt tilbud "virksomhedspraktk"' in text and "virksomhedspraktik" in text
    assert 'ukendt tema "havearbejde"' in text
    assert path.exists()


def test_vifte_new_writes_the_new_kind(event_project: Project, table: Table) -> None:
    made = new_file(event_project.root, "event", "Høstmarked", table)
    assert made == event_project.root / "catalogue" / "events" / "hoestmarked.yaml"
    assert made.read_text(encoding="utf-8") == 'title: "Høstmarked"\n'


def test_a_reference_to_nothing_or_a_taken_section_is_refused() -> None:
    class Typo(Routed):
        id: Id = Field(exclude=True)
        title: Text
        offers: Annotated[list[Id], Ref("ofers")] = Field(default_factory=list)

    with pytest.raises(LookupError, match=r"Typo.offers: Ref\('ofers'\)"):
        TABLE.adding(Collection(**{**EVENTS.__dict__, "model": Typo}))
    with pytest.raises(ValueError, match="section 'plan' is taken"):
        TABLE.adding(Collection(**{**EVENTS.__dict__, "section": "plan"}))
    with pytest.raises(ValueError, match="'offers' is already in the table"):
        TABLE.adding(Collection(**{**EVENTS.__dict__, "name": "offers"}))


def test_the_built_in_collections_are_typed_attributes_of_the_catalogue() -> None:
    # Real properties with return types, so mypy sees `c.offers` (no made-up attributes).
    from typing import get_type_hints

    from vifte.domain import catalogue as module
    from vifte.domain.catalogue import Catalogue

    names = {**vars(module)}
    expected = {
        "offers": "tuple[Offer, ...]",
        "news": "tuple[Notice, ...]",
        "strategy": "tuple[StrategyDocument, ...]",
        "offer_by_id": "dict[str, Offer]",
        "mentor_by_id": "dict[str, Mentor]",
        "areas": "dict[str, Area]",
        "target_groups": "dict[str, TargetGroup]",
    }
    for name, hint in expected.items():
        prop = vars(Catalogue)[name]
        getter = getattr(prop, "func", None) or prop.fget
        assert get_type_hints(getter, names)["return"] == eval(hint, names), name
    assert not hasattr(Catalogue, "__getattr__") or "__getattr__" not in vars(Catalogue)
