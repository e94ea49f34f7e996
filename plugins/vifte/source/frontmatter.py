"""Read Markdown files with YAML front matter: strategy documents, news and the like.

    ---
    title: Strategi for beskæftigelse
    ---
    The body, in Markdown; tabs are fine here.

Positions point into the file itself (the YAML is read in place, its opening `---` included),
and the rule against tab indentation applies to the YAML part only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vifte.source.loader import Document, YamlProblem, parse, read_text

FENCE = "---"


@dataclass
class MarkdownFile:
    """The front matter as a Document, and the body with the line it starts on (from 1)."""

    document: Document
    body: str
    body_line: int


def load_markdown(path: Path) -> MarkdownFile:
    """Read a Markdown file with optional YAML front matter, or raise YamlProblem with a position.

    Without front matter (no `---` on the first line) the data is empty and the body is the file.
    """
    return split_markdown(read_text(path), path)


def split_markdown(text: str, path: Path) -> MarkdownFile:
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        return MarkdownFile(Document(path, {}), text, 1)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "...")), None)
    if end is None:
        raise YamlProblem(
            "forsiden (front matter) begynder med --- i første linje, men bliver aldrig lukket; "
            "skriv --- på linjen efter de sidste felter",
            1,
            1,
        )
    yaml_text = "\n".join(lines[:end]) + "\n"
    body = "\n".join(lines[end + 1 :])
    if not yaml_text.strip("-\n "):  # `---` right after `---`: no fields
        return MarkdownFile(Document(path, {}), body, end + 2)
    return MarkdownFile(parse(yaml_text, path), body, end + 2)
