"""`vifte serve` after an edit: the edited item's page first (quick step), then the whole site.

Each test drives the preview's own rebuild (what its watcher calls after a save) on a real
project and compares what it serves with a full build of the same files, byte for byte.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from vifte.domain.edition import PUBLIC
from vifte.mkdocs.config import project_at
from vifte.preview.builds import Builder, Site
from vifte.preview.session import Session

OFFER = "catalogue/offers/virksomhedspraktik.yaml"
PAGE = "tilbud/virksomhedspraktik/index.html"


@dataclass
class Preview:
    """The preview's rebuilds and what it serves, without the HTTP server around it."""

    session: Session
    said: list[str]

    def rebuild(self) -> bool | None:
        return self.session.rebuild()

    def complete(self) -> None:
        """Run the rebuild again while one is due (the complete step after a quick one)."""
        while self.session.due:
            self.session.due = False
            assert self.rebuild()

    @property
    def site(self) -> Path:
        return self.session.site.root


def _preview(project: Path, work: Path, quick: bool = True) -> Preview:
    root = work / "site"
    root.mkdir(parents=True)
    said: list[str] = []
    config = project / "mkdocs.yml"
    options = {"config": str(config), "edition": PUBLIC.name, "pdf": False}
    builder = Builder("vifte.mkdocs.serve:build_into", options)
    session = Session(
        project_at(project), builder, Site(root, work, said.append), files=(config,), quick=quick
    )
    preview = Preview(session, said)
    assert preview.rebuild(), said
    return preview


@pytest.fixture
def preview(project: Path, tmp_path: Path) -> Iterator[Preview]:
    yield _preview(project, tmp_path / "serve")


def _files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def _full_build(project: Path) -> dict[str, bytes]:
    """Every file of a fresh full preview build of the project as it is now."""
    with tempfile.TemporaryDirectory() as tmp:
        return _files(_preview(project, Path(tmp), quick=False).site)


def _edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _assert_same(served: dict[str, bytes], full: dict[str, bytes]) -> None:
    assert served.keys() == full.keys(), served.keys() ^ full.keys()
    differ = [path for path in full if served[path] != full[path]]
    assert not differ, differ


def test_a_title_change_shows_its_page_first_then_the_whole_site(project, preview):
    _edit(project, OFFER, "title: Virksomhedspraktik", "title: Praktik i en virksomhed")
    assert preview.rebuild()
    assert not preview.session.complete
    assert "<h1>Praktik i en virksomhed</h1>" in (preview.site / PAGE).read_text("utf-8")
    full = _full_build(project)
    assert (preview.site / PAGE).read_bytes() == full[PAGE]
    assert (preview.site / "sitemap.xml").read_bytes() == full["sitemap.xml"]
    assert preview.session.due, "the complete step is not asked for"
    preview.complete()
    assert preview.session.complete
    _assert_same(_files(preview.site), full)


