"""Editing a YAML file as lines, so that every other line and comment stays as it was.

PyYAML's node marks give each key's lines; a round trip through `yaml.dump` would drop comments.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode


def insert(text: str, section: str, lines: list[str], path: Path) -> str:
    """The text with `lines` first in a top-level mapping (made at the end if missing); ValueError
    when the section is not a block mapping (Danish, with its line)."""
    found = value_of(yaml.compose(text, Loader=yaml.SafeLoader), section)
    if found is None:
        head = f"# Flyttet fra mkdocs.yml af 'vifte upgrade'.\n{section}:\n"
        return text.rstrip("\n") + "\n" + head + "".join("  " + line for line in lines)
    key, value = found
    if not isinstance(value, MappingNode) or value.flow_style or not value.value:
        raise ValueError(
            f"{path}:{key.start_mark.line + 1}: fejl: skriv {section} som en blok med "
            "ét felt på hver linje, og kør 'vifte upgrade' igen"
        )
    indent = " " * value.value[0][0].start_mark.column
    at = key.start_mark.line + 1
    old = text.splitlines(keepends=True)
    return "".join([*old[:at], *(indent + line for line in lines), *old[at:]])


def without(text: str, dropped: set[str], replaced: dict[str, str]) -> str:
    """A YAML text without the lines of the `dropped` keys (top-level, or `theme.logo` inside a
    top-level mapping); a key in `replaced` gets that line instead."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    lines = text.splitlines(keepends=True)
    gone: set[int] = set()
    assert isinstance(root, MappingNode)
    for key, value in root.value:
        if isinstance(value, MappingNode):
            for sub, inner in value.value:
                if f"{key.value}.{sub.value}" in dropped:
                    gone.update(range(sub.start_mark.line, last_line(inner) + 1))
        if key.value in dropped:
            first, last = key.start_mark.line, last_line(value)
            gone.update(range(first, last + 1))
            if 0 < first and last + 1 < len(lines) and not lines[first - 1].strip():
                if not lines[last + 1].strip():  # one blank line, not two, where it stood
                    gone.add(last + 1)
            if key.value in replaced:
                lines[first] = replaced[key.value]
                gone.discard(first)
    return "".join(line for i, line in enumerate(lines) if i not in gone)


def value_of(root: Node | None, name: str) -> tuple[Node, Node] | None:
    if isinstance(root, MappingNode):
        for key, value in root.value:
            if isinstance(key, ScalarNode) and key.value == name:
                return key, value
    return None


def last_line(node: Node) -> int:
    """The last line (0-based) a value's text is on."""
    if isinstance(node, CollectionNode) and node.value and not node.flow_style:
        last = node.value[-1]
        return last_line(last[1] if isinstance(node, MappingNode) else last)
    end = node.end_mark
    return end.line if end.column > 0 else end.line - 1
