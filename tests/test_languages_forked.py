"""A site's languages are built on two cores (issue 27, target 5): a forked child builds half of
them, and the site is byte for byte the one a single process builds."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import threading
from pathlib import Path

from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project

COUNTED = """
import os, sys
from vifte.cli import main
forks = []
fork = os.fork
def counted():
    pid = fork()
    if pid:
        forks.append(pid)
    return pid
os.fork = counted
code = main(sys.argv[1:])
print("forks:", len(forks))
sys.exit(code)
"""
"""`vifte` with its forks counted (a `vifte init` project has too few pages to fork for them)."""


def _files(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())


def test_the_languages_are_built_in_a_forked_child_and_the_site_is_the_same(tmp_path):
    root = tmp_path / "p"
    init_project(root, "Prøveby Kommune")
    settings = root / "catalogue" / "settings.yaml"
    settings.write_text("languages: [en, uk, ar]\n" + settings.read_text("utf-8"), "utf-8")
    forked = tmp_path / "forked"
    run = subprocess.run(
        [sys.executable, "-c", COUNTED, "build", "--no-pdf", "-p", root, "-d", forked],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    if (os.cpu_count() or 1) >= 2:
        assert "forks: 1" in run.stdout, run.stdout
    # The same build in one process: another thread alive keeps it from forking.
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        single = build_site(root / "mkdocs.yml", tmp_path / "single", pdf=False)
    finally:
        stop.set()
        other.join()
    files = _files(forked)
    assert files == _files(single)
    assert {"en/index.html", "uk/index.html", "ar/index.html"} <= set(files)
    _, differ, errors = filecmp.cmpfiles(forked, single, files, shallow=False)
    assert differ == [] and errors == []
