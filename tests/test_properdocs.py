"""ProperDocs, the maintained continuation of MkDocs 1.x, is a tested bridge: `properdocs build`
gives the same site as `vifte build`, for the example and for a new municipality's project.

Both commands run as a municipality would run them, each in its own process (ProperDocs answers
`import mkdocs` with itself, so it cannot share a process with MkDocs). Two differences are allowed:
each generator names itself in `<meta name="generator">` (and so the offline store's version, a
hash over the pages, differs: OFFLINE_VERSION), and `vifte build` marks the folder it built
(MARKER), so that a later build may replace it; `properdocs build` writes no mark.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

from vifte.domain.routes import OFFLINE_LIST_PATH, OFFLINE_WORKER_PATH, PDF_FOLDER
from vifte.publish.site_dir import MARKER

BIN = Path(sys.executable).parent
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
OFFLINE_VERSION = re.compile(rb'"version":"[0-9a-f]{16}"')


def _env() -> dict[str, str]:
    """The environment both builds run in: the same "today"."""
    return {
        **os.environ,
        "VIFTE_TODAY": dt.date.today().isoformat(),  # a build across midnight sees the same day
    }


def _without_pdfs(project: Path) -> None:
    """The plugin's own option, which plain `properdocs build` reads (the one place PDFs go off)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    plugin = next(line for line in text.splitlines() if line.strip().startswith("- vifte"))
    config.write_text(text.replace(plugin, "  - vifte:\n      pdf: false", 1), encoding="utf-8")


def _run(command: list[str | Path], cwd: Path, env: dict[str, str]) -> None:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{command[0]} failed:\n{done.stdout}\n{done.stderr}"


def _build_both(project: Path, out: Path, *, pdf: bool) -> tuple[Path, Path]:
    """Build the project with `properdocs build` and with `vifte build`; the two site folders."""
    env = _env()
    theirs, ours = out / "properdocs-site", out / "vifte-site"
    _run([BIN / "properdocs", "build", "-f", "mkdocs.yml", "-d", theirs], project, env)
    no_pdf = [] if pdf else ["--no-pdf"]
    _run([BIN / "vifte", "build", "-p", project, "-d", ours, *no_pdf], project, env)
    return theirs, ours


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def _generators(site: Path) -> set[bytes]:
    return {m for p in site.rglob("*.html") for m in GENERATOR.findall(p.read_bytes())}


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    if path.name in (OFFLINE_LIST_PATH, OFFLINE_WORKER_PATH):
        return OFFLINE_VERSION.sub(b"", data)
    return GENERATOR.sub(b"", data) if path.suffix == ".html" else data


def _assert_same_site(theirs: Path, ours: Path) -> None:
    their_files, our_files = _files(theirs), _files(ours)
    assert our_files.pop(MARKER, None), "vifte build marks the folder it built"
    assert sorted(their_files) == sorted(our_files)
    differ = [
        name for name in our_files if _content(our_files[name]) != _content(their_files[name])
    ]
    assert differ == [], f"{len(differ)} files differ, e.g. {differ[:5]}"
    # Each tool really ran: ProperDocs names itself where MkDocs names its version.
    their_names, our_names = _generators(theirs), _generators(ours)
    assert their_names and all(b"ProperDocs" in name for name in their_names), their_names
    assert our_names and not any(b"ProperDocs" in name for name in our_names), our_names


def _assert_vifte_ran(site: Path, project: Path) -> None:
    """The pages, data and search index vifte's plugin makes are there, not only site_src/'s pages."""
    pages = {p.parent.name for p in site.rglob("index.html")}
    offers = {p.stem for p in (project / "catalogue/offers").glob("*.yaml")}
    assert offers & pages, "no offer has a page: vifte's plugin did not run"  # drafts have none
    assert (site / "data/catalogue.json").is_file()
    assert (site / "pagefind/pagefind.js").is_file()


def test_properdocs_builds_the_example_as_vifte_build_does(example_copy, tmp_path):
    """PDFs off: the example's 121 PDFs would take half a minute (the small project has them)."""
    _without_pdfs(example_copy)
    theirs, ours = _build_both(example_copy, tmp_path, pdf=False)
    assert not (theirs / PDF_FOLDER).exists(), "the plugin's pdf option turns the PDFs off"
    _assert_vifte_ran(theirs, example_copy)
    _assert_same_site(theirs, ours)


def test_properdocs_builds_a_new_municipalitys_project_with_its_pdfs(tmp_path):
    project = tmp_path / "kommune"
    _run([BIN / "vifte", "init", project], tmp_path, _env())
    # properdocs first: it renders the PDFs; vifte build finds them unchanged in the PDF cache.
    theirs, ours = _build_both(project, tmp_path, pdf=True)
    _assert_vifte_ran(theirs, project)
    assert sorted(p.name for p in theirs.rglob("*.pdf")), "properdocs build renders the PDFs"
    _assert_same_site(theirs, ours)
