"""Bar charts of goal statuses as plain numbers and geometry; templates draw them as SVG.

A chart is rows of stacked segments, one per status with goals. Each segment carries its
status's symbol and count as text, so no status is told by colour alone, and the page shows
the same numbers as a table beside the chart. No JavaScript and no chart library: the SVG is
a few rectangles and texts, which browsers and WeasyPrint both draw.
"""

from __future__ import annotations

from dataclasses import dataclass

from vifte.domain.strategy import GOAL_STATUS_LABELS, GOAL_SYMBOLS

WIDTH = 400
"""Narrow, so that the text stays readable when a phone scales the chart down."""
MIN_SEGMENT = 32
LABEL = 20
"""Each row's label stands on its own line above its bar."""
BAR = 24
ROW = LABEL + BAR + 10
TOP = 4


@dataclass(frozen=True)
class Segment:
    status: str
    count: int
    x: float
    width: float

    @property
    def label(self) -> str:
        return f"{GOAL_SYMBOLS[self.status]} {self.count}"

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class Row:
    label: str
    counts: list[tuple[str, int]]
    segments: list[Segment]
    y: float
    """The top of the row: its label's line, then its bar at `bar_y`."""

    @property
    def bar_y(self) -> float:
        return self.y + LABEL

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    @property
    def text(self) -> str:
        """The row in words, for the chart's text alternative."""
        parts = [f"{n} {GOAL_STATUS_LABELS[s].lower()}" for s, n in self.counts if n]
        return f"{self.label}: {self.total} mål ({', '.join(parts) or 'ingen'})"


@dataclass(frozen=True)
class Chart:
    title: str
    rows: list[Row]
    width: int = WIDTH

    @property
    def height(self) -> int:
        return TOP * 2 + ROW * len(self.rows)

    @property
    def description(self) -> str:
        return "; ".join(r.text for r in self.rows) + "."

    @property
    def statuses(self) -> list[str]:
        return list(GOAL_STATUS_LABELS)


def stacked(title: str, rows: list[tuple[str, list[tuple[str, int]]]]) -> Chart:
    """A chart with one bar per row, its segments scaled to the largest row's total.

    A goal is at least MIN_SEGMENT wide, so every segment has room for its symbol and count;
    a chart with many goals grows wider (its SVG scales to the page).
    """
    longest = max((sum(n for _, n in counts) for _, counts in rows), default=0) or 1
    scale = max((WIDTH - 2) / longest, MIN_SEGMENT)
    out = []
    for i, (label, counts) in enumerate(rows):
        x = 1.0
        segments = []
        for status, n in counts:
            if n:
                segments.append(Segment(status, n, x, n * scale))
                x += n * scale
        out.append(Row(label, counts, segments, TOP + i * ROW))
    return Chart(title, out, width=max(WIDTH, round(2 + longest * scale)))
