"""What a translation file may hold, as a model: the item's translatable fields, all optional.

Built from the item's own model (domain/translation.py's `shape`), so a translated text keeps
every rule of the Danish one (text only, length, Markdown that renders whole, at least one
competence); a list of models with ids (a strategy document's goals) is translated by id. The
same models give editors the JSON Schema of translation files (source/schema.py).
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, Field, StringConstraints, create_model

from vifte.domain.fields import Id, Strict
from vifte.domain.translation import shape

FINGERPRINT_KEY = "translated_from"
FINGERPRINT_PATTERN = r"^[0-9a-f]{12}$"


@cache
def translation_model(model: type[BaseModel], *, top: bool = True) -> type[BaseModel]:
    """The model of a translation of `model` (`top`: a whole file, with `translated_from`)."""
    the_shape = shape(model)
    fields: dict[str, Any] = {}
    for name in (*the_shape.texts, *the_shape.lists):
        info = model.model_fields[name]
        annotation = _without_none(info.annotation)
        if info.metadata:  # the rules written in Field(...), such as competences' min_length
            annotation = Annotated[annotation, *info.metadata]
        fields[name] = (annotation | None, Field(None, description=info.description))
    for name in the_shape.nested:
        info = model.model_fields[name]
        inner = translation_model(_inner_model(info.annotation), top=False)
        if _holds_list(info.annotation):
            fields[name] = (
                dict[Id, inner] | None,  # type: ignore[valid-type]
                Field(None, description=f"{info.description or name} Efter id, fx m1: {{...}}."),
            )
        else:
            fields[name] = (inner | None, Field(None, description=info.description))
    if top:
        fields[FINGERPRINT_KEY] = (
            Annotated[str, StringConstraints(pattern=FINGERPRINT_PATTERN)] | None,
            Field(
                None,
                description="Fingeraftrykket af den danske tekst, oversættelsen er lavet fra "
                "(vifte new skriver det); vifte check advarer, når den danske tekst er ændret.",
            ),
        )
    return create_model(  # type: ignore[call-overload, no-any-return]
        f"{model.__name__}Translation",
        __base__=Strict,
        __doc__="En oversættelse: kun tekster til borgeren; det, der ikke er oversat, vises på "
        "dansk med en note.",
        **fields,
    )


def _without_none(annotation: Any) -> Any:
    if get_origin(annotation) is Union or type(annotation).__name__ == "UnionType":
        kept = [a for a in get_args(annotation) if a is not type(None)]
        return kept[0] if len(kept) == 1 else Union[tuple(kept)]  # noqa: UP007
    return annotation


def _inner_model(annotation: Any) -> type[BaseModel]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        try:
            return _inner_model(arg)
        except LookupError:
            continue
    raise LookupError(annotation)


def _holds_list(annotation: Any) -> bool:
    if get_origin(annotation) in (list, tuple):
        return True
    return any(_holds_list(a) for a in get_args(annotation) if get_origin(a) is not None)
