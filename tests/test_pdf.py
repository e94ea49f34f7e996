"""Printed forms: the catalogue and one PDF per offer, read back from the real PDFs."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from functools import partial
from pathlib import Path

import pikepdf
import pytest
import zxingcpp
from PIL import Image

from vifte.cli import main
from vifte.domain.edition import INTERNAL
from vifte.domain.markup import render_markdown
from vifte.mkdocs.build import build_site
from vifte.output.pdf import PdfError, render_pdf
from vifte.output.pdf_cache import FOLDER as CACHE_FOLDER
from vifte.output.products import PRODUCTS
from vifte.source.diagnostics import ProjectError
from vifte.source.validate import require_catalogue

from .conftest import REPO
from .pdf_sites import example_paper, example_pdfs
from .shared import built_once
from .test_edition import _forms, internal_values


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example (plus three odd offers) built with PDFs (shared with test_print_products),
    its internal paper (`vifte pdf --edition intern`) and "b": one PDF of every kind rendered
    afresh from the same project."""
    a = example_pdfs(tmp_path_factory)
    b = built_once(tmp_path_factory, "example-pdf-again", partial(_again, a["root"]))
    intern = example_paper(tmp_path_factory, "intern", INTERNAL)
    return {"root": a["root"], "a": a["site"], "b": b, "intern": intern}


def _again(root: Path, folder: Path) -> None:
    """`vifte pdf` of the project build a printed (its path is in the PDFs), without a's cache,
    so every PDF is a fresh render: every product, one brochure of each term list (those of
    one offer), the PDFs about single offers for the offers with those three terms, and the
    strategy documents (which the terms would leave out)."""
    shutil.rmtree(root / CACHE_FOLDER, ignore_errors=True)
    catalogue, _ = require_catalogue(root)
    offer = next(o for o in catalogue.offers if o.id == "gaeldsraadgivning")
    terms = ["--area", offer.area, "--theme", offer.themes[0]]
    terms += ["--target-group", offer.target_groups[0]]
    kinds = ["--format", *dict.fromkeys(PRODUCTS.values())]
    assert main(["pdf", "-p", str(root), "--out", str(folder / "pdf"), *kinds, *terms]) == 0
    strategy = ["--out", str(folder / "strategi"), "--format", "strategi"]
    assert main(["pdf", "-p", str(root), *strategy]) == 0
    shutil.move(folder / "strategi/strategi", folder / "pdf/strategi")


