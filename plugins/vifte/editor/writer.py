"""An item saved from the form, written as a person would write its file.

An existing file keeps its comments, key order, quoting and every field the form did not
change: only the changed values are replaced, so `git diff` shows only the edited lines. A
new file gets `vifte new`'s field order (read from its template) in block style. Every value
is typed by the model first (text stays text: "9.00", "070112244", "no"), and the whole file
is read back with vifte's own reader before it is written: a value that would read back
differently is refused, never written.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib.resources import files
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from vifte.domain.entries import Collection
from vifte.editor import yaml_text
from vifte.source.frontmatter import FENCE
from vifte.source.loader import Loc, YamlProblem, parse
from vifte.source.written import as_written, expects_text, options


class WriteError(Exception):
    """The form's data cannot be written as it is; the message says why in Danish."""


EMPTY: tuple[Any, ...] = ("", None, [], {})
BOM = "\ufeff"
_NOWHERE = Path("formular")
"""The path a parsed text is reported at: the writer reads text, never a file."""


def form_data(raw: str, col: Collection) -> dict[str, Any]:
    """The item as Decap's form sent it (the file text it made), typed by the model."""
    raw = raw.replace("\r\n", "\n")
    body = None
    if col.format == "markdown":
        raw, body = _split(raw)
    try:
        data = yaml_text.form_values(raw) if raw.strip() else {}
    except YAMLError:
        raise WriteError("formularens data kunne ikke læses; prøv at gemme igen") from None
    if not isinstance(data, dict):
        raise WriteError("formularens data er ikke felter med værdier; prøv at gemme igen")
    data.pop("id", None)  # the id is the file name
    if body is not None:
        data[col.body_field] = body
    return typed(col.model, data)


def write(existing: str | None, data: dict[str, Any], col: Collection) -> str:
    """The file's new text: `existing` with the changed fields replaced, or a new file. An
    existing file keeps its BOM and Windows line endings, if it has them."""
    data = dict(data)
    body = data.pop(col.body_field, None) if col.format == "markdown" else None
    bom, crlf = "", False
    if existing is not None:
        bom = BOM if existing.startswith(BOM) else ""
        crlf = "\r\n" in existing
        existing = existing.removeprefix(BOM).replace("\r\n", "\n")
    if existing is None:
        front = yaml_text.dump(_new_document(data, col), yaml_text.round_trip()) if data else ""
        text = _join(front, body) if col.format == "markdown" else front
    elif col.format == "markdown":
        front, old_body = _split(existing)
        new_front = _edited(front, data, col) if front.strip() or data else front
        same_body = (body or "").rstrip("\n") == old_body.rstrip("\n")
        text = _join(new_front, old_body if same_body else body)
    else:
        text = _edited(existing, data, col)
    _check_reads_back(text, data, body, col)
    return bom + (text.replace("\n", "\r\n") if crlf else text)


def typed(annotation: Any, value: Any) -> Any:
    """A form value as vifte reads it where the model expects `annotation`: text as text, a
    date as a date; anything the model does not know stays as it came."""
    if isinstance(value, dict):
        model = next((o for o in options(annotation) if _is_model(o)), None)
        if model is None:
            return value
        fields = model.model_fields
        return {k: typed(fields[k].annotation, v) if k in fields else v for k, v in value.items()}
    if isinstance(value, list):
        inner = next((get_args(o)[0] for o in options(annotation) if get_origin(o) is list), None)
        return [typed(inner, v) for v in value] if inner is not None else value
    if value is None or annotation is None:
        return value
    if expects_text(annotation):
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (dt.date, int, float)):
            return value.isoformat() if isinstance(value, dt.date) else str(value)
        return value
    if dt.date in options(annotation) or any(_is_date(o) for o in options(annotation)):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                return value  # the check says what is wrong with it
    return value


def _is_date(option: Any) -> bool:
    return option is dt.date


def _is_model(option: Any) -> bool:
    return isinstance(option, type) and issubclass(option, BaseModel)


