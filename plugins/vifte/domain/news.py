"""News: dated notices to citizens, written as Markdown with front matter in catalogue/news/.

A notice is `catalogue/news/<id>.md`: the fields below, then the Markdown body. It may name the
offers it is about (their pages list it). Whether a notice still applies is judged on the
catalogue's "today" (source/clock.py: VIFTE_TODAY, else the machine's date), the same day the
freshness notices use; the feeds never depend on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from vifte.domain.fields import TRANSLATABLE, Date, Id, Markdown, Ref, Routed, Text
from vifte.domain.model import Image

SECTION = "nyt"
"""The archive's address; a notice's page is nyt/<id>/."""


class Notice(Routed):
    """En nyhed til borgerne: en ændring, et arrangement, et nyt tilbud, åbningstider.

    Filnavnet (catalogue/news/ID.md) er nyhedens id; teksten under forsidens --- er brødteksten.
    """

    id: Id = Field(exclude=True, description="Nyhedens id; sættes fra filnavnet.")
    title: Annotated[Text, TRANSLATABLE] = Field(description="Overskriften, som borgeren ser den.")
    date: Date = Field(description="Datoen, nyheden udkommer (ÅÅÅÅ-MM-DD).")
    summary: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), TRANSLATABLE
    ] = Field(description="Nyheden i én eller to korte sætninger på almindeligt dansk.")
    offers: Annotated[list[Id], Ref("offers")] = Field(
        default_factory=list,
        description="Id'er på de tilbud, nyheden handler om; tilbuddenes sider viser nyheden.",
    )
    image: Image | None = Field(None, description="Et billede i catalogue/images med alt-tekst.")
    expires: Date | None = Field(
        None,
        description="Sidste dag, nyheden gælder (ÅÅÅÅ-MM-DD); siden siger det, og efter den "
        "dato kommer den ikke på forsiden.",
    )
    body: Annotated[Markdown, TRANSLATABLE] | None = Field(
        None, description="Brødteksten: teksten under forsidens --- (Markdown)."
    )

    def expired_by(self, day: dt.date | None) -> bool:
        """Whether the notice no longer applies on `day` (the catalogue's today, as for freshness: decision 18)."""
        return self.expires is not None and day is not None and self.expires < day


Problem = tuple[Literal["error", "warning"], tuple[str | int, ...], str]


def problems(notice: Notice) -> Iterator[Problem]:
    """Rules across a notice's fields."""
    if notice.expires is not None and notice.expires < notice.date:
        yield (
            "error",
            ("expires",),
            f"nyheden udløber ({notice.expires.isoformat()}), før den udkommer "
            f"({notice.date.isoformat()}); ret 'expires' eller 'date'",
        )
