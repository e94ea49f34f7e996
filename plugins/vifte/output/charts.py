"""Bar charts of goal statuses as plain numbers and geometry; templates draw them as SVG.

A chart is rows of stacked segments, one per status with goals. Each segment carries its
status's symbol and count as text, so no status is told by colour alone, and the page shows
the same numbers as a table beside the chart. No JavaScript and no chart library: the SVG is
a few rectangles and texts, which browsers and WeasyPrint both draw.
"""

from __future__ import annotations

from dataclasses import dataclass

from vifte.domain.strategy import GOAL_STATUS_LABELS, GOAL_SYMBOLS
from vifte.domain.words import gettext, ngettext

WIDTH = 300
"""Every chart is this wide, however many goals it counts: a phone's 288 px column scales it by
no less than 0.96, so FONT (14) is drawn at 13 px or more (test_chart_labels_are_readable_on_a_phone)."""
FONT = 14
LABEL_CHARS = 34
"""A row's label is cut (with …) to what fits the width; the table beside the chart says it whole."""
MIN_SEGMENT = 40
"""Room for a segment's symbol and count ("✓ 12") in bold FONT."""
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
        said = ngettext(
            "%(label)s: %(n)s mål (%(statuses)s)", "%(label)s: %(n)s mål (%(statuses)s)", self.total
        )
        return said % {
            "label": self.label,
            "n": self.total,
            "statuses": ", ".join(parts) or gettext("ingen"),
        }


@dataclass(frozen=True)
class Chart:
    title: str
    rows: list[Row]
    width: int = WIDTH
    font: int = FONT
    label_chars: int = LABEL_CHARS

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
    """A chart with one bar per row, its segments scaled alike in every row to fit WIDTH.

    Every segment is at least MIN_SEGMENT wide, so it has room for its symbol and count; the
    other segments share the rest of the width in proportion to their counts.
    """
    counts = [[n for _, n in row if n] for _, row in rows]
    scale = _scale(counts)
    out = []
    for i, (label, row) in enumerate(rows):
        x = 1.0
        segments = []
        for status, n in row:
            if n:
                width = max(n * scale, MIN_SEGMENT)
                segments.append(Segment(status, n, x, width))
                x += width
        out.append(Row(label, row, segments, TOP + i * ROW))
    return Chart(title, out)


def _scale(counts: list[list[int]]) -> float:
    """The largest width of one goal at which every row, its small segments widened, fits."""
    room = WIDTH - 2

    def fits(scale: float) -> bool:
        return all(sum(max(n * scale, MIN_SEGMENT) for n in row) <= room for row in counts)

    low, high = 0.0, float(room)
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    return low
