"""Read YAML files safely, keeping the line and column of every key and value.

Only plain YAML is accepted: no custom tags, no aliases (the door to "billion laughs" bombs),
no duplicate keys, bounded size and nesting, no tab indentation (reported, and the rest read as if
spaces were used). Problems become diagnostics, never tracebacks.
"""

from __future__ import annotations

import copy
import pickle
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from vifte.source import characters
from vifte.source.diagnostics import shorten
from vifte.source.tabs import (
    TAB_MESSAGE,
    TAB_WIDTHS,
    Position,
    original_column,
    spaces_for_tabs,
    tab_indents,
)

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 12
TOO_DEEP = (
    f"filen har for mange niveauer af felter inden i felter (højst {MAX_DEPTH}); "
    "tjek indrykningen og parenteserne"
)

Loc = tuple[str | int, ...]


class YamlProblem(Exception):
    """A file that cannot be read as plain YAML; line/column count from 1."""

    def __init__(self, message: str, line: int = 0, column: int = 0):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Document:
    """The data of one YAML file plus where each part of it stands in the file."""

    path: Path
    data: Any
    positions: dict[Loc, Position] = field(default_factory=dict)
    key_positions: dict[Loc, Position] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)
    """Problems that spoil a part of the file but not the rest (a duplicate key, a tag, a merge),
    so the file's other problems are reported in the same run."""
    spoiled: set[Loc] = field(default_factory=set)
    """Where a value was left out because of one of `problems`; no more errors are due there."""
    incomplete: set[Loc] = field(default_factory=set)
    """Mappings that lost fields to one of `problems` (a `<<` merge): missing fields are no news."""
    written: dict[Loc, str] = field(default_factory=dict)
    """The source text of each unquoted value YAML 1.1 reads as a number, yes/no or date.

    `start: 9:30` is the number 570 to YAML 1.1 and `phone: 070112244` an octal 14718116;
    where the model expects text, the validator puts back what the author wrote.
    """

    def position(self, loc: Loc, *, key: bool = False) -> Position:
        """Best position for a location: the key or value itself, else its nearest parent."""
        table = self.key_positions if key else self.positions
        while True:
            if loc in table:
                return table[loc]
            if not key and loc in self.key_positions:
                return self.key_positions[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]


# libyaml's C parser when PyYAML has it (about 5x faster), else the pure-Python one.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NESTING_MARKS = 256


def _loader_for(text: str) -> Any:
    """The C loader for ordinary files; the Python one where nesting could be deep.

    libyaml composes nodes recursively in C and crashes the process on very deep nesting; the
    Python composer raises RecursionError instead, which we report. Deep nesting needs many
    brackets or a long run of indentation and dashes, so those are cheap to spot.
    """
    if text.count("[") + text.count("{") > NESTING_MARKS:
        return yaml.SafeLoader
    if any(len(line) - len(line.lstrip(" -?:")) > NESTING_MARKS for line in text.split("\n")):
        return yaml.SafeLoader
    return _FAST_LOADER


def decode(raw: bytes) -> str:
    """UTF-8 text (a BOM is dropped), or YamlProblem at the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(
            "filen er ikke gemt som UTF-8 (tegnet kan ikke læses); gem den igen med "
            "tegnsættet UTF-8 i din editor",
            line,
            column,
        ) from None


def read_text(path: Path) -> str:
    """Return the file's text (UTF-8, BOM and CRLF tolerated) or raise YamlProblem."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlProblem(
            f"filen er for stor ({size // 1000} kB); en vifte-fil må højst fylde "
            f"{MAX_FILE_BYTES // 1000} kB"
        )
    text = decode(path.read_bytes())
    if "\x00" in text:
        raise YamlProblem("filen indeholder binære data (NUL-tegn) og er ikke en tekstfil")
    text = text.replace("\r\n", "\n")
    refused = characters.in_raw(text)
    if refused is not None:
        line, column, message = refused
        raise YamlProblem(message, line, column)
    return text


