"""The pseudo-language build: with every catalogue word wrapped in ⟦ ⟧, no page and no PDF of the
example shows a Danish word that is neither wrapped nor the project's own text.

What counts as the project's text (citizen content, which stays Danish): every piece, between
punctuation, of the files under catalogue/, strategy/ and site_src/ and of mkdocs.yml. A page's
text is cut at punctuation and at each ⟦…⟧ the same way; each piece left must be one of those
pieces, a number or a date. One shared build of each edition's pages; the PDFs once, one of each
kind (the internal edition's, which show the most).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from vifte.domain import words
from vifte.domain.edition import INTERNAL, PUBLIC
from vifte.domain.markup import render_markdown
from vifte.mkdocs.build import build_site
from vifte.mkdocs.config import project_at
from vifte.output.brochures import Job
from vifte.output.outputs import printed_forms
from vifte.output.pages import Renderer
from vifte.output.search import HIDDEN
from vifte.source.validate import load_catalogue

from .conftest import REPO

DATA = ("catalogue", "strategy", "site_src")
WRAPPED = re.compile(r"⟦[^⟦⟧]*⟧")
ADDRESS = re.compile(r"\b(?:https?://|mailto:|tel:|www\.)\S+|\S+@\S+\.\w+")
SEARCH_WORDS = re.compile(rf"{HIDDEN[0]}.*?{HIDDEN[1]}", re.DOTALL)
"""Words for the search index only, made from the project's texts (compound parts, spellings)."""
CUT = re.compile(r"[^\w\s]+|\s{2,}|_")
MONTHS = "januar februar marts april maj juni juli august september oktober november december"
DATE = re.compile(rf"^(\d+ )?({MONTHS.replace(' ', '|')})( \d{{4}})?$", re.IGNORECASE)
SHOWN_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder", "aria-description", "data-label"}
HIDDEN_CONTENT = {"script", "style", "svg", "code", "pre"}


PYTHON_MADE = {
    *"Andet|Frivilligt tilbud|Mentorstøtte|Social indsats|Sundhedsindsats".split("|"),
    *"Uddannelse og opkvalificering|Vejledning og rådgivning|Socialøkonomisk virksomhed".split("|"),
    *"Frivilligt arbejde|Løntilskud|Ordinært job".split("|"),
    *"I fare|Ikke begyndt|Ikke på vej|Nået|På vej|Lokale mål|Lokalt mål|Ministerens mål".split("|"),
    *"Plan|Politik|Strategi|Statusrapport|Kommunikationsstrategi".split("|"),
    *"Udkast|Vedtaget|Arkiveret|Ændret|Nyt tilbud|Lukket".split("|"),
    *"Nyheder fra Fjordstrand Kommune|Nyt og ændret i tilbuddene".split("|"),
    *"Intern udgave|Udgave|må ikke offentliggøres".split("|"),
}
"""Labels made in Python (model.py, strategy.py, changes.py), the edition banner (edition.py) and
the feeds' titles (routes.py):
issue 23's helper `scriptwords` takes them into the catalogue; remove this when that has landed."""


def pieces(text: str) -> Iterator[str]:
    """The parts of `text` between punctuation, whitespace collapsed, that hold a letter."""
    for part in CUT.split(ADDRESS.sub(" . ", text)):
        part = " ".join(part.split())
        if any(ch.isalpha() for ch in part):
            yield part


def project_pieces(root: Path) -> set[str]:
    """Every piece of the project's own text, as files, lines, paragraphs and rendered texts."""
    found: set[str] = set()
    paths = [p for d in DATA for p in (root / d).rglob("*") if p.is_file()]
    for path in [*paths, root / "mkdocs.yml"]:
        if path.suffix not in (".md", ".yaml", ".yml"):
            continue
        text = path.read_text(encoding="utf-8")
        chunks = [text, *text.splitlines(), *re.split(r"\n\s*\n", text)]
        if path.suffix != ".md":
            chunks += _strings(yaml.safe_load(text))
        else:
            chunks += _text_nodes(render_markdown(text))
        for chunk in chunks:
            found.update(pieces(chunk))
    return found


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
        yield from _text_nodes(render_markdown(value))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


class _Texts(HTMLParser):
    """The texts a reader meets: text nodes (not scripts, styles, icons, code) and the attributes
    that are read out or shown."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_CONTENT:
            self.hidden += 1
        shown = dict(attrs)
        if tag == "meta" and shown.get("name") == "description":
            self.texts.append(shown.get("content") or "")
        self.texts += [v for k, v in attrs if k in SHOWN_ATTRIBUTES and v]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        hidden = self.hidden
        self.handle_starttag(tag, attrs)
        self.hidden = hidden

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_CONTENT and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.texts.append(data)


def _text_nodes(html: str) -> list[str]:
    parser = _Texts()
    parser.feed(html)
    return parser.texts


def _page_texts(html: str) -> list[str]:
    """The page's text as one stream (a message's placeholders may hold links, so a wrapped
    message can span elements), nodes kept apart by punctuation."""
    return [" | ".join(_text_nodes(html))]


def _unwrapped(text: str) -> str:
    """`text` without its wrapped messages, innermost first (a message's placeholder may hold
    another message)."""
    while True:
        shorter = WRAPPED.sub(" . ", text)
        if shorter == text:
            return text
        text = shorter


def untranslated(texts: Iterable[str], project: set[str]) -> list[str]:
    """The pieces of `texts` that are neither wrapped, nor the project's text, nor a date."""
    left = []
    for text in texts:
        for piece in pieces(_unwrapped(SEARCH_WORDS.sub(" . ", text))):
            if piece not in project and piece not in PYTHON_MADE and not DATE.match(piece):
                left.append(piece)
    return left


