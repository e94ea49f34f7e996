"""Every citizen text on another language's pages: translated, or shown in Danish inside an
element with lang="da" beside a short note (issue 24's contract, decision 52).

A project made by `vifte init`, with a news item and a strategy document added, is built in
English once with no translations and once with a translation of every text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from vifte.domain import words
from vifte.domain.translation import shape
from vifte.domain.wording import date_text
from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project
from vifte.source.validate import require_catalogue

NOTE = "vifte-da-note"
ITEMS = {"li", "tr"}
"""The item a note serves: a card, a list entry or a table row ..."""
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "dd", "dt", "td", "th", "caption", "figcaption"}
"""... or else the text's own block."""
SKIPPED = {"script", "style", "title", "svg", "head", "template"}
"""Not read as page text: the head, JSON-LD and scripts, and charts (role=img; their table
below carries the marks)."""
OTHER_PARTS = ("md-header", "md-sidebar", "md-footer-meta", "md-tabs")
"""The theme's frame (page title in the header, menu, copyright line): the site's part (51)."""
OTHER_PAGES = {"tilbud/index.html", "plan/index.html"}
"""Find tilbud and Min plan: the search part's pages (54), not this part's templates."""


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def _project(root: Path) -> Path:
    init_project(root, "Prøveby Kommune")
    settings = root / "catalogue" / "settings.yaml"
    settings.write_text("languages: [en]\n" + settings.read_text(encoding="utf-8"), "utf-8")
    offer = root / "catalogue" / "offers" / "virksomhedspraktik.yaml"
    # Titles that are not also interface words ("Virksomhedspraktik" is a kind of offer).
    offer.write_text(
        offer.read_text(encoding="utf-8").replace(
            "title: Virksomhedspraktik", "title: Prøv en arbejdsplads"
        )
        + textwrap.dedent("""
            status: paused
            status_note: Holder pause til foråret.
            location: {address: Torvet 1, postcode: "1000", city: Byen, accessibility: Der er elevator.}
            schedule: {duration: Otte uger, hours_per_week: Ti til femten, start: Løbende optag}
            waiting_time: Cirka to uger
            capacity: Tolv pladser
            """),
        "utf-8",
    )
    _write(root, "catalogue/moved.yaml", "offers:\n  praktik: virksomhedspraktik\n")
    cafe = root / "catalogue" / "enterprises" / "eksempel-cafe.yaml"
    cafe.write_text(
        cafe.read_text("utf-8").replace("industry: Café", "industry: Mad og servering"), "utf-8"
    )
    _write(
        root,
        "catalogue/news/nye-hold.md",
        """
        ---
        title: Nye hold i praktikken
        date: 2026-11-02
        summary: Der starter nye hold i virksomhedspraktik efter jul.
        offers: [virksomhedspraktik]
        ---
        Ring til jobcentret for at høre mere om holdene.
        """,
    )
    _write(
        root,
        "strategy/planen.md",
        """
        ---
        title: Planen for beskæftigelse
        kind: plan
        period: "2026"
        status: adopted
        adopted: {date: 2026-01-10, by: Byrådet}
        summary: Kommunens plan for, hvordan flere kommer i arbejde.
        goals:
          - id: m1
            title: Flere skal prøve en arbejdsplads.
            origin: local
            indicator: Antal borgere i praktik hvert år
            status: on_track
            offers: [virksomhedspraktik]
            note: Det går som planlagt indtil videre.
        ---
        Planen gælder for hele året og bliver fulgt op hvert kvartal.
        """,
    )
    return root


def _translate(root: Path) -> None:
    """A translation of every citizen text of the project into English."""
    settings = root / "catalogue" / "settings.yaml"
    text = settings.read_text(encoding="utf-8")
    for found in re.finditer(r"^  - id: (\S+)\n    label: (.+)\n", text, re.M):
        term = found.group(0)
        text = text.replace(
            term,
            term + f"    translations: {{en: {{label: EN {found.group(2)}, "
            f"description: In English {found.group(1)}}}}}\n",
            1,
        )
    text = re.sub(
        r"^  name: .*\n",
        r"\g<0>  translations: {en: {name: Proveby Municipality}}\n",
        text,
        count=1,
        flags=re.M,
    )
    settings.write_text(
        text + "site:\n  translations: {en: {title: Services in Proveby}}\n", "utf-8"
    )
    _write(
        root,
        "catalogue/offers/virksomhedspraktik.en.yaml",
        """
        title: Work placement
        summary: Try a job at a workplace for a few weeks.
        description: You work at a real workplace.
        status_note: Paused until spring.
        location: {accessibility: There is a lift.}
        schedule: {duration: Eight weeks, hours_per_week: Ten to fifteen, start: Any time}
        waiting_time: About two weeks
        capacity: Twelve places
        keywords: [placement]
        """,
    )
    _write(
        root,
        "catalogue/mentors/eksempel-mentor.en.yaml",
        """
        role: Job mentor
        about: I help you find your way to a job.
        competences: [Job search, Contact with companies]
        """,
    )
    _write(
        root,
        "catalogue/enterprises/eksempel-cafe.en.yaml",
        """
        industry: Coffee shop
        description: A coffee shop where you can train in the kitchen.
        """,
    )
    _write(
        root,
        "catalogue/news/nye-hold.en.md",
        """
        ---
        title: New groups in work placement
        summary: New groups start after Christmas.
        ---
        Call the job centre to hear more.
        """,
    )
    _write(
        root,
        "strategy/planen.en.md",
        """
        ---
        title: The employment plan
        summary: How more people get a job.
        goals: {m1: {title: More people try a workplace., indicator: Citizens in placement a year, note: On track so far.}}
        ---
        The plan runs for the whole year.
        """,
    )
    _write(root, "site_src/index.en.md", "# Services for you\n\n<!-- vifte: temaer -->\n")


