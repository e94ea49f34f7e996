"""`vifte pdf`, run as staff run it: the chosen brochures only, in a folder it may write."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from vifte.domain.edition import INTERNAL
from vifte.domain.images import Pictures
from vifte.output.brochures import _jobs
from vifte.output.pages import Renderer
from vifte.output.products import PRODUCTS
from vifte.source.validate import require_catalogue

from .conftest import REPO
from .test_pdf import text_of
from .test_pdf_cache import SECOND


def vifte(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vifte", *args], capture_output=True, text=True)


@pytest.fixture
def two(project: Path) -> Path:
    offer = project / "catalogue/offers/samtalegruppe.yaml"
    offer.write_text(SECOND.format(summary="Tal med andre om det, der er svært."), "utf-8")
    return project


def made(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.pdf"))


def test_it_makes_only_the_chosen_pdfs_says_what_and_shares_the_cache_with_build(two, tmp_path):
    done = vifte("pdf", "-p", str(two), "--format", "omraade", "--area", "social")
    assert done.returncode == 0, done.stderr
    out = two / "brochurer"
    assert made(out) == ["omraader/social.pdf"]
    with pikepdf.open(out / "omraader/social.pdf") as doc:
        pages = len(doc.pages)
    kb = max(1, round((out / "omraader/social.pdf").stat().st_size / 1000))
    side = "side" if pages == 1 else "sider"
    assert f"{out / 'omraader/social.pdf'}  ({pages} {side}, {kb} kB)" in done.stdout
    assert "PDF'er: 1 lavet, 0 genbrugt" in done.stderr

    # The offers of a theme, as PDFs, and nothing else.
    done = vifte("pdf", "-p", str(two), "--format", "tilbud", "--theme", "trivsel")
    assert done.returncode == 0, done.stderr
    assert made(out) == ["omraader/social.pdf", "tilbud/samtalegruppe.pdf"]

    done = vifte("pdf", "-p", str(two))
    assert done.returncode == 0, done.stderr
    everything = made(out)
    assert "katalog.pdf" in everything and "tilbud/virksomhedspraktik.pdf" in everything
    assert f"PDF'er: {len(everything) - 2} lavet, 2 genbrugt" in done.stderr
    done = vifte("build", "-p", str(two), "--site-dir", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    assert f"PDF'er: 0 lavet, {len(everything)} genbrugt" in done.stderr
    site = tmp_path / "site/pdf"
    assert all((site / p).read_bytes() == (out / p).read_bytes() for p in everything)


def test_the_internal_edition_goes_to_its_own_folder(two):
    done = vifte("pdf", "-p", str(two), "--edition", "intern", "--format", "katalog")
    assert done.returncode == 0, done.stderr
    assert made(two / "brochurer-intern") == ["katalog.pdf"]
    assert "Lov om en aktiv beskæftigelsesindsats" in text_of(two / "brochurer-intern/katalog.pdf")
    # The public edition may not overwrite it.
    done = vifte("pdf", "-p", str(two), "--out", str(two / "brochurer-intern"))
    assert done.returncode == 1
    assert "rummer udgaven 'intern'" in done.stderr


def test_unknown_ids_and_formats_are_named_with_the_valid_ones(two):
    done = vifte("pdf", "-p", str(two), "--area", "nej", "--target-group", "x", "--format", "bog")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "ukendt område 'nej'; mulige: beskaeftigelse, social, sundhed" in done.stderr
    assert "ukendt målgruppe 'x'; mulige: jobparat, aktivitetsparat" in done.stderr
    assert "ukendt format 'bog'; mulige formater: katalog, omraade" in done.stderr
    assert not (two / "brochurer").exists()


def test_it_refuses_the_project_the_folders_the_build_reads_and_a_foreign_folder(two, tmp_path):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notat.txt").write_text("mit eget", encoding="utf-8")
    cases = {
        two: "er selve projektmappen",
        two / "catalogue": "er en mappe, bygningen læser fra",
        two / "catalogue/images/pdf": "som bygningen læser fra",
        two.parent: "indeholder projektmappen",
        foreign: "er ikke tom og er ikke bygget af vifte",
    }
    for folder, reason in cases.items():
        done = vifte("pdf", "-p", str(two), "--format", "tilbud", "--out", str(folder))
        assert done.returncode == 1, folder
        assert reason in done.stderr, (folder, done.stderr)
        assert "Traceback" not in done.stderr
    assert made(two) == [] and sorted(os.listdir(foreign)) == ["notat.txt"]


def test_every_kind_of_pdf_has_a_danish_product_name():
    catalogue, _ = require_catalogue(REPO)
    catalogue = catalogue.for_edition(INTERNAL)
    renderer = Renderer(catalogue, [])
    renderer.env.globals["picture"] = Pictures(REPO / "catalogue/images")
    kinds = {
        job.kind for job in _jobs(catalogue, renderer.env, INTERNAL, REPO / "catalogue/images")
    }
    assert kinds - set(PRODUCTS) == set()
