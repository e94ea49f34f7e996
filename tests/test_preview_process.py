"""The preview's full build runs in a process of its own that starts from the preview's state.

The builders here are tiny functions of this module (the `Builder` contract: options, folder,
pages), so the tests prove the process handling itself; test_serve_incremental.py proves the
same with real builds of a project.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from vifte.preview import process
from vifte.preview.builds import Builder, Failed, Site, Stopped

WARM: list[str] = []
"""Set in the preview's process before the full build: a fork sees it, a fresh interpreter not."""


def build_marked(options: dict[str, object], folder: Path, pages: list[str] | None) -> None:
    folder.mkdir(parents=True)
    mark = {"pid": os.getpid(), "warm": list(WARM)}
    (folder / "index.html").write_text(json.dumps(mark), encoding="utf-8")


def build_failing(options: dict[str, object], folder: Path, pages: list[str] | None) -> None:
    raise RuntimeError("catalogue/offers/x.yaml:3: error: titlen mangler")


def build_forever(options: dict[str, object], folder: Path, pages: list[str] | None) -> None:
    Path(str(options["pid"])).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(120)


def _site(tmp_path: Path) -> tuple[Site, list[str]]:
    said: list[str] = []
    site = Site(tmp_path / "site", tmp_path, said.append)
    site.root.mkdir()
    return site, said


def test_the_full_build_runs_in_a_fork_that_starts_warm(tmp_path):
    """What this process has loaded (imports, parsed files, compiled templates) the full build
    has too: it does not start from a fresh interpreter (decision 73)."""
    assert process.FORK  # Linux, where the preview and its tests run
    WARM[:] = ["filled by the preview's process"]
    try:
        site, said = _site(tmp_path)
        assert site.full(Builder(f"{__name__}:build_marked"), stop=lambda: False) == 1
        mark = json.loads((site.root / "index.html").read_text(encoding="utf-8"))
    finally:
        WARM.clear()
    assert mark["pid"] != os.getpid()
    assert mark["warm"] == ["filled by the preview's process"]
    assert site.child is None and not said


@pytest.mark.parametrize("fork", [True, False], ids=["fork", "fresh-interpreter"])
def test_a_failed_full_build_brings_its_problems_back_and_keeps_the_site(
    tmp_path, monkeypatch, fork
):
    monkeypatch.setattr("vifte.preview.builds.FORK", fork)
    site, said = _site(tmp_path)
    (site.root / "index.html").write_text("den sidste gode udgave", encoding="utf-8")
    with pytest.raises(Failed):
        site.full(Builder(f"{__name__}:build_failing"), stop=lambda: False)
    assert site.problems == ("catalogue/offers/x.yaml:3: error: titlen mangler",)
    assert (site.root / "index.html").read_text(encoding="utf-8") == "den sidste gode udgave"
    assert said[0].startswith("Siden kunne ikke bygges")


def test_a_newer_save_ends_the_forked_build_at_once(tmp_path):
    site, _ = _site(tmp_path)
    started = tmp_path / "pid"
    with pytest.raises(Stopped):  # a save as soon as the build runs
        site.full(Builder(f"{__name__}:build_forever", {"pid": str(started)}), started.exists)
    assert site.child is None
    pid = int(started.read_text(encoding="utf-8"))
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # gone, and reaped: no zombie
    assert list(site.root.iterdir()) == []


def test_a_kept_parse_comes_back_as_a_copy_the_validator_may_change(tmp_path):
    """The preview keeps each file's parse (loader.PARSED); what a build changes in the copy it
    gets reaches neither the next build's copy nor the kept one."""
    from vifte.source.loader import Parsed

    path = tmp_path / "x.yaml"
    text = "title: Praktik\nstart: 9:30\nthemes:\n  - arbejde\nid: x\nid: y\n"
    kept = Parsed()
    first = kept.parse(text, path)
    assert first.problems and first.written  # a duplicate key; 9:30 as YAML 1.1 reads it
    again = kept.parse(text, path)
    assert again.data == first.data and again.positions == first.positions
    again.data["themes"].append("bolig")
    again.data["title"] = "ændret"
    again.positions[("title",)] = (99, 1)
    again.key_positions.clear()
    again.problems[0].line = 99
    again.problems.clear()
    again.spoiled.add(("themes",))
    again.incomplete.add(())
    again.written.clear()
    third = kept.parse(text, path)
    assert third.data == {"title": "Praktik", "start": 570, "themes": ["arbejde"], "id": "x"}
    assert third.positions == first.positions and third.key_positions == first.key_positions
    assert [(p.message, p.line) for p in third.problems] == [
        (p.message, p.line) for p in first.problems
    ]
    assert (third.spoiled, third.incomplete, third.written) == (
        first.spoiled,
        first.incomplete,
        first.written,
    )


def test_a_file_is_hashed_again_only_when_its_size_or_time_changed(tmp_path):
    """Each save hashes only what may have changed; a file written within the clock's step
    of its last hash is read again, so two quick saves of the same size are both seen."""
    from vifte.preview.changes import fingerprints

    old, recent = tmp_path / "old.yaml", tmp_path / "recent.yaml"
    for path in (old, recent):
        path.write_text("title: A\n", encoding="utf-8")
    settled = time.time_ns() - 60 * 10**9
    os.utime(old, ns=(settled, settled))
    paths = [str(old), str(recent)]
    known: dict = {}
    first = fingerprints(paths, known)
    for path in (old, recent):  # the same size, and the time put back as it was
        when = path.stat().st_mtime_ns
        path.write_text("title: B\n", encoding="utf-8")
        os.utime(path, ns=(when, when))
    second = fingerprints(paths, known)
    assert second[old] == first[old]  # not read again: it looks as it did, long after its write
    assert second[recent] != first[recent]  # read again: hashed just after it was written
    assert fingerprints(paths)[old] != first[old]  # without `known`, every file is read
    old.unlink()
    fingerprints(paths, known)
    assert list(known) == [str(recent)]
