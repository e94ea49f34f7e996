"""Opening hours: the days and times a place is open each week, and the days that differ.

Written in YAML as a communication officer reads it (decision 63):

    opening_hours:
      week:
        - days: [monday, tuesday, wednesday, thursday]
          opens: "9.00"
          closes: "15.00"
        - days: [friday]
          opens: "9.00"
          closes: "12.00"
      exceptions:
        - date: 2026-12-24
          until: 2026-12-26        # closed these days: no opens/closes

A day no line names is closed. Times are text, "9.00" or "9:00", quoted or not: the loader keeps
what was written where a model expects text (source/written.py), so YAML's 9.0 or 540 never
reaches here from a file. The words are in opening_text.py.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from vifte.domain.fields import TRANSLATABLE, Date, Strict, Text

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[str, ...] = get_args(Weekday)
"""Monday first, as `datetime.date.weekday()` counts (0 = monday)."""

CLOCK = re.compile(r"^([01]?[0-9]|2[0-4])[.:]([0-5][0-9])$")
DAY_END = 24 * 60


def _clock_text(value: object) -> object:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(
            f'skriv klokkeslættet i anførselstegn, fx "9.00"; uden anførselstegn læser YAML '
            f"det som tallet {value}"
        )
    return value


def _clock(value: str) -> str:
    found = CLOCK.match(value.strip())
    if not found or (found.group(1) == "24" and found.group(2) != "00"):
        raise ValueError(
            f'"{value}" er ikke et klokkeslæt; skriv timer og minutter som "9.00" eller "14.30" '
            "(fra 0.00 til 24.00)"
        )
    return value.strip()


Clock = Annotated[
    str,
    BeforeValidator(_clock_text),
    AfterValidator(_clock),
    WithJsonSchema({"type": "string", "pattern": CLOCK.pattern}),  # editors complete as text
]


def minutes(clock: str) -> int:
    """Minutes since midnight of a valid clock text ("9.30" -> 570)."""
    found = CLOCK.match(clock)
    assert found, clock  # Clock has checked it
    return int(found.group(1)) * 60 + int(found.group(2))


def _ends_after_start(opens: str | None, closes: str | None) -> None:
    if opens is None and closes is None:
        return
    if opens is None or closes is None:
        raise ValueError(
            "skriv både hvornår der åbner (opens) og lukker (closes), eller ingen af dem"
        )
    if minutes(closes) <= minutes(opens):
        raise ValueError(
            f"lukketiden {closes} (closes) skal ligge efter åbningstiden {opens} (opens) samme dag"
        )


class Opening(Strict):
    """Nogle ugedage med samme åbningstid."""

    days: list[Weekday] = Field(
        min_length=1,
        description="Ugedagene: monday, tuesday, wednesday, thursday, friday, saturday, sunday.",
    )
    opens: Clock = Field(description='Hvornår der åbner, fx "9.00".')
    closes: Clock = Field(description='Hvornår der lukker, fx "15.00".')

    @model_validator(mode="after")
    def _valid(self) -> Opening:
        _ends_after_start(self.opens, self.closes)
        twice = sorted({d for d in self.days if self.days.count(d) > 1}, key=WEEKDAYS.index)
        if twice:
            raise ValueError(f"{', '.join(twice)} står mere end én gang i days")
        return self

    @property
    def span(self) -> tuple[int, int]:
        return minutes(self.opens), minutes(self.closes)


class OpeningException(Strict):
    """En dag eller en periode med andre åbningstider, fx en lukkedag eller en ferie."""

    date: Date = Field(description="Dagen (ÅÅÅÅ-MM-DD); den første dag, hvis det er en periode.")
    until: Date | None = Field(
        None, description="Den sidste dag i perioden (ÅÅÅÅ-MM-DD), hvis det er mere end én dag."
    )
    opens: Clock | None = Field(
        None, description='Åbner denne dag, fx "10.00". Uden opens og closes er der lukket.'
    )
    closes: Clock | None = Field(None, description='Lukker denne dag, fx "12.00".')

    @model_validator(mode="after")
    def _valid(self) -> OpeningException:
        if self.until is not None and self.until < self.date:
            raise ValueError(
                f"perioden slutter (until {self.until.isoformat()}) før den begynder "
                f"(date {self.date.isoformat()})"
            )
        _ends_after_start(self.opens, self.closes)
        return self

    @property
    def last(self) -> dt.date:
        return self.until or self.date

    @property
    def closed(self) -> bool:
        return self.opens is None

    def covers(self, day: dt.date) -> bool:
        return self.date <= day <= self.last


class OpeningHours(Strict):
    """Åbningstider: ugens faste tider og de dage, der er anderledes."""

    week: list[Opening] = Field(
        min_length=1,
        description="Ugens faste åbningstider; en dag, der ikke står her, er der lukket.",
    )
    exceptions: list[OpeningException] = Field(
        default_factory=list,
        description="Dage med andre tider end normalt, fx helligdage, lukkedage og ferier.",
    )
    note: Annotated[Text, TRANSLATABLE] | None = Field(
        None, description='Kort bemærkning til borgeren, fx "Ring gerne, før du kommer".'
    )

    @field_validator("week")
    @classmethod
    def _no_overlaps(cls, week: list[Opening]) -> list[Opening]:
        for day in WEEKDAYS:
            spans = sorted(o.span for o in week if day in o.days)
            for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
                if start < end:
                    raise ValueError(f"{day} har to åbningstider, der overlapper hinanden")
        return week

    @field_validator("exceptions")
    @classmethod
    def _one_each(cls, exceptions: list[OpeningException]) -> list[OpeningException]:
        days = sorted(exceptions, key=lambda e: e.date)
        for first, second in zip(days, days[1:], strict=False):
            if second.date <= first.last:
                raise ValueError(
                    f"{second.date.isoformat()} står i to undtagelser; skriv den én gang"
                )
        return exceptions

    def spans_on(self, weekday: int) -> list[tuple[int, int]]:
        """The (opens, closes) minutes of a weekday (0 = monday) in a normal week, in order."""
        return sorted(o.span for o in self.week if WEEKDAYS[weekday] in o.days)

    def exception_on(self, day: dt.date) -> OpeningException | None:
        return next((e for e in self.exceptions if e.covers(day)), None)

    def upcoming(self, today: dt.date) -> list[OpeningException]:
        """The exceptions not over by `today`, first first."""
        return sorted((e for e in self.exceptions if e.last >= today), key=lambda e: e.date)
