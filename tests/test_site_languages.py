"""The whole site in every language (decision 51): Danish at the root, each language of settings'
`languages:` under /<code>/ with the same paths, built at once from a project made by `vifte init`;
every page names its language and direction, links its versions in the other languages (head,
sitemap, a visible switch), and hand-written pages take their translations from site_src/.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from vifte.domain import words
from vifte.domain.edition import INTERNAL
from vifte.mkdocs.build import build_site
from vifte.output import site as site_module
from vifte.scaffold import init_project
from vifte.source.diagnostics import ProjectError

from .shared import built_once

LANGUAGES = ("en", "uk", "ar")
NAMES = {"da": "Dansk", "en": "English", "uk": "Українська", "ar": "العربية"}
OFFER = "virksomhedspraktik"  # the offer `vifte init` starts with


def make_project(root: Path, languages: tuple[str, ...] = LANGUAGES) -> Path:
    """A `vifte init` project with `languages`, one translated offer and a translated front page."""
    init_project(root, "Prøveby Kommune")
    settings = root / "catalogue" / "settings.yaml"
    if languages:
        text = settings.read_text(encoding="utf-8")
        settings.write_text(f"languages: [{', '.join(languages)}]\n{text}", encoding="utf-8")
        (root / "catalogue" / "offers" / f"{OFFER}.en.yaml").write_text(
            "title: Work placement at a company\n", encoding="utf-8"
        )
        (root / "site_src" / "index.en.md").write_text(
            "# Services for you\n\nHere you find what the municipality offers you.\n",
            encoding="utf-8",
        )
        (root / "site_src" / "om-sitet.en.md").write_text("# About this site\n", "utf-8")
    (root / "site_src" / "om-sitet.md").write_text("# Om sitet\n\nEn side.\n", "utf-8")
    with settings.open("a", encoding="utf-8") as file:
        file.write(
            "\nsite:\n  menu:\n    - Om os: om-sitet.md\n    - Alle tilbud: tilbud/index.md\n"
        )
    return root


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project in four languages, built once for the whole run (also across workers)."""

    def build(folder: Path) -> None:
        root = make_project(folder / "kommune")
        build_site(root / "mkdocs.yml", root / "site")

    return built_once(tmp_path_factory, "site-languages", build) / "kommune" / "site"


def pages_of(folder: Path) -> set[str]:
    """The HTML pages of one language's folder, by path in it."""
    skip = {f"{code}/" for code in LANGUAGES}
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*.html")
        if not p.relative_to(folder).as_posix().startswith(tuple(skip))
    }


class Heads(HTMLParser):
    """<html>'s attributes, the head's hreflang links, and the language switch's links."""

    def __init__(self) -> None:
        super().__init__()
        self.html: dict[str, str | None] = {}
        self.hreflang: dict[str, str] = {}
        self.switch: list[dict[str, str | None]] = []
        self.in_switch = False
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.html = a
        elif tag == "link" and (a.get("rel") or "").split() == ["alternate"] and a.get("hreflang"):
            self.hreflang[str(a["hreflang"])] = str(a["href"])
        elif tag == "nav" and "vifte-languages" in (a.get("class") or ""):
            self.in_switch = True
        elif tag == "a" and self.in_switch:
            self.switch.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self.in_switch = False

    def handle_data(self, data: str) -> None:
        if self.in_switch and data.strip():
            self.texts.append(data.strip())


def read(path: Path) -> Heads:
    heads = Heads()
    heads.feed(path.read_text(encoding="utf-8"))
    return heads


