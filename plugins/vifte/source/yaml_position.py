"""Where a key stands in a YAML file (line and column), for messages at file:line."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode


def position_of(path: Path, key: str) -> tuple[int, int]:
    """Line and column of a top-level setting in the file; (0, 0) when it is not written there."""
    return position(compose(path), key, "")


def compose(path: Path) -> Node | None:
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, ValueError, yaml.YAMLError):
        return None


def position(root: Node | None, key: str, problem: str) -> tuple[int, int]:
    """Line and column of the setting a problem is about: the quoted name in it, else the key."""
    if not isinstance(root, MappingNode):
        return (0, 0)
    for key_node, value_node in root.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            # The last name quoted in the problem is the most specific, e.g. a plugin's option.
            for name in reversed(re.findall(r"'([^']+)'|\"([^\"]+)\"|name: (\S+)", problem)):
                found = _find(value_node, next(n for n in name if n))
                if found is not None:
                    return _mark(found)
            return _mark(key_node)
    return (0, 0)


def _find(node: Node, name: str) -> Node | None:
    """The first scalar (a key or a value) spelled `name` in a node tree."""
    if isinstance(node, ScalarNode):
        return node if node.value == name else None
    children = (
        [n for pair in node.value for n in pair]
        if isinstance(node, MappingNode)
        else node.value
        if isinstance(node, SequenceNode)
        else []
    )
    for child in children:
        if (found := _find(child, name)) is not None:
            return found
    return None


def _mark(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)
