"""Open Referral HSDS 3 export: the offers as services, with organizations, locations, contacts
and schedules, as JSON that validates against the HSDS 3.0.1 schemas (docs/decisions.md, 20).

Offers are services; each provider and each social enterprise is an organization (a provider
with an enterprise's name is that enterprise); each distinct address is a location. Ids are
UUIDs derived from the site address and the item, so they stay the same from build to build.

HSDS holds one text per field, so the texts are the Danish ones (the translations are in
catalogue.json); its place for a language is where a service is given: each of an offer's
`languages` with its ISO 639 `code` where vifte knows it ("arabisk" -> "ar").
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from vifte.domain.catalogue import Catalogue
from vifte.domain.collections import Table
from vifte.domain.languages import language_codes
from vifte.domain.markup import plain_text
from vifte.domain.model import Contact, Enterprise, Location, Offer
from vifte.domain.routes import HSDS_FILES, page_url
from vifte.output.hsds_opening import opening_schedules, required_documents

COUNTRY = "DK"
SERVICE_STATUS = {"active": "active", "paused": "temporarily closed", "closed": "defunct"}
"""An offer's status as HSDS 3 says it (service.status: active, inactive, defunct, temporarily
closed); drafts are never exported."""


class _Ids:
    """Stable UUIDs: uuid5 of the site address plus a kind and a key."""

    def __init__(self, site: str):
        self.site = site

    def __call__(self, kind: str, *key: str) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.site}#{kind}/{'/'.join(key)}"))


def _phones(ids: _Ids, owner: str, contact: Contact | None) -> list[dict[str, Any]]:
    if contact is None or not contact.phone:
        return []
    return [{"id": ids("phone", owner, contact.phone), "number": contact.phone}]


def _contact(ids: _Ids, owner: str, contact: Contact, **link: str) -> dict[str, Any]:
    cid = ids("contact", owner)
    data: dict[str, Any] = {"id": cid, **link}
    if contact.name:
        data["name"] = contact.name
    if contact.email:
        data["email"] = contact.email
    data["phones"] = [{**p, "contact_id": cid} for p in _phones(ids, owner, contact)]
    return data


def _location(ids: _Ids, location: Location, org: str | None) -> dict[str, Any]:
    lid = ids("location", location.one_line)
    data: dict[str, Any] = {"id": lid, "location_type": "physical", "name": location.one_line}
    if org:
        data["organization_id"] = org
    if location.address and location.city and location.postcode:
        data["addresses"] = [
            {
                "id": ids("address", location.one_line),
                "location_id": lid,
                "address_1": location.address,
                "city": location.city,
                "state_province": "",
                "postal_code": location.postcode,
                "country": COUNTRY,
                "address_type": "physical",
            }
        ]
    if location.transport:
        data["transportation"] = location.transport
    if location.geo is not None:
        data["latitude"], data["longitude"] = location.geo.lat, location.geo.lon
    if location.accessibility:
        data["accessibility"] = [
            {
                "id": ids("accessibility", location.one_line),
                "location_id": lid,
                "description": location.accessibility,
            }
        ]
    return data


def _organization(ids: _Ids, site: str, e: Enterprise, table: Table) -> dict[str, Any]:
    oid = ids("organization", e.name)
    data: dict[str, Any] = {
        "id": oid,
        "name": e.name,
        "description": plain_text(e.description),
        "uri": site + page_url(table, e),
        "tax_id": e.cvr,
        "organization_identifiers": [
            {
                "id": ids("organization_identifier", e.id),
                "organization_id": oid,
                "identifier_scheme": "DK-CVR",
                "identifier_type": "CVR-nummer",
                "identifier": e.cvr,
            }
        ],
        "contacts": [_contact(ids, f"enterprise/{e.id}", e.contact, organization_id=oid)],
    }
    if e.url:
        data["website"] = e.url
    if e.contact.email:
        data["email"] = e.contact.email
    return data


def _provider(ids: _Ids, name: str, municipality: str) -> dict[str, Any]:
    return {
        "id": ids("organization", name),
        "name": name,
        "description": f"Leverer tilbud i {municipality}s tilbudskatalog.",
    }


def _schedule(ids: _Ids, sid: str, offer: Offer) -> list[dict[str, Any]]:
    s = offer.schedule
    if s is None:
        return []
    parts = [
        s.duration,
        f"{s.hours_per_week} timer om ugen" if s.hours_per_week else None,
        s.start,
    ]
    return [
        {
            "id": ids("schedule", offer.id),
            "service_id": sid,
            "description": ". ".join(p for p in parts if p),
        }
    ]


def _service(ids: _Ids, site: str, c: Catalogue, o: Offer, org: str) -> dict[str, Any]:
    sid = ids("service", o.id)
    access = c.access[o.access]
    groups = [c.target_groups[g].label for g in o.target_groups]
    data: dict[str, Any] = {
        "id": sid,
        "organization_id": org,
        "name": o.title,
        "description": plain_text(o.description),
        "url": site + page_url(c.table, o),
        "status": SERVICE_STATUS[o.status],
        "application_process": " ".join(p for p in (access.label + ".", access.description) if p),
        "eligibility_description": ", ".join(groups),
    }
    if o.contact.email:
        data["email"] = o.contact.email
    if o.waiting_time:
        data["wait_time"] = o.waiting_time
    if o.price:
        data["fees_description"] = o.price
    if o.updated:
        moment = dt.datetime.combine(o.updated, dt.time(), dt.UTC)
        data["last_modified"] = moment.isoformat().replace("+00:00", "Z")
    if o.last_checked:  # HSDS: "the date that the information about the service was last checked"
        data["assured_date"] = o.last_checked.isoformat()
    data["phones"] = [{**p, "service_id": sid} for p in _phones(ids, f"offer/{o.id}", o.contact)]
    data["contacts"] = [_contact(ids, f"offer/{o.id}", o.contact, service_id=sid)]
    data["schedules"] = _schedule(ids, sid, o) + opening_schedules(ids, sid, o)
    data["required_documents"] = required_documents(ids, sid, o)
    data["languages"] = [
        {
            "id": ids("language", o.id, name),
            "service_id": sid,
            "name": name,
            **({"code": code} if code else {}),
        }
        for name, code in zip(o.languages, language_codes(o.languages), strict=True)
    ]
    if o.location is not None:
        lid = ids("location", o.location.one_line)
        data["service_at_locations"] = [
            {"id": ids("service_at_location", o.id), "service_id": sid, "location_id": lid}
        ]
    return data


def hsds_data(catalogue: Catalogue) -> dict[str, list[dict[str, Any]]]:
    """The HSDS files' contents by site path, in a stable order."""
    site = catalogue.settings.municipality.url
    municipality = catalogue.settings.municipality.name
    ids = _Ids(site)
    organizations: dict[str, dict[str, Any]] = {
        e.name: _organization(ids, site, e, catalogue.table)
        for e in catalogue.items.get("enterprises", ())
    }
    locations: dict[str, dict[str, Any]] = {}
    services = []
    for o in catalogue.items.get("offers", ()):
        org = organizations.setdefault(
            o.provider.name, _provider(ids, o.provider.name, municipality)
        )
        services.append(_service(ids, site, catalogue, o, org["id"]))
        if o.location is not None:
            locations.setdefault(o.location.one_line, _location(ids, o.location, org["id"]))
    return {
        HSDS_FILES["services"]: services,
        HSDS_FILES["organizations"]: sorted(organizations.values(), key=lambda x: x["name"]),
        HSDS_FILES["locations"]: sorted(locations.values(), key=lambda x: x["name"]),
    }


def hsds_files(catalogue: Catalogue) -> dict[str, str]:
    """The HSDS files as JSON text by site path, byte-identical for identical input."""
    return {
        path: json.dumps(items, ensure_ascii=False, indent=1) + "\n"
        for path, items in hsds_data(catalogue).items()
    }
