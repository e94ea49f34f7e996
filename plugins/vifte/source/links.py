"""Internal links and references: checked in the sources (with file and line) and in a built site."""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from vifte.domain.catalogue import Catalogue
from vifte.domain.fields import markdown_fields
from vifte.domain.markup import render_markdown
from vifte.domain.routes import BLOCK_MARKER, BLOCKS, OPEN_DATA_PATHS, page_url, routes, url_of
from vifte.source.diagnostics import Report, shorten
from vifte.source.loader import Document, YamlProblem, decode
from vifte.source.page_meta import check_page_meta

# No brackets inside the label or the target: each attempt then ends at the next bracket, so
# the search stays linear even in a text of 20,000 brackets.
MARKDOWN_LINK = re.compile(
    r"!?\[[^\[\]]*\]\(\s*<?([^)\s>\[\]]+)>?(?:\s+\"[^\"]*\")?\s*\)|(?:href|src)=\"([^\"]+)\""
)
EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//|#)", re.I)
HTML_REF = re.compile(
    r"""<(?:a|link|img|script|source)\b[^>]*?\s(?:href|src)=["']([^"']+)["']""", re.I
)
LINKISH = re.compile(r"\]\(|\]:|href", re.IGNORECASE)
"""Texts without these have no link to check, so they need not be rendered."""


def site_urls(paths: Iterable[str], docs_files: Iterable[str]) -> set[str]:
    """Every site-relative URL a link may point at: generated pages, hand-written pages, files."""
    urls = {url_of(path) for path in paths}
    urls.update(url_of(rel) if rel.endswith(".md") else rel for rel in docs_files)
    return urls | {"", *OPEN_DATA_PATHS}


def _docs_files(docs_dir: Path) -> set[str]:
    """Every file of the docs folder, relative to it, following symlinked folders as MkDocs does.

    Safe to follow: sources.check has refused symlink loops and links out of the project.
    """
    files: set[str] = set()
    for folder, dirnames, filenames in os.walk(docs_dir, followlinks=True):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = Path(folder).relative_to(docs_dir)
        files.update((rel / name).as_posix() for name in filenames if not name.startswith("."))
    return files


def _resolve(target: str, base_url: str) -> str:
    """The site-relative URL a link on the page at `base_url` points at."""
    path = unquote(urlsplit(target).path)
    joined = posixpath.normpath(posixpath.join(base_url, path)) if path else base_url
    joined = "" if joined in (".", "/") else joined.lstrip("/")
    return joined + "/" if path.endswith("/") and joined else joined


def _known(url: str, urls: set[str]) -> bool:
    return url in urls or url + "/" in urls or url.rstrip("/") in urls


def links_in(text: str) -> Iterable[tuple[int, str]]:
    """(line index, target) for each internal link or image in Markdown/HTML text."""
    line, counted = 0, 0
    for match in MARKDOWN_LINK.finditer(text):
        target = match.group(1) or match.group(2)
        if target and not EXTERNAL.match(target):
            line += text.count("\n", counted, match.start())
            counted = match.start()
            yield line, target


def check_sources(
    catalogue: Catalogue,
    documents: Iterable[tuple[object, Document]],
    report: Report,
    docs_dir: Path,
    theme_dir: Path | None = None,
) -> None:
    """Report what would stop the build in the texts and hand-written pages: broken internal
    links, a page at the address of a generated one, an unknown `<!-- vifte: ... -->` block,
    front matter the theme must not get."""
    paths = [route.path for route in routes(catalogue)]
    docs_files = _docs_files(docs_dir)
    urls = site_urls(paths, docs_files)
    for item, doc in documents:
        _check_texts(item, page_url(catalogue.table, item), doc, urls, report)
    files = set(paths) | docs_files | set(OPEN_DATA_PATHS)
    generated = {url_of(path) for path in paths}
    for src in sorted(f for f in docs_files if f.endswith(".md")):
        page = docs_dir / src
        if url_of(src) in generated:
            report.error(
                page,
                0,
                0,
                f"siden har samme adresse som en side, vifte laver af kataloget ({url_of(src)}); omdøb eller flyt den",
            )
        try:
            text = decode(page.read_bytes())
        except YamlProblem as exc:
            report.error(page, exc.line, exc.column, exc.message)
            continue
        check_page_meta(page, text, theme_dir, report)
        for match in BLOCK_MARKER.finditer(text):
            if match.group(1) not in BLOCKS:
                line = text.count("\n", 0, match.start())
                report.error(
                    page,
                    line + 1,
                    match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1,
                    f"ukendt vifte-blok '{shorten(match.group(1))}'; mulige blokke: {', '.join(BLOCKS)}",
                )
        lines: list[str] = []  # split only when a link is broken
        for offset, target in links_in(text):
            path = unquote(urlsplit(target).path)
            # MkDocs first reads a link against the source file's folder and, when that names a
            # file of the site, rewrites it; any other link is left for the browser to resolve.
            linked = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
            found = linked in files or (
                not path.endswith(".md") and _known(_resolve(target, url_of(src)), urls)
            )
            if not found:
                lines = lines or text.split("\n")
                column = lines[offset].find(target) + 1
                report.error(
                    page,
                    offset + 1,
                    column,
                    f"linket '{target}' peger på en side eller fil, der ikke findes",
                )


