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
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from vifte.domain import words
from vifte.domain.edition import INTERNAL, PUBLIC
from vifte.domain.markup import render_markdown
from vifte.domain.model import Offer
from vifte.domain.routes import NAME_BLOCK
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
ADDRESS = re.compile(r"\b(?:https?://|mailto:|tel:|www\.)\S*|\S+@\S+\.\w+")
SEARCH_WORDS = re.compile(rf"{HIDDEN[0]}.*?{HIDDEN[1]}", re.DOTALL)
"""Words for the search index only, made from the project's texts (compound parts, spellings)."""
CUT = re.compile(r"[^\w\s]+|\s{2,}|_")
MONTHS = "januar februar marts april maj juni juli august september oktober november december"
DATE = re.compile(rf"^(\d+ )?({MONTHS.replace(' ', '|')})( \d{{4}})?$", re.IGNORECASE)
SHOWN_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder", "aria-description", "data-label"}
HIDDEN_CONTENT = {"script", "style", "svg", "code", "pre"}


PYTHON_MADE: set[str] = set()
"""Danish interface words made in Python that the catalogue does not hold (none: every label is
marked; editors' messages never reach a page)."""


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
        marker = f"<!-- vifte: {NAME_BLOCK} -->"
        # The municipality's name where a page asks for it; shown in Danish on another
        # language's page, it is an element of its own (lang="da"), so its line is cut there.
        around = text.split(marker) if path.suffix == ".md" else []
        if path.suffix == ".md":
            text = text.replace(marker, _name(root))
        chunks = [text, *text.splitlines(), *re.split(r"\n\s*\n", text), *around]
        if path.suffix != ".md":
            chunks += _strings(yaml.safe_load(text))
        else:
            chunks += _rendered(text)
        for chunk in chunks:
            # pdftotext joins a word broken at a hyphen: "HR-teamet" may come back "HRteamet".
            found.update(pieces(chunk), pieces(chunk.replace("-", "")))
    return {piece.lower() for piece in found}  # CSS may set a text in capitals


def _name(root: Path) -> str:
    settings = yaml.safe_load((root / "catalogue/settings.yaml").read_text(encoding="utf-8"))
    return str(settings["municipality"]["name"])


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
        yield from _rendered(value)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _rendered(markdown: str) -> list[str]:
    """A Markdown text's text nodes, and its text as one (on paper a link's text runs on)."""
    html = render_markdown(markdown)
    return [*_text_nodes(html), "".join(_text_nodes(html))]


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


def _known(piece: str, project: set[str]) -> bool:
    lower = piece.lower()
    if lower in project or lower in PYTHON_MADE or DATE.match(piece):
        return True
    # Letter-spaced capitals come back from pdftotext with a space inside: "PL AN".
    return " " in lower and lower.replace(" ", "") in _spaceless(frozenset(project))


@cache
def _spaceless(project: frozenset[str]) -> set[str]:
    return {p.replace(" ", "") for p in project | PYTHON_MADE if " " not in p}


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
            if not _known(piece, project):
                left.append(piece)
    return left


def untranslated_lines(text: str, project: set[str]) -> list[str]:
    """As `untranslated`, for text set in lines (a PDF's), where a line ends says nothing: a
    piece may hold several of the project's pieces (a title, then a summary); each piece must
    be made of whole ones, word by word (so "Varighed / 8 uger" is not)."""
    known_words = {w for piece in project for w in piece.split()}
    lines: list[str] = []
    address = False
    for line in text.splitlines():
        token = line.strip()
        # An address on paper (a QR code's, a link's) breaks anywhere and has no spaces.
        if token and " " not in token and (address or re.search(r"[/@]|\w\.\w", token)):
            address = True
            continue
        address = False
        if lines and _broken_word(lines[-1], line, known_words):
            lines[-1] += line.lstrip()
        else:
            lines.append(line)
    starts = _beginnings(frozenset(project))
    left = []
    for part in CUT.split(ADDRESS.sub(" . ", _unwrapped("\n".join(lines)))):
        words = part.split()
        if any(ch.isalpha() for ch in part) and not _made_of(words, project, starts):
            left.append(" ".join(words))
    return left


def _made_of(words: list[str], project: set[str], starts: set[str]) -> bool:
    """Whether `words` are, in order, whole pieces of the project's (or numbers, or dates)."""
    ok = [True] + [False] * len(words)
    for i in range(len(words)):
        if not ok[i]:
            continue
        for j in range(i + 1, len(words) + 1):
            group = " ".join(words[i:j])
            if not any(ch.isalpha() for ch in group) or _known(group, project):
                ok[j] = True
            elif group.lower() not in starts and j - i > 2:
                break
    return ok[-1]


@cache
def _beginnings(project: frozenset[str]) -> set[str]:
    """The first words of each piece (of one, two, ... words)."""
    found = set()
    for piece in project | PYTHON_MADE:
        words = piece.split()
        found.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return found


def _broken_word(line: str, after: str, known: set[str]) -> bool:
    """Whether a narrow column broke a word of the project's between `line` and `after`."""
    head, tail = line.rsplit(" ", 1)[-1], after.lstrip().split(" ", 1)[0]
    return bool(head and tail) and (head + tail).lower() in known and head.lower() not in known


def test_the_check_finds_one_unwrapped_word_beside_wrapped_ones_and_content():
    project = {"jobcenter nord", "ring"}
    html = "<p>⟦Forside⟧ · Jobcenter Nord</p><p title='Kontakt'>7. maj 2026, <b>Ring</b></p>"
    assert untranslated(_page_texts(html), project) == ["Kontakt"]
    nested = "<p>⟦Ring på <a>⟦Jobcenter Nord⟧</a> eller skriv⟧ · Ring</p> <p>Sted</p>"
    assert untranslated(_page_texts(nested), project) == ["Sted"]
    assert untranslated(["⟦Sted⟧: Sted"], {"stedet"}) == ["Sted"]
    paper = "⟦Om\ntilbuddet⟧ Kontakt\nJOBCENTER\nNord åbner kl. 8\nSted: Ring\nhttps://x.dk/a-\nb/\nFamiliebehandlin\ng"
    known = {"jobcenter nord åbner kl", "ring", "familiebehandling", "8 uger", "varighed op til"}
    assert untranslated_lines(paper, known) == ["Kontakt JOBCENTER Nord åbner kl", "8 Sted"]
    assert untranslated_lines("Familiebehandling\nVarighed\n8 uger", known) == [
        "Familiebehandling Varighed 8 uger"
    ]


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
    for edition in (PUBLIC, INTERNAL):
        sites[edition.name] = build_site(
            pseudo_example / "mkdocs.yml",
            pseudo_example.parent / f"site-{edition.name}",
            edition=edition,
            pdf=False,
            language=words.PSEUDO,
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


def _first_of_each_kind(fullest: str) -> Callable[[Job], bool]:
    """The first PDF of each kind, and every PDF about the offer `fullest`."""
    seen: set[str] = set()

    def chosen(job: Job) -> bool:
        first = job.kind not in seen
        seen.add(job.kind)
        return first or job.term == fullest

    return chosen


def _fullest(offers: Iterable[Offer]) -> str:
    """The offer with the most fields filled in: its PDF shows the most labels."""
    return max(offers, key=lambda o: len(o.model_dump(exclude_none=True, exclude_defaults=True))).id


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
            chosen=_first_of_each_kind(_fullest(catalogue.offers)),
        )
    assert len({p.path.rsplit("/", 1)[0] for p in printed}) >= 4
    found = {}
    for p in printed:
        text = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"],  # in the order it was drawn
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
