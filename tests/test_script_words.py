"""Words that come from Python and the browser scripts' words, in the active language: the feeds
of a pseudo-language build (every catalogue word wrapped in ⟦ ⟧) show no untransformed Danish
interface word, and a page gets its scripts' words in a data block (output/script_words.py)."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from vifte.domain import words
from vifte.domain.routes import feeds
from vifte.output.outputs import SCRIPTS
from vifte.output.script_words import msgids, script_words, translations
from vifte.source.validate import require_catalogue

from .conftest import REPO
from .pseudo_leftovers import OPEN, citizen_texts, leftovers

NOT_WORDS = {
    "link",
    "guid",
    "id",
    "pubDate",
    "lastBuildDate",
    "updated",
    "published",
    "generator",
    "language",
    "docs",
    "uri",
    "name",
}
"""Feed elements that hold addresses, dates, codes or the municipality's name, not words."""


ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def catalogue():
    return require_catalogue(REPO)[0]


def test_the_feeds_say_every_interface_word_in_the_active_language(pseudo_site, catalogue):
    allowed = citizen_texts(catalogue)
    checked = 0
    for feed in feeds(catalogue):
        root = ET.parse(pseudo_site / feed.path).getroot()
        for el in root.iter():
            tag = el.tag.rsplit("}", 1)[-1]
            if tag in NOT_WORDS or not (el.text or "").strip():
                continue
            text = html.unescape(el.text)  # RSS descriptions are HTML that shows the text
            assert leftovers(text, allowed) == [], (feed.path, tag, text)
            checked += 1
        own = root.find("channel/title") if feed.format == "rss" else root.find(ATOM + "title")
        assert own is not None and (own.text or "").startswith(OPEN), feed.path
    assert checked > 20


def test_a_danish_page_needs_no_words_block_and_a_pseudo_page_has_its_scripts_words(
    example_site: Path, pseudo_site: Path
):
    block = re.compile(r'<script type="application/json" data-vifte-words>(.*?)</script>', re.S)
    assert not block.search((example_site / "tilbud/index.html").read_text(encoding="utf-8"))
    page = (pseudo_site / "tilbud/index.html").read_text(encoding="utf-8")
    # The head's block has offline.js's words (every page), the page's block its own scripts'.
    data = {"words": {}}
    for found in block.finditer(page):
        data["words"].update(json.loads(found.group(1))["words"])
    expected = {
        m if isinstance(m, str) else m[0]
        for n in ("offline", "plan-store", "filter")
        for m in msgids(n)
    }
    assert set(data["words"]) == expected
    assert data["words"]["Fjern %(choice)s"] == "⟦Fjern %(choice)s⟧"
    assert data["words"]["Vis det sidste tilbud"] == {
        "one": "⟦Vis det sidste tilbud⟧",
        "other": "⟦Vis de sidste %(n)s tilbud⟧",
    }


def test_every_script_that_draws_words_names_them_for_the_catalogue():
    assert {n for n in SCRIPTS if msgids(n)} == {
        "view",
        "offline",
        "plan-store",
        "plan",
        "filter",
        "search",
        "read-aloud",
        "opening",
    }
    with words.speaking(words.PSEUDO):
        assert translations("qr") == {}
    assert script_words(*SCRIPTS) == ""