def text_of(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def letters(text: str) -> str:
    """Letters and digits only: line breaks, hyphenation and spacing do not count."""
    return re.sub(r"\W", "", text).casefold()


def plain(markdown: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", render_markdown(markdown)))


def test_the_catalogue_holds_every_offer_and_each_offer_pdf_its_own_text(built):
    catalogue, _ = require_catalogue(built["root"])
    site = built["a"]
    whole = letters(text_of(site / "pdf/katalog.pdf"))
    assert letters("Fjordstrand Kommune") in whole
    assert len(catalogue.offers) >= 40
    for o in catalogue.offers:
        assert letters(o.title) in whole, o.id
        own = letters(text_of(site / f"pdf/tilbud/{o.id}.pdf"))
        # meget-lang (pdf_sites.py) runs over two pages, whose footers split its description:
        # test_print_products reads that one's text word by word.
        description = () if o.id == "meget-lang" else (plain(o.description),)
        for text in (o.title, o.summary, *description, o.contact.phone or o.contact.email):
            assert letters(text) in own, (o.id, text)
        assert letters(f"https://tilbud.fjordstrand.dk/tilbud/{o.id}/") in own


def test_odd_titles_and_bare_offers_fit_one_page(built):
    site = built["a"]
    for offer_id, title in (
        ("raad-og-daad", "Råd & dåd for æøå-folk"),
        ("kun-det-paakraevede", ""),
    ):
        pdf = site / f"pdf/tilbud/{offer_id}.pdf"
        with pikepdf.open(pdf) as doc:
            assert len(doc.pages) == 1
        if title:
            assert title in text_of(pdf)
            assert title in text_of(site / "pdf/katalog.pdf")


def test_public_pdfs_hold_no_internal_value_and_the_internal_ones_do(built):
    catalogue, _ = require_catalogue(built["root"])
    values = internal_values(catalogue)
    assert len(values) >= 6
    public = {p.name: letters(text_of(p)) for p in (built["a"] / "pdf").rglob("*.pdf")}
    intern = letters(text_of(built["intern"] / "pdf/katalog.pdf"))
    for value in values:
        assert letters(value) in intern, value
    leaks = sorted(
        (name, value)
        for value in values
        for form in _forms(value)
        for name, text in public.items()
        if letters(form) and letters(form) in text
    )
    assert leaks == []
    # The professional text is for caseworkers: only the internal edition prints it.
    offer = next(o for o in catalogue.offers if o.professional)
    assert letters(plain(offer.professional)) in intern
    assert letters(plain(offer.professional)) not in public["katalog.pdf"]


def test_every_font_is_embedded_and_the_pdf_is_tagged_danish_with_a_title(built):
    for pdf in (built["a"] / "pdf/katalog.pdf", built["a"] / "pdf/tilbud/gaeldsraadgivning.pdf"):
        rows = subprocess.run(
            ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), rows
        assert all("DejaVu" in row for row in rows), rows
        with pikepdf.open(pdf) as doc:
            assert "/StructTreeRoot" in doc.Root
            assert str(doc.Root.Lang) == "da"
            assert "Fjordstrand Kommune" in str(doc.docinfo["/Title"])
            assert str(doc.docinfo["/CreationDate"]).startswith("D:2026")


def test_two_builds_give_byte_identical_pdfs(built):
    first = sorted(p.relative_to(built["a"]) for p in (built["a"] / "pdf").rglob("*.pdf"))
    second = sorted(p.relative_to(built["b"]) for p in (built["b"] / "pdf").rglob("*.pdf"))
    assert set(second) <= set(first) and len(first) >= 40

    def kind(
        path: Path,
    ) -> str:  # pdf/katalog.pdf, pdf/kort.pdf ...; pdf/tilbud/*, pdf/temaer/* ...
        return path.parts[1] if len(path.parts) == 2 else path.parts[1] + "/"

    # b holds one PDF of every kind a has: each product, each term list's brochure, the
    # PDFs about single offers (an offer's own, its card) and the strategy documents.
    assert {kind(p) for p in second} == {kind(p) for p in first}
    assert [
        p for p in second if (built["a"] / p).read_bytes() != (built["b"] / p).read_bytes()
    ] == []


def test_the_offer_page_links_its_pdf_with_size_and_page_count(built):
    site = built["a"]
    page = (site / "tilbud/gaeldsraadgivning/index.html").read_text(encoding="utf-8")
    match = re.search(
        r'<a href="([^"]+)" download>Hent som PDF</a> <span>\(PDF, (\d+) kB, (\d+) sider?\)', page
    )
    assert match, page
    target = (site / "tilbud/gaeldsraadgivning" / match.group(1)).resolve()
    assert target == (site / "pdf/tilbud/gaeldsraadgivning.pdf").resolve()
    assert int(match.group(2)) == max(1, round(target.stat().st_size / 1000))
    with pikepdf.open(target) as doc:
        assert int(match.group(3)) == len(doc.pages)


def test_no_pdf_skips_them_and_a_plain_build_makes_them(project, tmp_path):
    quick, full = tmp_path / "quick", tmp_path / "full"
    assert main(["build", "-p", str(project), "--site-dir", str(quick), "--no-pdf"]) == 0
    assert not (quick / "pdf").exists()
    assert "Hent som PDF" not in (quick / "tilbud/virksomhedspraktik/index.html").read_text()
    assert main(["build", "-p", str(project), "--site-dir", str(full)]) == 0
    assert (full / "pdf/katalog.pdf").is_file()
    assert "Hent som PDF" in (full / "tilbud/virksomhedspraktik/index.html").read_text()


def test_a_pdf_problem_stops_the_build_with_a_danish_line(project, tmp_path):
    override = project / "theme/vifte/print/offer.html"
    override.parent.mkdir(parents=True)
    override.write_text(
        '{% extends "print/_print.html" %}{% block title %}{{ o.title }}{% endblock %}'
        '{% block content %}<p>{{ o.title }}</p><img src="mangler.png" alt="x">'
        '<img src="{{ o.id }}.png">{% endblock %}',
        encoding="utf-8",
    )
    with pytest.raises(ProjectError) as failure:
        build_site(project / "mkdocs.yml", tmp_path / "out", pdf=True)
    message = str(failure.value)
    assert "pdf/tilbud/virksomhedspraktik.pdf: billedet " in message
    assert "mangler.png kunne ikke hentes" in message
    assert not (tmp_path / "out").exists()


def test_render_pdf_reads_only_its_own_folders_and_fails_on_a_missing_alt(tmp_path):
    base, elsewhere = tmp_path / "images", tmp_path / "elsewhere"
    base.mkdir()
    elsewhere.mkdir()
    png = (REPO / "catalogue/images/cafe-kop.png").read_bytes()
    (base / "ok.png").write_bytes(png)
    (elsewhere / "secret.png").write_bytes(png)
    page = '<html lang="da"><head><title>T</title></head><body><p>Hej</p>{}</body></html>'
    pdf = render_pdf(page.format('<img src="ok.png" alt="En kop">'), base)
    assert pdf.pages == 1 and pdf.data.startswith(b"%PDF")
    cases = {
        '<img src="ok.png">': "ok.png mangler en alt-tekst",
        f'<img src="{(elsewhere / "secret.png").as_uri()}" alt="x">': "kunne ikke hentes",
        '<img src="../elsewhere/secret.png" alt="x">': "kunne ikke hentes",
        '<img src="http://127.0.0.1:9/x.png" alt="x">': "kunne ikke hentes",
        '<link rel="stylesheet" href="/etc/hostname">': "stilarket",
    }
    for tag, expected in cases.items():
        with pytest.raises(PdfError) as failure:
            render_pdf(page.format(tag), base)
        assert expected in str(failure.value), tag


def qr_codes(pdf: Path, tmp: Path) -> list[str]:
    """The texts of every QR code on every page, decoded from the pixels pdftoppm draws."""
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp / pdf.stem)], check=True)
    found = []
    for png in sorted(tmp.glob(f"{pdf.stem}-*.png")):
        with Image.open(png) as image:
            found += [code.text for code in zxingcpp.read_barcodes(image)]
    return found


