"""Translations of citizen texts, and an item as one language's pages show it.

Danish is the source language. A translation (from `<id>.<code>.yaml` or `<id>.<code>.md`) holds
only the texts it translates, by field name: a nested model's texts as a mapping
(`location: {accessibility: …}`), a list of models with ids by id (`goals: {m1: {title: …}}`).
Every translatable text it leaves out is shown in Danish, marked as `Danish` so that the pages
can say so (`lang="da"` and a short note); a page never shows an empty field.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from vifte.domain.fields import Translatable, has_mark, marks_of

SOURCE_LANGUAGE = "da"


class Danish(str):
    """A citizen text shown untranslated, in Danish, on another language's page."""

    __slots__ = ()


@dataclass(frozen=True)
class Translation:
    """One file's translation of one item into one language."""

    language: str
    texts: Mapping[str, Any]
    """Field name -> translated value (str, list of str, or a mapping for nested models)."""
    fingerprint: str | None = None
    """The source's fingerprint the translator worked from (`translated_from:` in the file)."""
    path: Path | None = None


Translations = dict[str, dict[str, dict[str, Translation]]]
"""language -> collection -> item id -> its translation."""


@dataclass(frozen=True)
class Shape:
    """The translatable parts of a model: its text fields and its nested models' shapes."""

    texts: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()
    """Fields holding a list of texts (keywords): translated as a whole list."""
    nested: Mapping[str, Shape] = field(default_factory=dict)
    """Fields holding a model (location) or a list of models with ids (goals)."""
    added: frozenset[str] = frozenset()
    """Text fields marked TRANSLATABLE_ADDED: in the fingerprint only when filled."""


_SHAPES: dict[type, Shape] = {}


def shape(model: type[BaseModel]) -> Shape:
    """What a translation of `model` may hold (read from the fields marked TRANSLATABLE)."""
    if model not in _SHAPES:
        texts: list[str] = []
        lists: list[str] = []
        nested: dict[str, Shape] = {}
        added: set[str] = set()
        for name, info in model.model_fields.items():
            inner = _model_in(info.annotation)
            if inner is not None:
                inner_shape = shape(inner)
                if inner_shape.texts or inner_shape.lists or inner_shape.nested:
                    nested[name] = inner_shape
            elif has_mark(info, Translatable):
                (lists if _is_list(info.annotation) else texts).append(name)
                if any(m.added for m in marks_of(info, Translatable)):
                    added.add(name)
        _SHAPES[model] = Shape(tuple(texts), tuple(lists), nested, frozenset(added))
    return _SHAPES[model]


def translated(item: Any, texts: Mapping[str, Any] | None) -> Any:
    """`item` as a page in another language shows it: its translated texts, and every other
    translatable text marked Danish. Unchanged parts of the item are shared."""
    texts = texts or {}
    the_shape = shape(type(item))
    update: dict[str, Any] = {}
    for name in the_shape.texts:
        value = getattr(item, name)
        if value is not None:
            update[name] = texts[name] if name in texts else Danish(value)
    for name in the_shape.lists:
        value = getattr(item, name)
        update[name] = list(texts[name]) if name in texts else [Danish(v) for v in value]
    for name in the_shape.nested:
        value = getattr(item, name)
        inner = texts.get(name) or {}
        if isinstance(value, BaseModel):
            update[name] = translated(value, inner)
        elif isinstance(value, list | tuple):
            update[name] = [translated(v, inner.get(getattr(v, "id", None))) for v in value]
    return item.model_copy(update=update) if update else item


def fingerprint(item: Any) -> str:
    """A short fingerprint of an item's Danish translatable texts: a translation stores the one it
    was made from, and a changed Danish text no longer matches it."""
    digest = hashlib.sha256(
        json.dumps(_source_texts(item), ensure_ascii=False, sort_keys=True).encode()
    )
    return digest.hexdigest()[:12]


def _source_texts(item: Any) -> dict[str, Any]:
    the_shape = shape(type(item))
    found: dict[str, Any] = {
        n: getattr(item, n)
        for n in the_shape.texts + the_shape.lists
        if getattr(item, n) or n not in the_shape.added
    }
    for name in the_shape.nested:
        value = getattr(item, name)
        if isinstance(value, BaseModel):
            found[name] = _source_texts(value)
        elif isinstance(value, list | tuple):
            found[name] = {str(getattr(v, "id", i)): _source_texts(v) for i, v in enumerate(value)}
    return found


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (`Location | None`, `list[Goal]`), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        if get_origin(annotation) is not None or arg is not type(None):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def _is_list(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin in (list, tuple):
        return True
    return any(_is_list(a) for a in get_args(annotation) if get_origin(a) is not None)
