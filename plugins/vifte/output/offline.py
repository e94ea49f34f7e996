"""The site kept for use without a network: what a browser stores, and the service worker that
stores it (decision 61).

After the built folder is complete (pages, search index), the build lists the files a visit
needs offline: every page in every language, the stylesheets and scripts, the images, the
filter page's data and Pagefind's index. Left out: PDFs (a visitor stores one when asked, from
its page), the open data, feeds, sitemaps, source maps and the theme's own search, which vifte's
pages never load. The list and its version go to `OFFLINE_LIST_PATH`; the worker
(`assets/offline-worker.js`) goes to `OFFLINE_WORKER_PATH` with the version and the edition
written into its first line, so a new build is a new worker and the browser replaces the store.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from vifte.domain.routes import (
    EDITOR_FOLDER,
    OFFLINE_LIST_PATH,
    OFFLINE_WORKER_PATH,
    OPEN_DATA_PATHS,
    SEARCH_FOLDER,
    language_folder,
)
from vifte.domain.translation import SOURCE_LANGUAGE
from vifte.output.script_words import script_words
from vifte.output.styles import asset

KEPT = frozenset(
    {".html", ".css", ".js", ".json", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp"}
    | {".avif", ".ico", ".woff", ".woff2", ".pf_meta", ".pf_index", ".pf_fragment", ".pagefind"}
)
"""The kinds of file a page needs to be read and searched; PDFs, feeds and sitemaps are not."""
UNUSED = (
    "assets/javascripts/lunr/",
    "assets/javascripts/workers/",
    f"{SEARCH_FOLDER}/pagefind-ui",
    f"{SEARCH_FOLDER}/pagefind-modular-ui",
    f"{SEARCH_FOLDER}/pagefind-component-ui",
    f"{SEARCH_FOLDER}/pagefind-highlight",
    f"{EDITOR_FOLDER}/",
)
"""Files the site carries that its pages never load: the theme's own search (vifte searches with
Pagefind), Pagefind's ready-made interfaces (search.js draws the results itself) and the editor
for communication staff (settings' `editor.publish`; it needs the git host, so no network no use)."""
WORKER_CODE = "offline-worker.js"
"""The worker's code among the package's assets; the build writes its settings before it."""


@dataclass(frozen=True)
class OfflineStore:
    """What one build stores: its version (over every stored file's path and bytes), the files
    as addresses relative to the site's root, and their size in bytes."""

    version: str
    files: tuple[str, ...]
    size: int


def stored_files(site: Path, languages: Iterable[str] = ()) -> OfflineStore:
    """The files of the built `site` a visit stores, with the site's `languages` (whose folders
    hold the open data again)."""
    skipped = {
        f"{language_folder(code)}{path}"
        for code in (SOURCE_LANGUAGE, *languages)
        for path in OPEN_DATA_PATHS
    }
    digest = hashlib.sha256()
    kept: list[str] = []
    size = 0
    for relative in sorted(_files(site), key=lambda r: r.split("/")):  # pathlib's order
        if not _kept(relative, skipped):
            continue
        data = (site / relative).read_bytes()
        digest.update(f"{relative}\0{len(data)}\0".encode())
        digest.update(data)
        kept.append(_address(relative))
        size += len(data)
    return OfflineStore(digest.hexdigest()[:16], tuple(kept), size)


def _files(site: Path) -> list[str]:
    """Every file under `site`, as a path relative to it (os.walk: pathlib's rglob and a stat
    per file took seconds on a large site)."""
    found = []
    for folder, _, names in os.walk(site):
        prefix = os.path.relpath(folder, site).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found += [prefix + name for name in names]
    return found


def _kept(relative: str, skipped: set[str]) -> bool:
    parts = PurePosixPath(relative).parts
    if any(part.startswith(".") for part in parts) or relative in skipped:
        return False
    if relative in (OFFLINE_LIST_PATH, OFFLINE_WORKER_PATH) or relative.startswith(UNUSED):
        return False
    return PurePosixPath(relative).suffix.lower() in KEPT


def _address(relative: str) -> str:
    """A page by the address a visitor opens ("tilbud/x/", "./"), any other file by its path."""
    if relative == "index.html":
        return "./"
    return relative.removesuffix("index.html") if relative.endswith("/index.html") else relative


def head(folder: str) -> dict[str, Any]:
    """What offline.js needs in the head of a page of the site built into `folder` (a language's
    "en/", or ""): the worker at the whole site's root, and the script's words."""
    return {
        "worker": "../" * folder.count("/") + OFFLINE_WORKER_PATH,
        "words": script_words("offline"),
    }


def write_offline(site: Path, edition: str, languages: Iterable[str] = ()) -> OfflineStore:
    """Write the list and the worker into the built `site` of `edition` (its key: each edition
    has its own store, named after it); returns what a visit stores."""
    store = stored_files(site, languages)
    listing = {"version": store.version, "edition": edition, "files": list(store.files)}
    (site / OFFLINE_LIST_PATH).write_text(
        json.dumps(listing, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    settings = {"version": store.version, "edition": edition, "list": OFFLINE_LIST_PATH}
    head = f"var OFFLINE = {json.dumps(settings, separators=(',', ':'))};\n"
    (site / OFFLINE_WORKER_PATH).write_text(head + asset(WORKER_CODE), encoding="utf-8")
    return store
