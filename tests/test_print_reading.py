"""Print a reader with poor eyesight can read (decisions.md 37): the body text of every kind of PDF
at least its minimum size, pages filled rather than a third blank, no blank page, and no word
broken by automatic hyphenation. Here on projects made by `vifte init` with data of their own (a
few offers, many offers); the example's PDFs are checked in test_print_products.py."""

from __future__ import annotations

import math
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from vifte.domain.edition import PUBLIC
from vifte.output.brochures import _jobs
from vifte.output.pages import Renderer
from vifte.output.pdf import render_pdf
from vifte.scaffold import init_project
from vifte.source.validate import require_catalogue

from .test_pdf import letters

BODY_MIN = {"A4": 11.0, "A5": 11.0, "A6": 10.0, "A3": 11.0}
"""The least body size in pt by paper: brochures and catalogue 11, index cards 10; the poster's
offer titles are checked at 14 on their own."""
PAPER = {595: "A4", 420: "A5", 298: "A6", 1191: "A3"}
"""Paper by page width in pt (the poster is A3 across)."""
MARGINS_MM = {"A4": (16, 18), "A5": (12, 14), "A6": (9, 11), "A3": (12, 14)}
"""Top and bottom page margins (print.css, a5.css, a6.css, a3.css): the footer is below."""
WRONG_BREAKS = ("Handi-captoilet", "stop-pe", "arbejdsmarke-det", "Stresshåndte-ring")
"""Breaks pyphen's Danish patterns made in the example before (issue 22)."""


@dataclass(frozen=True)
class Reading:
    """What a reader meets in a PDF, read in one pass: its paper, its characters (not spaces) by
    size in pt, and each page's filled share: from the top margin down to its lowest text above
    the footer, as a share of the height between the margins (0 for a page with only a footer)."""

    paper: str
    sizes: Counter[float]
    fills: list[float]

    @property
    def body(self) -> float:
        """The body text's size: the size most characters have."""
        return self.sizes.most_common(1)[0][0]


def read(pdf: Path) -> Reading:
    """The Reading of `pdf`, from PDFium's text page (the C library pdfplumber renders with):
    each character's effective size (font size times its matrix's scale, as pdfplumber reports
    it) and its box at the font's ascent and descent (pdfplumber's box), at C speed (decision 66)."""
    sizes: Counter[float] = Counter()
    fills = []
    box, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    doc = pdfium.PdfDocument(str(pdf))
    try:
        paper = PAPER[round(doc[0].get_width())]
        top_mm, bottom_mm = MARGINS_MM[paper]
        for page in doc:
            height = page.get_height()
            top, limit = top_mm * 72 / 25.4, height - bottom_mm * 72 / 25.4
            text = page.get_textpage()
            lows = []
            for n in range(text.count_chars()):
                char = pdfium_c.FPDFText_GetUnicode(text.raw, n)
                if not char or chr(char).isspace():
                    continue
                pdfium_c.FPDFText_GetMatrix(text.raw, n, matrix)
                scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
                sizes[round(pdfium_c.FPDFText_GetFontSize(text.raw, n) * scale, 1)] += 1
                pdfium_c.FPDFText_GetLooseCharBox(text.raw, n, box)
                if height - box.bottom < limit:
                    lows.append(height - box.bottom)
            fills.append((max(lows) - top) / (limit - top) if lows else 0.0)
    finally:
        doc.close()
    return Reading(paper, sizes, fills)


def assert_read_as_pdfplumber_reads(pdf: Path) -> None:
    """`read` (PDFium) finds the sizes and fills pdfplumber (pdfminer) finds, read slowly."""
    sizes: Counter[float] = Counter()
    fills = []
    reading = read(pdf)
    top_mm, bottom_mm = MARGINS_MM[reading.paper]
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            top, limit = top_mm * 72 / 25.4, float(page.height) - bottom_mm * 72 / 25.4
            chars = [c for c in page.chars if c["text"].strip()]
            sizes.update(round(float(c["size"]), 1) for c in chars)
            lows = [float(c["bottom"]) for c in chars if float(c["bottom"]) < limit]
            fills.append((max(lows) - top) / (limit - top) if lows else 0.0)
    assert set(reading.sizes) == set(sizes), pdf.name
    assert reading.body == sizes.most_common(1)[0][0], pdf.name
    assert reading.fills == pytest.approx(fills, abs=0.01), pdf.name


def fills(pdf: Path) -> list[float]:
    return read(pdf).fills


