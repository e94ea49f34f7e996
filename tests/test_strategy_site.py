"""Strategy documents on the built example site: pages, goals, two-way links, charts, export."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url
from vifte.domain.strategy import GOAL_STATUS_LABELS, GOAL_SYMBOLS
from vifte.mkdocs.build import build_site
from vifte.source.validate import require_catalogue

from .conftest import REPO, Write

SVG = "{http://www.w3.org/2000/svg}"


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def catalogue():
    return require_catalogue(REPO)[0]


def test_every_document_has_a_page_with_its_goals_table(example_site, catalogue):
    for doc in catalogue.strategy:
        html = page(example_site, page_url(TABLE, doc))
        assert f"<h1>{doc.title}" in html
        table = html.split('<table class="vifte-goals', 1)[1].split("</table>", 1)[0]
        for goal in doc.goals:
            row = table.split(f'<tr id="maal-{goal.id}">', 1)[1].split("</tr>", 1)[0]
            assert goal.title in row
            label = GOAL_STATUS_LABELS[goal.status]
            status = f'<span class="vifte-goal" data-goal="{goal.status}"><span class="vifte-goal__symbol" aria-hidden="true">{GOAL_SYMBOLS[goal.status]}</span> {label}</span>'
            assert status in row  # text, symbol and colour (data-goal), never colour alone
            for offer_id in goal.offers:
                assert f'href="../../tilbud/{offer_id}/"' in row


def test_the_plan_shows_its_adoption_and_its_summary_first(example_site):
    html = page(example_site, "strategi/beskaeftigelsesplan-2026")
    assert html.index('class="vifte-lead"') < html.index('<table class="vifte-goals')
    assert "10.12.2025</time> af Byrådet" in html
    assert "Ministerens mål" in html and "Lokalt mål" in html


def test_an_offer_page_says_which_goals_it_serves(example_site):
    html = page(example_site, "tilbud/virksomhedscenter")
    part = html.split('id="bidrager-til"', 1)[1].split("</section>", 1)[0]
    assert "Bidrager til" in html
    assert 'href="../../strategi/beskaeftigelsesplan-2026/#maal-m3"' in part
    assert "(Beskæftigelsesplan 2026)" in part
    assert 'data-goal="on_track"' in part
    # an archived plan's goals are not what the offer serves now
    assert "Beskæftigelsesplan 2025" not in part
    assert "Bidrager til" not in page(example_site, "tilbud/alkoholbehandling")


def test_a_draft_is_marked_on_its_page_and_in_every_list(example_site):
    assert '<span class="vifte-draft">Udkast</span>' in page(
        example_site, "strategi/veteranstrategi"
    )
    overview = page(example_site, "strategi")
    item = re.search(r'<a href="veteranstrategi/">[^<]+</a>(.{0,60})', overview)
    assert item and "Udkast" in item.group(1)
    status = page(example_site, "strategi/status")
    assert re.search(r"Udkast tæller ikke med[^<]*<a href=\"\.\./veteranstrategi/\">", status)
    offer = page(example_site, "tilbud/veteranernes-moedested")
    assert "(Strategi for veteraner, udkast)" in offer


def test_archived_documents_stay_reachable_under_their_period(example_site):
    overview = page(example_site, "strategi")
    archive = overview.split('id="arkiv"', 1)[1]
    current = overview.split('id="arkiv"', 1)[0]
    assert 'href="beskaeftigelsesplan-2025/"' in archive
    assert 'id="arkiv-2025"' in archive
    assert 'href="beskaeftigelsesplan-2025/"' not in current.split('aria-label="Vis')[1]
    assert "Arkiveret" in page(example_site, "strategi/beskaeftigelsesplan-2025")


def test_the_status_page_counts_only_plans_in_force_and_names_drafts_apart(example_site, catalogue):
    """A draft is not one of "de gældende planer": its goals are not counted, its title is not a
    row, and the page says so with a link to it."""
    adopted = [d for d in catalogue.strategy if d.status == "adopted"]
    drafts = [d for d in catalogue.strategy if d.status == "draft"]
    assert drafts and any(d.goals for d in drafts), "the example keeps a draft with goals"
    html = page(example_site, "strategi/status")
    goals = sum(len(d.goals) for d in adopted)
    assert f"({len(adopted)} dokumenter, {goals} mål)" in html
    rows = [r[0] for r in _figures(html)[2][1][1:]]
    assert sorted(rows) == sorted(d.title for d in adopted if d.goals)
    note = html.split("data-vifte-drafts>", 1)[1].split("</p>", 1)[0]
    assert [d.title for d in drafts] == re.findall(r">([^<]+)</a>", note)


def test_replaces_links_both_ways(example_site):
    new = page(example_site, "strategi/beskaeftigelsesplan-2026")
    old = page(example_site, "strategi/beskaeftigelsesplan-2025")
    assert '<a href="../beskaeftigelsesplan-2025/" data-vifte-replaces>' in new
    assert '<a href="../beskaeftigelsesplan-2026/" data-vifte-replaced-by>' in old


def test_overview_groups_current_documents_by_period_kind_and_status(example_site, catalogue):
    overview = page(example_site, "strategi")
    by_period = overview.split('id="efter-periode"', 1)[1].split('id="efter-type"', 1)[0]
    current = [d for d in catalogue.strategy if d.status != "archived"]
    for doc in current:
        assert f'href="{doc.id}/"' in by_period
    for period in {d.period for d in current}:
        assert f'id="periode-{period}"' in by_period
    assert 'id="type-policy"' in overview and 'id="status-draft"' in overview


class _Tables(HTMLParser):
    """The charts' SVGs (as text) and their tables' cells."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _figures(html: str) -> list[tuple[ET.Element, list[list[str]]]]:
    out = []
    for fig in re.findall(r'<figure class="vifte-chart".*?</figure>', html, re.S):
        svg = ET.fromstring(re.search(r"<svg.*?</svg>", fig, re.S).group())  # valid XML
        parser = _Tables()
        parser.feed(fig.split("</svg>", 1)[1])
        out.append((svg, parser.rows))
    return out


