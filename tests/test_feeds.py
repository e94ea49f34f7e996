"""The feeds: RSS 2.0 and Atom of the notices and of "Nyt og ændret", on the built example site."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from vifte.domain.changes import all_changes
from vifte.mkdocs.build import build_site
from vifte.source.validate import require_catalogue

from .conftest import REPO, danish_files

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://tilbud.fjordstrand.dk/"
FEEDS = ["nyt/rss.xml", "nyt/atom.xml", "nyt-og-aendret/rss.xml", "nyt-og-aendret/atom.xml"]


@pytest.fixture(scope="module")
def catalogue():
    return require_catalogue(REPO)[0]


def items(xml: bytes) -> list[dict[str, str]]:
    """Each entry's link, id and date, read with xml.etree (which refuses XML that is not well-formed)."""
    root = ET.fromstring(xml)
    if root.tag == "rss":
        return [
            {
                "link": i.findtext("link", ""),
                "id": i.findtext("guid", ""),
                "title": i.findtext("title", ""),
                "date": email.utils.parsedate_to_datetime(i.findtext("pubDate", "")).isoformat(),
            }
            for i in root.iter("item")
        ]
    return [
        {
            "link": e.find(f"{ATOM}link").get("href", ""),
            "id": e.findtext(f"{ATOM}id", ""),
            "title": e.findtext(f"{ATOM}title", ""),
            "date": dt.datetime.fromisoformat(e.findtext(f"{ATOM}updated", "")).isoformat(),
        }
        for e in root.iter(f"{ATOM}entry")
    ]


def built(site: Path, url: str) -> bool:
    """Whether an absolute URL of the site names a file of the built site."""
    assert url.startswith(BASE), url
    path = urlsplit(url).path.removeprefix("/")
    return (
        (site / path / "index.html").is_file()
        if path.endswith("/") or not path
        else (site / path).is_file()
    )


@pytest.mark.parametrize("path", FEEDS)
def test_each_feed_is_valid_xml_newest_first_with_absolute_links_to_built_pages(example_site, path):
    xml = (example_site / path).read_bytes()
    found = items(xml)
    assert len(found) >= 4
    dates = [i["date"] for i in found]
    assert dates == sorted(dates, reverse=True)
    ids = [i["id"] for i in found]
    assert len(set(ids)) == len(ids)
    for i in found:
        assert built(example_site, i["link"]), i["link"]
    # every other URL in the feed (channel link, self link) is absolute and built too
    for url in re.findall(rb'(?:href="|<link>)(https?://[^"<]+)', xml):
        assert built(example_site, url.decode()), url


@pytest.mark.parametrize("path", FEEDS)
def test_feedparser_reads_each_feed_without_complaint(example_site, path):
    parsed = feedparser.parse((example_site / path).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version in ("rss20", "atom10")
    assert parsed.feed.title.endswith("Fjordstrand Kommune")
    assert parsed.feed.link.startswith(BASE)
    assert all(e.link.startswith(BASE) for e in parsed.entries)


def test_the_news_feeds_hold_every_notice_and_date_themselves_by_the_newest(
    example_site, catalogue
):
    newest = max(n.date for n in catalogue.news)
    rss = ET.fromstring((example_site / "nyt/rss.xml").read_bytes())
    assert [i.findtext("title") for i in rss.iter("item")] == [
        n.title for n in sorted(catalogue.news, key=lambda n: n.date, reverse=True)
    ]
    built_on = email.utils.parsedate_to_datetime(rss.findtext("channel/lastBuildDate", ""))
    assert built_on.date() == newest  # never the day the site was built
    atom = ET.fromstring((example_site / "nyt/atom.xml").read_bytes())
    assert dt.datetime.fromisoformat(atom.findtext(f"{ATOM}updated", "")).date() == newest


def test_the_changes_feed_lists_what_happened_to_the_offers_by_date(example_site, catalogue):
    found = items((example_site / "nyt-og-aendret/atom.xml").read_bytes())
    expected = all_changes(catalogue)
    assert [i["title"] for i in found] == [f"{ch.label}: {ch.offer.title}" for ch in expected]
    titles = [i["title"] for i in found]
    assert "Nyt tilbud: Sund mad for små penge" in titles
    assert "Ændret: Jobklubben" in titles and "Nyt tilbud: Jobklubben" in titles


def test_every_page_links_the_feeds_in_its_head(example_site):
    pages = danish_files(example_site)
    assert len(pages) > 100
    for html_file in pages:
        head = html_file.read_text(encoding="utf-8").split("</head>", 1)[0]
        here = BASE + html_file.relative_to(example_site).as_posix()
        links = re.findall(
            r'<link rel="alternate feed" type="application/(rss|atom)\+xml" title="[^"]+" href="([^"]+)">',
            head,
        )
        found = sorted((kind, urljoin(here, href)) for kind, href in links)
        expected = sorted((p.rsplit("/", 1)[1].removesuffix(".xml"), BASE + p) for p in FEEDS)
        assert found == expected, html_file


def test_the_archive_links_its_feeds(example_site):
    archive = (example_site / "nyt/index.html").read_text(encoding="utf-8")
    assert '<a href="rss.xml" type="application/rss+xml">RSS-feed</a>' in archive
    assert '<a href="atom.xml" type="application/atom+xml">Atom-feed</a>' in archive


def test_two_builds_give_byte_identical_feeds(example_site, tmp_path):
    again = build_site(REPO / "mkdocs.yml", tmp_path / "site")
    for path in FEEDS:
        assert (again / path).read_bytes() == (example_site / path).read_bytes(), path
