"""One rebuild of the site `vifte serve` shows (decision 28, decision 47).

The quick step builds only the edited items' pages and lays them over the served site; a full
build goes to a fresh folder that replaces the served one only when it worked, so a failed
build leaves the last good site, with its errors in the browser's box. The site generator is
reached through one function, named by `Builder`, in this process or in a child of its own
that a newer save can stop: a fork of this process (process.py), or child.py without fork.
"""

from __future__ import annotations

import importlib
import json
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vifte.preview.changes import lay_over
from vifte.preview.process import FORK, STOPPED, Forked

Options = dict[str, Any]


@dataclass(frozen=True)
class Builder:
    """The generator's "build this into that folder" function, by name, and what it is given.

    `function` ("module:name") is called as function(options, folder, pages): it builds the whole
    site into the empty `folder`, or, with `pages` (source paths, e.g. tilbud/x.md), at least
    those pages' files; a failure raises an exception whose `report` (the diagnostics), `lines`
    or message says what is wrong, in Danish. `options` are plain JSON values.
    """

    function: str
    options: Options = field(default_factory=dict)

    def __call__(self, folder: Path, pages: list[str] | None = None) -> None:
        module, name = self.function.split(":")
        getattr(importlib.import_module(module), name)(self.options, folder, pages)


def problem_lines(failure: BaseException) -> tuple[str, ...]:
    """A failure's messages, one a line (a report's diagnostics without its count line)."""
    report = getattr(failure, "report", None)
    if report is not None:
        return tuple(str(d) for d in report.errors)
    lines = getattr(failure, "lines", None)
    if lines:
        return tuple(str(line) for line in lines)
    text = str(failure) or type(failure).__name__
    return tuple(line for line in text.splitlines() if line.strip())


def problems_file(folder: Path) -> Path:
    """Where a child's failed build leaves its problem lines (JSON), beside the site's folder."""
    return folder.with_name("problems.json")


def build_alone(builder: Builder, folder: Path) -> int:
    """A child's whole build into `folder`: 0, or 1 with its problem lines in problems_file."""
    try:
        builder(folder)
    except Exception as exc:  # shown in the browser's box by the preview
        text = json.dumps(list(problem_lines(exc)), ensure_ascii=False)
        problems_file(folder).write_text(text, encoding="utf-8")
        return 1
    return 0


class Failed(Exception):
    """A build did not work; its errors are shown (Site.problems) and the served site is kept."""


class Stopped(Exception):
    """A newer save (or the end of the preview) stopped a full build; nothing was replaced."""


@dataclass
class Site:
    """The served folder, its errors, and the work folder new builds are made in."""

    root: Path
    work: Path
    say: Callable[[str], None]
    problems: tuple[str, ...] = ()
    child: subprocess.Popen[bytes] | Forked | None = None

    def quick(self, builder: Builder, pages: list[str]) -> int | None:
        """Build `pages` and lay them over the served site: how many, or None when a full
        build must show the change; raises when the build failed (the errors are shown)."""
        staging = Path(tempfile.mkdtemp(prefix="sider-", dir=self.work)) / "site"
        try:
            self._run(lambda: builder(staging, pages))
            laid = lay_over(self.root, staging, pages)
        finally:
            self._later(staging.parent)
        if laid is not None:
            self.cleared()
        return laid

    def full(self, builder: Builder, stop: Callable[[], bool] | None = None) -> int:
        """Build the whole site and serve it: the number of pages. With `stop`, in a child
        process that is killed as soon as `stop()` is true (then Stopped is raised)."""
        staging = Path(tempfile.mkdtemp(prefix="bygning-", dir=self.work)) / "site"
        try:
            if stop is None:
                self._run(lambda: builder(staging))
            else:
                self._apart(builder, staging, stop)
        except BaseException:
            self._later(staging.parent)
            raise
        pages = sum(1 for p in staging.rglob("*.html") if p.name != "404.html")
        old = Path(tempfile.mkdtemp(prefix="forrige-", dir=self.work)) / "site"
        self.root.rename(old)
        staging.rename(self.root)
        self._later(old.parent, staging.parent)
        self.cleared()
        return pages

    def _run(self, build: Callable[[], None]) -> None:
        try:
            build()
        except Exception as exc:  # any failure of the build is shown, never a traceback
            self.failed(problem_lines(exc))
            raise Failed from None

    def _apart(self, builder: Builder, staging: Path, stop: Callable[[], bool]) -> None:
        process: subprocess.Popen[bytes] | Forked
        if FORK:
            process = Forked(lambda: build_alone(builder, staging))
        else:
            request = json.dumps([builder.function, builder.options, str(staging)])
            process = subprocess.Popen([sys.executable, "-m", "vifte.preview.child", request])
        self.child = process
        try:
            while process.poll() is None:
                try:
                    process.wait(timeout=0.25)  # `stop` looks at every input file
                except subprocess.TimeoutExpired:
                    if stop():
                        process.kill()
            process.wait()
        finally:
            if process.poll() is None:  # interrupted here (Ctrl-C, SIGTERM): no child outlives
                process.kill()  # the preview, nor writes into its folder while that is removed
                process.wait()
            self.child = None
        if process.returncode == 0:
            return
        if stop() or process.returncode in (STOPPED, -signal.SIGINT):
            raise Stopped  # a newer save, or Ctrl-C (it reaches the whole process group)
        try:
            said = json.loads(problems_file(staging).read_text(encoding="utf-8"))
            lines = tuple(str(line) for line in said)
        except (OSError, ValueError):
            lines = (f"bygningen stoppede uventet (kode {process.returncode}); se terminalen",)
        self.failed(lines)
        raise Failed

    def stop_child(self) -> None:
        """End the full build's process, so none outlives the preview."""
        child = self.child
        if child is not None and child.poll() is None:
            child.kill()
            child.wait()

    def failed(self, lines: tuple[str, ...]) -> None:
        if lines != self.problems:  # a second save with the same errors says nothing new
            self.say("Siden kunne ikke bygges; browseren viser den sidste udgave, der virkede:")
            self.say("\n".join(lines))
        self.problems = lines

    def cleared(self) -> None:
        """A build worked: the error box goes, and the terminal says so if there was one."""
        if self.problems:
            self.say("Fejlene er rettet; siden er opdateret.")
        self.problems = ()

    @staticmethod
    def _later(*folders: Path) -> None:
        """Remove folders in a thread: thousands of them take a second, not while a browser waits."""
        for folder in folders:
            threading.Thread(target=shutil.rmtree, args=(folder, True), daemon=True).start()