def test_status_charts_are_titled_svg_with_the_tables_numbers(example_site, catalogue):
    html = page(example_site, "strategi/status")
    figures = _figures(html)
    assert len(figures) == 3
    goals = [g for d in catalogue.strategy if d.status == "adopted" for g in d.goals]
    statuses = list(GOAL_STATUS_LABELS)
    for svg, rows in figures:
        assert svg.get("role") == "img"
        title, desc = svg.find(f"{SVG}title").text, svg.find(f"{SVG}desc").text
        assert title and desc
        assert svg.get("aria-labelledby") == " ".join(
            (svg.find(f"{SVG}title").get("id"), svg.find(f"{SVG}desc").get("id"))
        )
        labels = [t.text for t in svg.iter(f"{SVG}text")]
        for row in rows[1:]:
            assert row[0] in desc or row[0].split(" ", 1)[-1] in desc  # the text alternative
            numbers = [int(n) for n in row[1:]]
            if len(numbers) > 1:  # per origin, per document: one column per status, then the sum
                for status, n in zip(statuses, numbers, strict=False):
                    if n:
                        assert f"{GOAL_SYMBOLS[status]} {n}" in labels
                assert sum(numbers[:-1]) == numbers[-1]
    per_status = figures[0][1][1:]
    assert [int(r[1]) for r in per_status] == [
        sum(1 for g in goals if g.status == s) for s in statuses
    ]
    per_origin = {r[0]: int(r[-1]) for r in figures[1][1][1:]}
    assert per_origin == {
        "Ministerens mål": sum(1 for g in goals if g.origin == "ministerial"),
        "Lokale mål": sum(1 for g in goals if g.origin == "local"),
    }
    assert f"{len(goals)} mål" in html


def test_export_holds_documents_goals_and_links(example_site, catalogue):
    data = json.loads((example_site / "data/catalogue.json").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in data["strategy"]}
    assert set(docs) == {d.id for d in catalogue.strategy}
    plan = docs["beskaeftigelsesplan-2026"]
    assert plan["url"] == "strategi/beskaeftigelsesplan-2026/"
    assert plan["status"] == "adopted" and plan["adopted"] == {
        "date": "2025-12-10",
        "by": "Byrådet",
    }
    assert [g["id"] for g in plan["goals"]] == ["m1", "m2", "m3", "m4", "l1", "l2", "l3"]
    assert plan["replaces"] == "beskaeftigelsesplan-2025"
    links = data["goal_offers"]
    assert {"document": "beskaeftigelsesplan-2026", "goal": "m3", "offer": "truckkursus"} in links
    assert len(links) == sum(len(g.offers) for d in catalogue.strategy for g in d.goals)
    offers = {o["id"] for o in data["offers"]}
    assert {link["offer"] for link in links} <= offers


HOSTILE = """\
---
title: Farlig plan
kind: plan
period: "2026"
status: draft
summary: En plan med farlig tekst.
goals:
  - id: m1
    title: Et mål.
    origin: local
    status: on_track
    offers: [virksomhedspraktik]
---
## Tekst

<script>alert("x")</script>
<img src="x" onerror="alert(1)" alt="">

Et [link](javascript:alert(1)) og et [godt link](https://example.org/).
"""


def test_hostile_markdown_in_a_body_is_sanitised(project: Path, write: Write, tmp_path: Path):
    write("strategy/farlig.md", HOSTILE)
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    html = page(site, "strategi/farlig")
    body = html.split('class="vifte-strategy__body"', 1)[1].split("</section>", 1)[0]
    assert "<h3>Tekst</h3>" in body  # the body's headings sit under the page's own h1 and h2
    assert '<a href="https://example.org/" rel="noopener noreferrer">godt link</a>' in body
    assert "<script" not in body and "onerror" not in body and 'href="javascript' not in body


def test_a_project_without_strategy_documents_builds_as_before(project: Path, tmp_path: Path):
    assert not any((project / "strategy").iterdir())
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert not (site / "strategi").exists()
    data = json.loads((site / "data/catalogue.json").read_text(encoding="utf-8"))
    assert data["strategy"] == [] and data["goal_offers"] == []
    assert "Bidrager til" not in page(site, "tilbud/virksomhedspraktik")


def test_an_attached_original_pdf_is_copied_and_linked(project: Path, write: Write, tmp_path: Path):
    write(
        "strategy/plan.md",
        HOSTILE.replace("summary:", "file: original.pdf\nsummary:").split("## Tekst")[0],
    )
    (project / "strategy/files").mkdir()
    (project / "strategy/files/original.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert (site / "strategi/plan/original.pdf").read_bytes() == b"%PDF-1.4\n%%EOF\n"
    assert '<a href="original.pdf">Det oprindelige dokument</a>' in page(site, "strategi/plan")