def untranslated_lines(text: str, project: set[str]) -> list[str]:
    """As `untranslated`, for text set in lines (a PDF's): a line may end inside a wrapped
    message (then it goes on in the next), and inside a sentence of the project's, so a piece at
    a line's end need only begin one of the project's pieces, one at its start end one."""
    lines: list[str] = []
    for line in text.splitlines():
        if lines and lines[-1].count("⟦") > lines[-1].count("⟧"):
            lines[-1] += " " + line
        else:
            lines.append(line)
    corpus = "\n".join(sorted(project))
    left = []
    for line in lines:
        cut = list(pieces(_unwrapped(line)))
        for n, piece in enumerate(cut):
            if piece in project or piece in PYTHON_MADE or DATE.match(piece):
                continue
            first, last = n == 0 and line.lstrip().startswith(piece), n == len(cut) - 1
            last = last and line.rstrip().endswith(piece)
            if not _fits(piece, corpus, first, last):
                left.append(piece)
    return left


def _fits(piece: str, corpus: str, first: bool, last: bool) -> bool:
    """Whether `piece`, cut by line ends where `first`/`last` say, is part of a line of `corpus`."""
    word = re.escape(piece)
    if first and last:
        pattern = rf"(?<!\w){word}(?!\w)"
    elif last:
        pattern = rf"^{word} "
    elif first:
        pattern = rf" {word}$"
    else:
        return False
    return re.search(pattern, corpus, re.MULTILINE) is not None


def test_the_check_finds_one_unwrapped_word_beside_wrapped_ones_and_content():
    project = {"Jobcenter Nord", "Ring"}
    html = "<p>⟦Forside⟧ · Jobcenter Nord</p><p title='Kontakt'>7. maj 2026, <b>Ring</b></p>"
    assert untranslated(_page_texts(html), project) == ["Kontakt"]
    nested = "<p>⟦Ring på <a>⟦Jobcenter Nord⟧</a> eller skriv⟧ · Ring</p> <p>Sted</p>"
    assert untranslated(_page_texts(nested), project) == ["Sted"]
    assert untranslated(["⟦Sted⟧: Sted"], {"Stedet"}) == ["Sted"]
    paper = "⟦Om\ntilbuddet⟧ Kontakt\nJobcenter\nNord åbner kl. 8\nSted: Ring"
    assert untranslated_lines(paper, {"Jobcenter Nord åbner kl", "Ring"}) == ["Kontakt", "Sted"]


@pytest.fixture(scope="session")
def pseudo_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example project (its PDF cache stays out of the checkout)."""
    root = tmp_path_factory.mktemp("pseudo") / "eksempel"
    for name in (*DATA, "theme"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture(scope="session")
def pseudo_sites(pseudo_example: Path) -> dict[str, Path]:
    """Each edition's site built in the pseudo-language, without PDFs."""
    sites = {}
    with words.speaking(words.PSEUDO):
        for edition in (PUBLIC, INTERNAL):
            sites[edition.name] = build_site(
                pseudo_example / "mkdocs.yml",
                pseudo_example.parent / f"site-{edition.name}",
                edition=edition,
                pdf=False,
            )
    return sites


@pytest.fixture(scope="session")
def project_text(pseudo_example: Path) -> set[str]:
    return project_pieces(pseudo_example)


@pytest.mark.parametrize("edition", [PUBLIC.name, INTERNAL.name])
def test_every_interface_word_of_every_page_comes_from_the_catalogue(
    pseudo_sites, project_text, edition
):
    site = pseudo_sites[edition]
    found = {}
    for page in sorted(site.rglob("*.html")):
        left = untranslated(_page_texts(page.read_text(encoding="utf-8")), project_text)
        if left:
            found[page.relative_to(site).as_posix()] = sorted(set(left))
    assert not found, _listing(found)
    assert "⟦" in (site / "index.html").read_text(encoding="utf-8")


def _first_of_each_kind() -> Job:
    seen: set[str] = set()

    def chosen(job: Job) -> bool:
        first = job.kind not in seen
        seen.add(job.kind)
        return first

    return chosen  # type: ignore[return-value]


def test_every_interface_word_of_every_kind_of_pdf_comes_from_the_catalogue(
    pseudo_example, project_text
):
    project = project_at(pseudo_example)
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
    catalogue = catalogue.for_edition(INTERNAL)
    with words.speaking(words.PSEUDO):
        printed = printed_forms(
            catalogue,
            Renderer(catalogue, [project.templates]),
            INTERNAL,
            images=project.images,
            logo=project.logo,
            chosen=_first_of_each_kind(),  # type: ignore[arg-type]
        )
    assert len({p.path.rsplit("/", 1)[0] for p in printed}) >= 4
    found = {}
    for p in printed:
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"],
            input=p.pdf.data,
            capture_output=True,
            check=True,
        ).stdout.decode()
        left = untranslated_lines(text, project_text)
        if left:
            found[p.path] = sorted(set(left))
    assert printed and not found, _listing(found)


def _listing(found: dict[str, list[str]]) -> str:
    """Each piece left, with the first pages (or PDFs) that show it."""
    where: dict[str, list[str]] = {}
    for page, left in found.items():
        for piece in left:
            where.setdefault(piece, []).append(page)
    lines = [f"{piece!r}: {', '.join(pages[:3])}" for piece, pages in sorted(where.items())]
    return "Danske ord uden for kataloget (tekst: sider):\n" + "\n".join(lines)
