"""How to get there and whether it is current: the links an offer page gives its reader.

All are plain links: the map service's and the mail program's requests happen only when the
citizen taps (nothing is embedded, no form server). The text a link carries (the address in the
map search, the subject of the mail) is percent-encoded here, so no text can add a parameter.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

from vifte.domain.catalogue import Catalogue
from vifte.domain.model import Location
from vifte.domain.settings import MAP_PLACEHOLDER
from vifte.domain.words import gettext
from vifte.output.jsonld import page_address


def map_search(catalogue: Catalogue, place: Location | str) -> str | None:
    """The map service's search for an address (a location's, or an enterprise's one line), if
    settings name a service (`map_search`) and there is an address."""
    pattern = catalogue.settings.map_search
    address = place.one_line if isinstance(place, Location) else place
    if not pattern or not address:
        return None
    return pattern.replace(MAP_PLACEHOLDER, quote(address, safe=""))


def map_service(catalogue: Catalogue) -> str:
    """The map service's name as its address says it: "openstreetmap.org"."""
    host = urlsplit(catalogue.settings.map_search or "").hostname or ""
    return host.removeprefix("www.")


def feedback_mailto(catalogue: Catalogue, item: Any) -> str | None:
    """A mailto: link to the municipality (settings' contact email) about `item`, its name and
    page address in the subject, in the page's language; None without an address to write to."""
    to = catalogue.settings.municipality.contact.email
    if not to:
        return None
    name = _one_line(str(getattr(item, "title", None) or getattr(item, "name", "")))
    subject = gettext("Rettelse til %(title)s (%(address)s)") % {
        "title": name,
        "address": page_address(catalogue, item),
    }
    body = gettext("Skriv her, hvad der er forkert eller mangler:") + "\n\n"
    return f"mailto:{to}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def _one_line(text: str) -> str:
    """A mail subject is one line: line breaks and runs of spaces become one space."""
    return re.sub(r"\s+", " ", text).strip()
