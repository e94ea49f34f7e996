"""Problems found in a project's files, reported compiler-style with file, line and column."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]
SHORT = 80


def shorten(value: object, limit: int = SHORT) -> str:
    """A value as a message may quote it: on one line, printable, at most `limit` characters."""
    text = "".join(c if c.isprintable() else " " for c in str(value)[: limit * 4])
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printable(text: str) -> str:
    """Text any output can carry: a byte that is not UTF-8 (a file name's, kept by Python as a
    lone surrogate) becomes U+FFFD, so JSON stays valid and nothing fails to encode."""
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place. Lines and columns count from 1; 0 means "the whole file".

    A problem with the whole file is written without a position (`file: error: …`, as compilers
    do), never as a line 0 that no editor can go to.
    """

    path: str
    line: int
    column: int
    severity: Severity
    message: str

    @property
    def where(self) -> str:
        """`file:line:column`, `file:line`, or just `file` for the whole file."""
        if not self.line:
            return self.path
        if not self.column:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"

    def __str__(self) -> str:
        return f"{self.where}: {self.severity}: {self.message}"


@dataclass
class Report:
    """Collects every diagnostic of a run so the user sees all problems at once."""

    root: Path
    items: list[Diagnostic] = field(default_factory=list)

    def add(self, path: Path, line: int, column: int, severity: Severity, message: str) -> None:
        self.items.append(
            Diagnostic(printable(self.display(path)), line, column, severity, printable(message))
        )

    def error(self, path: Path, line: int, column: int, message: str) -> None:
        self.add(path, line, column, "error", message)

    def warning(self, path: Path, line: int, column: int, message: str) -> None:
        self.add(path, line, column, "warning", message)

    def downgrade(self, paths: set[str], prefix: str) -> None:
        """Make every error in the files `paths` (as displayed) a warning, its message prefixed."""
        self.items = [
            Diagnostic(d.path, d.line, d.column, "warning", prefix + d.message)
            if d.severity == "error" and d.path in paths
            else d
            for d in self.items
        ]

    def display(self, path: Path) -> str:
        # abspath, not resolve: a symlink is shown by its own name, and a symlink loop cannot raise.
        try:
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root)).as_posix()
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):
            return path.as_posix()

    @property
    def errors(self) -> list[Diagnostic]:
        return sorted(d for d in self.items if d.severity == "error")

    @property
    def warnings(self) -> list[Diagnostic]:
        return sorted(d for d in self.items if d.severity == "warning")

    def lines(self) -> list[str]:
        return [str(d) for d in sorted(set(self.items))]


class ProjectError(Exception):
    """The one error the core raises for a project's problems; carries the full report."""

    HEADER = "fejl i kataloget:"

    def __init__(self, report: Report, message: str | None = None):
        """`message` words a failure of the build itself (a broken link); the report is then empty."""
        self.report = report
        lines = "\n".join(str(d) for d in report.errors)
        super().__init__(message or f"{len(report.errors)} {self.HEADER}\n{lines}")

    @classmethod
    def of(cls, root: Path, message: str) -> ProjectError:
        """A failure that no file of the project states, as one Danish message."""
        return cls(Report(root), message)


"""The earlier name, kept while the adapter moves over."""
