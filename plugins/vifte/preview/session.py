"""The preview's rebuilds: what changed since the served site was built, and which step shows it.

A change of item files only, with the whole site served, is shown by the quick step first (the
edited items' pages) and then by a full build in a child process that a newer save stops; any
other change goes straight to the full build. The first build runs in this process, so that its
caches (parsed files, compiled templates) serve the quick steps after it (decision 28).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from vifte.preview.builds import Builder, Failed, Site, Stopped
from vifte.preview.changes import (
    Fingerprints,
    Known,
    Stamp,
    changed,
    fingerprints,
    input_files,
    quick_pages,
    stamp,
)
from vifte.source.loader import PARSED
from vifte.source.project import Project
from vifte.source.sources import folders

POLL_SECONDS = 0.25
"""How often the watcher looks at the input files (a stat of each: milliseconds at 1,000)."""


class Session:
    """The served site and the inputs it was built from, rebuilt on every save."""

    def __init__(
        self,
        project: Project,
        builder: Builder,
        site: Site,
        *,
        files: tuple[Path, ...] = (),
        quick: bool = True,
    ):
        self.project, self.builder, self.site = project, builder, site
        self.files = files
        """Input files outside the project's folders (the generator's configuration)."""
        self.quick = quick
        """Whether a change of items only is shown by a quick step (False: every build is full)."""
        self.served: Fingerprints | None = None
        """Content hashes of the inputs the served site was built from (None: nothing yet)."""
        self.complete = False
        """Whether every file of the served site was built from `served` (False after a quick step)."""
        self.rendered = 0
        """How many pages the last build wrote: the terminal says it, tests read it."""
        self.due = False
        """Another build is due: the complete step after a quick one, or a save during a build."""
        self.stopping = False
        self.seen: Stamp = frozenset()
        self.known: Known = {}
        """What the last hashes were taken from: unchanged files are not read again."""

    def inputs(self) -> list[str]:
        """Every input file: the project's folders the build reads, and `files`."""
        found = {f for f, _ in folders(self.project)} | set(self.project.watched())
        tops = [f for f in found if not any(f != o and f.is_relative_to(o) for o in found)]
        return input_files(sorted(tops), self.files)

    def saved(self) -> bool:
        """Whether an input file was saved since the current build began (also marks it due)."""
        if stamp(self.inputs()) != self.seen:
            self.due = True
        return self.due or self.stopping

    def rebuild(self) -> bool | None:
        """Show the inputs as they are now: True when the site shows them, False when the build
        failed (the errors are shown), None when nothing was built (no change, or stopped)."""
        PARSED.on = True  # unchanged files are not parsed again
        paths = self.inputs()
        self.seen = stamp(paths)
        now = fingerprints(paths, self.known)
        served = self.served
        if served is not None and self.quick and self.builder.options.get("pdf") is not True:
            edited = changed(served, now)
            if not edited and self.complete:  # the served site is built from these inputs
                if not self.site.problems:
                    return None  # saved without a change
                self.site.cleared()  # a broken file put back as it was
                return True
            pages = quick_pages(edited, served, now, self.project)
            if pages:
                try:
                    shown = self.site.quick(self.builder, sorted(pages))
                except Failed:
                    return False
                if shown is not None:
                    self.served, self.complete, self.rendered = now, False, shown
                    self.site.say(
                        f"{_pages(shown)} vist. Lister, søgning og kontrol af links "
                        "bliver opdateret om lidt"
                    )
                    self.due = True
                    return True
        try:
            self.rendered = self.site.full(self.builder, None if served is None else self.saved)
        except Failed:
            return False
        except Stopped:
            return None  # a newer save stopped it; the next run builds again
        self.served, self.complete = now, True
        if served is not None:
            self.site.say(f"{_pages(self.rendered)} bygget; sitet er opdateret")
        return True

    def watch(self, built: Callable[[], None]) -> None:
        """Rebuild whenever an input changes (or a build is due) until `stopping`; after each
        build, good or failed, call `built` (the browsers reload)."""
        while not self.stopping:
            if self.due or stamp(self.inputs()) != self.seen:
                self.due = False
                if self.rebuild() is not None:
                    built()
            else:
                time.sleep(POLL_SECONDS)


def _pages(count: int) -> str:
    return "1 side" if count == 1 else f"{count} sider"