def _split(text: str) -> tuple[str, str]:
    """Front matter (without its fences) and body of a Markdown file."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return "", text
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "...")), None)
    if end is None:
        return "", text
    return "\n".join(lines[1:end]) + ("\n" if end > 1 else ""), "\n".join(lines[end + 1 :])


def _join(front: str, body: str | None) -> str:
    body = (body or "").rstrip("\n")
    return f"{FENCE}\n{front}{FENCE}\n" + (f"{body}\n" if body else "")


def field_order(col: Collection) -> list[str]:
    """The order of `vifte new`'s template (commented-out fields too), then the model's."""
    order: list[str] = []
    name = f"{col.kind}{col.suffixes[0]}"
    template = files("vifte").joinpath("templates", "new", name)
    if template.is_file():
        for match in re.finditer(r"^(?:# )?([a-z_]+):", template.read_text("utf-8"), re.M):
            if match[1] not in order and match[1] in col.model.model_fields:
                order.append(match[1])
    rest = [f for f in col.model.model_fields if f not in order and f != "id"]
    return order + rest


def _new_document(data: dict[str, Any], col: Collection) -> CommentedMap:
    order = field_order(col)
    rank = {name: i for i, name in enumerate(order)}
    keys = sorted((k for k in data if not _empty(data[k])), key=lambda k: rank.get(k, len(rank)))
    out = CommentedMap()
    for key in keys:
        out[key] = yaml_text.node(_pruned(data[key]))
    return out


def _edited(text: str, data: dict[str, Any], col: Collection) -> str:
    try:
        doc, y = yaml_text.load(text) if text.strip() else (CommentedMap(), yaml_text.round_trip())
    except YAMLError:
        raise WriteError(
            "filen kan ikke læses som YAML, så formularen kan ikke gemme i den; "
            "ret den i en editor først ('vifte check' viser fejlen)"
        ) from None
    if doc is None:
        doc = CommentedMap()
    if not isinstance(doc, CommentedMap):
        raise WriteError("filen indeholder ikke felter med værdier; ret den i en editor først")
    before = _reading(text, col)
    _merge(doc, data, before if isinstance(before, dict) else {}, field_order(col))
    return yaml_text.dump(doc, y) if len(doc) else ""


def _reading(text: str, col: Collection) -> Any:
    """The file as `vifte check` reads it (texts as written)."""
    return _read(text, col)[0]


def _read(text: str, col: Collection) -> tuple[Any, set[Loc]]:
    """The file as `vifte check` reads it, and where its reader left a value out (a character
    vifte refuses, say: the check reports that at its field)."""
    try:
        document = parse(text, _NOWHERE) if text.strip() else None
    except YamlProblem:
        return {}, set()
    if document is None:
        return {}, set()
    return as_written(col.model, document.data, document.written), document.spoiled


def _merge(doc: CommentedMap, new: dict[str, Any], old: dict[str, Any], order: list[str]) -> None:
    """Put the changed values of `new` into `doc` (a mapping as written); `old` is how vifte
    reads `doc`. A field the form sent empty is removed; one it did not send stays."""
    for key, value in new.items():
        if key not in doc:
            if not _empty(value):
                _insert(doc, key, yaml_text.node(_pruned(value)), order)
            continue
        if _empty(value):
            del doc[key]
            continue
        if key in old and old[key] == value:
            continue  # unchanged: the line stays exactly as written
        current, was = doc[key], old.get(key)
        if isinstance(value, dict) and isinstance(current, CommentedMap):
            _merge(current, value, was if isinstance(was, dict) else {}, [])
        elif isinstance(value, list) and isinstance(current, CommentedSeq):
            _replace_list(current, value, was if isinstance(was, list) else [])
        else:
            doc[key] = yaml_text.node(_pruned(value))


def _replace_list(seq: CommentedSeq, new: list[Any], old: list[Any]) -> None:
    """A changed list, edited in place so a flow list `[a, b]` stays one."""
    for i, value in enumerate(new):
        if i < len(seq):
            if i < len(old) and old[i] == value:
                continue
            if isinstance(value, dict) and isinstance(seq[i], CommentedMap):
                _merge(
                    seq[i], value, old[i] if i < len(old) and isinstance(old[i], dict) else {}, []
                )
            else:
                seq[i] = yaml_text.node(_pruned(value))
        else:
            seq.append(yaml_text.node(_pruned(value)))
    del seq[len(new) :]


def _insert(doc: CommentedMap, key: str, value: Any, order: list[str]) -> None:
    """A new field after the nearest field that comes before it in `vifte new`'s order."""
    keys = list(doc.keys())
    if key in order and keys:
        earlier = order[: order.index(key)]
        at = max((keys.index(k) + 1 for k in earlier if k in doc), default=0)
        if at < len(keys):
            doc.insert(at, key, value)
            return
    doc[key] = value


def _empty(value: Any) -> bool:
    return any(value == e and type(value) is type(e) for e in EMPTY) or value is None


def _pruned(value: Any) -> Any:
    """A new value without the empty fields a form sends for what was not filled in."""
    if isinstance(value, dict):
        return {k: _pruned(v) for k, v in value.items() if not _empty(_pruned(v))}
    if isinstance(value, list):
        return [_pruned(v) for v in value if not _empty(_pruned(v))]
    return value


def _check_reads_back(text: str, data: dict[str, Any], body: str | None, col: Collection) -> None:
    """Refuse a text whose reading by vifte differs from what the form meant."""
    front = _split(text)[0] if col.format == "markdown" else text
    read, spoiled = _read(front, col) if front.strip() else ({}, set())
    for key, value in data.items():
        want = _pruned(value)
        got = read.get(key) if isinstance(read, dict) else None
        if _empty(want) or any(loc[:1] == (key,) for loc in spoiled):
            continue
        if not _same(got, want):
            raise WriteError(
                f"feltet '{key}' ville blive læst anderledes, end det er skrevet; "
                "intet er gemt (skriv til vifte's udviklere)"
            )


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, dict) and isinstance(got, dict):
        return all(_same(got.get(k), v) for k, v in want.items() if not _empty(v))
    return bool(got == want)
