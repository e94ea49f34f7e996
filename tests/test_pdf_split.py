"""The A4 catalogue printed in parts and merged (catalogue_split.py, pdf_merge.py, pdf_numbers.py),
read back from the real PDF: contents, running numbers, links, bookmarks, structure tree, fonts.

The example (44 offers, three areas) is split by lowering SPLIT_FROM, so an area is cut between
two parts; the same catalogue rendered in one piece is the reference.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from vifte.domain.edition import PUBLIC
from vifte.domain.images import Pictures
from vifte.output import brochures as brochures_module
from vifte.output import catalogue_split
from vifte.output.brochures import LOGO, _jobs, brochures
from vifte.output.catalogue_split import plan, weight
from vifte.output.pages import Renderer
from vifte.source.validate import require_catalogue

from .conftest import REPO
from .test_pdf import figures, letters
from .test_print_products import columns_text, first_page_with, outline, pages_text

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def catalogue_pdf(out: Path, split_from: int, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example's A4 catalogue, split when it has `split_from` offers or more."""
    monkeypatch.setattr(brochures_module, "SPLIT_FROM", split_from)
    catalogue, _ = require_catalogue(REPO)
    catalogue = catalogue.for_edition(PUBLIC)
    env = Renderer(catalogue, [REPO / "theme/vifte"]).env
    env.globals[LOGO] = REPO / "theme/assets/images/logo.svg"
    env.globals["picture"] = Pictures(REPO / "catalogue/images")
    [printed] = brochures(
        catalogue,
        env,
        PUBLIC,
        images=REPO / "catalogue/images",
        chosen=lambda job: job.kind == "catalogue",
        workers=2,
    )
    out.write_bytes(printed.pdf.data)
    assert printed.pdf.pages == len(pikepdf.open(out).pages)
    return out


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("split")
    with pytest.MonkeyPatch.context() as monkeypatch:
        # Cut inside an area (not at the nearest border), so a part continues an area.
        monkeypatch.setattr(catalogue_split, "NEAR", 0)
        # Six parts of about seven offers: some begin and end inside one area.
        monkeypatch.setattr(catalogue_split, "PART_WEIGHT", 20_000)
        split = catalogue_pdf(tmp / "delt.pdf", 10, monkeypatch)
        # Again, with the front's length guessed wrong (one contents page): the same bytes.
        monkeypatch.setattr(catalogue_split, "ENTRIES_PER_PAGE", 10**6)
        again = catalogue_pdf(tmp / "igen.pdf", 10, monkeypatch)
        whole = catalogue_pdf(tmp / "hel.pdf", 10**6, monkeypatch)
    catalogue, _ = require_catalogue(REPO)
    return {"split": split, "again": again, "whole": whole, "c": catalogue, "tmp": tmp}


def test_the_offers_are_cut_into_balanced_parts_at_an_area_border_when_one_is_near(
    pdfs, monkeypatch
):
    c = pdfs["c"]
    sections = [(a, c.offers_with("area", a.id)) for a in c.settings.areas]
    sections = [(a, o) for a, o in sections if o]
    in_order = [o for _, offers in sections for o in offers]
    total = sum(weight(o) for o in in_order)
    groups = plan(sections)
    assert len(groups) == 2 and not groups[1][0][2]  # cut between two areas
    halves = [sum(weight(o) for _, offers, _ in g for o in offers) for g in groups]
    assert abs(halves[0] - halves[1]) <= 2 * total / len(groups) * catalogue_split.NEAR
    assert [o for g in groups for _, offers, _ in g for o in offers] == in_order
    monkeypatch.setattr(catalogue_split, "NEAR", 0)
    groups = plan(sections)
    halves = [sum(weight(o) for _, offers, _ in g for o in offers) for g in groups]
    assert abs(halves[0] - halves[1]) <= max(weight(o) for o in c.offers)  # balanced
    assert [o for g in groups for _, offers, _ in g for o in offers] == in_order
    # The second part begins inside an area: it continues without the heading.
    assert groups[1][0][2] is True and groups[0][-1][0] is groups[1][0][0]


