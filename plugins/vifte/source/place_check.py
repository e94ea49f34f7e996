"""Coordinates that cannot be the municipality's: a point outside Denmark is most often lat and
lon written the wrong way round (GeoJSON and some map services give lon first)."""

from __future__ import annotations

from typing import Any

from vifte.source.diagnostics import Report
from vifte.source.loader import Document

DENMARK = ((54.5, 57.8), (8.0, 15.2))
"""Latitude and longitude bounds of Denmark, Bornholm included."""


def check(loaded: dict[str, list[tuple[Any, Document]]], report: Report) -> None:
    """A warning at `location.geo` for each item whose point lies outside Denmark."""
    for items in loaded.values():
        for item, doc in items:
            location = getattr(item, "location", None)
            geo = getattr(location, "geo", None)
            if geo is None or _in_denmark(geo.lat, geo.lon):
                continue
            swapped = "; har du byttet om på lat og lon?" if _in_denmark(geo.lon, geo.lat) else ""
            report.warning(
                doc.path,
                *doc.position(("location", "geo")),
                f"'location.geo' (lat {geo.lat}, lon {geo.lon}) ligger ikke i Danmark{swapped} "
                "(i Danmark er lat omkring 55-57 og lon omkring 8-15)",
            )


def _in_denmark(lat: float, lon: float) -> bool:
    (south, north), (west, east) = DENMARK
    return south <= lat <= north and west <= lon <= east
