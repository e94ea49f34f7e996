"""Open data: the export's versioned schema, the HSDS 3 export, the CSV, JSON-LD and sitemap."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import re
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url
from vifte.mkdocs.build import build_site
from vifte.output.export import SCHEMA_VERSION
from vifte.output.export_schema import committed_path, export_schema_text
from vifte.output.spreadsheet import offers_csv
from vifte.source.validate import require_catalogue

from .conftest import REPO

HSDS = Path(__file__).parent / "data" / "hsds-3.0.1"
SITE_URL = "https://tilbud.fjordstrand.dk/"
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def catalogue():
    return require_catalogue(REPO)[0]


def _json(site: Path, path: str):
    return json.loads((site / path).read_text(encoding="utf-8"))


# --- the export's own schema -------------------------------------------------------------


def test_committed_export_schema_is_up_to_date(example_site):
    committed = committed_path().read_text(encoding="utf-8")
    assert committed == export_schema_text(), "run: python -m vifte.output.export_schema"
    assert (example_site / "data/catalogue.schema.json").read_text(encoding="utf-8") == committed


def test_catalogue_json_follows_its_schema_and_says_its_version(example_site):
    schema = json.loads(committed_path().read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    data = _json(example_site, "data/catalogue.json")
    assert (
        data["schema_version"] == SCHEMA_VERSION == schema["properties"]["schema_version"]["const"]
    )
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(data)] == []
    # the schema bites: an unknown field, a missing one, a wrong version
    bad = copy.deepcopy(data)
    bad["offers"][0]["prize"] = "100 kr."
    del bad["mentors"][0]["name"]
    bad["schema_version"] = SCHEMA_VERSION + 1
    assert len(list(validator.iter_errors(bad))) == 3


# --- HSDS 3 ------------------------------------------------------------------------------


def _strict(node):
    """The vendored schemas with additionalProperties: false, so a misspelt field is an error."""
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            node["additionalProperties"] = False
        for value in node.values():
            _strict(value)
    elif isinstance(node, list):
        for value in node:
            _strict(value)
    return node


@pytest.fixture(scope="module")
def hsds():
    schemas = {
        p.name: _strict(json.loads(p.read_text(encoding="utf-8"))) for p in HSDS.glob("*.json")
    }
    registry = Registry().with_resources(
        (name, DRAFT202012.create_resource(s)) for name, s in schemas.items()
    )

    def validator(name: str) -> jsonschema.Draft202012Validator:
        return jsonschema.Draft202012Validator(
            schemas[name],
            registry=registry,
            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
        )

    return validator


@pytest.mark.parametrize(
    "path, schema",
    [
        ("data/hsds/services.json", "service.json"),
        ("data/hsds/organizations.json", "organization.json"),
        ("data/hsds/locations.json", "location.json"),
    ],
)
def test_hsds_export_validates_against_the_hsds_schema(example_site, hsds, path, schema):
    items = _json(example_site, path)
    assert items
    validator = hsds(schema)
    assert [
        (list(e.absolute_path), e.message) for i in items for e in validator.iter_errors(i)
    ] == []


def test_hsds_validator_rejects_a_broken_service(example_site, hsds):
    service = _json(example_site, "data/hsds/services.json")[0]
    validator = hsds("service.json")
    for broken in (
        {k: v for k, v in service.items() if k != "status"},
        {**service, "statuss": "active"},
        {**service, "id": "gaeldsraadgivning"},
        {**service, "contacts": [{"id": service["id"], "phones": [{"id": service["id"]}]}]},
    ):
        assert list(validator.iter_errors(broken)), broken


def test_hsds_ids_links_and_values(example_site, catalogue):
    services = _json(example_site, "data/hsds/services.json")
    organizations = {o["id"]: o for o in _json(example_site, "data/hsds/organizations.json")}
    locations = {x["id"]: x for x in _json(example_site, "data/hsds/locations.json")}
    assert len(services) == len(catalogue.offers)
    ids = [s["id"] for s in services] + list(organizations) + list(locations)
    assert len(ids) == len(set(ids)) and all(uuid.UUID(i) for i in ids)
    by_name = {s["name"]: s for s in services}
    for offer in catalogue.offers:
        service = by_name[offer.title]
        assert service["url"] == SITE_URL + page_url(TABLE, offer)
        assert organizations[service["organization_id"]]["name"] == offer.provider.name
        if offer.updated:  # the formats the installed jsonschema does not check itself
            assert dt.datetime.fromisoformat(service["last_modified"]).date() == offer.updated
        for link in service.get("service_at_locations", []):
            assert locations[link["location_id"]]["name"] == offer.location.one_line
        assert [p["number"] for p in service["phones"]] == [offer.contact.phone] * bool(
            offer.contact.phone
        )
    for org in organizations.values():
        for key in ("website", "uri"):
            if key in org:
                assert urlsplit(org[key]).scheme == "https", org
    cafe = next(o for o in organizations.values() if o["name"] == "Café Havnelyst")
    assert (
        cafe["tax_id"] == "39012345"
        and cafe["organization_identifiers"][0]["identifier_scheme"] == "DK-CVR"
    )


def test_hsds_ids_are_stable_between_builds(example_site, tmp_path):
    again = tmp_path / "site"
    build_site(REPO / "mkdocs.yml", again)
    for name in ("services", "organizations", "locations"):
        path = f"data/hsds/{name}.json"
        assert (again / path).read_bytes() == (example_site / path).read_bytes()


# --- CSV ---------------------------------------------------------------------------------


def test_csv_is_utf8_with_bom_and_semicolons_for_danish_excel(example_site, catalogue):
    raw = (example_site / "data/tilbud.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["id", "titel", "kort beskrivelse", "område"]
    assert len(body) == len(catalogue.offers) and all(len(r) == len(header) for r in body)
    row = dict(zip(header, next(r for r in body if r[0] == "gaeldsraadgivning"), strict=True))
    assert row["titel"] == "Gældsrådgivning"
    assert row["område"] == "Socialområdet"
    assert row["telefon"] == "70 11 22 30"
    assert row["side"] == SITE_URL + "tilbud/gaeldsraadgivning/"
    assert "tavshedspligt" in row["beskrivelse"] and "\n" not in row["kort beskrivelse"]
    assert b"\r\n" in raw and "pris" not in header


def test_csv_cell_that_looks_like_a_formula_is_kept_as_text(project, write):
    write(
        "catalogue/offers/formel.yaml",
        """
        title: "=HYPERLINK(\\"https://x.example\\")"
        area: beskaeftigelse
        access: direkte
        themes: [trivsel]
        target_groups: [jobparat]
        summary: "-1 krone om dagen; du betaler intet."
        description: Du kan få hjælp.
        provider: {name: "@Jobcenteret"}
        contact: {phone: "+45 70 00 00 09"}
        """,
    )
    rows = list(
        csv.reader(io.StringIO(offers_csv(require_catalogue(project)[0])[1:]), delimiter=";")
    )
    row = dict(zip(rows[0], next(r for r in rows if r[0] == "formel"), strict=True))
    assert row["titel"] == '\'=HYPERLINK("https://x.example")'
    assert row["kort beskrivelse"] == "'-1 krone om dagen; du betaler intet."
    assert row["udbyder"] == "'@Jobcenteret" and row["telefon"] == "'+45 70 00 00 09"


# --- JSON-LD and the sitemap -------------------------------------------------------------


def test_every_offer_page_carries_government_service_json_ld(example_site, catalogue):
    for offer in catalogue.offers:
        html = (example_site / page_url(TABLE, offer) / "index.html").read_text(encoding="utf-8")
        [block] = LD_JSON.findall(html)
        data = json.loads(block)
        assert data["@context"] == "https://schema.org" and data["@type"] == "GovernmentService"
        assert (data["name"], data["description"]) == (offer.title, offer.summary)
        assert data["url"] == SITE_URL + page_url(TABLE, offer)
        assert data["provider"]["name"] == offer.provider.name
        assert data["areaServed"]["name"] == "Fjordstrand Kommune"
        labels = [catalogue.target_groups[g].label for g in offer.target_groups]
        assert [a["audienceType"] for a in data["audience"]] == labels
        if offer.contact.phone:
            assert data["availableChannel"]["servicePhone"]["telephone"] == offer.contact.phone


def test_json_ld_cannot_close_its_script_element(project, write, tmp_path):
    summary = 'Et tilbud </script><script>alert(1)</script> & "mere"'
    write(
        "catalogue/offers/gaeld.yaml",
        f"""
        title: Gæld
        area: beskaeftigelse
        access: direkte
        themes: [trivsel]
        target_groups: [jobparat]
        summary: '{summary}'
        description: Du kan få hjælp.
        provider: {{name: Jobcenteret}}
        contact: {{phone: "70 00 00 09"}}
        """,
    )
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    html = (site / "tilbud/gaeld/index.html").read_text(encoding="utf-8")
    [block] = LD_JSON.findall(html)
    assert "<" not in block and json.loads(block)["description"] == summary
    assert "<script>alert(1)" not in html


def test_sitemap_lists_every_public_page(example_site):
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>(.*?)</loc>", sitemap))
    pages = {
        SITE_URL
        + ("" if p.parent == example_site else p.parent.relative_to(example_site).as_posix() + "/")
        for p in example_site.rglob("index.html")
    }
    assert listed == pages and len(pages) > 90
