"""A broken mkdocs.yml: one Danish line with file and line in `vifte build` and `vifte serve`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Edit = Callable[[str], str]


def _line_of(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))


CASES: list[tuple[str, Edit, Callable[[str, Path], str]]] = [
    (
        "syntax error",
        lambda t: "site_description: Tilbud: job og trivsel\n" + t,
        lambda t, p: (
            "mkdocs.yml:1:25: error: der står et kolon (:) et sted, hvor det ikke må "
            "stå; sæt teksten i anførselstegn"
        ),
    ),
    (
        "tab",
        lambda t: "\t" + t,
        lambda t, p: (
            "mkdocs.yml:1:1: error: "
            "filen indeholder et tabulatortegn; brug mellemrum til indrykning"
        ),
    ),
    (
        "not settings",
        lambda t: "- site_name\n- site_url\n",
        lambda t, p: (
            "mkdocs.yml:1:1: error: filen skal bestå af indstillinger som 'site_name: Min kommune'"
        ),
    ),
    (
        "unknown setting",
        lambda t: t + "site_ulr: https://tilbud.example.dk/\n",
        lambda t, p: (
            f"mkdocs.yml:{_line_of(t, 'site_ulr')}:1: error: "
            "ukendt indstilling 'site_ulr'; ret stavningen eller slet linjen"
        ),
    ),
    (
        "unknown plugin setting",
        lambda t: t.replace("  - vifte", "  - vifte:\n      exprt: false"),
        lambda t, p: (
            f"mkdocs.yml:{_line_of(t, '      exprt')}:7: error: "
            "udvidelsen 'vifte' har ingen indstilling, der hedder 'exprt'; "
            "ret stavningen eller slet linjen"
        ),
    ),
    (
        "unknown plugin",
        lambda t: t.replace("  - vifte", "  - vifter"),
        lambda t, p: (
            f"mkdocs.yml:{_line_of(t, '  - vifter')}:5: error: "
            "udvidelsen (plugin) 'vifter' er ikke installeret"
        ),
    ),
    (
        "missing docs_dir",
        lambda t: t.replace("docs_dir: site_src", "docs_dir: sider"),
        lambda t, p: (
            f"mkdocs.yml:{_line_of(t, 'docs_dir')}:1: error: "
            f"mappen {p / 'sider'} i 'docs_dir' findes ikke"
        ),
    ),
    (
        "missing inherited file",
        lambda t: "INHERIT: fælles.yml\n" + t,
        lambda t, p: "mkdocs.yml:1:1: error: filen 'fælles.yml', som INHERIT peger på, findes ikke",
    ),
    (
        "wrong type",
        lambda t: t.replace("use_directory_urls: true", "use_directory_urls: ja"),
        lambda t, p: (
            f"mkdocs.yml:{_line_of(t, 'use_directory_urls')}:1: error: "
            "'use_directory_urls' skal være true eller false, ikke en tekst"
        ),
    ),
]


@pytest.mark.parametrize("command", ["build", "serve"])
@pytest.mark.parametrize("edit, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_broken_mkdocs_yml_gives_one_danish_line(project, tmp_path, command, edit, expected):
    config = project / "mkdocs.yml"
    config.write_text(edit(config.read_text(encoding="utf-8")), encoding="utf-8")
    temp = tmp_path / "temp"
    temp.mkdir()
    args = (
        ["--site-dir", str(tmp_path / "site"), "--no-pdf"]
        if command == "build"
        else ["-a", "127.0.0.1:1"]
    )
    result = subprocess.run(
        [sys.executable, "-m", "vifte", command, "-p", str(project), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TMPDIR": str(temp)},
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [expected(config.read_text(encoding="utf-8"), project)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kommune", "temp"]
    assert list(temp.iterdir()) == []  # no preview folder is left behind


def _check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vifte", "check", "-p", str(project)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_reads_the_docs_dir_that_build_reads(project):
    """check walks the docs_dir named in mkdocs.yml, not site_src/, so it refuses what build refuses."""
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("docs_dir: site_src", "docs_dir: sider"),
        encoding="utf-8",
    )
    (project / "site_src").rename(project / "sider")
    assert _check(project).returncode == 0
    os.symlink("/etc/passwd", project / "sider" / "noter.png")
    result = _check(project)
    assert result.returncode == 1
    assert "sider/noter.png: error:" in result.stdout, result.stdout


def test_check_reports_a_broken_mkdocs_yml(project):
    config = project / "mkdocs.yml"
    config.write_text("\t" + config.read_text(encoding="utf-8"), encoding="utf-8")
    result = _check(project)
    assert result.returncode == 1
    assert "mkdocs.yml:1:1: error: filen indeholder et tabulatortegn" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