def _check_texts(item: Any, url: str, doc: Document, urls: set[str], report: Report) -> None:
    """Check the links a text keeps once rendered and sanitised: what the build will check."""
    for field in markdown_fields(type(item)):
        text = getattr(item, field, None)
        if not text or not LINKISH.search(text):
            continue
        line, column = doc.position((field,))
        # A block scalar ("description: |") starts on the line after its key.
        block = 1 if "\n" in text.rstrip("\n") or text.endswith("\n") else 0
        written = {unquote(t): offset for offset, t in reversed(list(links_in(text)))}
        published = {unquote(html.unescape(t)) for t in HTML_REF.findall(render_markdown(text))}
        for target in sorted(published):
            if EXTERNAL.match(target) or _known(_resolve(target, url), urls):
                continue
            offset = written.get(target)
            if offset is None:  # a reference link or raw HTML: the line where the target stands
                offset = text.count("\n", 0, max(text.find(target), 0))
            report.error(
                doc.path,
                line + (offset or 0) + block,
                1 if block or offset else column,
                f"linket '{shorten(target)}' i '{field}' peger på en side, der ikke findes",
            )


class SiteLinks:
    """The internal links of a built site's pages, read once and judged against its files.

    Reading the pages is the slow part and can run while another process (Pagefind) still
    writes files into the site: a link to a file not there yet is kept and judged again by
    `broken`, when that process is done. Only those are held, not every link of every page.
    Root-relative links (as on the 404 page) are read against `base_path`, the path of site_url.
    """

    def __init__(self, site: Path, base_path: str = "/"):
        self.site = site
        files, folders = _listing(site)
        self.pending: list[tuple[str, str, str | None]] = []
        """(page, target, site-relative path it points at, None when outside the site)."""
        pages = sorted((f for f in files if f.endswith(".html")), key=lambda f: f.split("/"))
        for page in pages:
            text = (site / page).read_text(encoding="utf-8")
            folder = posixpath.dirname(page)
            for target in sorted(set(HTML_REF.findall(text))):
                if EXTERNAL.match(target):
                    continue
                path = unquote(urlsplit(target).path)
                if not path:
                    continue
                resolved = _in_site(path, folder, base_path)
                if not _found(resolved, files, folders):
                    self.pending.append((page, target, resolved))

    def broken(self) -> list[str]:
        """Each link as 'page -> target' whose file is missing or outside the site."""
        files, folders = _listing(self.site) if self.pending else (set(), set())
        return [
            f"{page} -> {target}"
            for page, target, path in self.pending
            if not _found(path, files, folders)
        ]


def _listing(site: Path) -> tuple[set[str], set[str]]:
    """Every file and every folder of the site, as site-relative paths ("" is the site)."""
    files: set[str] = set()
    folders: set[str] = {""}
    for folder, dirnames, names in os.walk(site):
        rel = Path(folder).relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        folders.update(rel + d for d in dirnames)
        files.update(rel + n for n in names)
    return files, folders


def _found(path: str | None, files: set[str], folders: set[str]) -> bool:
    """Whether a site-relative path names a file, or a folder with an index.html."""
    if path is None:
        return False
    return path in files or (path in folders and _index(path) in files)


def _in_site(path: str, folder: str, base_path: str) -> str | None:
    """The site-relative file path a link's path names from a page in `folder`, or None when
    it leads out of the site (a file outside is not published, however real on this machine)."""
    if path.startswith("/"):
        if not path.startswith(base_path):
            return None
        joined = path[len(base_path) :]
    else:
        joined = posixpath.join(folder, path)
    rel = posixpath.normpath(joined) if joined else "."
    if rel == ".." or rel.startswith("../") or rel.startswith("/"):
        return None
    return "" if rel == "." else rel


def _index(folder: str) -> str:
    return f"{folder}/index.html" if folder else "index.html"


def broken_in_site(site: Path, base_path: str = "/") -> list[str]:
    """Internal links and references in a built site that point at nothing, as 'page -> target'.

    Root-relative links (as on the 404 page) are read against `base_path`, the path of site_url.
    """
    return SiteLinks(site, base_path).broken()
