"""A `vifte init` project with opening hours, things to bring and an English translation of
them, shared by the tests of decision 63 (pages, print, open data, the browser)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vifte.scaffold import init_project

TODAY = dt.date(2026, 12, 7)
"""A Monday; the build's today, so the Christmas closing is still to come."""

HOURS = """
opening_hours:
  week:
    - days: [monday, tuesday, wednesday, thursday]
      opens: 9.00
      closes: 15.00
    - days: [friday]
      opens: 9.00
      closes: 12.00
  exceptions:
    - date: 2026-11-02
    - date: 2026-12-24
      until: 2026-12-26
    - date: 2026-12-31
      opens: "10.00"
      closes: "12.00"
  note: Ring gerne, før du kommer.
bring:
  - Sygesikringskort
  - Dit CV, hvis du har et
"""

ENGLISH = """
opening_hours:
  note: Feel free to call before you come.
bring:
  - Health insurance card
  - Your CV, if you have one
"""

OFFER = "catalogue/offers/virksomhedspraktik.yaml"


def opening_project(root: Path) -> Path:
    """The starter project; its offer with hours and things to bring, a closed copy of it, English."""
    init_project(root, "Prøveby Kommune")
    offer = root / OFFER
    text = offer.read_text(encoding="utf-8") + HOURS
    offer.write_text(text, encoding="utf-8")
    closed = text.replace("title: Virksomhedspraktik", "title: Lukket praktik")
    closed += "status: closed\nclosed: 2026-06-01\n"
    (root / "catalogue/offers/lukket-praktik.yaml").write_text(closed, encoding="utf-8")
    (root / "catalogue/offers/virksomhedspraktik.en.yaml").write_text(ENGLISH, encoding="utf-8")
    settings = root / "catalogue/settings.yaml"
    settings.write_text("languages: [en]\n" + settings.read_text(encoding="utf-8"), "utf-8")
    return root
