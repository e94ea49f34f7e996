"""One file's data checked against a model, every problem reported at its place in the file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from vifte.source.diagnostics import Report
from vifte.source.loader import Document
from vifte.source.messages import explain

M = TypeVar("M", bound=BaseModel)
Explain = Callable[[type[BaseModel], tuple[Any, ...], Any], str]


def validate_model(
    cls: type[M], data: Any, doc: Document, report: Report, explain: Explain = explain
) -> M | None:
    """The model, or None after reporting every problem: the file's own first, then the model's.

    Model errors where the loader left a value out (see Document.spoiled) would only repeat it.
    `explain` words a model error (source/messages.py's, unless a kind of file needs its own).
    """
    for problem in doc.problems:
        report.error(doc.path, problem.line, problem.column, problem.message)
    if not isinstance(data, dict):
        if () in doc.spoiled:
            return None
        report.error(
            doc.path,
            1,
            1,
            "filen skal bestå af felter som 'title: Gældsrådgivning', ikke en liste eller en løs tekst",
        )
        return None
    try:
        model = cls.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            if _follows(loc, err["type"], doc):
                continue
            # A missing field is reported where its parent starts; an unknown one at its key.
            line, column = doc.position(
                loc[:-1] if err["type"] == "missing" else loc, key=err["type"] == "extra_forbidden"
            )
            report.error(doc.path, line, column, explain(cls, loc, err))
        return None
    return None if doc.problems else model


def _follows(loc: tuple[Any, ...], kind: str, doc: Document) -> bool:
    """Whether a model error only follows from a problem the loader has already reported."""
    if any(loc[: len(s)] == s for s in doc.spoiled):
        return True
    return kind == "missing" and loc[:-1] in doc.incomplete
