"""schema.org `GovernmentService` JSON-LD for offer pages, so search engines read the facts.

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
from vifte.domain.routes import page_url

COUNTRY = "DK"


def government_service(catalogue: Catalogue, o: Offer) -> dict[str, Any]:
    """The offer as a schema.org GovernmentService."""
    municipality = catalogue.settings.municipality
    channel: dict[str, Any] = {
        "@type": "ServiceChannel",
        "serviceUrl": municipality.url + page_url(catalogue.table, o),
    }
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
        channel["serviceLocation"] = {"@type": "Place", "address": address}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": o.title,
        "description": o.summary,
        "url": municipality.url + page_url(catalogue.table, o),
        "provider": {"@type": "Organization", "name": o.provider.name},
        "areaServed": {"@type": "AdministrativeArea", "name": municipality.name},
        "audience": [
            {"@type": "Audience", "audienceType": catalogue.target_groups[g].label}
            for g in o.target_groups
        ],
        "availableChannel": channel,
    }
    if o.kind_label:
        data["serviceType"] = o.kind_label
    if o.updated:
        data["dateModified"] = o.updated.isoformat()
    return data


def script(data: dict[str, Any]) -> Markup:
    """The data as a JSON-LD script element that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(f'<script type="application/ld+json">{text}</script>')
