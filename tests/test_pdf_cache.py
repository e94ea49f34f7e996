"""The PDF cache: an unchanged PDF is reused, a changed offer re-renders exactly its PDFs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from vifte.cli import main
from vifte.output import pdf_cache
from vifte.output.pdf_cache import FOLDER

from .conftest import REPO
from .test_pdf import letters, text_of

SECOND = """\
title: Samtalegruppe om hverdagen
area: social
access: direkte
themes: [trivsel]
target_groups: [aktivitetsparat]
summary: {summary}
description: Vi mødes og taler om det, der fylder i hverdagen.
provider: {{name: Socialcenteret}}
contact: {{phone: "70 00 00 02"}}
"""


def build(
    project: Path, site: Path, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[int, int]:
    """Build with PDFs; the numbers of PDFs rendered and reused, from the build's own line."""
    assert main(["build", "-p", str(project), "--site-dir", str(site), *options]) == 0
    line = re.search(r"PDF'er: (\d+) lavet, (\d+) genbrugt", capsys.readouterr().err)
    assert line, "the build names what it rendered and reused"
    return int(line.group(1)), int(line.group(2))


def pdfs(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "pdf").rglob("*.pdf")}


@pytest.fixture
def two_offers(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(pdf_cache, "GRACE", 0.0)
    offer = project / "catalogue/offers/samtalegruppe.yaml"
    offer.write_text(SECOND.format(summary="Tal med andre om det, der er svært."), "utf-8")
    return project


def test_a_rebuild_reuses_every_pdf_and_a_changed_offer_renders_exactly_its_own(
    two_offers, tmp_path, capsys
):
    project = two_offers
    rendered, reused = build(project, tmp_path / "a", capsys)
    first = pdfs(tmp_path / "a")
    assert (rendered, reused) == (len(first), 0) and len(first) >= 8
    assert build(project, tmp_path / "b", capsys) == (0, len(first))
    assert pdfs(tmp_path / "b") == first

    offer = project / "catalogue/offers/samtalegruppe.yaml"
    offer.write_text(SECOND.format(summary="Et helt nyt resumé om samvær."), "utf-8")
    rendered, reused = build(project, tmp_path / "c", capsys)
    changed = pdfs(tmp_path / "c")
    showing = {p for p in changed if letters("Et helt nyt resumé om samvær") in _text(tmp_path, p)}
    assert {"pdf/katalog.pdf", "pdf/tilbud/samtalegruppe.pdf"} <= showing
    assert "pdf/tilbud/virksomhedspraktik.pdf" not in showing
    assert (rendered, reused) == (len(showing), len(changed) - len(showing))
    assert {p for p in changed if changed[p] != first[p]} == showing
    # The stale entries are gone: the cache holds what the latest build used.
    entries = list((project / FOLDER).glob("*.entry"))
    assert len(entries) == len(changed)

    shutil.rmtree(project / FOLDER)
    assert build(project, tmp_path / "d", capsys) == (len(changed), 0)
    assert pdfs(tmp_path / "d") == changed


def _text(site_parent: Path, path: str) -> str:
    return letters(text_of(site_parent / "c" / path))


def test_a_damaged_or_half_written_entry_is_rendered_again_never_used(two_offers, tmp_path, capsys):
    project = two_offers
    build(project, tmp_path / "a", capsys)
    first = pdfs(tmp_path / "a")
    entries = sorted((project / FOLDER).glob("*.entry"))
    cut, flipped = entries[0], entries[1]
    cut.write_bytes(cut.read_bytes()[:-100])  # as if killed mid-write, without the rename
    data = bytearray(flipped.read_bytes())
    data[-50] ^= 0xFF
    flipped.write_bytes(bytes(data))
    (project / FOLDER / ".tmp-left-by-kill").write_bytes(b"%PDF half")
    assert build(project, tmp_path / "b", capsys) == (2, len(first) - 2)
    assert pdfs(tmp_path / "b") == first
    assert not (project / FOLDER / ".tmp-left-by-kill").exists()


def test_each_edition_keeps_its_entries_and_the_cache_is_git_ignored(two_offers, tmp_path, capsys):
    project = two_offers
    rendered, _ = build(project, tmp_path / "a", capsys)
    internal, _ = build(project, tmp_path / "intern", capsys, "--edition", "intern")
    assert internal > 0
    assert build(project, tmp_path / "b", capsys) == (0, rendered)
    assert build(project, tmp_path / "intern", capsys, "--edition", "intern") == (0, internal)
    assert "/.vifte-*/" in (project / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/.vifte-cache/" in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
