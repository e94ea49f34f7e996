"""Reading one file of the project as a Document: a YAML file, or a Markdown file whose front
matter is the item's fields and whose body is its body field. Every problem is reported at its
line; None for a file that could not be read."""

from __future__ import annotations

from pathlib import Path

from vifte.domain.entries import Collection
from vifte.source import loader, sources
from vifte.source.diagnostics import Report
from vifte.source.frontmatter import load_markdown
from vifte.source.loader import Document, YamlProblem


def read_item(path: Path, col: Collection, root: Path, report: Report) -> Document | None:
    """An item's (or a translation's) file, in its collection's format."""
    if col.format == "yaml":
        return read_yaml(path, root, report)
    return _read_markdown(path, col, root, report)


def read_yaml(path: Path, root: Path, report: Report) -> Document | None:
    if sources.problem(path, root) is not None:
        return None  # reported by sources.check, which load_catalogue runs first
    try:
        return loader.load(path)
    except YamlProblem as exc:
        report.error(path, exc.line, exc.column, exc.message)
    except OSError as exc:
        report.error(path, 0, 0, f"filen kan ikke læses ({exc.strerror})")
    return None


def _read_markdown(path: Path, col: Collection, root: Path, report: Report) -> Document | None:
    """A Markdown file's front matter as a Document, its body as the field `col.body_field`."""
    if sources.problem(path, root) is not None:
        return None
    try:
        page = load_markdown(path)
    except YamlProblem as exc:
        report.error(path, exc.line, exc.column, exc.message)
        return None
    except OSError as exc:
        report.error(path, 0, 0, f"filen kan ikke læses ({exc.strerror})")
        return None
    doc = page.document
    if isinstance(doc.data, dict):
        if col.body_field in doc.data:
            doc.problems.append(
                YamlProblem(
                    f"feltet '{col.body_field}' skrives ikke i forsiden; brødteksten er teksten under ---",
                    *doc.position((col.body_field,), key=True),
                )
            )
            doc.spoiled.add((col.body_field,))
        elif page.body.strip():
            doc.data[col.body_field] = page.body
            # One line above the body: links.py counts a multi-line text from the line after.
            doc.positions[(col.body_field,)] = (page.body_line - 1, 1)
    return doc