def _danish_texts(root: Path) -> set[str]:
    """Every Danish citizen text of the project (the fields a translation may hold)."""
    catalogue, _report = require_catalogue(root)
    found: set[str] = set()
    items = [i for values in catalogue.items.values() for i in values]
    s = catalogue.settings
    items += [*s.areas, *s.access, *s.themes, *s.target_groups, s.municipality, s.site]
    for item in items:
        found.update(_texts_of(item))
    return {t for t in found if t}


def _texts_of(item: object) -> Iterator[str]:
    the_shape = shape(type(item))  # type: ignore[arg-type]
    for name in the_shape.texts:
        value = getattr(item, name)
        if value:
            yield _plain(value)
    for name in the_shape.lists:
        yield from (_plain(v) for v in getattr(item, name))
    for name in the_shape.nested:
        value = getattr(item, name)
        for inner in value if isinstance(value, list) else [value]:
            if inner is not None:
                yield from _texts_of(inner)


def _plain(text: str) -> str:
    """A text as a page shows it: Markdown's first paragraph, without its marks."""
    first = text.strip().split("\n\n")[0].replace("\n", " ")
    return re.sub(r"[*_#`>\[\]]", "", first).strip()


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def _text_nodes(tree: lxml_html.HtmlElement) -> Iterator[tuple[lxml_html.HtmlElement, str]]:
    """(element, text) for each run of page text, with the element that holds it."""
    for el in tree.iter():
        chain = [el, *el.iterancestors()]
        if not isinstance(el.tag, str) or any(_skipped(a) for a in chain):
            continue
        if el.text and el.text.strip():
            yield el, el.text
        for child in el:
            if child.tail and child.tail.strip():
                yield el, child.tail


def _skipped(el: lxml_html.HtmlElement) -> bool:
    classes = (el.get("class") or "").split()
    return el.tag in SKIPPED or any(c in OTHER_PARTS for c in classes)


def _language(el: lxml_html.HtmlElement) -> str | None:
    for a in [el, *el.iterancestors()]:
        if a.get("lang"):
            return str(a.get("lang"))
    return None


def _has_note(marked: lxml_html.HtmlElement) -> bool:
    """A note stands in the marked block itself, or in the Danish text's item (a card, a list
    entry, a table row: see ITEMS), or else in its own block (BLOCKS)."""
    if _note_in(marked):
        return True
    chain = [marked, *marked.iterancestors()]
    for a in chain:
        if a.tag in ("article", "section", "main", "body"):
            break
        if a.tag in ITEMS:
            return _note_in(a)
    block = next((a for a in chain if a.tag in BLOCKS), None)
    return block is not None and _note_in(block)


def _note_in(el: lxml_html.HtmlElement) -> bool:
    return NOTE in (el.get("class") or "") or bool(el.xpath(f".//*[contains(@class, '{NOTE}')]"))