def figures(pdf: Path) -> list[str]:
    """The alt text of every figure in the structure tree ("" where one has none)."""
    out: list[str] = []

    def walk(node: pikepdf.Object) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary):
            if node.get("/S") == "/Figure":
                out.append(str(node.get("/Alt", "")))
            if "/K" in node:
                walk(node.K)

    with pikepdf.open(pdf) as doc:
        walk(doc.Root.StructTreeRoot)
    return out


def test_each_offer_in_print_has_a_qr_code_of_its_address_with_alt_text(built, tmp_path):
    catalogue, _ = require_catalogue(built["root"])
    site = built["a"]
    url = {o.id: f"https://tilbud.fjordstrand.dk/tilbud/{o.id}/" for o in catalogue.offers}
    for offer_id in ("gaeldsraadgivning", "raad-og-daad", "kun-det-paakraevede"):
        pdf = site / f"pdf/tilbud/{offer_id}.pdf"
        assert qr_codes(pdf, tmp_path) == [url[offer_id]]
        assert figures(pdf)[-1] == f"QR-kode til {url[offer_id]}"
    whole = site / "pdf/katalog.pdf"
    assert sorted(qr_codes(whole, tmp_path)) == sorted(url.values())
    alts = figures(whole)
    assert sorted(a for a in alts if a.startswith("QR-kode")) == sorted(
        f"QR-kode til {u}" for u in url.values()
    )
    assert "" not in alts


BROCHURES = {"omraader": "area", "temaer": "themes", "maalgrupper": "target_groups"}


def test_each_area_theme_and_target_group_brochure_holds_exactly_its_offers(built):
    catalogue, _ = require_catalogue(built["root"])
    site = built["a"]
    terms = {"omraader": catalogue.areas, "temaer": catalogue.themes}
    terms["maalgrupper"] = catalogue.target_groups
    made = sorted(p.relative_to(site / "pdf").as_posix() for p in (site / "pdf").glob("*/*.pdf"))
    expected = []
    for section, field in BROCHURES.items():
        for term in terms[section].values():
            chosen = {o.id for o in catalogue.offers_with(field, term.id)}
            if not chosen:
                continue
            expected.append(f"{section}/{term.id}.pdf")
            pdf = site / "pdf" / section / f"{term.id}.pdf"
            text = letters(text_of(pdf))
            assert letters(term.label) in text
            titles = {o.title for o in catalogue.offers if o.id in chosen}
            assert {t for t in titles if letters(t) not in text} == set()
            with pikepdf.open(pdf) as doc:
                # Another offer's title may occur in a text; the headings (bookmarks) may not.
                marks = set(bookmarks(doc))
                assert marks & {o.title for o in catalogue.offers} == titles, pdf
                assert tuple(float(x) for x in doc.pages[0].MediaBox) == pytest.approx(
                    (0, 0, 419.53, 595.28), abs=0.1
                )  # A5
    assert sorted(expected) == [
        m for m in made if not m.startswith(("tilbud/", "kort/", "strategi/"))
    ]
    assert len(expected) >= 15