def load(path: Path) -> Document:
    """Parse one YAML file into a Document, or raise YamlProblem with a position."""
    text = read_text(path)
    if PARSED.on:
        return PARSED.parse(text, path)
    return parse(text, path)


class Parsed:
    """The last parse of each file, kept by a long-running process (`vifte serve`) when `on`.

    A rebuild then parses only the files whose text changed; the others come back as fresh
    copies, since the validator changes what it gets: the data unpickled, each table copied
    (their keys and positions are tuples), which is half the time of unpickling it all.
    """

    def __init__(self) -> None:
        self.on = False
        self.kept: dict[Path, tuple[str, Document, bytes]] = {}

    def parse(self, text: str, path: Path) -> Document:
        kept = self.kept.get(path)
        if kept is not None and kept[0] == text:
            return _fresh(kept[1], kept[2])
        doc = parse(text, path)
        data = pickle.dumps(doc.data)
        self.kept[path] = (text, _fresh(doc, data), data)
        return doc


def _fresh(doc: Document, data: bytes) -> Document:
    """A copy of `doc` that shares nothing a validator may change; `data` is doc.data pickled."""
    return replace(
        doc,
        data=pickle.loads(data),  # noqa: S301 (our own bytes, never read from disk)
        positions=dict(doc.positions),
        key_positions=dict(doc.key_positions),
        problems=[copy.copy(problem) for problem in doc.problems],
        spoiled=set(doc.spoiled),
        incomplete=set(doc.incomplete),
        written=dict(doc.written),
    )


PARSED = Parsed()


def parse(text: str, path: Path) -> Document:
    """Parse YAML text (already read) into a Document; positions count in `text`.

    A line indented with tabs is an error, but where tabs are the file's only YAML problem the
    file is read as if spaces had been used, so its other mistakes come out in the same run.
    """
    tabs = tab_indents(text)
    if not tabs:
        return _parse(text, path)
    for width in TAB_WIDTHS:
        try:
            doc = _parse(spaces_for_tabs(text, width), path)
        except YamlProblem:
            continue
        back = original_column(text, width)
        for table in (doc.positions, doc.key_positions):
            table.update({loc: back(position) for loc, position in table.items()})
        for problem in doc.problems:
            problem.line, problem.column = back((problem.line, problem.column))
        doc.problems[:0] = [YamlProblem(TAB_MESSAGE, *where) for where in tabs]
        return doc
    raise YamlProblem(TAB_MESSAGE, *tabs[0])