def _marked_element(el: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    return next(a for a in [el, *el.iterancestors()] if a.get("lang"))


@pytest.fixture(scope="module")
def untranslated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    root = _project(tmp_path_factory.mktemp("fallback") / "kommune")
    site = build_site(root / "mkdocs.yml", root / "site", language="en")
    return site, _danish_texts(root)


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _project(tmp_path_factory.mktemp("translated") / "kommune")
    _translate(root)
    return build_site(root / "mkdocs.yml", root / "site", language="en")


def test_every_danish_citizen_text_on_an_english_page_is_marked_and_noted(
    untranslated: tuple[Path, set[str]],
) -> None:
    site, danish = untranslated
    words = re.compile(
        "|".join(rf"(?<!\w){re.escape(t)}(?!\w)" for t in sorted(danish, key=len, reverse=True))
    )
    seen: set[str] = set()
    problems: list[str] = []
    for page in _pages(site):
        if str(page.relative_to(site)) in OTHER_PAGES:
            continue
        tree = lxml_html.fromstring(page.read_bytes())
        for el, text in _text_nodes(tree):
            for found in words.finditer(text):
                seen.add(found.group())
                where = f"{page.relative_to(site)}: {found.group()!r}"
                if _language(el) != "da":
                    problems.append(f"{where} is not inside lang=da")
                elif not _has_note(_marked_element(el)):
                    problems.append(f"{where} has no note beside it")
    assert not problems, "\n".join(sorted(set(problems)))
    # The test looked: every kind of text was on some page (titles, Markdown, terms, goals).
    for text in (
        "Prøv en arbejdsplads",
        "Erhvervsmentor",
        "Mad og servering",
        "Nye hold i praktikken",
        "Planen for beskæftigelse",
        "Flere skal prøve en arbejdsplads.",
        "Trivsel",
        "Holder pause til foråret.",
        "Otte uger",
        "Jobsøgning",
    ):
        assert text in seen, text
    assert (site / "tilbud" / "praktik" / "index.html").exists()  # moved.html was read too


def test_the_note_is_in_the_pages_language_and_the_attributes_stay_plain(
    untranslated: tuple[Path, set[str]],
) -> None:
    site, _danish = untranslated
    page = (site / "tilbud" / "virksomhedspraktik" / "index.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(page)
    title = tree.find(".//h1")
    assert title is not None
    marked = title.find("span[@lang='da']")
    assert marked is not None and marked.text == "Prøv en arbejdsplads"
    note = title.find(f"span[@class='{NOTE}']")
    assert note is not None and _language(note) == "en"
    block = tree.find(".//div[@class='vifte-da']")
    assert block is not None and block.get("lang") == "da"
    assert block[0].get("lang") == "en" and NOTE in block[0].get("class")
    for p in _pages(site):
        for el in lxml_html.fromstring(p.read_bytes()).iter():
            if not isinstance(el.tag, str):
                continue
            for name, value in el.attrib.items():
                assert "<span" not in value and 'lang="da"' not in value, (p, el.tag, name, value)
    head = tree.find(".//title")
    assert head is not None and "<" not in (head.text or "") and "span" not in (head.text or "")


def test_the_json_ld_is_in_the_pages_language_and_says_which_texts_are_danish(
    untranslated: tuple[Path, set[str]], translated: Path
) -> None:
    site, _danish = untranslated

    def data(root: Path) -> dict[str, object]:
        page = (root / "tilbud" / "virksomhedspraktik" / "index.html").read_text(encoding="utf-8")
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        assert found is not None
        return json.loads(found.group(1))

    danish = data(site)
    assert danish["inLanguage"] == "en"
    assert danish["name"] == {"@value": "Prøv en arbejdsplads", "@language": "da"}
    english = data(translated)
    assert english["inLanguage"] == "en"
    assert english["name"] == "Work placement"
    assert english["description"] == "Try a job at a workplace for a few weeks."
    assert {"@type": "Audience", "audienceType": "EN Jobparat"} in english["audience"]


def test_with_translations_no_text_is_marked_danish(translated: Path) -> None:
    problems = []
    for page in _pages(translated):
        tree = lxml_html.fromstring(page.read_bytes())
        for el in tree.iter():
            if not isinstance(el.tag, str) or _in_template(el):
                continue  # a script's pattern for what it draws, not a text of the page
            if el.tag == "a" and el.text_content() == "Dansk":
                continue  # a link to the Danish version, named in Danish: not a fallback
            if NOTE in (el.get("class") or ""):
                problems.append(f"{page.relative_to(translated)}: a note: {el.text_content()!r}")
            elif el.get("lang") == "da" and el.get("hreflang") is None:
                problems.append(f"{page.relative_to(translated)}: lang=da: {el.text_content()!r}")
    assert not problems, "\n".join(problems)
    offer = (translated / "tilbud" / "virksomhedspraktik" / "index.html").read_text("utf-8")
    for text in ("Work placement", "There is a lift.", "Eight weeks", "EN Kræver visitation"):
        assert text in offer


def test_dates_are_written_as_the_pages_language_writes_them(
    untranslated: tuple[Path, set[str]],
) -> None:
    site, _danish = untranslated
    page = (site / "nyt" / "nye-hold" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-11-02">2 November 2026</time>' in page
    assert "02.11.2026" not in page
    with words.speaking("uk"):
        assert date_text(dt.date(2026, 11, 2)) == "2 листопада 2026\u202fр."
    with words.speaking("ar"):
        assert date_text(dt.date(2026, 11, 2)) == "2 نوفمبر 2026"
    with words.speaking(words.DANISH):
        assert date_text(dt.date(2026, 11, 2)) == "02.11.2026"


def test_danish_on_a_right_to_left_page_runs_left_to_right(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = _project(tmp_path_factory.mktemp("rtl") / "kommune")
    settings = root / "catalogue" / "settings.yaml"
    settings.write_text(settings.read_text("utf-8").replace("[en]", "[en, ar]", 1), "utf-8")
    site = build_site(root / "mkdocs.yml", root / "site", language="ar")
    tree = lxml_html.fromstring(
        (site / "tilbud" / "virksomhedspraktik" / "index.html").read_bytes()
    )
    title = tree.find(".//h1/span[@lang='da']")
    assert title is not None and title.get("dir") == "ltr"
    block = tree.find(".//div[@class='vifte-da']")
    assert block is not None and (block.get("lang"), block.get("dir")) == ("da", "ltr")
    assert (block[0].get("lang"), block[0].get("dir")) == ("ar", "rtl")


def _in_template(el: Any) -> bool:
    return any(a.tag == "template" for a in el.iterancestors())
