"""The search index in parts, for a site too large for one Pagefind run's memory (decision 78).

Pagefind holds every page it indexes in memory until it writes the index: about 0.13 MB a page,
13 GiB at 100,000 offers. Above PART_PAGES indexed pages of one language, that language's pages
are indexed in parts of at most PART_PAGES, one Pagefind run after another, so the peak is one
part's: the first part of every language into SEARCH_FOLDER itself (the index the search page
loads), every other part into a folder of its own inside it, which the search page merges in
the browser (Pagefind's mergeIndex). Each part holds one language only, so the page's language
is the one merged. A site within PART_PAGES keeps its one index and its search bytes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

PART_PAGES = 10_000
"""Indexed pages in one Pagefind run at most: about 1.3 GB of its memory."""
HEAD = 4096  # <html lang> is in a page's first bytes
LANG = re.compile(rb"<html\b[^>]*?\slang=\"([^\"]*)\"")
BODY = b"data-pagefind-body"  # Pagefind indexes only such pages when any page has one
SEARCH_FORM = re.compile(rb"(<form\b[^>]*?\sdata-vifte-search)(?=[\s>])")
KEPT = ("pagefind-entry.json", "index", "fragment", "filter")
"""What a merged part needs besides its page metadata (.pf_meta): the search page's own index
has Pagefind's script and WebAssembly, which every part is searched with."""


def pagefind(site: Path, output: Path) -> list[str]:
    """The command that indexes the pages in `site` into `output`."""
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output)]


def html_files(site: Path) -> Iterator[Path]:
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                yield Path(folder, name)


def more_than(count: int, files: Iterator[Path]) -> bool:
    return any(i >= count for i, _ in enumerate(files))


@dataclass(frozen=True)
class Part:
    folder: str
    """Where in SEARCH_FOLDER: "" for the index the search page loads, else "<language>-<n>/"."""
    pages: tuple[Path, ...]


@dataclass(frozen=True)
class Plan:
    parts: tuple[Part, ...]
    search_pages: dict[Path, tuple[str, ...]]
    """Each search page and the parts it merges (its language's, after the first)."""


def plan(site: Path, part_pages: int = PART_PAGES) -> Plan:
    """The indexed pages by language, cut into balanced parts of at most `part_pages`."""
    by_language: dict[str, list[Path]] = {}
    search_pages: dict[Path, str] = {}
    for file in sorted(html_files(site)):
        data = file.read_bytes()
        found = LANG.search(data[:HEAD])
        language = found.group(1).decode("ascii", "replace").lower() if found else ""
        if BODY in data:
            by_language.setdefault(language, []).append(file)
        if SEARCH_FORM.search(data):
            search_pages[file] = language
    first: list[Path] = []
    others: list[Part] = []
    merged: dict[str, tuple[str, ...]] = {}
    for language, pages in sorted(by_language.items()):
        count = -(-len(pages) // part_pages)
        size = -(-len(pages) // count)
        chunks = [pages[i : i + size] for i in range(0, len(pages), size)]
        first += chunks[0]
        name = re.sub(r"[^a-z0-9-]", "", language) or "x"
        folders = tuple(f"{name}-{n}/" for n in range(2, len(chunks) + 1))
        others += [Part(f, tuple(c)) for f, c in zip(folders, chunks[1:], strict=True)]
        merged[language] = folders
    return Plan(
        (Part("", tuple(first)), *others),
        {page: merged.get(language, ()) for page, language in search_pages.items()},
    )


class PartsRun:
    """Pagefind over `site` in parts, one run after another, in a thread (so the build can check
    links meanwhile); waited for, polled and killed like the one run's process."""

    def __init__(self, site: Path, output: Path, log: IO[bytes], part_pages: int = PART_PAGES):
        self.site, self.output, self.log, self.part_pages = site, output, log, part_pages
        self.returncode: int | None = None
        self.stopped = False
        self.current: subprocess.Popen[bytes] | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def poll(self) -> int | None:
        return self.returncode

    def kill(self) -> None:
        self.stopped = True
        if self.current is not None and self.current.poll() is None:
            self.current.kill()

    def wait(self) -> int:
        self.thread.join()
        return self.returncode if self.returncode is not None else 1

    def _run(self) -> None:
        try:
            self.returncode = self._index()
        except OSError as exc:
            self.log.write(f"{exc}\n".encode())
            self.returncode = 1

    def _index(self) -> int:
        done = plan(self.site, self.part_pages)
        for part in done.parts:
            if self.stopped:
                return 1
            if code := self._one(part):
                return code
        for page, folders in done.search_pages.items():
            if folders:
                mark(page, folders)
        return 0

    def _one(self, part: Part) -> int:
        output = self.output / part.folder
        with _linked(self.site, part.pages) as folder:
            if self.stopped:  # stopped while the pages were linked
                return 1
            self.current = subprocess.Popen(
                pagefind(folder, output), stdout=self.log, stderr=subprocess.STDOUT
            )
            code = self.current.wait()
        if part.folder and not code:
            for item in output.iterdir():
                if item.name not in KEPT and item.suffix != ".pf_meta":
                    shutil.rmtree(item) if item.is_dir() else item.unlink()
        return code


def mark(page: Path, folders: tuple[str, ...]) -> None:
    """Name on the search page's form the parts its search merges (search.js)."""
    html = page.read_bytes()
    parts = " ".join(folders).encode()
    page.write_bytes(SEARCH_FORM.sub(rb'\1 data-vifte-parts="' + parts + b'"', html, count=1))


class _linked:
    """A folder beside the site holding `pages` at their paths in it (hard links, else copies),
    removed afterwards: Pagefind reads a folder, and a page's address is its path there."""

    def __init__(self, site: Path, pages: tuple[Path, ...]):
        self.site, self.pages = site, pages

    def __enter__(self) -> Path:
        try:
            self.folder = Path(tempfile.mkdtemp(prefix=".vifte-søgedel-", dir=self.site.parent))
        except OSError:
            self.folder = Path(tempfile.mkdtemp(prefix="vifte-søgedel-"))
        for page in self.pages:
            target = self.folder / page.relative_to(self.site)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(page, target)
            except OSError:  # another file system
                shutil.copyfile(page, target)
        return self.folder

    def __exit__(self, *_: object) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
