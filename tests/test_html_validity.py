"""Every built page is valid HTML by the Nu Html Checker (vnu), the example's and a new project's."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from vifte.mkdocs.build import build_site

from .conftest import REPO

VNU = REPO / "node_modules/vnu-jar/build/dist/vnu.jar"


def vnu_errors(*sites: Path) -> list[str]:
    """The checker's errors on every HTML file in the folders, one line each."""
    if not VNU.exists():
        pytest.fail("the Nu Html Checker is missing; run: bash .ci/install --test")
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "gnu"]
        + [str(s) for s in sites],
        capture_output=True,
        text=True,
        check=False,
    )
    return [line for line in run.stderr.splitlines() + run.stdout.splitlines() if line.strip()]


def test_every_page_of_the_example_and_a_new_project_is_valid_html(example_site, project, tmp_path):
    new_site = build_site(project / "mkdocs.yml", tmp_path / "site")
    pages = list(example_site.rglob("*.html")) + list(new_site.rglob("*.html"))
    assert len(pages) > 110
    errors = vnu_errors(example_site, new_site)
    assert errors == [], f"{len(errors)} errors:\n" + "\n".join(errors[:20])


def test_the_checker_reports_an_invalid_page(tmp_path):
    """The test above can fail: an `autocomplete` on a checkbox is reported."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "index.html").write_text(
        '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>x</title></head>'
        '<body><input type="checkbox" autocomplete="off"></body></html>',
        encoding="utf-8",
    )
    errors = vnu_errors(bad)
    assert len(errors) == 1 and re.search(r"autocomplete", errors[0])
