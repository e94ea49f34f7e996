"""The reference fields of a model, found from its `Annotated[..., Ref(target)]` marks."""

from __future__ import annotations

import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from vifte.domain.fields import Ref

_REFS: dict[type, dict[str, Ref]] = {}


def refs_of(model: type) -> dict[str, Ref]:
    """The reference fields of a model, as declared with `Annotated[..., Ref(target)]`."""
    if model in _REFS:
        return _REFS[model]
    out: dict[str, Ref] = {}
    for name, info in model.model_fields.items():  # type: ignore[attr-defined]
        found = [m for m in info.metadata if isinstance(m, Ref)]
        found += _refs_in(info.annotation)
        if found:
            out[name] = found[0]
    _REFS[model] = out
    return out


def ref_paths(model: type) -> list[tuple[tuple[str, ...], Ref]]:
    """Every reference field at any depth, as a path: ("goals", "*", "offers") means the
    `offers` of each item of the list `goals` (a part model such as a strategy's goal)."""
    out: list[tuple[tuple[str, ...], Ref]] = [
        ((name,), ref) for name, ref in refs_of(model).items()
    ]
    for name, info in model.model_fields.items():  # type: ignore[attr-defined]
        for part, many in _parts_in(info.annotation):
            prefix = (name, "*") if many else (name,)
            out += [((*prefix, *path), ref) for path, ref in ref_paths(part)]
    return out


def values_at(data: Any, path: tuple[str, ...], loc: tuple[str | int, ...]) -> list[Any]:
    """The raw values at a reference path of `ref_paths` ("*" is each item of a list), with their locations."""
    if not path:
        return [(data, loc)]
    head, rest = path[0], path[1:]
    if head == "*":
        if not isinstance(data, list):
            return []
        return [found for i, v in enumerate(data) for found in values_at(v, rest, (*loc, i))]
    if not isinstance(data, dict) or head not in data:
        return []
    return values_at(data[head], rest, (*loc, head))


def _parts_in(annotation: Any, many: bool = False) -> list[tuple[type, bool]]:
    """The models inside an annotation (`list[Goal]`, `Adoption | None`), and whether in a list."""
    origin = get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [(annotation, many)]
    if origin is Annotated:
        return _parts_in(get_args(annotation)[0], many)
    if origin in (Union, types.UnionType, list):
        return [p for arg in get_args(annotation) for p in _parts_in(arg, many or origin is list)]
    return []


def _refs_in(annotation: Any) -> list[Ref]:
    """Refs inside an annotation: `Annotated[Id, Ref(...)] | None`, `list[Annotated[...]]`."""
    origin = get_origin(annotation)
    if origin is Annotated:
        args = get_args(annotation)
        return [a for a in args[1:] if isinstance(a, Ref)] + _refs_in(args[0])
    if origin in (Union, types.UnionType, list):
        return [r for arg in get_args(annotation) for r in _refs_in(arg)]
    return []