def _parse(text: str, path: Path) -> Document:
    loader = _loader_for(text)(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise YamlProblem(_explain_syntax(exc), line, column) from None
    except RecursionError:
        raise YamlProblem(TOO_DEEP) from None
    except yaml.YAMLError as exc:  # the reader's own errors carry no mark
        raise YamlProblem(f"YAML-syntaksfejl: {shorten(str(exc))}") from None
    finally:
        loader.dispose()
    if node is None:
        raise YamlProblem("filen er tom; den skal indeholde felter som 'navn: værdi'", 1, 1)
    doc = Document(path, None)
    doc.data = _construct(node, (), doc, loader, 0, set())
    return doc


def _construct(node: Node, loc: Loc, doc: Document, loader: Any, depth: int, seen: set[int]) -> Any:
    if depth > MAX_DEPTH:
        raise YamlProblem(TOO_DEEP, *_pos(node))
    # An alias is the same node object met a second time; refusing it stops "billion laughs".
    # It ends the reading: such a file is an attack or a copy-paste accident, not a typo.
    if id(node) in seen:
        raise YamlProblem(
            "YAML-ankre og -aliaser (&navn og *navn) er ikke tilladt i vifte-filer; "
            "skriv værdien helt ud",
            *_pos(node),
        )
    seen.add(id(node))
    doc.positions[loc] = _pos(node)
    if not isinstance(node, ScalarNode) and node.tag not in _COLLECTION_TAGS:
        return _spoil(doc, loc, node, _tag_message(node.tag))
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                doc.problems.append(
                    YamlProblem("et feltnavn skal være en enkel tekst", *_pos(key_node))
                )
                doc.incomplete.add(loc)
                continue
            if key_node.value == "<<" and key_node.style is None:
                doc.problems.append(
                    YamlProblem("YAML-fletning (<<) er ikke tilladt i vifte-filer", *_pos(key_node))
                )
                doc.incomplete.add(loc)
                continue
            if not _plain_tag(key_node):
                doc.problems.append(YamlProblem(_tag_message(key_node.tag), *_pos(key_node)))
                doc.incomplete.add(loc)
                continue
            key = key_node.value  # a field name is text as written, even `yes:` or `1:`
            if key in result:
                # The first value stays, so the rest of the file is still checked.
                doc.problems.append(
                    YamlProblem(
                        f"feltet '{shorten(key)}' står to gange; slet det ene", *_pos(key_node)
                    )
                )
                continue
            key_loc = (*loc, key)
            doc.key_positions[key_loc] = _pos(key_node)
            result[key] = _construct(value_node, key_loc, doc, loader, depth + 1, seen)
        return result
    if isinstance(node, SequenceNode):
        return [
            _construct(item, (*loc, i), doc, loader, depth + 1, seen)
            for i, item in enumerate(node.value)
        ]
    assert isinstance(node, ScalarNode)  # the composer makes only these three kinds
    if not _plain_tag(node):
        return _spoil(doc, loc, node, _tag_message(node.tag))
    return _scalar(node, loc, doc, loader)


def _spoil(doc: Document, loc: Loc, node: Node, message: str) -> Any:
    """Note a problem that leaves this one value out; the rest of the file is read on."""
    doc.problems.append(YamlProblem(message, *_pos(node)))
    doc.positions.setdefault(loc, _pos(node))
    doc.spoiled.add(loc)
    return None


def _scalar(node: ScalarNode, loc: Loc, doc: Document, loader: Any) -> Any:
    if node.tag == _STR:
        refused = characters.in_value(node.value)
        return node.value if refused is None else _spoil(doc, loc, node, refused)
    try:
        value = loader.construct_object(node, deep=True)
    except Exception:  # PyYAML raises KeyError, AttributeError ... for `!!bool x`
        # Looks like a date or number but is none (2026-02-31): it stays the text it is.
        return node.value
    if value is not None:
        doc.written[loc] = node.value
    return value


def _plain_tag(node: ScalarNode) -> bool:
    return node.tag.startswith(_YAML_TAG) and node.tag[len(_YAML_TAG) :] in _PLAIN_TAGS


def _tag_message(tag: str) -> str:
    return (
        f"mærket '{shorten(tag)}' er ikke tilladt; vifte læser kun almindelig tekst, tal, datoer, "
        "lister og felter"
    )


_YAML_TAG = "tag:yaml.org,2002:"
_STR = _YAML_TAG + "str"
_PLAIN_TAGS = {"str", "int", "float", "bool", "null", "timestamp"}
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _pos(node: Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _explain_syntax(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    if "could not find expected ':'" in problem:
        return "der mangler et kolon (:) efter feltnavnet, eller en tekst fortsætter på næste linje uden indrykning"
    if "mapping values are not allowed" in problem:
        return "der står et kolon (:) et sted, hvor det ikke må stå; sæt teksten i anførselstegn"
    if "found character '\\t'" in problem:
        return "filen indeholder et tabulatortegn; brug mellemrum til indrykning"
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "indrykningen passer ikke; felter på samme niveau skal starte i samme kolonne"
    if "found unexpected end of stream" in problem or "found unexpected end" in problem:
        return "et anførselstegn eller en parentes bliver ikke lukket"
    if "invalid Unicode character escape code" in problem:
        return (
            "teksten i anførselstegn har en \\u-kode for et tegn, der ikke kan vises (en halv "
            "UTF-16-surrogat eller et tal over U+10FFFF); slet koden, eller skriv selve tegnet"
        )
    if "found undefined alias" in problem or "found undefined tag" in problem:
        return f"ukendt YAML-konstruktion ({shorten(problem)})"
    return f"YAML-syntaksfejl: {shorten(problem or exc)}"