def bookmarks(doc: pikepdf.Pdf) -> list[str]:
    """The titles of every bookmark (WeasyPrint makes one per heading), at any depth."""
    found: list[str] = []

    def walk(items: list[pikepdf.OutlineItem]) -> None:
        for item in items:
            found.append(item.title)
            walk(item.children)

    with doc.open_outline() as outline:
        walk(outline.root)
    return found


def pixel(pdf: Path, page: int, x_mm: float, y_mm: float, tmp: Path) -> str:
    """The colour, as "#rrggbb", pdftoppm draws at a point of a page (its default output is PPM)."""
    out = tmp / f"{pdf.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-r", "72", "-f", str(page), "-l", str(page), "-singlefile"]
        + [str(pdf), str(out)],
        check=True,
    )
    data = out.with_suffix(".ppm").read_bytes()
    magic, width, height, depth, pixels = data.split(maxsplit=4)
    assert (magic, depth) == (b"P6", b"255")
    x, y = round(x_mm / 25.4 * 72), round(y_mm / 25.4 * 72)
    assert x < int(width) and y < int(height)
    at = (y * int(width) + x) * 3
    return "#" + pixels[at : at + 3].hex()


def test_an_area_brochure_has_the_area_colour_on_its_cover_and_along_its_pages(built, tmp_path):
    catalogue, _ = require_catalogue(built["root"])
    for area in catalogue.areas.values():
        pdf = built["a"] / f"pdf/omraader/{area.id}.pdf"
        colour = area.colour.lower()
        assert pixel(pdf, 1, 3, 3, tmp_path) == colour, area.id  # the cover
        assert pixel(pdf, 2, 3, 105, tmp_path) == colour, area.id  # the band on the edge
        assert pixel(pdf, 2, 12, 105, tmp_path) == "#ffffff", area.id  # and only the edge


def test_each_term_page_links_its_brochure_with_size_and_page_count(built):
    site = built["a"]
    for section in BROCHURES:
        for pdf in sorted((site / "pdf" / section).glob("*.pdf")):
            page = site / section / pdf.stem / "index.html"
            match = re.search(
                r'<a href="([^"]+)" download>Hent som PDF</a> <span>\(PDF, (\d+) kB, (\d+) sider?\)',
                page.read_text(encoding="utf-8"),
            )
            assert match, page
            assert (page.parent / match.group(1)).resolve() == pdf.resolve()
            assert int(match.group(2)) == max(1, round(pdf.stat().st_size / 1000))
            with pikepdf.open(pdf) as doc:
                assert int(match.group(3)) == len(doc.pages)


def test_every_link_in_every_pdf_leads_to_the_site_mail_or_phone_and_shows_its_address(built):
    """The example's relative Markdown links ("../../mentorer/" in an offer, "../../tilbud/" in a
    strategy document) once became file:///<project>/... links in 14 annotations."""
    from .pdf_links import bad_links, link_targets, paper_text

    site = "https://tilbud.fjordstrand.dk/"
    for edition in ("a", "intern"):
        pdfs = sorted((built[edition] / "pdf").rglob("*.pdf"))
        assert len(pdfs) > 100
        bad = [line for pdf in pdfs for line in bad_links(pdf, site, written=set())]
        assert bad == [], bad
    mentor = built["a"] / "pdf/tilbud/erhvervsmentor.pdf"
    assert f"{site}mentorer/" in link_targets(mentor)
    assert f"mentorerne({site}mentorer/)" in paper_text(mentor)
    plan = built["a"] / "pdf/strategi/beskaeftigelsesplan-2026.pdf"
    assert f"FindTilbud({site}tilbud/)".casefold() in paper_text(plan).casefold()
