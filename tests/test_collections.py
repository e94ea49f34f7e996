"""A new kind of thing is one model, one table entry and its templates: the proof.

The test registers `events` from outside the package (nothing in plugins/ mentions it) and
builds a real site with its pages, its schema, its export, its search words and its checks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import pytest
from pydantic import Field

from tests.conftest import Write
from vifte.domain.collections import register, unregister
from vifte.domain.entries import Collection
from vifte.domain.fields import Date, Id, Markdown, Ref, Routed, Text
from vifte.domain.markup import plain_text
from vifte.mkdocs.build import build_site
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
{% for o in c.linked(ev, "offers") %}<li><a href="{{ link(o.page_url) }}">{{ o.title }}</a></li>{% endfor %}
</ul>
<p class="event-words" hidden>{{ search_words(page_url) }}</p>
</article>
"""
EVENTS_HTML = """\
{% set title = "Arrangementer" %}
{% set description = "Det sker i kommunen." %}
<h1>{{ title }}</h1>
<ul class="events">
{% for ev in c.events %}<li><a href="{{ link(ev.page_url) }}">{{ ev.title }}</a></li>{% endfor %}
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
def events() -> Iterator[Collection]:
    register(EVENTS)
    yield EVENTS
    unregister("events")


@pytest.fixture
def event_project(project: Path, write: Write, events: Collection) -> Path:
    write("theme/vifte/pages/event.html", EVENT_HTML)
    write("theme/vifte/pages/events.html", EVENTS_HTML)
    write("catalogue/events/jobmesse.yaml", JOBMESSE)
    return project


def test_a_registered_collection_builds_pages_schema_and_export(
    event_project: Path, tmp_path: Path
) -> None:
    site = build_site(event_project / "mkdocs.yml", tmp_path / "site")

    page = (site / "arrangementer" / "jobmesse" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Jobmesse på havnen</h1>" in page
    assert '<p class="event-date">2027-05-04</p>' in page
    assert '<a href="../../tilbud/virksomhedspraktik/">' in page  # its reference, resolved
    assert "soeger" in page.split('class="event-words"')[1]  # search words: "søger" folded
    overview = (site / "arrangementer" / "index.html").read_text(encoding="utf-8")
    assert '<a href="jobmesse/">Jobmesse på havnen</a>' in overview

    export = json.loads((site / "data" / "catalogue.json").read_text(encoding="utf-8"))
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

    schema = schema_for("event")
    assert schema["$id"] == "urn:vifte:schema:event"
    assert set(schema["required"]) == {"title", "date", "summary", "description"}
    written = write_schemas(tmp_path / "schema")
    assert tmp_path / "schema" / "event.schema.json" in written


def test_a_registered_collection_is_checked_like_the_others(
    event_project: Path, write: Write
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


def test_the_cli_offers_the_new_kind(event_project: Path) -> None:
    from vifte.cli import main

    assert main(["new", "event", "Høstmarked", "-p", str(event_project)]) == 0
    made = event_project / "catalogue" / "events" / "hoestmarked.yaml"
    assert made.read_text(encoding="utf-8") == 'title: "Høstmarked"\n'


def test_a_reference_to_nothing_or_a_taken_section_is_refused(project: Path) -> None:
    class Typo(Routed):
        id: Id = Field(exclude=True)
        title: Text
        offers: Annotated[list[Id], Ref("ofers")] = Field(default_factory=list)

    typo = Collection(**{**EVENTS.__dict__, "model": Typo})
    register(typo)
    try:
        with pytest.raises(LookupError, match=r"Typo.offers: Ref\('ofers'\)"):
            load_catalogue(project)
    finally:
        unregister("events")
    with pytest.raises(ValueError, match="section 'plan' is taken"):
        register(Collection(**{**EVENTS.__dict__, "section": "plan"}))