def test_a_catalogue_under_split_from_is_one_render_and_no_stand_in_number_is_left(
    pdfs, monkeypatch
):
    catalogue, _ = require_catalogue(REPO)
    env = Renderer(catalogue, [REPO / "theme/vifte"]).env
    env.globals["picture"] = Pictures(REPO / "catalogue/images")

    def catalogue_job():
        return next(_jobs(catalogue, env, PUBLIC, REPO / "catalogue/images"))

    assert len(catalogue.offers) < catalogue_split.SPLIT_FROM
    assert brochures_module.SPLIT_FROM == catalogue_split.SPLIT_FROM
    assert catalogue_job().split is None
    monkeypatch.setattr(brochures_module, "SPLIT_FROM", len(catalogue.offers))
    assert catalogue_job().split is not None
    assert not re.search(r"\b000\b", "".join(pages_text(pdfs["split"])))


def test_contents_list_the_page_each_area_and_offer_starts_on(pdfs):
    c, path = pdfs["c"], pdfs["split"]
    texts = [letters(t) for t in pages_text(path)]
    assert [n for n, t in enumerate(texts) if t.startswith("indhold")] == [1]
    where = {o.title: first_page_with(texts, letters(o.title + o.summary), 2) for o in c.offers}
    toc = letters(columns_text(path, range(1, min(where.values()) - 1)))
    for o in c.offers:
        assert f"{letters(o.title)}{where[o.title]}" in toc, (o.id, where[o.title])
    for area in c.areas.values():
        # An area begins on a new page with its heading at the top.
        start = next(
            n + 1 for n, t in enumerate(texts) if n > 1 and t.startswith(letters(area.label))
        )
        assert f"{letters(area.label)}{start}" in toc, area.id
    # Every offer is in the merged PDF exactly where the contents say, and nowhere twice.
    whole = "".join(texts)
    for o in c.offers:
        assert whole.count(letters(o.title + o.summary)) == 1, o.id


