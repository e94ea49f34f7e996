""" "Nyt og ændret": offers added, changed and closed, from the catalogue's own dates."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from vifte.domain import changes
from vifte.mkdocs.build import build_site
from vifte.source.validate import require_catalogue

from .conftest import REPO, Write

D = dt.date


@pytest.fixture(scope="module")
def catalogue():
    return require_catalogue(REPO)[0]


def test_the_page_lists_offers_newest_first_grouped_by_month(example_site, catalogue):
    html = (example_site / "nyt-og-aendret/index.html").read_text(encoding="utf-8")
    rows = re.findall(
        r'<li class="vifte-change" data-what="(\w+)" data-id="([a-z0-9-]+)">.*?<time datetime="([0-9-]+)">',
        html,
    )
    assert len(rows) == len(changes.all_changes(catalogue)) > 40
    days = [r[2] for r in rows]
    assert days == sorted(days, reverse=True)
    assert ("added", "sund-mad", "2026-09-01") in rows
    assert ("changed", "jobklubben", "2026-10-01") in rows and (
        "added",
        "jobklubben",
        "2025-02-03",
    ) in rows
    # an offer added and not changed since is listed once, as new
    assert [r for r in rows if r[1] == "sund-mad"] == [("added", "sund-mad", "2026-09-01")]
    months = re.findall(r'<h2 id="maaned-([0-9-]+)">([^<]+)</h2>', html)
    assert months[0] == ("2026-10", "Oktober 2026")
    assert [m for m, _ in months] == sorted({d[:7] for d in days}, reverse=True)
    # each month's section holds exactly its own days
    for key, _ in months:
        section = html.split(f'id="maaned-{key}"', 1)[1].split("</section>", 1)[0]
        assert all(d.startswith(key) for d in re.findall(r'datetime="([0-9-]+)"', section))


def test_dates_say_what_happened_and_a_draft_or_undated_offer_says_nothing():
    offer = SimpleNamespace(title="A", created=D(2026, 1, 5), updated=D(2026, 3, 1))
    assert [(c.what, c.day) for c in changes.of_offer(offer)] == [
        ("added", D(2026, 1, 5)),
        ("changed", D(2026, 3, 1)),
    ]
    same_day = SimpleNamespace(title="B", created=D(2026, 1, 5), updated=D(2026, 1, 5))
    assert [c.what for c in changes.of_offer(same_day)] == ["added"]
    assert changes.of_offer(SimpleNamespace(title="C", created=None, updated=None)) == []
    draft = SimpleNamespace(title="D", created=D(2026, 1, 5), updated=None, status="draft")
    assert changes.of_offer(draft) == []


@pytest.mark.parametrize(
    "closed",
    [D(2026, 4, 1), SimpleNamespace(date=D(2026, 4, 1)), SimpleNamespace(since=D(2026, 4, 1))],
)
def test_a_closed_offer_is_listed_on_its_closing_day_once_the_model_has_the_field(closed):
    """Offers get `status`/`closed` from another branch; this reads them in any of the likely shapes."""
    offer = SimpleNamespace(
        title="E", created=None, updated=D(2026, 3, 1), status="closed", closed=closed
    )
    assert [(c.what, c.day) for c in changes.of_offer(offer)] == [
        ("changed", D(2026, 3, 1)),
        ("closed", D(2026, 4, 1)),
    ]


def test_created_is_optional_and_checked_as_a_date(project: Path, write: Write, tmp_path: Path):
    path = project / "catalogue/offers/virksomhedspraktik.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "created: 2026-02-30\n", encoding="utf-8")
    with pytest.raises(Exception, match="virksomhedspraktik.yaml:[0-9]+:[0-9]+: error: .*dato"):
        require_catalogue(project)
    path.write_text(text + "created: 2026-02-03\n", encoding="utf-8")
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    html = (site / "nyt-og-aendret/index.html").read_text(encoding="utf-8")
    assert 'data-what="added" data-id="virksomhedspraktik"' in html
    assert '<h2 id="maaned-2026-02">Februar 2026</h2>' in html
