"""schema.org `GovernmentService` JSON-LD for offer pages, so search engines read the facts.

The data is in the page's language (`inLanguage`, the catalogue's texts in that language); a
text shown in Danish on another language's page is a JSON-LD value object that says so
(`{"@value": "…", "@language": "da"}`), as the page marks it with `lang="da"`.

The data is a `<script type="application/ld+json">` block: not executable, so the page's CSP
(docs/decisions.md, 6) needs no hash for it; `<`, `>` and `&` are written as \\u escapes, so no
text can close the script element.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from vifte.domain.catalogue import Catalogue
from vifte.domain.model import Offer
from vifte.domain.routes import language_folder, page_url
from vifte.domain.translation import SOURCE_LANGUAGE, Danish
from vifte.domain.words import PSEUDO

COUNTRY = "DK"


def government_service(catalogue: Catalogue, o: Offer) -> dict[str, Any]:
    """The offer as a schema.org GovernmentService."""
    municipality = catalogue.settings.municipality
    url = page_address(catalogue, o)
    channel: dict[str, Any] = {"@type": "ServiceChannel", "serviceUrl": url}
    contact: dict[str, Any] = {"@type": "ContactPoint"}
    if o.contact.name:
        contact["name"] = o.contact.name
    if o.contact.phone:
        contact["telephone"] = o.contact.phone
    if o.contact.email:
        contact["email"] = o.contact.email
    channel["servicePhone"] = contact
    if o.languages:
        channel["availableLanguage"] = list(o.languages)
    if o.location is not None:
        address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": COUNTRY}
        for key, value in (
            ("streetAddress", o.location.address),
            ("postalCode", o.location.postcode),
            ("addressLocality", o.location.city),
        ):
            if value:
                address[key] = value
        place: dict[str, Any] = {"@type": "Place", "address": address}
        if o.location.geo is not None:
            geo = o.location.geo
            place["geo"] = {"@type": "GeoCoordinates", "latitude": geo.lat, "longitude": geo.lon}
        channel["serviceLocation"] = place
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": text(o.title),
        "description": text(o.summary),
        "url": url,
        "inLanguage": _language(catalogue),
        "provider": {"@type": "Organization", "name": o.provider.name},
        "areaServed": {"@type": "AdministrativeArea", "name": text(municipality.name)},
        "audience": [
            {"@type": "Audience", "audienceType": text(catalogue.target_groups[g].label)}
            for g in o.target_groups
        ],
        "availableChannel": channel,
    }
    if o.kind_label:
        data["serviceType"] = o.kind_label
    if o.updated:
        data["dateModified"] = o.updated.isoformat()
    return data


def text(value: str) -> str | dict[str, str]:
    """A citizen text as JSON-LD: a Danish text on another language's page says its language."""
    if isinstance(value, Danish):
        return {"@value": str(value), "@language": SOURCE_LANGUAGE}
    return value


def page_address(catalogue: Catalogue, item: Any) -> str:
    """The absolute address of an item's page in the catalogue's language."""
    site = catalogue.settings.municipality.url
    return site + language_folder(_language(catalogue)) + page_url(catalogue.table, item)


def _language(catalogue: Catalogue) -> str:
    """The page's language (the pseudo-language's pages are Danish ones, marked)."""
    return SOURCE_LANGUAGE if catalogue.language == PSEUDO else catalogue.language


def script(data: dict[str, Any]) -> Markup:
    """The data as a JSON-LD script element that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(f'<script type="application/ld+json">{text}</script>')
