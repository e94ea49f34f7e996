"""Several municipalities' open-data exports (`data/catalogue.json`) as one national catalogue.

Each export is checked against the export schema vifte publishes (export_schema.py), and more:
its site's address is https, no other export comes from the same site (over http or https), every
item's `url` is a page on its own site, and no list holds an id twice. Every problem of every
file is one Danish line naming the file and the JSON path; with any problem nothing is merged.

In the merged document, `municipalities` lists each one with its settings (name, address, its
own areas, access levels, themes and target groups) as its export holds them; each item list
(offers, mentors, enterprises, ...) becomes one list, each item carrying `municipality` (its
site's address), an `id` made unique as `<host and path of the site>/<id>`, its own id as
`local_id`, and every `url` in it made absolute on its municipality's site.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import jsonschema  # type: ignore[import-untyped]

from vifte.output.export import FORMAT, SCHEMA_VERSION
from vifte.output.export_schema import committed_path

MERGED_FORMAT = "vifte-catalogues"
MERGED_VERSION = 1
MAX_PROBLEMS = 50
"""Lines per file; a file that is not an export at all would otherwise fill the screen."""
EXTERNAL = ("website",)
"""Fields holding an address off the site (an enterprise's own website): http or https only."""


class MergeError(ValueError):
    """The exports cannot be merged; the message lists every problem, one a line."""


@cache
def _validator() -> jsonschema.Draft7Validator:
    schema = json.loads(committed_path().read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def item_lists() -> list[str]:
    """The export's lists whose items have their own page (an `id` and a `url`)."""
    properties = _validator().schema["properties"]
    return [
        key
        for key, value in properties.items()
        if value.get("type") == "array" and {"id", "url"} <= set(value["items"].get("required", ()))
    ]


def parse(name: str, raw: bytes) -> Any:
    """The JSON in `raw`; MergeError with the file's name, and the line for bad JSON."""
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise MergeError(f"{name}: filen er ikke skrevet i UTF-8") from None
    except json.JSONDecodeError as exc:
        raise MergeError(
            f"{name}:{exc.lineno}:{exc.colno}: er ikke gyldig JSON ({_json_reason(exc.msg)})"
        ) from None
    except RecursionError:
        raise MergeError(f"{name}: JSON'en er indlejret for dybt til at være en eksport") from None


def _json_reason(message: str) -> str:
    reasons = {
        "Expecting value": "der mangler en værdi",
        "Extra data": "der står mere efter dokumentet",
        "Expecting ',' delimiter": "der mangler et komma",
        "Unterminated string starting at": "en tekst slutter ikke",
        "Expecting property name enclosed in double quotes": "et feltnavn skal stå i dobbelte anførselstegn",
    }
    return reasons.get(message, message)


def problems(name: str, export: Any) -> list[str]:
    """Every reason `export` (read from the file `name`) cannot be merged, one line each."""
    if not isinstance(export, dict):
        kind = "en liste" if isinstance(export, list) else "ikke et JSON-objekt"
        return [f"{name}: er ikke en eksport fra vifte (filen er {kind}, ikke et objekt)"]
    if export.get("format") != FORMAT or export.get("schema_version") != SCHEMA_VERSION:
        return [
            f"{name}: er ikke en eksport fra vifte med skemaversion {SCHEMA_VERSION} "
            f"(format {_shown(export.get('format'))}, version {_shown(export.get('schema_version'))})"
        ]
    try:
        found = [
            f"{name}: {_path(e.absolute_path)}: {_danish(e)}"
            for e in sorted(_validator().iter_errors(export), key=lambda e: list(map(str, e.path)))
        ]
    except RecursionError:
        return [f"{name}: JSON'en er indlejret for dybt til at være en eksport"]
    found += _own_rules(name, export)
    if len(found) > MAX_PROBLEMS:
        found = [*found[:MAX_PROBLEMS], f"{name}: … og {len(found) - MAX_PROBLEMS} fejl mere"]
    return found


def _own_rules(name: str, export: dict[str, Any]) -> Iterator[str]:
    """What the schema cannot say: https, the items' addresses, unique ids. Parts the schema
    refused already (an item that is not an object) are passed over; without a usable site
    address, the items' addresses are still checked to be site-relative."""
    site = _site(export)
    if site is not None and urlsplit(site).scheme != "https":
        yield (
            f"{name}: municipality.url: '{_cut(site)}' skal begynde med https://; et nationalt "
            "katalog linker kun til sikre adresser"
        )
    for key in item_lists():
        items = export.get(key)
        first: dict[str, int] = {}
        for n, item in enumerate(items if isinstance(items, list) else ()):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            if item["id"] in first:
                yield f"{name}: {key}[{n}].id: '{item['id']}' står også i {key}[{first[item['id']]}]"
            first.setdefault(item["id"], n)
            for path, field, value in _addresses(item, f"{key}[{n}]"):
                if field in EXTERNAL:
                    if urlsplit(value).scheme not in ("http", "https"):
                        yield f"{name}: {path}: '{_cut(value)}' er ikke en adresse på nettet"
                elif _on_site(site or "https://sitet.invalid/", value) is None:
                    yield f"{name}: {path}: '{_cut(value)}' er ikke en side på kommunens site"


def _site(export: Any) -> str | None:
    """The export's site address, if it has one that is a web address at all."""
    municipality = export.get("municipality") if isinstance(export, dict) else None
    site = municipality.get("url") if isinstance(municipality, dict) else None
    ok = isinstance(site, str) and urlsplit(site).scheme in ("http", "https")
    return site if ok else None


def _addresses(data: Any, path: str) -> Iterator[tuple[str, str, str]]:
    """(JSON path, field, value) of every `url` and external address within an item."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("url", *EXTERNAL) and isinstance(value, str):
                yield f"{path}.{key}", key, value
            else:
                yield from _addresses(value, f"{path}.{key}")
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _addresses(value, f"{path}[{n}]")


def _on_site(site: str, url: str) -> str | None:
    """The absolute address of the site-relative `url`, or None if it leads off the site."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/") or "\\" in url:
        return None
    if ".." in parts.path.split("/"):
        return None
    base = site if site.endswith("/") else site + "/"
    joined = urljoin(base, url)
    return joined if joined.startswith(base) else None


def site_key(url: str) -> str:
    """A site's identity: its host and path, whatever the scheme (http and https are one site)."""
    parts = urlsplit(url)
    return (parts.netloc.lower() + parts.path).rstrip("/")


def merge(exports: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    """One national document from (file name, export) pairs; MergeError listing every problem."""
    found: list[str] = []
    seen: dict[str, str] = {}
    for name, export in exports:
        found += problems(name, export)
        site = _site(export)
        if site is None:
            continue
        if site_key(site) in seen:
            found.append(f"{name}: samme site ({site}) som {seen[site_key(site)]}")
        seen.setdefault(site_key(site), name)
    if found:
        raise MergeError("\n".join(found))
    merged: dict[str, Any] = {
        "format": MERGED_FORMAT,
        "schema_version": MERGED_VERSION,
        "municipalities": [],
    }
    lists = item_lists()
    for _, export in exports:
        site = export["municipality"]["url"]
        merged["municipalities"].append(
            {k: v for k, v in export.items() if k not in (*lists, "format", "schema_version")}
        )
        prefix = site_key(site)
        for key in lists:
            merged.setdefault(key, []).extend(
                {
                    **_absolute(item, site),
                    "id": f"{prefix}/{item['id']}",
                    "local_id": item["id"],
                    "municipality": site,
                }
                for item in export[key]
            )
    return merged


def _absolute(data: Any, site: str) -> Any:
    """`data` with every site-relative `url` in it made absolute on `site` (checked before)."""
    if isinstance(data, dict):
        return {
            k: _on_site(site, v) if k == "url" and isinstance(v, str) else _absolute(v, site)
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_absolute(v, site) for v in data]
    return data


def _path(path: Sequence[Any]) -> str:
    """A JSON path as the messages write it: `offers[3].contact.phone` ("(roden)" for the top)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(roden)"


def _danish(error: jsonschema.ValidationError) -> str:
    """A schema error in Danish, in words an editor of the export understands."""
    value = error.instance
    match error.validator:
        case "required":
            missing = error.message.split("'")[1] if "'" in error.message else "?"
            return f"feltet '{missing}' mangler"
        case "type":
            return f"skal være {_TYPES.get(str(error.validator_value), error.validator_value)}, ikke {_kind(value)}"
        case "additionalProperties":
            extra = sorted(set(value) - set(error.schema.get("properties", {})))
            return f"ukendt felt {', '.join(repr(e) for e in extra)}"
        case "pattern" | "format":
            return f"{_shown(value)} har ikke den rigtige form"
        case "const":
            return f"skal være {_shown(error.validator_value)}, ikke {_shown(value)}"
        case "enum":
            return (
                f"{_shown(value)} kendes ikke; mulige: {', '.join(map(str, error.validator_value))}"
            )
        case "minLength" | "minItems":
            return "må ikke være tom"
        case "maxLength" | "maxItems":
            return f"er for lang (højst {error.validator_value})"
        case "minimum" | "maximum":
            return f"{_shown(value)} ligger uden for det tilladte"
        case _:
            return f"passer ikke til skemaet ({error.validator})"


_TYPES = {
    "string": "en tekst",
    "object": "et objekt",
    "array": "en liste",
    "integer": "et heltal",
    "number": "et tal",
    "boolean": "true eller false",
    "null": "null",
    "['string', 'null']": "en tekst eller null",
}


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    for kind, name in ((str, "en tekst"), (dict, "et objekt"), (list, "en liste")):
        if isinstance(value, kind):
            return name
    return "et tal"


def _shown(value: Any) -> str:
    return repr(_cut(value)) if isinstance(value, str) else _cut(json.dumps(value))


def _cut(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
