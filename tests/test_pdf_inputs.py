"""`vifte pdf` and the cache: a change to any file a render reads makes the PDF again, and the
PDFs it writes can be read by a web server running as another user."""

from __future__ import annotations

import os
import re
import stat
from importlib.resources import files
from pathlib import Path

import pytest

from vifte.cli import main

from .test_pdf_cache import SECOND


def made(project: Path, out: Path, capsys: pytest.CaptureFixture[str], *options: str) -> int:
    """Run `vifte pdf` with `options`; how many PDFs it rendered (not reused)."""
    assert main(["pdf", "-p", str(project), "--out", str(out), *options]) == 0
    line = re.search(r"PDF'er: (\d+) lavet, (\d+) genbrugt", capsys.readouterr().err)
    assert line
    return int(line.group(1))


def test_each_kind_of_input_a_render_reads_makes_the_pdf_again(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    (project / "catalogue/offers/samtalegruppe.yaml").write_text(
        SECOND.format(summary="Tal med andre om det.")
        + "image: {file: kop.png, alt: En kop kaffe}\n",
        "utf-8",
    )
    images = project / "catalogue/images"
    images.mkdir(exist_ok=True)
    cup = Path(__file__).parent.parent / "catalogue/images/cafe-kop.png"
    (images / "kop.png").write_bytes(cup.read_bytes())
    out = tmp_path / "ud"
    catalogue = ("--format", "katalog")
    offer = ("--format", "tilbud", "--theme", "trivsel")
    assert made(project, out, capsys, *catalogue) == 1
    assert made(project, out, capsys, *offer) == 1
    assert made(project, out, capsys, *catalogue) == 0

    logo = project / "theme/assets/images/logo.svg"
    before = (out / "katalog.pdf").read_bytes()
    logo.write_text(logo.read_text("utf-8").replace("#ffffff", "#ffd700"), "utf-8")
    assert made(project, out, capsys, *catalogue) == 1, "a new logo under the same name"
    assert (out / "katalog.pdf").read_bytes() != before

    (images / "kop.png").write_bytes(
        (Path(__file__).parent.parent / "catalogue/images/anne-holm.png").read_bytes()
    )
    assert made(project, out, capsys, *offer) == 1, "a new image under the same name"

    css = files("vifte").joinpath("templates/print/print.css").read_text("utf-8")
    own = project / "theme/vifte/print/print.css"
    own.parent.mkdir(parents=True)
    own.write_text(css + "\n.p-title { letter-spacing: .01em; }\n", "utf-8")
    assert made(project, out, capsys, *catalogue) == 1, "print.css overridden in theme/"
    template = files("vifte").joinpath("templates/print/catalogue.html").read_text("utf-8")
    (own.parent / "catalogue.html").write_text(template.replace("</h1>", "!</h1>"), "utf-8")
    assert made(project, out, capsys, *catalogue) == 1, "a template overridden in theme/"

    settings = project / "catalogue/settings.yaml"
    settings.write_text(settings.read_text("utf-8").replace("#1d4f91", "#1d4f92"), "utf-8")
    assert made(project, out, capsys, *catalogue) == 1, "settings.yaml"
    offer_file = project / "catalogue/offers/samtalegruppe.yaml"
    offer_file.write_text(offer_file.read_text("utf-8").replace("om det.", "om det, du vil."))
    assert made(project, out, capsys, *offer) == 1, "the offer"
    assert made(project, out, capsys, *offer) == 0


def test_pdfs_are_written_readable_for_everyone_as_build_writes_them(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    umask = os.umask(0o022)
    try:
        made(project, tmp_path / "ud", capsys, "--format", "katalog")
    finally:
        os.umask(umask)
    mode = stat.S_IMODE((tmp_path / "ud/katalog.pdf").stat().st_mode)
    assert mode == 0o644, oct(mode)


def test_a_file_as_pdf_folder_is_called_the_pdf_folder(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    target = tmp_path / "noter.txt"
    target.write_text("mine noter", "utf-8")
    assert main(["pdf", "-p", str(project), "--out", str(target), "--format", "katalog"]) == 1
    err = capsys.readouterr().err
    assert f"PDF-mappen {target} er en fil, ikke en mappe" in err
    assert "sitemappen" not in err and "Traceback" not in err
    assert target.read_text("utf-8") == "mine noter"