def number_boxes(path: Path, tmp: Path) -> dict[int, tuple[float, float, float]]:
    """Per page (from 1): the right edge, top and bottom of the running number's last word."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = {}
    for n, page in enumerate(html.split("<page ")[1:], start=1):
        words = re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page
        )
        tail = [w for w in words if float(w[1]) > 800]
        if len(tail) >= 3 and tail[-2][4] == "/":
            found[n] = (float(tail[-1][2]), float(tail[-1][1]), float(tail[-1][3]))
            assert tail[-3][4] == str(n) and tail[-1][4] == str(len(html.split("<page ")) - 1)
    return found


def test_running_numbers_are_continuous_and_sit_where_weasyprint_puts_them(pdfs):
    texts = pages_text(pdfs["split"])
    total = len(texts)
    for n, text in enumerate(texts[1:], start=2):
        assert re.search(rf"\b{n} / {total}\s*$", text.rstrip()), n
    assert not re.search(r"\b1 / ", texts[0])  # the cover has none
    split = number_boxes(pdfs["split"], pdfs["tmp"])
    whole = number_boxes(pdfs["whole"], pdfs["tmp"])
    assert sorted(split) == list(range(2, total + 1))
    for n in whole.keys() & split.keys():
        assert split[n] == pytest.approx(whole[n], abs=0.05), n


def named_dests(pdf: pikepdf.Pdf) -> dict[str, int]:
    pages = {page.objgen: i + 1 for i, page in enumerate(pdf.pages)}
    flat = list(pdf.Root.Names.Dests.Names)
    assert "/Kids" not in pdf.Root.Names.Dests
    names = [str(flat[i]) for i in range(0, len(flat), 2)]
    assert names == sorted(names)  # a name tree is sorted
    return {str(flat[i]): pages[flat[i + 1][0].objgen] for i in range(0, len(flat), 2)}


def test_every_internal_link_and_bookmark_lands_on_its_target(pdfs):
    c, path = pdfs["c"], pdfs["split"]
    texts = [letters(t) for t in pages_text(path)]
    where = {f"tilbud-{o.id}": letters(o.title + o.summary) for o in c.offers}
    where |= {f"omraade-{a.id}": letters(a.label) for a in c.areas.values()}
    with pikepdf.open(path) as pdf:
        dests = named_dests(pdf)
        links = [
            str(annot.Dest)
            for page in pdf.pages
            for annot in page.get("/Annots", ())
            if "/Dest" in annot
        ]
    assert set(where) <= set(links)  # the contents link every area and offer
    for name in links:
        assert texts[dests[name] - 1].find(where[name]) >= 0, (name, dests[name])
    top, below, parent = outline(path)
    expected = [(a.label, dests[f"omraade-{a.id}"]) for a in c.settings.areas if a.id in c.areas]
    assert set(expected) <= top
    for o in c.offers:
        assert (o.title, dests[f"tilbud-{o.id}"]) in below, o.id
        assert parent[o.title] == c.areas[o.area].label
    with pikepdf.open(path) as pdf, pdf.open_outline() as tree:
        order = [item.title for item in tree.root]
    assert order.index(c.areas["beskaeftigelse"].label) < order.index(c.areas["sundhed"].label)


def marked_content_ids(page: pikepdf.Page) -> list[int]:
    ids = []
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
            if "/MCID" in operands[1]:
                ids.append(int(operands[1].MCID))
    return ids


def test_one_structure_tree_covers_every_page_and_link(pdfs):
    with pikepdf.open(pdfs["split"]) as pdf:
        root = pdf.Root
        assert str(root.Lang) == "da" and root.MarkInfo.Marked
        assert root.ViewerPreferences.DisplayDocTitle
        assert "Tilbudskatalog" in str(pdf.docinfo.Title)
        tree = root.StructTreeRoot
        [document] = list(tree.K)
        assert document.S == "/Document"
        flat = list(tree.ParentTree.Nums)
        nums = {int(flat[i]): flat[i + 1] for i in range(0, len(flat), 2)}
        assert int(tree.ParentTreeNextKey) == max(nums) + 1
        used = []
        for page in pdf.pages:
            key = int(page.StructParents)
            used.append(key)
            elements = nums[key]
            ids = marked_content_ids(page)
            assert ids and len(elements) == max(ids) + 1, key
            for mcid in ids:  # each marked piece of the page points back to this page
                assert elements[mcid].Pg.objgen == page.objgen, (key, mcid)
            for annot in page.get("/Annots", ()):
                used.append(int(annot.StructParent))
                assert nums[int(annot.StructParent)].objgen != page.objgen
        assert sorted(used) == sorted(nums) and len(set(used)) == len(used)  # none dangling
        # Every element of the tree hangs under the one Document and is on a page of this PDF.
        pages = {page.objgen for page in pdf.pages}

        def walk(node: pikepdf.Object, parent: pikepdf.Object) -> int:
            if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
                return 0
            assert node.P.objgen == parent.objgen
            if "/Pg" in node:
                assert node.Pg.objgen in pages
            kids = node.get("/K", [])
            return 1 + sum(
                walk(k, node) for k in (kids if isinstance(kids, pikepdf.Array) else [kids])
            )

        assert sum(walk(kid, document) for kid in document.K) > 1000
    assert "" not in figures(pdfs["split"])


def test_fonts_are_embedded_each_subset_named_once_and_two_renders_are_identical(pdfs):
    rows = subprocess.run(
        ["pdffonts", str(pdfs["split"])], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), rows
    names = [row.split()[0] for row in rows]
    assert len(names) == len(set(names)), names  # each part's subsets have their own tags
    assert pdfs["split"].read_bytes() == pdfs["again"].read_bytes()
