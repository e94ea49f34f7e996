"""The big A4 catalogue printed in parts on several cores, then merged into one tagged PDF.

One WeasyPrint render uses one core, and the catalogue is by far the longest PDF (about 500 pages
at 1,000 offers). From SPLIT_FROM offers its areas are cut into groups of about equal weight, a
multiple of PARTS and each about PART_WEIGHT at most, so no worker's memory grows with the
catalogue (an area may be cut between two offers; the rest continues on a new page, without the
area's heading again), each rendered in its own worker. Every part begins on a new page, so its
page count does not depend on where it starts. Then the front (cover and contents) is rendered
with the real page numbers written in, the PDFs are merged (pdf_merge.py) and the running page
numbers stamped (pdf_numbers.py). See docs/decisions.md, 31.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pikepdf

from vifte.domain.model import Offer
from vifte.output.pdf import Pdf
from vifte.output.pdf_merge import merge
from vifte.output.pdf_numbers import stamp
from vifte.output.workers import apart

SPLIT_FROM = 150
"""Offers from which the catalogue is printed in parts (measured: benchmarks/pdf.py)."""
PARTS = 2
"""Parts the offers are cut into at least, and a multiple of: the cores of the machines it runs on
(a fixed number, not this machine's: the same catalogue gives the same PDF everywhere)."""
PART_WEIGHT = 400_000
"""The most `weight` one part holds: about 175 offers, 175 A4 pages, 400 MiB for its worker
(measured: benchmarks/pdf.py; decisions.md 71)."""
NEAR = 0.1
"""A cut moves to the border of two areas when one is this near (share of one part's weight)."""
ROUNDS = 3
"""Renders of the front at most: its page count is guessed, then known (see `assemble`)."""
ENTRIES_PER_PAGE = 50
"""Contents lines on an A4 page (measured: 48 under the heading, then 50; long titles take 2)."""

Section = tuple[Any, list[Offer], bool]
"""An area, the offers of it printed here, and whether it continues from the part before."""


def weight(offer: Offer) -> int:
    """Roughly what an offer costs to lay out: its text, plus the parts every offer has."""
    return 600 + len(offer.model_dump_json())


def plan(
    sections: Sequence[tuple[Any, list[Offer]]], parts: int | None = None
) -> list[list[Section]]:
    """The areas' offers cut into `parts` groups of about equal weight, in order.

    Without `parts`, as many as it takes to keep each within PART_WEIGHT, in a multiple of PARTS.
    A cut falls between two areas when one is NEAR, else between two offers of an area.
    """
    offers = [(a, o) for a, group in sections for o in group]
    total = sum(weight(o) for _, o in offers)
    parts = parts or PARTS * max(1, -(-total // (PARTS * PART_WEIGHT)))
    area_ends, running = [], 0
    for _, group in sections:
        running += sum(weight(o) for o in group)
        area_ends.append(running)
    cuts: list[int] = []
    running = 0
    for i, (_, o) in enumerate(offers):
        running += weight(o)
        if len(cuts) < parts - 1 and running >= total * (len(cuts) + 1) / parts:
            goal = total * (len(cuts) + 1) / parts
            near = [e for e in area_ends[:-1] if abs(e - goal) <= total / parts * NEAR]
            cuts.append(
                _index_at(offers, min(near, key=lambda e: abs(e - goal))) if near else i + 1
            )
    groups, start = [], 0
    for end in [*sorted(set(cuts)), len(offers)]:
        if end > start:
            continued = start > 0 and offers[start - 1][0] is offers[start][0]
            groups.append(_sections(offers[start:end], continued))
        start = end
    return groups


def _index_at(offers: list[tuple[Any, Offer]], cumulative: int) -> int:
    """The number of offers whose weights add up to `cumulative`."""
    running = 0
    for i, (_, o) in enumerate(offers):
        running += weight(o)
        if running >= cumulative:
            return i + 1
    return len(offers)


def _sections(offers: list[tuple[Any, Offer]], continued: bool) -> list[Section]:
    found: list[Section] = []
    for a, o in offers:
        if found and found[-1][0] is a:
            found[-1][1].append(o)
        else:
            found.append((a, [o], continued if not found else False))
    return found


@dataclass(frozen=True)
class Split:
    """A catalogue to print in parts: the parts' HTML, and the front's HTML given page numbers."""

    parts: tuple[str, ...]
    front: Callable[[dict[str, int]], str]
    anchors: tuple[str, ...]
    """The ids the contents link to (areas, offers): each must land in a part."""
    adopt: tuple[int, ...] = ()
    """Per part, the offers it prints of an area the part before began (see pdf_merge.merge)."""


def anchors_at(data: bytes) -> dict[str, int]:
    """Each named destination of a PDF and its page (from 0)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages: dict[tuple[int, int], int] = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
        found = {}
        if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names:
            flat = list(pdf.Root.Names.Dests.get("/Names", ()))
            for i in range(0, len(flat), 2):
                found[str(flat[i])] = pages[flat[i + 1][0].objgen]
        return found


def assemble(split: Split, parts: Sequence[Pdf], render: Callable[[str], Pdf], guess: int) -> Pdf:
    """The catalogue from its rendered parts: the front rendered with the page numbers it shows.

    The front's own length moves every number after it, but does not depend on them: it is
    guessed (`guess` pages), rendered, and rendered again with its real length if the guess
    was wrong. The merge runs in a worker of its own: it peaked at 500 MiB at 1,000 offers, and
    this process holds the whole site (decisions.md 76).
    """
    starts, pages = [], 0
    for part in parts:
        starts.append(pages)
        pages += part.pages
    where: dict[str, int] = {}
    for start, part in zip(starts, parts, strict=True):
        for anchor, page in anchors_at(part.data).items():
            where[anchor] = start + page
    missing = [a for a in split.anchors if a not in where]
    if missing:
        raise ValueError(f"the parts lack the anchors {missing[:5]}")
    front_pages = guess
    for _ in range(ROUNDS):
        front = render(split.front({a: front_pages + where[a] + 1 for a in split.anchors}))
        if front.pages == front_pages:
            break
        front_pages = front.pages
    else:
        raise ValueError("the contents' length does not settle")
    data = apart(merge, [front.data, *(p.data for p in parts)], stamp, (0, *split.adopt))
    return Pdf(data, front.pages + pages)


def front_guess(entries: int) -> int:
    """The front's pages, guessed: the cover, then the contents (its heading takes two lines)."""
    return 1 + -(-(entries + 2) // ENTRIES_PER_PAGE)
