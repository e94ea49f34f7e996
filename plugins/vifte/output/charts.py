"""Bar charts of goal statuses as plain numbers and geometry; templates draw them as SVG.

A chart is rows of stacked segments, one per status with goals. Each segment carries its
status's symbol and count as text, so no status is told by colour alone, and the page shows
the same numbers as a table beside the chart. No JavaScript and no chart library: the SVG is
a few rectangles and texts, which browsers and WeasyPrint both draw.
"""

from __future__ import annotations

from dataclasses import dataclass

from vifte.domain.strategy import GOAL_STATUS_LABELS, GOAL_SYMBOLS

WIDTH = 640
LABEL = 230
"""The width of the row labels at the left; the bars take the rest."""
ROW = 34
BAR = 24
TOP = 6


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
    label_width: int = LABEL

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
    """A chart with one bar per row, its segments scaled to the largest row's total."""
    longest = max((sum(n for _, n in counts) for _, counts in rows), default=0) or 1
    scale = (WIDTH - LABEL - 8) / longest
    out = []
    for i, (label, counts) in enumerate(rows):
        x = float(LABEL)
        segments = []
        for status, n in counts:
            if n:
                segments.append(Segment(status, n, x, n * scale))
                x += n * scale
        out.append(Row(label, counts, segments, TOP + i * ROW + (ROW - BAR) / 2))
    return Chart(title, out)
