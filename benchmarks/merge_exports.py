"""Merge several municipalities' open-data exports (`data/catalogue.json`) into one national file.

Usage: python benchmarks/merge_exports.py OUT.json EXPORT.json [EXPORT.json ...]

Each municipality builds its own site; a national site reads their exports and needs no access
to their YAML. In the merged file:
- `municipalities` lists each one: its settings (name, address, contact, its own areas, access
  levels, themes and target groups), as its export holds them;
- every item list of the exports (offers, mentors, enterprises, ...: the lists whose items have
  an `id` and a `url`) becomes one list, each item carrying `municipality` (the site's address),
  an `id` made unique as `<site host and path>/<id>`, its own id as `local_id`, and `url` made
  absolute on its municipality's site. Term ids (area, themes, ...) stay as they are: they mean
  what that municipality's entry says.
Exports of another format or schema version, or two exports of the same site, are refused with
one Danish line each, and nothing is written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from vifte.output.export import FORMAT, SCHEMA_VERSION

MERGED_FORMAT = "vifte-catalogues"


class MergeError(Exception):
    """The exports cannot be merged; the message lists every problem, one a line."""


def item_lists(export: dict[str, Any]) -> list[str]:
    """The keys of an export that hold items with their own page."""
    return [
        key
        for key, value in export.items()
        if isinstance(value, list)
        and value
        and all(isinstance(i, dict) and "id" in i and "url" in i for i in value)
    ]


def merge(exports: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """One national document from (name, export) pairs; raises MergeError listing every problem."""
    problems, seen = [], {}
    for name, export in exports:
        if export.get("format") != FORMAT or export.get("schema_version") != SCHEMA_VERSION:
            problems.append(
                f"{name}: er ikke en eksport fra vifte med skemaversion {SCHEMA_VERSION} "
                f"(format {export.get('format')!r}, version {export.get('schema_version')!r})"
            )
            continue
        site = export["municipality"]["url"]
        if site in seen:
            problems.append(f"{name}: samme site ({site}) som {seen[site]}")
        seen[site] = name
    if problems:
        raise MergeError("\n".join(problems))
    merged: dict[str, Any] = {"format": MERGED_FORMAT, "schema_version": 1, "municipalities": []}
    for _, export in exports:
        site = export["municipality"]["url"]
        lists = item_lists(export)
        merged["municipalities"].append(
            {
                k: v
                for k, v in export.items()
                if k not in lists and k not in ("format", "schema_version")
            }
        )
        prefix = "".join(urlsplit(site)[1:3]).rstrip("/")
        for key in lists:
            merged.setdefault(key, []).extend(
                {
                    **item,
                    "id": f"{prefix}/{item['id']}",
                    "local_id": item["id"],
                    "url": urljoin(site, item["url"]),
                    "municipality": site,
                }
                for item in export[key]
            )
    return merged


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out, *paths = args
    try:
        merged = merge([(p, json.loads(Path(p).read_text(encoding="utf-8"))) for p in paths])
    except (OSError, ValueError) as exc:
        print(f"kunne ikke læse en eksport: {exc}", file=sys.stderr)
        return 1
    except MergeError as exc:
        print(exc, file=sys.stderr)
        return 1
    Path(out).write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(merged['municipalities'])} kommuner samlet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
