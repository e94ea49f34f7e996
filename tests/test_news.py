"""News: notices as Markdown in catalogue/news, their pages, the archive, the front page, offer pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vifte.domain import news
from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url
from vifte.mkdocs.build import build_site
from vifte.scaffold import new_file
from vifte.source.validate import load_catalogue, require_catalogue

from .conftest import REPO, Write

NOTICE = """\
---
title: Åbent hus i jobcentret
date: 2026-12-01
summary: Kom og se, hvad jobcentret kan hjælpe dig med.
offers: [virksomhedspraktik]
expires: 2026-12-31
---
## Program

Kaffe og en snak.
"""


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def catalogue():
    return require_catalogue(REPO)[0]


def test_each_notice_has_a_page_with_its_date_summary_text_and_offers(example_site, catalogue):
    assert len(catalogue.news) >= 4
    for n in catalogue.news:
        html = page(example_site, page_url(TABLE, n))
        assert f"<h1>{n.title}</h1>" in html
        assert f'<time datetime="{n.date.isoformat()}">{n.date.strftime("%d.%m.%Y")}</time>' in html
        assert n.summary in html
        for offer_id in n.offers:
            assert f'href="../../tilbud/{offer_id}/"' in html
    sick = page(example_site, "nyt/sygedagpenge-stopper-foerst-efter-en-afgoerelse")
    # the Markdown body, rendered: its ## headings are h2, right under the page's h1
    assert "<h2>Hvad er ændret?</h2>" in sick and "Ankestyrelsen" in sick
    christmas = page(example_site, "nyt/aabningstider-i-julen-2026")
    assert 'alt="En kop varm kaffe på et ternet bord"' in christmas
    assert "Gælder til og med <time" in christmas


def test_the_archive_lists_every_notice_newest_first_by_year(example_site, catalogue):
    html = page(example_site, "nyt")
    found = re.findall(r'<li class="vifte-news__item" data-id="([a-z0-9-]+)">', html)
    expected = sorted(catalogue.news, key=lambda n: n.date, reverse=True)
    assert found == [n.id for n in expected]
    assert html.index('id="aar-2026"') < html.index('id="aar-2025"')
    # the 2025 notice stands under 2025, after the heading
    assert html.index('id="aar-2025"') < html.index('data-id="nyt-site-med-alle-tilbud"')


def test_the_front_page_shows_the_newest_three_that_still_apply(example_site, catalogue):
    front = (example_site / "index.html").read_text(encoding="utf-8")
    block = front.split('class="vifte-front-news"', 1)[1].split("</section>", 1)[0]
    shown = re.findall(r'<a href="nyt/([a-z0-9-]+)/"', block)
    assert shown == [
        "aabningstider-i-julen-2026",
        "sygedagpenge-stopper-foerst-efter-en-afgoerelse",
        "nyt-tilbud-sund-mad-for-smaa-penge",
    ]
    # the theme day (20.10.2026) is newer than the new offer, but it ended on 19.11.2026, before
    # the newest notice's date (the site's "today"): the archive marks it, the front page skips it
    assert "temadag-om-job-og-helbred" not in front
    archive = page(example_site, "nyt")
    item = archive.split('data-id="temadag-om-job-og-helbred"', 1)[1].split("</li>", 1)[0]
    assert "Gælder ikke længere" in item
    assert 'href="nyt/"' in front


def test_an_offer_page_lists_the_notices_about_it_newest_first(example_site):
    html = page(example_site, "tilbud/tilbage-efter-sygdom")
    part = html.split('id="nyt-om-tilbuddet"', 1)[1].split("</section>", 1)[0]
    links = re.findall(r'href="\.\./\.\./nyt/([a-z0-9-]+)/"', part)
    assert links == ["sygedagpenge-stopper-foerst-efter-en-afgoerelse", "temadag-om-job-og-helbred"]
    assert "Nyt om tilbuddet" not in page(example_site, "tilbud/alkoholbehandling")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "offers: [virksomhedspraktik]",
            "offers: [virksomhedspraktk]",
            'catalogue/news/aabent-hus.md:5:10: error: ukendt tilbud "virksomhedspraktk" — mente du "virksomhedspraktik"?',
        ),
        (
            "expires: 2026-12-31",
            "expires: 2026-11-30",
            "catalogue/news/aabent-hus.md:6:10: error: nyheden udløber (2026-11-30), før den udkommer",
        ),
        ("date: 2026-12-01", "date: 2026-13-01", "catalogue/news/aabent-hus.md:3:7: error:"),
        (
            "date: 2026-12-01\n",
            "",
            "catalogue/news/aabent-hus.md:2:1: error: feltet 'date' mangler",
        ),
        (
            "summary:",
            "image: {file: findes-ikke.png}\nsummary:",
            "catalogue/news/aabent-hus.md:4:",
        ),
    ],
)
def test_a_bad_notice_is_an_error_at_its_line(project: Path, write: Write, old, new, expected):
    assert old in NOTICE
    write("catalogue/news/aabent-hus.md", NOTICE.replace(old, new))
    catalogue, report = load_catalogue(project)
    assert catalogue is None
    assert any(line.startswith(expected) for line in report.lines()), report.lines()


def test_a_good_notice_passes_and_keeps_its_body(project: Path, write: Write):
    write("catalogue/news/aabent-hus.md", NOTICE)
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
    (n,) = catalogue.news
    assert n.offers == ["virksomhedspraktik"] and n.body.startswith("## Program")


def test_a_new_notice_from_vifte_new_passes_check_once_filled(project: Path):
    path = new_file(project, "news", "Åbent hus")
    assert path == project / "catalogue/news/aabent-hus.md"
    _, report = load_catalogue(project)
    assert report.errors  # date and summary are still empty
    text = path.read_text(encoding="utf-8")
    text = text.replace('date: ""', "date: 2026-12-01").replace(
        'summary: ""', "summary: Kom og se jobcentret."
    )
    path.write_text(text.replace("offers: []", "offers: [virksomhedspraktik]"), encoding="utf-8")
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
    assert catalogue.news[0].title == "Åbent hus"


def test_a_project_without_notices_has_no_archive_and_no_news_feed(project: Path, tmp_path: Path):
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert not (site / news.SECTION).exists()
    front = (site / "index.html").read_text(encoding="utf-8")
    assert "vifte-news__item" not in front and "nyt/rss.xml" not in front
    assert (site / "nyt-og-aendret/rss.xml").is_file()


def test_a_notice_is_built_in_a_new_project(project: Path, write: Write, tmp_path: Path):
    write("catalogue/news/aabent-hus.md", NOTICE)
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    html = page(site, "nyt/aabent-hus")
    assert "<h1>Åbent hus i jobcentret</h1>" in html
    front = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="nyt/aabent-hus/"' in front  # the starter's front page has the news block
    assert 'href="../../nyt/aabent-hus/"' in page(site, "tilbud/virksomhedspraktik")
