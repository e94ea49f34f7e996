"""The listed offers as compact data (OFFER_LIST_PATH) for the filter page and Min plan's picker.

At 5,000 offers the filter page used to hold every card twice as HTML (7.4 MB); its script now
draws the cards from this file instead, which holds only what a card, the filter's counts, the
printed list and the plan need, under short keys (decision 29). Each language's site has its
own, with the offers' texts in that language; a text it shows in Danish is named under "d", so the
scripts mark it as the pages do (lang="da" and a note; decision 54).
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from vifte.domain.catalogue import Catalogue
from vifte.domain.danish import sort_da
from vifte.domain.model import Offer
from vifte.domain.routes import page_url
from vifte.domain.translation import Danish
from vifte.output.fallback import inline

KEYS = {
    "i": "id",
    "t": "title",
    "u": "page URL, relative to the site's root",
    "s": "summary",
    "a": "area id",
    "x": "access id",
    "th": "theme ids",
    "tg": "target group ids",
    "p": "1 when the offer is paused",
    "c": "phone, else e-mail (printed list, plan)",
    "l": "one-line address (printed list, plan)",
    "pr": "provider (plan)",
    "lb": "legal basis, joined by '; ' (plan)",
    "n": "contact person (plan)",
    "b": "what to bring, joined by '; ' (plan)",
    "d": "the keys of the texts shown in Danish on another language's site (t, s)",
}
"""Each offer's keys; the scripts read exactly these (assets/filter.js, assets/plan.js)."""


def _entry(o: Offer, url: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "i": o.id,
        "t": o.title,
        "u": url,
        "s": o.summary,
        "a": o.area,
        "x": o.access,
        "th": list(o.themes),
        "tg": list(o.target_groups),
        "c": o.contact.phone or o.contact.email or "",
        "l": o.location.one_line if o.location else "",
        "pr": o.provider.name,
        "lb": "; ".join(o.legal_basis),
        "n": o.contact.name or "",
        "b": "; ".join(o.bring),
    }
    if o.status == "paused":
        entry["p"] = 1
    entry["d"] = [k for k in ("t", "s") if isinstance(entry[k], Danish)]
    return {k: v for k, v in entry.items() if v not in ("", [])}


def offer_list_json(catalogue: Catalogue) -> str:
    """The listed offers in Danish title order (Æ, Ø, Å after Z), as one compact JSON array."""
    offers = sort_da(catalogue.offers, key=lambda o: o.title)
    return json.dumps(
        [_entry(o, page_url(catalogue.table, o)) for o in offers],
        ensure_ascii=False,
        separators=(",", ":"),
        sort_keys=False,
    )


def danish_frame() -> Markup:
    """An empty Danish text as the pages mark one (`| tr`), for the scripts to put an offer's
    text into its lang="da" element; nothing on a Danish page."""
    return Markup(inline(Danish("")))
