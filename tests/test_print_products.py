"""The printed products beyond the catalogue: index cards, the poster, the mentor catalogue and
the directory of enterprises; and what every brochure has (footer, logo, contents, bookmarks),
read back from the real PDFs of one build of the example plus three hostile offers."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from PIL import Image

from vifte.domain.danish import dato
from vifte.domain.edition import PUBLIC
from vifte.mkdocs.build import build_site
from vifte.output.brochures import LOGO, _jobs, data_day
from vifte.output.pages import Renderer
from vifte.output.pdf import PdfError, render_pdf
from vifte.source.project import Project
from vifte.source.site_check import logo_file, logo_site_path
from vifte.source.validate import require_catalogue

from .conftest import REPO
from .pdf_sites import BARE, HOSTILE, LONG_TITLE, LONG_WORD, example_pdfs
from .test_edition import _forms, internal_values
from .test_pdf import figures, letters, text_of
from .test_print_reading import WRONG_BREAKS, check_poster, check_readable, mean_fill, poster_spread


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The example plus the hostile offers, built once with PDFs (the public edition)."""
    shared = example_pdfs(tmp_path_factory)
    root, site = shared["root"], shared["site"]
    catalogue, _ = require_catalogue(root)
    assert len(catalogue.offer_by_id["meget-lang"].description) >= 3000
    return {"root": root, "site": site, "c": catalogue, "pdf": site / "pdf"}


