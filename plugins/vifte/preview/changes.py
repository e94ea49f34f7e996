"""Which input files changed, and whether the quick step can show the change (decision 28).

A save that changes only item files (an offer, a mentor, a notice ...) that were there before
and are there still is shown first by the quick step: just those items' own pages, laid over the
served site. Any other change goes straight to a full build.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Iterable
from pathlib import Path

from vifte.domain.routes import url_of
from vifte.source.project import Project

Fingerprints = dict[Path, str]
TRANSLATION = re.compile(r"\.[a-z]{2}$")
"""An item's translation (`<id>.<code>.yaml`): its pages are another language's."""
Stamp = frozenset[tuple[str, int, int]]
Known = dict[str, tuple[tuple[int, int], int, str]]
"""A file's size and modification time, when it was hashed (ns) and its hash, by path."""
SETTLED_NS = 2_000_000_000
"""A hash taken this soon after the file's modification time is taken again next time: a
second write within the clock's step would leave size and time as they were."""


def input_files(folders: Iterable[Path], files: Iterable[Path]) -> list[str]:
    """Every file under `folders`, and those of `files` that exist."""
    paths = {str(f) for f in files if f.is_file()}
    for folder in folders:
        for top, _dirs, names in os.walk(folder):
            paths.update(os.path.join(top, name) for name in names)
    return sorted(paths)


def stamp(paths: Iterable[str]) -> Stamp:
    """Each file's path, size and modification time: cheap to take every quarter second."""
    out = set()
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            continue
        out.add((path, info.st_size, info.st_mtime_ns))
    return frozenset(out)


def fingerprints(paths: Iterable[str], known: Known | None = None) -> Fingerprints:
    """A hash of the content of every file, by path: what changed is judged by content.

    With `known` (updated here), a file whose size and modification time are what they were
    when it was last hashed, a while after it was written, is not read again.
    """
    out, now, kept = {}, time.time_ns(), {} if known is None else known
    for path in paths:
        try:
            info = os.stat(path)
            when = (info.st_size, info.st_mtime_ns)
            old = kept.get(path)
            if old is None or old[0] != when or old[1] - when[1] < SETTLED_NS:
                with open(path, "rb") as file:
                    old = (when, now, hashlib.blake2b(file.read(), digest_size=16).hexdigest())
        except OSError:
            continue  # deleted since it was listed
        kept[path] = old
        out[Path(path)] = old[2]
    if known is not None:
        for gone in known.keys() - {str(p) for p in out}:
            del known[gone]
    return out


def changed(old: Fingerprints, new: Fingerprints) -> set[Path]:
    """Files added, deleted or changed in content."""
    return {p for p in old.keys() | new.keys() if old.get(p) != new.get(p)}


def quick_pages(
    paths: set[Path], old: Fingerprints, new: Fingerprints, project: Project
) -> set[str]:
    """The source paths of the pages the quick step renders, or none when it cannot do the change.

    Only item files that were there before and are there still qualify, not a translation; an
    item's page is its collection's path for the file's name (tilbud/x.md for
    catalogue/offers/x.yaml).
    """
    pages = set()
    for path in paths:
        if path not in old or path not in new or path.name.startswith("."):
            return set()
        if TRANSLATION.search(path.stem):  # another language's pages: the full build's
            return set()
        col = next(
            (
                col
                for col in project.table.collections.values()
                if path.parent == project.collection(col.name) and path.suffix in col.suffixes
            ),
            None,
        )
        if col is None:
            return set()
        pages.add(col.path(path.stem))
    return pages


def page_file(path: str) -> str:
    """The built file of a page's source path (tilbud/x.md -> tilbud/x/index.html)."""
    return f"{url_of(path)}index.html"


def lay_over(served: Path, built: Path, pages: Iterable[str]) -> int | None:
    """Move the built files of `pages` into the served site, each by one rename; how many.

    None, and nothing moved, when one of them was not built (the item has no page any more).
    Each file is replaced whole: a browser gets the old page or the new one, never a mix.
    """
    files = [page_file(p) for p in pages]
    if not all((built / f).is_file() for f in files):
        return None
    for name in files:
        (served / name).parent.mkdir(parents=True, exist_ok=True)
        os.replace(built / name, served / name)
    return len(files)
