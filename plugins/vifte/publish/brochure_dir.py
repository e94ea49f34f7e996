"""Where `vifte pdf` writes its PDFs: the site folder's rules, and each file written atomically.

The folder must not be the project, hold it, or lie in (or hold) a folder the build reads; it
must be new, empty, or written by vifte before (for the same edition), as `site_dir.py` decides
for a site. PDFs that are not made this time are left as they are (a run may make only some).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from vifte.domain.edition import Edition
from vifte.domain.routes import PDF_FOLDER
from vifte.output.brochures import Printed
from vifte.output.pdf_cache import write_atomically
from vifte.publish.site_dir import (
    SiteDirError,
    check_replaceable,
    describe_os_error,
    read_marker,
    refuse_unsafe,
    resolve_target,
    write_marker,
)

DEFAULT = "brochurer"
"""The folder in the project, for the public edition; the internal one gets DEFAULT-intern."""


NOUN = "PDF-mappen"
"""What the messages call the folder."""


def default_dir(root: Path, edition: Edition) -> Path:
    return root / (f"{DEFAULT}-intern" if edition.internal else DEFAULT)


def write_brochures(
    target: Path,
    printed: Iterable[Printed],
    edition: Edition,
    *,
    projects: Iterable[Path],
    sources: Iterable[Path],
) -> list[Path]:
    """Write each PDF under `target` (its path below pdf/); the paths written, in order.

    Raises SiteDirError (a Danish sentence) for a folder vifte may not or cannot write.
    """
    target = resolve_target(target, noun=NOUN)
    refuse_unsafe(target, projects, sources, noun=NOUN, example=DEFAULT)
    check_replaceable(target, edition.key, noun=NOUN)
    written = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        if read_marker(target) is None:
            write_marker(target, edition.key)
        for p in printed:
            path = target / p.path.removeprefix(f"{PDF_FOLDER}/")
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, p.pdf.data)
            written.append(path)
    except OSError as exc:
        raise SiteDirError(f"{describe_os_error(exc)}; PDF'erne blev ikke alle skrevet") from None
    return written