def columns_text(pdf: Path, pages: range) -> str:
    """The text of pages (from 0) read a column at a time, line by line: the contents run in two
    columns on A4 (print.css), in one on A5 (decisions.md 37)."""
    out = []
    with pdfplumber.open(pdf) as doc:
        for n in pages:
            page = doc.pages[n]
            words = page.extract_words()
            halves = (True, False) if float(page.width) > 500 else (True,)
            for left in halves:
                half = [
                    w
                    for w in words
                    if len(halves) == 1 or (float(w["x0"]) < float(page.width) / 2) == left
                ]
                for w in sorted(half, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
                    out.append(w["text"])
    return " ".join(out)


def pages_text(pdf: Path) -> list[str]:
    """The text of each page, in order (pdftotext -f/-l, one page at a time)."""
    count = page_count(pdf)
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def page_count(pdf: Path) -> int:
    with pikepdf.open(pdf) as doc:
        return len(doc.pages)


def page_size(pdf: Path) -> tuple[float, float]:
    with pikepdf.open(pdf) as doc:
        box = [float(x) for x in doc.pages[0].MediaBox]
    return box[2] - box[0], box[3] - box[1]


def test_cards_and_poster_hold_every_offer_title(built):
    pdf = built["pdf"]
    cards, poster = letters(text_of(pdf / "kort.pdf")), letters(text_of(pdf / "plakat.pdf"))
    for o in built["c"].offers:
        assert letters(o.title) in cards, o.id
        assert letters(o.title) in poster, o.id
        own = letters(text_of(pdf / f"kort/{o.id}.pdf"))
        for text in (o.title, o.summary, built["c"].access[o.access].label):
            assert letters(text) in own, (o.id, text)
        assert letters(f"https://tilbud.fjordstrand.dk/tilbud/{o.id}/") in own
    # Each card is a front and a back, starting on a right-hand page: two pages each here.
    assert page_count(pdf / "kort.pdf") == 2 * len(built["c"].offers)


def test_mentor_catalogue_and_enterprise_directory_hold_each_entry(built):
    c, pdf = built["c"], built["pdf"]
    mentors = letters(text_of(pdf / "mentorer.pdf"))
    assert len(c.mentors) >= 5
    for m in c.mentors:
        for text in (m.name, m.role, *m.competences):
            assert letters(text) in mentors, (m.id, text)
    enterprises = letters(text_of(pdf / "virksomheder.pdf"))
    assert len(c.enterprises) >= 5
    for e in c.enterprises:
        for text in (e.name, e.industry, e.address, *e.placement_labels):
            assert letters(text) in enterprises, (e.id, text)
        for o in c.referring("offers", e):
            assert letters(o.title) in enterprises, (e.id, o.id)
    # The mentor's photo is in the PDF, with its alt text.
    photo = next(m for m in c.mentors if m.photo)
    assert photo.photo.alt in figures(pdf / "mentorer.pdf")


def products(pdf: Path) -> list[Path]:
    return [
        pdf / name
        for name in ("kort.pdf", "plakat.pdf", "mentorer.pdf", "virksomheder.pdf", "katalog.pdf")
    ]


def test_the_public_products_hold_no_internal_value(built):
    values = internal_values(built["c"])
    assert len(values) >= 6
    texts = {p.name: letters(text_of(p)) for p in products(built["pdf"])}
    texts |= {f"kort/{p.name}": letters(text_of(p)) for p in (built["pdf"] / "kort").glob("*.pdf")}
    leaks = sorted(
        (name, value)
        for value in values
        for form in _forms(value)
        for name, text in texts.items()
        if letters(form) and letters(form) in text
    )
    assert leaks == []


def first_page_with(texts: list[str], needle: str, after: int) -> int:
    """The 1-based number of the first page after page `after` whose text holds `needle`."""
    return next(n + 1 for n, t in enumerate(texts) if n + 1 > after and needle in t)


def test_contents_give_the_page_each_offer_is_on_and_bookmarks_point_there(built):
    c, pdf = built["c"], built["pdf"]
    cases = {
        pdf / "katalog.pdf": c.offers,
        pdf / "omraader/social.pdf": c.offers_with("area", "social"),
    }
    cases[pdf / "temaer/oekonomi.pdf"] = c.offers_with("themes", "oekonomi")
    for path, offers in cases.items():
        texts = [letters(t) for t in pages_text(path)]
        starts = [n for n, t in enumerate(texts) if t.startswith("indhold")]
        assert starts == [1], (path.name, starts)  # right after the cover
        # An offer's heading is followed by its summary: that pair is on the offer's page
        # (the contents hold titles only), so the contents end where the first pair is.
        where = {o.title: first_page_with(texts, letters(o.title + o.summary), 2) for o in offers}
        toc = letters(columns_text(path, range(1, min(where.values()) - 1)))
        for o in offers:
            assert f"{letters(o.title)}{where[o.title]}" in toc, (path.name, o.id, where[o.title])
        marks = outline(path)
        for o in offers:
            assert (o.title, where[o.title]) in marks[1], (path.name, o.id)
        if path.name == "katalog.pdf":
            areas = {label for label, _ in marks[0]}
            assert {a.label for a in c.areas.values()} <= areas
            # Offers sit under their area in the outline.
            assert marks[2][LONG_TITLE] == c.areas["social"].label


def outline(pdf: Path) -> tuple[set, set, dict]:
    """Bookmarks as (title, page) on the first level and below, and each one's parent title."""
    top: set[tuple[str, int]] = set()
    below: set[tuple[str, int]] = set()
    parent: dict[str, str] = {}
    with pikepdf.open(pdf) as doc:
        pages = {page.objgen: n + 1 for n, page in enumerate(doc.pages)}

        def walk(items, into, up):
            for item in items:
                dest = item.destination
                page = pages[dest[0].objgen] if isinstance(dest, pikepdf.Array) else None
                into.add((item.title, page))
                if up is not None:
                    parent[item.title] = up
                walk(item.children, below, item.title)

        with doc.open_outline() as tree:
            walk(tree.root, top, None)
    return top, below, parent


def test_every_document_of_more_than_four_pages_has_contents(built):
    for path in sorted(built["pdf"].rglob("*.pdf")):
        if path.parent.name in ("kort", "tilbud") or path.name in ("kort.pdf", "plakat.pdf"):
            continue  # a card, a single offer and the poster are read without contents
        lines = [line.strip() for t in pages_text(path)[:3] for line in t.splitlines()]
        if page_count(path) > 4:
            assert "Indhold" in lines, path


def test_page_sizes_footer_on_every_page_and_fonts_embedded(built):
    pdf, c = built["pdf"], built["c"]
    assert page_size(pdf / "kort.pdf") == pytest.approx((297.64, 419.53), abs=0.1)  # A6
    assert page_size(pdf / "kort/gaeldsraadgivning.pdf") == pytest.approx((297.64, 419.53), abs=0.1)
    assert page_size(pdf / "plakat.pdf") == pytest.approx((1190.55, 841.89), abs=0.1)  # A3 across
    footer = letters(f"{c.settings.municipality.name} · Data fra {dato(data_day(c))}")
    singles = [pdf / "kort/gaeldsraadgivning.pdf", pdf / "tilbud/gaeldsraadgivning.pdf"]
    for path in [*products(pdf), pdf / "omraader/social.pdf", *singles]:
        texts = pages_text(path)
        has_cover = path.name in ("katalog.pdf", "mentorer.pdf", "virksomheder.pdf", "social.pdf")
        for n, text in enumerate(texts[1:] if has_cover else texts, start=2 if has_cover else 1):
            assert footer in letters(text), (path.name, n)
            assert re.search(rf"\b{n} ?/ ?{len(texts)}\b", text), (path.name, n)
        rows = subprocess.run(
            ["pdffonts", str(path)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), (path.name, rows)
        assert "" not in figures(path), path.name


def logo_pixels(pdf: Path, tmp: Path, box_mm: tuple[float, float, float, float]) -> int:
    """How many pixels of the logo's blue (#1d4f91) pdftoppm draws in a box of the first page."""
    out = tmp / pdf.stem
    subprocess.run(
        ["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out)],
        check=True,
    )
    with Image.open(out.with_suffix(".png")) as image:
        scale = 100 / 25.4
        crop = image.convert("RGB").crop(tuple(round(v * scale) for v in box_mm))
        return sum(
            count
            for count, (r, g, b) in crop.getcolors(crop.width * crop.height)
            if abs(r - 0x1D) < 24 and abs(g - 0x4F) < 24 and abs(b - 0x91) < 24
        )


def test_each_cover_shows_the_municipality_and_its_logo(built, tmp_path):
    pdf = built["pdf"]
    name = built["c"].settings.municipality.name
    for path in (pdf / "katalog.pdf", pdf / "mentorer.pdf", pdf / "virksomheder.pdf"):
        assert letters(name) in letters(pages_text(path)[0]), path.name
        assert f"{name}s logo" in figures(path), path.name
        # The white disc with the logo lies 60 mm from the top and 24 mm from the left.
        assert logo_pixels(path, tmp_path, (24, 60, 50, 86)) > 200, path.name
    assert f"{name}s logo" in figures(pdf / "plakat.pdf")
    area = pdf / "omraader/sundhed.pdf"
    assert f"{name}s logo" in figures(area)
    assert logo_pixels(area, tmp_path, (16, 30, 42, 56)) > 100


def words_inside_pages(pdf: Path, tmp: Path) -> list[str]:
    """Every word pdftotext finds, checked to lie on its page; returns the words."""
    bbox = tmp / f"{pdf.stem}.html"
    subprocess.run(["pdftotext", "-bbox", str(pdf), str(bbox)], check=True)
    text = bbox.read_text(encoding="utf-8")
    words = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', text, re.S):
        width, height = float(page.group(1)), float(page.group(2))
        for m in re.finditer(
            r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>',
            page.group(3),
        ):
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            assert 0 <= x0 and x1 <= width and 0 <= y0 and y1 <= height, (pdf.name, m.group(5))
            words.append(html.unescape(m.group(5)))
    return words


def test_hostile_offers_lay_out_inside_the_page_in_every_product(built, tmp_path):
    pdf = built["pdf"]
    c = built["c"]
    for offer_id in HOSTILE:
        offer = c.offer_by_id[offer_id]
        for path in (
            pdf / f"kort/{offer_id}.pdf",
            pdf / f"tilbud/{offer_id}.pdf",
            pdf / "kort.pdf",
            pdf / "plakat.pdf",
            pdf / "katalog.pdf",
            pdf / "omraader/social.pdf",
        ):
            words = words_inside_pages(path, tmp_path)
            text = letters(" ".join(words))
            assert letters(offer.title) in text, (path.name, offer_id)
            for word in re.findall(r"\w+", offer.title):
                assert letters(word) in text, (path.name, word)
    long_word = letters(LONG_WORD)
    for path in (pdf / "kort/meget-lang.pdf", pdf / "tilbud/meget-lang.pdf", pdf / "katalog.pdf"):
        assert long_word in letters(text_of(path)), path.name


def test_site_pages_link_the_new_products_with_size_and_page_count(built):
    site = built["site"]
    cases = {
        "tilbud/gaeldsraadgivning/index.html": (
            "pdf/kort/gaeldsraadgivning.pdf",
            "Hent kartotekskortet som PDF",
        ),
        "temaer/index.html": ("pdf/plakat.pdf", "Hent som PDF"),
        "mentorer/index.html": ("pdf/mentorer.pdf", "Hent som PDF"),
        "virksomheder/index.html": ("pdf/virksomheder.pdf", "Hent som PDF"),
    }
    for page, (target, words) in cases.items():
        html = (site / page).read_text(encoding="utf-8")
        links = re.findall(
            r'<a href="([^"]+)" download>([^<]+)</a> <span>\(PDF, (\d+) kB, (\d+) sider?\)', html
        )
        found = [
            (text, int(kb), int(pages))
            for href, text, kb, pages in links
            if ((site / page).parent / href).resolve() == (site / target).resolve()
        ]
        path = site / target
        assert found == [(words, max(1, round(path.stat().st_size / 1000)), page_count(path))], page
    # The offer page still links its own PDF first, then its card.
    offer = (site / "tilbud/gaeldsraadgivning/index.html").read_text(encoding="utf-8")
    assert offer.index("Hent som PDF") < offer.index("Hent kartotekskortet som PDF")


def poster_of(root: Path, out: Path) -> Path:
    """Only the poster of the project at `root`, rendered as the build renders it."""
    catalogue, _ = require_catalogue(root)
    env = Renderer(catalogue, [root / "theme/vifte"]).env
    env.globals[LOGO] = root / "theme/assets/images/logo.svg"
    job = next(
        j for j in _jobs(catalogue, env, PUBLIC, root / "catalogue/images") if j.kind == "poster"
    )
    out.write_bytes(render_pdf(job.html, job.base_dir, job.roots).data)
    return out


def test_the_poster_fits_one_a3_page_for_the_example_and_runs_on_for_a_big_catalogue(tmp_path):
    small = poster_of(REPO, tmp_path / "eksempel.pdf")
    assert page_count(small) == 1
    catalogue, _ = require_catalogue(REPO)
    assert len(catalogue.offers) >= 40 and len(catalogue.themes) >= 8
    words_inside_pages(small, tmp_path)
    root = tmp_path / "stor"
    for name in ("catalogue", "theme", "site_src"):  # site_src: the menu's own page
        shutil.copytree(REPO / name, root / name)
    for n in range(150):
        text = BARE.replace(
            "Kun det påkrævede", f"Ekstra tilbud nummer {n} med en lidt længere titel"
        )
        (root / f"catalogue/offers/ekstra-{n}.yaml").write_text(text, encoding="utf-8")
    big = poster_of(root, tmp_path / "stor.pdf")
    assert page_count(big) > 1
    text = letters(" ".join(words_inside_pages(big, tmp_path)))
    for n in range(150):
        assert letters(f"Ekstra tilbud nummer {n} med en lidt længere titel") in text, n


def test_the_logo_is_found_as_the_theme_finds_it_and_only_that_file_is_served(tmp_path):
    catalogue, _ = require_catalogue(REPO)
    logo = logo_file(Project.at(REPO), catalogue.settings)
    assert logo == (REPO / "theme/assets/images/logo.svg").resolve()
    assert logo_site_path(Project.at(REPO), catalogue.settings) == "assets/images/logo.svg"
    # The fetcher serves the logo file itself, and nothing beside it.
    folder = tmp_path / "theme"
    folder.mkdir()
    own, beside = folder / "logo.svg", folder / "ikke-logoet.svg"
    for path in (own, beside):
        path.write_bytes(logo.read_bytes())
    page = '<html lang="da"><head><title>T</title></head><body><img src="{}" alt="x"></body></html>'
    assert render_pdf(page.format(own.as_uri()), tmp_path / "theme", ()).pages == 1
    assert render_pdf(page.format(own.as_uri()), REPO / "catalogue/images", (own,)).pages == 1
    with pytest.raises(PdfError, match="kunne ikke hentes"):
        render_pdf(page.format(beside.as_uri()), REPO / "catalogue/images", (own,))


STRATEGY_BODY = 10.0
"""A strategy document's body is mostly its goals table, set at 10 pt (strategy.css)."""


def test_every_pdf_is_large_print_fills_its_pages_and_breaks_no_word(built):
    """Body text at least 11 pt (cards 10, strategy tables 10), no blank page, no automatic
    hyphen (decisions.md 37), and the brochures' pages filled rather than a third blank."""
    pdfs = sorted(built["pdf"].rglob("*.pdf"))
    assert len(pdfs) > 100
    readings = {
        pdf.relative_to(built["pdf"]).as_posix(): check_readable(
            pdf, STRATEGY_BODY if pdf.parent.name == "strategi" else None
        )
        for pdf in pdfs
    }
    text = "".join(text_of(pdf) for pdf in pdfs)
    for wrong in WRONG_BREAKS:
        head, tail = wrong.split("-")
        assert not re.search(rf"{head}[\u2010-]\s*\n\s*{tail}", text), wrong
    assert mean_fill(built["pdf"] / "katalog.pdf", 2) >= 0.75
    for path, reading in readings.items():
        if path.split("/")[0] in ("omraader", "temaer", "maalgrupper") and len(reading.fills) > 4:
            assert mean_fill(built["pdf"] / path, 2) >= 0.7, (path, reading.fills)
    # The contents fit their page: no page of three contents lines (issue 22).
    assert readings["katalog.pdf"].fills[1] > 0.5
    # The mentor catalogue's contents share their page with the first mentors.
    assert readings["mentorer.pdf"].fills[1] > 0.5
    # The poster: offers across the whole sheet, every offer title at 14 pt or more.
    poster = built["pdf"] / "plakat.pdf"
    assert poster_spread(poster) > 0.9  # one sheet for the example alone: test_the_poster_fits…
    check_poster(poster, [o.title for o in built["c"].offers])


def test_a_project_without_updated_dates_claims_no_date_on_paper(project: Path, tmp_path: Path):
    """A new municipality's items have no `updated:` yet: its PDFs say no "Data fra 01.01.1970"
    (in no language); once an item has one, the covers and footers give that day."""
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(
        re.sub(r"(?m)^updated:.*\n", "", offer.read_text(encoding="utf-8")), encoding="utf-8"
    )

    def texts(site: Path) -> str:
        return "\n".join(
            subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            for pdf in sorted(site.rglob("*.pdf"))
        )

    undated = texts(build_site(project / "mkdocs.yml", tmp_path / "a", pdf=True))
    assert "1970" not in undated and "Data fra" not in undated
    assert "Se alle tilbud på" in undated  # the cover still says where the list is
    offer.write_text(offer.read_text(encoding="utf-8") + "updated: 2026-11-02\n", "utf-8")
    dated = texts(build_site(project / "mkdocs.yml", tmp_path / "b", pdf=True))
    assert "Data fra 02.11.2026" in dated