def target(site: Path, page: str, href: str) -> str:
    """The page (path in the site) a relative href on `page` leads to."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return (joined + "/index.html").removeprefix("./") if href.endswith("/") else joined


def folder_of(code: str) -> str:
    return "" if code == "da" else f"{code}/"


def test_every_page_in_every_language_under_its_code(site: Path) -> None:
    danish = pages_of(site)
    assert f"tilbud/{OFFER}/index.html" in danish and "404.html" in danish
    for code in LANGUAGES:
        assert pages_of(site / code) == danish, code
    # Shared once at the root: the search index over every language, the headers file.
    assert not any((site / code / "pagefind").exists() for code in LANGUAGES)
    assert not any((site / code / "_headers").exists() for code in LANGUAGES)
    # The open data is the catalogue's, the same file at the same path in every language.
    data = (site / "data" / "catalogue.json").read_bytes()
    assert all((site / code / "data" / "catalogue.json").read_bytes() == data for code in LANGUAGES)
    entry = (site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert all(f'"{code}"' in entry for code in ("da", *LANGUAGES))


def test_html_lang_and_direction_on_every_page(site: Path) -> None:
    for code in ("da", *LANGUAGES):
        folder = site / folder_of(code)
        for page in pages_of(folder):
            html = read(folder / page).html
            assert html.get("lang") == code, (code, page)
            assert html.get("dir") == ("rtl" if code == "ar" else "ltr"), (code, page)
    arabic = (site / "ar" / "tilbud" / OFFER / "index.html").read_text(encoding="utf-8")
    assert '<body dir="rtl"' in arabic


def test_every_page_links_its_versions_in_head_and_switch(site: Path) -> None:
    for code in ("da", *LANGUAGES):
        for page in pages_of(site / folder_of(code)):
            if page == "404.html":
                continue
            here = folder_of(code) + page
            heads = read(site / here)
            expected = {c: folder_of(c) + page for c in ("da", *LANGUAGES)}
            found = {lang: target(site, here, href) for lang, href in heads.hreflang.items()}
            assert found == {**expected, "x-default": page}, here
            # The switch: every other language, by its own name, marked with its language.
            others = {c for c in expected if c != code}
            assert {str(a["hreflang"]) for a in heads.switch} == others, here
            for link in heads.switch:
                lang = str(link["hreflang"])
                assert link["lang"] == lang
                assert target(site, here, str(link["href"])) == expected[lang]
                assert link["dir"] == ("rtl" if lang == "ar" else "ltr")
            assert sorted(heads.texts) == sorted(NAMES[c] for c in others), here


def test_the_404_page_of_each_language_leads_to_each_front_page(site: Path) -> None:
    for code in ("da", *LANGUAGES):
        heads = read(site / folder_of(code) / "404.html")
        assert heads.html["lang"] == code
        # It answers at any address, so its links start at the host.
        assert heads.hreflang["en"] == "/en/" and heads.hreflang["x-default"] == "/"
        assert {str(a["href"]) for a in heads.switch} == {
            "/" + folder_of(c) for c in ("da", *LANGUAGES) if c != code
        }


def test_one_sitemap_with_every_language_and_its_alternates(site: Path) -> None:
    assert not any((site / code / "sitemap.xml").exists() for code in LANGUAGES)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    base = "https://tilbud.example.dk/"
    locs = {u.findtext("s:loc", namespaces=ns) for u in urls}
    offer = f"tilbud/{OFFER}/"
    assert {base + folder_of(c) + offer for c in ("da", *LANGUAGES)} <= locs
    assert len(locs) == len(urls) == 4 * len([p for p in pages_of(site) if p != "404.html"])
    for url in urls:
        links = {
            a.get("hreflang"): a.get("href")
            for a in url.findall("x:link", ns)
            if a.get("rel") == "alternate"
        }
        assert set(links) == {"da", *LANGUAGES, "x-default"}
        assert url.findtext("s:loc", namespaces=ns) in links.values()
        assert links["x-default"] == links["da"]


def test_translated_texts_and_hand_written_pages(site: Path) -> None:
    english = (site / "en" / "tilbud" / OFFER / "index.html").read_text(encoding="utf-8")
    assert "Work placement at a company" in english
    front = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "Services for you" in front and "Tilbud til dig" not in front
    # A translation is never a page of its own, in any language.
    assert not list(site.rglob("index.en/*")) and not list(site.rglob("index.en.md"))
    # Without a translation, the hand-written page is the Danish one, marked, with the note.
    ukrainian = (site / "uk" / "index.html").read_text(encoding="utf-8")
    marked = re.search(
        r'<div class="vifte-da" lang="da"><p class="vifte-da-note" lang="uk">', ukrainian
    )
    assert marked and "Tilbud til dig" in ukrainian[marked.end() :]
    danish = (site / "index.html").read_text(encoding="utf-8")
    assert "Tilbud til dig" in danish and "vifte-da-note" not in danish


def test_a_site_in_danish_alone_has_no_switch_and_no_alternates(tmp_path: Path) -> None:
    root = make_project(tmp_path / "kommune", languages=())
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    page = (site / "tilbud" / OFFER / "index.html").read_text(encoding="utf-8")
    assert "vifte-languages" not in page and "hreflang" not in page
    assert "xhtml:link" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not (site / "en").exists()


def test_the_project_is_loaded_and_checked_once(tmp_path: Path, monkeypatch) -> None:
    root = make_project(tmp_path / "kommune")
    calls = []
    real = site_module.require_catalogue

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(site_module, "require_catalogue", counted)
    site = build_site(root / "mkdocs.yml", tmp_path / "site", edition=INTERNAL)
    assert len(calls) == 1
    assert (site / "ar" / "tilbud" / OFFER / "index.html").is_file()  # the internal edition too


def test_a_failing_language_leaves_the_previous_site(tmp_path: Path) -> None:
    root = make_project(tmp_path / "kommune")
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    before = (site / "index.html").read_bytes()
    # Only the English build meets this page (a block vifte does not know).
    (root / "site_src" / "index.en.md").write_text("# Hi\n\n<!-- vifte: ukendt -->\n", "utf-8")
    (root / "site_src" / "index.md").write_text("# Ny forside\n", encoding="utf-8")
    with pytest.raises(ProjectError) as failed:
        build_site(root / "mkdocs.yml", site)
    assert "index.en.md" in str(failed.value.report.lines()) or "ukendt" in str(failed.value)
    assert (site / "index.html").read_bytes() == before
    assert not (site / "en" / "index.html").read_text(encoding="utf-8").count("Hi</h1>")


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs"])
def test_plain_mkdocs_build_builds_every_language(tmp_path: Path, generator: str) -> None:
    """`mkdocs build` and `properdocs build` (each in its own process: ProperDocs answers
    `import mkdocs` with itself) build every language, as `vifte build` does."""
    root = make_project(tmp_path / "kommune")
    done = subprocess.run(
        [Path(sys.executable).parent / generator, "build", "-q", "-d", tmp_path / "site"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    for code in LANGUAGES:
        assert pages_of(site / code) == pages_of(site), code
    assert read(site / "en" / "index.html").html["lang"] == "en"
    assert read(site / "ar" / "index.html").html["dir"] == "rtl"


def test_menu_labels_in_each_language(site: Path) -> None:
    def tabs(page: Path) -> list[str]:
        html = page.read_text(encoding="utf-8")
        return [
            " ".join(t.split()) for t in re.findall(r'class="md-tabs__link">(.*?)</a>', html, re.S)
        ]

    # settings.yaml's own labels in Danish; a section by the menu's word in another language,
    # a hand-written page by its translation's title, or as settings.yaml labels it without one.
    assert tabs(site / "index.html")[1:3] == ["Om os", "Alle tilbud"]
    for code, page in (("en", "About this site"), ("uk", "Om os")):
        with words.speaking(code):
            offers = words.gettext("Find tilbud")  # the words part translates it
        assert tabs(site / code / "index.html")[1:3] == [page, offers], code


def test_every_page_in_every_language_is_valid_html(site: Path) -> None:
    from .test_html_validity import vnu_errors

    errors = vnu_errors(site)
    assert errors == [], f"{len(errors)} errors:\n" + "\n".join(errors[:20])


def test_vifte_serve_shows_every_language_and_a_saved_translation(tmp_path: Path) -> None:
    from .test_serve_incremental import _edit, _preview

    root = make_project(tmp_path / "kommune")
    preview = _preview(root, tmp_path / "serve")
    page = f"tilbud/{OFFER}/index.html"
    assert "Work placement at a company" in (preview.site / "en" / page).read_text("utf-8")
    # A saved translation goes straight to the full build: every language's pages at once.
    _edit(root, f"catalogue/offers/{OFFER}.en.yaml", "at a company", "in a firm")
    assert preview.rebuild()
    assert preview.session.complete and not preview.session.due
    assert "Work placement in a firm" in (preview.site / "en" / page).read_text("utf-8")
    # A saved Danish item: its Danish page first, then every language with the full build.
    _edit(root, f"catalogue/offers/{OFFER}.yaml", "title: Virksomhedspraktik", "title: Praktik")
    assert preview.rebuild() and preview.session.rendered == 1
    preview.complete()
    for folder in ("", "uk/"):  # Ukrainian has no translation: the Danish title
        heading = re.search(
            r"<h1[^>]*>(.*?)</h1>", (preview.site / folder / page).read_text("utf-8")
        )
        assert heading and re.sub(r"<[^>]+>|\(.*?\)", "", heading[1]).strip() == "Praktik"


def test_a_saved_translation_skips_the_quick_step(tmp_path: Path) -> None:
    """Its pages are another language's: the quick step (Danish pages) would build nothing."""
    from vifte.mkdocs.config import project_at
    from vifte.preview.changes import quick_pages

    root = make_project(tmp_path / "kommune")
    offers = root / "catalogue" / "offers"
    same = {offers / f"{OFFER}.en.yaml": "a", offers / f"{OFFER}.yaml": "b"}
    now = {offers / f"{OFFER}.en.yaml": "c", offers / f"{OFFER}.yaml": "b"}
    assert quick_pages({offers / f"{OFFER}.en.yaml"}, same, now, project_at(root)) == set()
    assert quick_pages({offers / f"{OFFER}.yaml"}, same, now, project_at(root)) == {
        f"tilbud/{OFFER}.md"
    }