def test_a_one_offer_change_renders_one_page_and_a_theme_change_all(project, preview):
    everything = preview.session.rendered
    assert everything >= 15
    _edit(project, OFFER, "title: Virksomhedspraktik", "title: Praktik i en virksomhed")
    assert preview.rebuild()
    assert preview.session.rendered == 1
    preview.complete()
    assert preview.session.rendered == everything
    (project / "theme" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    assert preview.rebuild()
    assert preview.session.complete and preview.session.rendered == everything
    assert not preview.session.due


def test_without_the_quick_step_every_page_is_rendered(project, tmp_path):
    """The count above tells the quick step from a full build: without it, all pages come again."""
    preview = _preview(project, tmp_path / "serve", quick=False)
    everything = preview.session.rendered
    _edit(project, OFFER, "title: Virksomhedspraktik", "title: Praktik i en virksomhed")
    assert preview.rebuild()
    assert preview.session.rendered == everything >= 15
    assert not preview.session.due


def test_adding_and_deleting_an_offer_equals_a_full_build(project, preview):
    added = project / "catalogue/offers/ny-praktik.yaml"
    text = (
        (project / OFFER)
        .read_text("utf-8")
        .replace("title: Virksomhedspraktik", "title: Ny praktik")
    )
    added.write_text(text, encoding="utf-8")
    assert preview.rebuild()
    preview.complete()
    assert "tilbud/ny-praktik/index.html" in _files(preview.site)
    _assert_same(_files(preview.site), _full_build(project))
    added.unlink()
    assert preview.rebuild()
    preview.complete()
    assert "tilbud/ny-praktik/index.html" not in _files(preview.site)
    _assert_same(_files(preview.site), _full_build(project))


def test_a_broken_offer_keeps_the_last_good_site_and_its_fix_is_quick(project, preview):
    before = _files(preview.site)
    _edit(project, OFFER, "title: Virksomhedspraktik", "title: [Virksomhedspraktik")
    assert not preview.rebuild()
    assert preview.session.site.problems and OFFER in preview.session.site.problems[0]
    assert _files(preview.site) == before
    _edit(project, OFFER, "title: [Virksomhedspraktik", "title: Praktik i en virksomhed")
    assert preview.rebuild()
    assert preview.session.site.problems == ()
    assert preview.session.rendered == 1
    full = _full_build(project)
    assert (preview.site / PAGE).read_bytes() == full[PAGE]
    preview.complete()
    _assert_same(_files(preview.site), full)


def test_a_broken_file_put_back_as_it_was_clears_the_errors(project, preview):
    """Undoing a bad edit gives the very files the served site was built from: the box goes."""
    offer = project / OFFER
    good = offer.read_text(encoding="utf-8")
    before = _files(preview.site)
    _edit(project, OFFER, "title: Virksomhedspraktik", "title: [Virksomhedspraktik")
    assert preview.rebuild() is False
    assert preview.session.site.problems
    offer.write_text(good, encoding="utf-8")
    assert preview.rebuild()
    assert preview.session.site.problems == ()
    assert _files(preview.site) == before


def test_a_broken_settings_file_fails_the_full_build_and_keeps_the_site(project, preview):
    """Not an item file: the full build in its own process fails, and its errors come back."""
    before = _files(preview.site)
    _edit(project, "catalogue/settings.yaml", "municipality:", "municipality: [")
    assert preview.rebuild() is False
    problems = preview.session.site.problems
    assert problems and problems[0].startswith("catalogue/settings.yaml:"), problems
    assert _files(preview.site) == before


def test_a_newer_edit_stops_the_complete_step_and_is_shown_first(project, preview):
    _edit(project, OFFER, "title: Virksomhedspraktik", "title: Praktik i en virksomhed")
    assert preview.rebuild()
    shown = _files(preview.site)
    preview.session.due = True  # what the watcher does when a file is saved meanwhile
    assert preview.rebuild() is None  # the complete step, stopped at once
    assert not preview.session.complete
    assert _files(preview.site) == shown
    _edit(project, OFFER, "title: Praktik i en virksomhed", "title: Praktik hos en arbejdsgiver")
    preview.session.due = False
    assert preview.rebuild()
    assert preview.session.rendered == 1
    assert "<h1>Praktik hos en arbejdsgiver</h1>" in (preview.site / PAGE).read_text("utf-8")
    preview.session.due = True
    preview.complete()
    assert preview.session.complete
    _assert_same(_files(preview.site), _full_build(project))


def test_a_build_in_the_same_process_after_a_preview_keeps_the_site_address(
    project, preview, tmp_path
):
    """MkDocs keeps the plugin object across builds of one process once it has served: a later
    build must not keep the preview's local address (no canonical links, a wrong sitemap)."""
    from vifte.mkdocs.build import build_site

    site = build_site(project / "mkdocs.yml", tmp_path / "built")
    page = (site / PAGE).read_text("utf-8")
    assert '<link rel="canonical" href="https://' in page
    assert "127.0.0.1" not in (site / "sitemap.xml").read_text("utf-8")