def hyphenated(pdf: Path) -> list[str]:
    """Words the layout broke with a hyphen of its own (U+2010 at a line's end), as "Handi-cap"."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    return [f"{a}-{b}" for a, b in re.findall(r"(\w+)\u2010\s*\n\s*(\w+)", text)]


def check_readable(pdf: Path, least: float | None = None) -> Reading:
    """What every PDF must be: body at least `least` (default BODY_MIN of its paper), nothing
    below 8 pt (footers and badges included), no page blank, no automatic word break."""
    r = read(pdf)
    assert r.body >= (least or BODY_MIN[r.paper]), (pdf.name, r.sizes.most_common(3))
    assert min(r.sizes) >= 8, (pdf.name, min(r.sizes))
    assert all(f > 0.05 for f in r.fills), (pdf.name, r.fills)
    assert hyphenated(pdf) == [], (pdf.name, hyphenated(pdf)[:5])
    return r


def mean_fill(pdf: Path, skip_front: int) -> float:
    """The mean filled share of the pages between the front (cover, contents) and the last."""
    inner = read(pdf).fills[skip_front:-1]
    return sum(inner) / len(inner) if inner else 1.0


def theme_text(n: int) -> str:
    return " ".join(
        ["Du får hjælp til at komme videre med dit liv, dit arbejde og din økonomi."] * (1 + n % 4)
    )


OFFER = """\
title: "{title}"
area: beskaeftigelse
access: visitation
themes: [{theme}]
target_groups: [jobparat]
summary: Et tilbud til dig, der vil videre med job og uddannelse i kommunen.
description: |
  {text}

  Du kan altid spørge din sagsbehandler, hvis du vil vide mere.
provider: {{name: Jobcenteret}}
contact: {{phone: "70 00 00 {n:02d}"}}
"""


def municipality(root: Path, offers: int) -> Path:
    """A project made by `vifte init` with `offers` offers of its own, in its two themes."""
    init_project(root, "Prøveby Kommune")
    catalogue, _ = require_catalogue(root)
    themes = list(catalogue.themes)
    for old in (root / "catalogue/offers").glob("*.yaml"):
        old.unlink()
    for n in range(offers):
        text = OFFER.format(
            title=f"Tilbud nummer {n} om handicaptoiletter og arbejdsmarkedet",
            theme=themes[n % min(2, len(themes))],
            text=theme_text(n),
            n=n,
        )
        (root / f"catalogue/offers/tilbud-{n}.yaml").write_text(text, encoding="utf-8")
    return root


def render(root: Path, out: Path, kinds: set[str]) -> dict[str, Path]:
    """The project's PDFs of `kinds` ("catalogue", "themes", "cards", "poster", ...), by path."""
    catalogue, _ = require_catalogue(root)
    env = Renderer(catalogue, [root / "theme/vifte"]).env
    made = {}
    for job in _jobs(catalogue, env, PUBLIC, root / "catalogue/images"):
        if job.kind in kinds:
            path = out / job.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(render_pdf(job.html, job.base_dir, job.roots).data)
            made[job.path] = path
    return made


KINDS = {"catalogue", "themes", "cards", "poster", "mentors"}


@pytest.mark.parametrize("offers", [3, 24])
def test_a_new_municipalitys_pdfs_are_large_print_and_fill_the_paper(tmp_path, offers):
    root = municipality(tmp_path / "kommune", offers)
    made = render(root, tmp_path / "site", KINDS)
    assert {"pdf/katalog.pdf", "pdf/kort.pdf", "pdf/plakat.pdf", "pdf/mentorer.pdf"} <= set(made)
    for path in made.values():
        check_readable(path)
    catalogue, _ = require_catalogue(root)
    # Offers flow: a many-offer catalogue and theme brochure are not one offer a page, a third blank.
    if offers > 10:
        assert mean_fill(made["pdf/katalog.pdf"], 2) >= 0.75, fills(made["pdf/katalog.pdf"])
        for path, pdf in made.items():
            if path.startswith("pdf/temaer/"):
                assert mean_fill(pdf, 2) >= 0.7, (path, fills(pdf))
    # Each card is a front and a back; a card with little text is printed larger than 10 pt.
    cards = read(made["pdf/kort.pdf"])
    assert len(cards.fills) == 2 * offers and cards.body > BODY_MIN["A6"]
    for path in ("pdf/kort.pdf", "pdf/katalog.pdf"):
        assert_read_as_pdfplumber_reads(made[path])
    # The poster: the offers reach across the sheet (not three of five columns used), every
    # offer title at 14 pt or more.
    poster = made["pdf/plakat.pdf"]
    check_poster(poster, [o.title for o in catalogue.offers])
    assert poster_spread(poster) > 0.75 and len(fills(poster)) == 1


def check_poster(poster: Path, titles: list[str]) -> None:
    """Every offer title on the poster is printed at 14 pt or more."""
    with pdfplumber.open(poster) as doc:
        large = "".join(c["text"] for p in doc.pages for c in p.chars if float(c["size"]) >= 14)
    for title in titles:
        assert letters(title) in letters(large), title


def poster_spread(poster: Path) -> float:
    """How far across the sheet the offers reach: the right edge of the text below the header
    (its coloured band, the widest box), as a share of the width inside the margins."""
    with pdfplumber.open(poster) as doc:
        page = doc.pages[0]
        band = max(page.rects, key=lambda r: float(r["width"]))
        below = [c for c in page.chars if float(c["top"]) > float(band["bottom"])]
        below = [c for c in below if float(c["size"]) > 9.5]  # not the footer
        left, right = float(band["x0"]), float(band["x1"])
        return (max(float(c["x1"]) for c in below) - left) / (right - left)
