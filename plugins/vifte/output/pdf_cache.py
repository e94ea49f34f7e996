"""A content-hash cache of rendered PDFs, so an unchanged brochure is never rendered twice.

The key of a PDF covers everything that shapes its bytes: the HTML (which holds the data and the
templates), the bytes of every file the render may read (the folders and single files, such as the
logo, its fetcher serves), the fonts fontconfig
can resolve (path, size and time of each file), and the vifte, WeasyPrint, pydyf, fontTools and
pikepdf (the split catalogue's merge) versions.
Each entry is one file, `KEY.entry`: a header line with the page count, length and SHA-256 of
the PDF, then its bytes. It is written to a temporary name and renamed, so a killed build leaves
no half entry; an entry whose length or hash is wrong is a miss (and removed), never a PDF.

After a complete build, the keys it used are recorded per edition and language (an English
build must not throw away the Danish PDFs); entries that no edition's latest build in any
language used (and untouched for GRACE seconds, so a concurrent build keeps its own) go.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import subprocess
import time
from collections.abc import Iterable, Sequence
from contextlib import suppress
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from vifte import __version__
from vifte.domain.translation import SOURCE_LANGUAGE
from vifte.output.pdf import VARIANT, Pdf

FOLDER = ".vifte-cache/pdf"
"""Under the project root (git-ignored by the .gitignore `vifte init` writes)."""
FORMAT = b"vifte-pdf-1"
GRACE = 600.0
"""Seconds an unused entry or a temporary file is kept (another build may be writing it)."""


class PdfCache:
    """The cache in `folder` for one edition; counts what a build rendered and reused."""

    def __init__(self, folder: Path, edition: str):
        self.folder = Path(folder)
        self.edition = edition
        self.rendered = 0
        self.reused = 0
        self.used: set[str] = set()
        self._folders: dict[Path, str] = {}

    def key(self, html: str, readable: Sequence[Path]) -> str:
        """The key of the PDF of `html` whose render may read the files under `readable`."""
        digest = hashlib.sha256(FORMAT)
        digest.update(_environment().encode())
        for folder in readable:
            digest.update(self._folder_digest(Path(folder)).encode())
        digest.update(html.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _folder_digest(self, folder: Path) -> str:
        """The digest of the names and bytes of every file under `folder`, or of `folder` itself
        when it is a file (the logo): a new logo under the same name is a new key."""
        folder = folder.resolve()
        if folder not in self._folders:
            digest = hashlib.sha256(str(folder).encode())
            files = [folder] if folder.is_file() else folder.rglob("*")
            for path in sorted(p for p in files if p.is_file()):
                digest.update(f"\0{path.relative_to(folder).as_posix()}\0".encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            self._folders[folder] = digest.hexdigest()
        return self._folders[folder]

    def get(self, key: str) -> Pdf | None:
        """The stored PDF, or None when there is none or it is damaged."""
        self.used.add(key)
        path = self.folder / f"{key}.entry"
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        head, _, data = raw.partition(b"\n")
        parts = head.split(b" ")
        try:
            pages, length = int(parts[1]), int(parts[2])
            ok = (
                len(parts) == 4
                and parts[0] == FORMAT
                and length == len(data)
                and hashlib.sha256(data).hexdigest().encode() == parts[3]
                and data.startswith(b"%PDF")
            )
        except (IndexError, ValueError):
            ok = False
        if not ok:
            with suppress(OSError):
                path.unlink()
            return None
        return Pdf(data, pages)

    def put(self, key: str, pdf: Pdf) -> None:
        """Store `pdf` under `key` atomically; a cache that cannot be written is only slower."""
        self.used.add(key)
        sha = hashlib.sha256(pdf.data).hexdigest()
        head = b"%s %d %d %s\n" % (FORMAT, pdf.pages, len(pdf.data), sha.encode())
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(self.folder / f"{key}.entry", head + pdf.data)
        except OSError:
            pass

    def finish(self, language: str = SOURCE_LANGUAGE) -> None:
        """Record the keys this (complete) build in `language` used and remove entries no
        edition uses in any language."""
        own = self.edition if language == SOURCE_LANGUAGE else f"{self.edition}.{language}"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            text = "".join(f"{k}\n" for k in sorted(self.used))
            write_atomically(self.folder / f"{own}.keys", text.encode())
            prune(self.folder)
        except OSError:
            pass

    def summary(self) -> str:
        """One Danish line: how many PDFs were rendered and how many reused."""
        return f"PDF'er: {self.rendered} lavet, {self.reused} genbrugt (uændrede siden sidst)."


def prune(folder: Path, grace: float | None = None) -> None:
    """Remove entries no edition's latest build used, and temporary files, older than `grace`."""
    kept: set[str] = set()
    for manifest in folder.glob("*.keys"):
        with suppress(OSError):
            kept.update(manifest.read_text(encoding="ascii").split())
    old = time.time() - (GRACE if grace is None else grace)
    for path in folder.iterdir():
        stale = path.suffix == ".entry" and path.stem not in kept
        if (stale or path.name.startswith(".tmp-")) and _mtime(path) < old:
            with suppress(OSError):
                path.unlink()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return time.time()


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one.

    The file gets the mode any new file gets (0666 less the umask, so 0644 as a rule), not
    mkstemp's 0600: a web server running as another user must be able to read a PDF.
    """
    tmp = path.parent / f".tmp-{secrets.token_hex(8)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


@cache
def _environment() -> str:
    """The versions and the fonts of this machine, as they shape a PDF."""
    parts = [f"vifte {__version__}", VARIANT]
    for package in ("weasyprint", "pydyf", "fonttools", "pikepdf"):
        try:
            parts.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            parts.append(f"{package} -")
    parts += _fonts()
    return "\n".join(parts)


def _fonts() -> Iterable[str]:
    """Every font file fontconfig resolves, by path, size and modification time."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ["fonts: fc-list mangler"]
    done = subprocess.run(
        [fc_list, "--format", "%{file}\\n"], capture_output=True, text=True, check=False
    )
    found = []
    for name in sorted(set(done.stdout.splitlines())):
        with suppress(OSError):
            stat = os.stat(name)
            found.append(f"{name} {stat.st_size} {stat.st_mtime_ns}")
    return found
