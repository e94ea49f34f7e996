"""Text fields get the text the author wrote, not YAML 1.1's reading of it.

YAML 1.1 reads `9:30` as 570, `070112244` as an octal number, `no` as false and `7.50` as 7.5.
The loader keeps the source text of every such value (`Document.written`); here it is put back
wherever the model expects text, so what is written is what is published. Fields that are not
text (dates, true/false) keep YAML's reading.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from vifte.source.loader import Loc


def as_written(model: type[BaseModel], data: Any, written: dict[Loc, str]) -> Any:
    """`data` with the source text in place of every typed value where `model` expects text."""
    return _restore(model, data, (), written) if written else data


def _restore(annotation: Any, value: Any, loc: Loc, written: dict[Loc, str]) -> Any:
    if loc in written and expects_text(annotation):
        return written[loc]
    if isinstance(value, dict):
        model = next((o for o in options(annotation) if _is_model(o)), None)
        if model is None:
            return value
        fields = model.model_fields
        return {
            key: _restore(fields[key].annotation, item, (*loc, key), written)
            if key in fields
            else item
            for key, item in value.items()
        }
    if isinstance(value, list):
        item_type = next(
            (get_args(o)[0] for o in options(annotation) if get_origin(o) is list), None
        )
        if item_type is None:
            return value
        return [_restore(item_type, item, (*loc, i), written) for i, item in enumerate(value)]
    return value


def options(annotation: Any) -> list[Any]:
    """The types a value may have, without `Annotated` wrappers and without None."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return options(get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        return [o for arg in get_args(annotation) for o in options(arg)]
    return [] if annotation is type(None) else [annotation]


def expects_text(annotation: Any) -> bool:
    """True when the field holds text: free text, an id, or one of fixed words (Literal)."""
    return any(
        option is str
        or (get_origin(option) is Literal and all(isinstance(a, str) for a in get_args(option)))
        for option in options(annotation)
    )


def _is_model(option: Any) -> bool:
    return isinstance(option, type) and issubclass(option, BaseModel)
