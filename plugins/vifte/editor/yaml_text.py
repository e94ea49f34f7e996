"""YAML as the writer edits it: round-trip parsing that keeps every untouched scalar as written.

ruamel.yaml keeps comments, key order and quoting. Its resolver here reads every plain scalar
as the text it is (only an empty value is null), so an untouched `phone: 070112244` or
`start: 9:30` is written back exactly as it stood. Each new value gets its style from a
round trip through the reading vifte itself uses (PyYAML, YAML 1.1): plain when that reads
the intended value back, else a literal block for lines of text, else double quotes.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString
from ruamel.yaml.tag import Tag

_STR = Tag(suffix="tag:yaml.org,2002:str")
_NULL = Tag(suffix="tag:yaml.org,2002:null")
INDENTS = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0))
"""(mapping, sequence, offset) styles tried on an existing file; the first is `vifte new`'s."""


class AsWritten(VersionedResolver):
    """Every plain scalar is text (an empty one null): nothing is re-typed on the way through."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return _NULL if value == "" else _STR
        return super().resolve(kind, value, implicit)


def round_trip(indent: tuple[int, int, int] = INDENTS[0]) -> YAML:
    y = YAML(typ="rt")
    y.Resolver = AsWritten
    y.preserve_quotes = True
    y.width = 100_000  # never fold a long line: a folded line is a changed line
    y.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return y


def load(text: str) -> tuple[Any, YAML]:
    """The document of an existing file, with the indentation style that writes it back
    unchanged (the first style when none does). YAMLError when it is not YAML."""
    first: tuple[Any, YAML] | None = None
    for indent in INDENTS:
        y = round_trip(indent)
        data = y.load(text)
        if first is None:
            first = (data, y)
        if dump(data, y) == text:
            return data, y
    assert first is not None
    return first


def dump(data: Any, y: YAML) -> str:
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue()


def form_values(text: str) -> Any:
    """What Decap's form sent (YAML 1.2, as its serializer writes): plain Python values."""
    y = YAML(typ="safe", pure=True)
    return y.load(text)


def scalar(value: Any) -> Any:
    """A new value as the node to write: text in the style that reads back as `value`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if "\n" in text:
        block = LiteralScalarString(text)
        if _reads_back(block, text):
            return block
    elif _reads_back(text, text):
        return text
    return DoubleQuotedScalarString(text)


def node(value: Any) -> Any:
    """A new value (mapping, list or scalar) as nodes in `vifte new`'s block style."""
    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = node(item)
        return out
    if isinstance(value, list):
        return CommentedSeq(node(item) for item in value)
    return scalar(value)


def _reads_back(written: Any, intended: str) -> bool:
    """Whether vifte's own reading of `key: written` gives the text `intended`."""
    try:
        text = dump({"k": written}, round_trip())
        return pyyaml.safe_load(text) == {"k": intended}
    except (YAMLError, pyyaml.YAMLError):
        return False
