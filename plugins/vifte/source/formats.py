"""`vifte check --format`: the diagnostics as text (default), JSON, GitHub Actions annotations
or a GitLab Code Quality report, so editors and CI tools can show them where they belong."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable

from vifte.source.diagnostics import Diagnostic, printable

_LINE = re.compile(
    r"^(?P<path>.*?)(?::(?P<line>\d+)(?::(?P<column>\d+))?)?: "
    r"(?P<severity>error|warning): (?P<message>.*)$"
)


def parse(lines: Iterable[str]) -> list[Diagnostic]:
    """Diagnostics back from their text lines (as ConfigFileError carries them)."""
    found = []
    for text in lines:
        match = _LINE.match(text)
        if match:
            found.append(
                Diagnostic(
                    match["path"],
                    int(match["line"] or 0),
                    int(match["column"] or 0),
                    match["severity"],  # type: ignore[arg-type]
                    match["message"],
                )
            )
        else:
            found.append(Diagnostic("", 0, 0, "error", text))
    return found


def _text(items: list[Diagnostic]) -> str:
    return "".join(f"{d}\n" for d in items)


def _json(items: list[Diagnostic]) -> str:
    data = [
        {
            "file": d.path,
            "line": d.line or None,  # null: the whole file
            "column": d.column or None,
            "severity": d.severity,
            "message": d.message,
        }
        for d in items
    ]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _escape(value: str, *, property: bool = False) -> str:
    """GitHub's workflow-command escaping: %, CR and LF always; ':' and ',' in properties."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property else value


def _github(items: list[Diagnostic]) -> str:
    out = []
    for d in items:
        where = [f"file={_escape(d.path, property=True)}"] if d.path else []
        if d.line:
            where.append(f"line={d.line}")
        if d.column:
            where.append(f"col={d.column}")
        out.append(f"::{d.severity} {','.join(where)}::{_escape(d.message)}\n")
    return "".join(out)


GITLAB_SEVERITY = {"error": "major", "warning": "minor"}


def _gitlab(items: list[Diagnostic]) -> str:
    data = [
        {
            "description": d.message,
            "check_name": f"vifte-{d.severity}",
            "fingerprint": hashlib.sha256(str(d).encode()).hexdigest(),
            "severity": GITLAB_SEVERITY[d.severity],
            "location": {"path": d.path, "lines": {"begin": max(d.line, 1)}},
        }
        for d in items
    ]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


FORMATS: dict[str, Callable[[list[Diagnostic]], str]] = {
    "text": _text,
    "json": _json,
    "github": _github,
    "gitlab": _gitlab,
}


def render(items: Iterable[Diagnostic], fmt: str) -> str:
    """The diagnostics in a format, sorted and each once, in text every format can carry."""
    clean = {
        Diagnostic(printable(d.path), d.line, d.column, d.severity, printable(d.message))
        for d in items
    }
    return FORMATS[fmt](sorted(clean))
