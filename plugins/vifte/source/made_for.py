"""Which vifte version a project was made for (`vifte-version.txt`, written by `vifte init`), and
what `vifte check` says when the project and the installed vifte no longer fit."""

from __future__ import annotations

import re
from pathlib import Path

from vifte import __version__
from vifte.source.diagnostics import Report

FILE = "vifte-version.txt"
FIRST_RECORDED = "0.2.0"
_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def record(project: Path) -> None:
    """Write the running vifte's version into a new project."""
    (project / FILE).write_text(f"{__version__}\n", encoding="utf-8")


def _parts(version: str) -> tuple[int, ...] | None:
    match = _VERSION.match(version)
    return tuple(int(p) for p in match.groups()) if match else None


def note(project: Path, report: Report, *, failed: bool, running: str = __version__) -> None:
    """Add a warning naming the version the project was made for, when that explains something.

    When check failed and the project was made for another version, the errors may come from the
    change; when the project was made for a newer vifte than the one installed, it may use what
    this one does not know. Otherwise nothing is said: an old project that passes is fine.
    """
    path = project / FILE
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        if failed:
            report.warning(
                path,
                0,
                0,
                f"projektet siger ikke, hvilken vifte-version det er lavet til (det er lavet før "
                f"vifte {FIRST_RECORDED}), og du bruger vifte {running}: nogle af fejlene kan "
                f"skyldes ændringer i vifte; læs 'Nyt i version …' i vifte's CHANGELOG.md. Skriv "
                f"{running} i {FILE}, når fejlene er rettet",
            )
        return
    except (OSError, UnicodeDecodeError) as exc:
        report.warning(path, 0, 0, f"filen kan ikke læses ({exc.__class__.__name__})")
        return
    made_for, installed = _parts(text), _parts(running)
    if made_for is None or installed is None:
        report.warning(
            path, 1, 1, f"'{text[:40]}' er ikke et versionsnummer som {running}; skriv fx {running}"
        )
    elif made_for > installed:
        report.warning(
            path,
            1,
            1,
            f"projektet er lavet til vifte {text}, men du bruger vifte {running}: installér "
            f"vifte {text}, så alt i projektet virker",
        )
    elif failed and made_for < installed:
        report.warning(
            path,
            1,
            1,
            f"projektet er lavet til vifte {text}, og du bruger vifte {running}: nogle af fejlene "
            f"kan skyldes ændringer i vifte; læs 'Nyt i version …' for versionerne efter {text} i "
            f"vifte's CHANGELOG.md. Skriv {running} her, når fejlene er rettet",
        )
