"""A synthetic project large enough to stop its build half-way, built once for the whole run.

The stopped-build tests (test_hostile, test_site_dir) each need a project of 600 offers and the
site a finished `vifte build --no-pdf` made of it, before they change an offer and stop the next
build. The first build is the same in every one of them, so one worker makes it (`built_once`)
and each test works on its own copy of the project and the site.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .shared import built_once, wait_until

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

OFFERS = 600  # enough that the build is still writing pages when the test stops it


def build_command(root: Path, site: Path) -> list[str]:
    """`vifte build --no-pdf` of `root` into `site`, as its own process."""
    return [sys.executable, "-m", "vifte", "build", "--no-pdf", "-p", str(root)] + [
        "--site-dir",
        str(site),
    ]


def wait_for_staging(parent: Path, process: subprocess.Popen) -> None:
    """Wait until the build `process` writes pages into its staging folder in `parent`."""

    def writing() -> bool:
        return any(
            p.name.startswith(".vifte-build-") and any(p.rglob("*.html")) for p in parent.iterdir()
        )

    wait_until(writing, "staging folder with pages (the build finished too early?)", process)


def _make(folder: Path) -> None:
    from synthetic import make_project  # benchmarks/synthetic.py: synthetic offers

    make_project(folder / "stor", OFFERS)
    subprocess.run(build_command(folder / "stor", folder / "site"), check=True, capture_output=True)


def large_built_copy(tmp_path_factory: pytest.TempPathFactory, into: Path) -> tuple[Path, Path]:
    """A copy in `into` of the large project (`stor`) and of the site built from it (`site`)."""
    shared = built_once(tmp_path_factory, f"large-{OFFERS}", _make)
    root, site = into / "stor", into / "site"
    shutil.copytree(shared / "stor", root, symlinks=True)
    shutil.copytree(shared / "site", site, symlinks=True)
    return root, site
