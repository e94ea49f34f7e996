"""The plain mkdocs-material equivalent of a synthetic catalogue: the same text as Markdown pages.

What a careful site builder would set up by hand: theme material in Danish, no Google fonts,
Material's own search (lang da), a short explicit nav with the N offer pages out of it (in the
nav, Material's build grows quadratically), an overview page linking every offer, and one page
per offer, mentor and enterprise holding the same citizen text vifte shows (title, summary,
description, practical facts, place, contact, text for professionals; not the internal price).

The light twin (`light=True`) is the same site with lighter pages: an offer's page holds only its
title, summary and description, a mentor's and an enterprise's their name and text; the lists
name them without summaries. Issue 27 measures vifte against both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from synthetic import Synthetic

from vifte.domain.model import KIND_LABELS, PLACEMENT_LABELS

CONFIG = """\
site_name: Benchmark Kommune – tilbud til borgere
site_url: https://tilbud.example.dk/
use_directory_urls: true
theme:
  name: material
  language: da
  font: false
  features:
    - navigation.tabs
    - navigation.top
plugins:
  - search:
      lang: da
markdown_extensions:
  - attr_list
  - admonition
  - toc:
      permalink: false
nav:
  - Forside: index.md
  - Find tilbud: tilbud/index.md
  - Mentorer: mentorer/index.md
  - Virksomheder: virksomheder/index.md
extra:
  generator: false  # no "Made with" line, as in the scaffold
validation:
  nav:
    omitted_files: ignore
"""

SECTIONS = {"offers": "tilbud", "mentors": "mentorer", "enterprises": "virksomheder"}


def make_vanilla(root: Path, data: Synthetic, light: bool = False) -> Path:
    """Write the project (the light twin with `light`); returns its mkdocs.yml."""
    docs = root / "docs"
    for folder in SECTIONS.values():
        (docs / folder).mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (docs / "index.md").write_text(
        "# Tilbud til borgere\n\nFind tilbud om job, sundhed og trivsel.\n", encoding="utf-8"
    )
    for offer_id, offer in data.offers.items():
        text = _light(offer["title"], offer["summary"], offer["description"]) if light else None
        _write(docs / "tilbud" / f"{offer_id}.md", text or _offer(data, offer))
    for mentor_id, mentor in data.mentors.items():
        text = _light(mentor["name"], mentor["role"], mentor["about"]) if light else None
        _write(docs / "mentorer" / f"{mentor_id}.md", text or _mentor(data, mentor))
    for enterprise_id, enterprise in data.enterprises.items():
        e = enterprise
        text = _light(e["name"], e["industry"], e["description"]) if light else None
        _write(docs / "virksomheder" / f"{enterprise_id}.md", text or _enterprise(enterprise))
    _write(docs / "tilbud/index.md", _offer_list(data, light))
    for name, title in (("mentors", "Mentorer"), ("enterprises", "Virksomheder")):
        items = getattr(data, name)
        lines = [f"- [{i['name']}]({item_id}.md)" for item_id, i in items.items()]
        _write(docs / SECTIONS[name] / "index.md", f"# {title}\n\n" + "\n".join(lines) + "\n")
    return root / "mkdocs.yml"


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _light(title: str, summary: str, text: str) -> str:
    """A light page: title, summary and text, nothing else."""
    return f"# {title}\n\n**{summary}**\n\n{text}\n"


def _offer_list(data: Synthetic, light: bool = False) -> str:
    parts = ["# Find tilbud\n"]
    for area in data.ids("areas"):
        parts.append(f"\n## {data.label('areas', area)}\n")
        parts += [
            f"- [{o['title']}]({oid}.md)" + ("" if light else f": {o['summary']}")
            for oid, o in data.offers.items()
            if o["area"] == area
        ]
    return "\n".join(parts) + "\n"


def _labels(data: Synthetic, term_list: str, ids: list[str]) -> str:
    return ", ".join(data.label(term_list, i) for i in ids)


def _contact(contact: dict[str, str]) -> list[str]:
    lines = [contact[k] for k in ("name", "phone", "email") if k in contact]
    return [f"- {line}" for line in lines]


def _offer(data: Synthetic, o: dict[str, Any]) -> str:
    access = next(a for a in data.settings["access"] if a["id"] == o["access"])
    place = o["location"]
    schedule = o["schedule"]
    lines = [
        f"# {o['title']}",
        "",
        f"**{o['summary']}**",
        "",
        f"Område: {data.label('areas', o['area'])} · Slags: {KIND_LABELS[o['kind']]}  ",
        f"Adgang: {access['label']}. {access.get('description', '')}  ",
        f"Temaer: {_labels(data, 'themes', o['themes'])}  ",
        f"Målgrupper: {_labels(data, 'target_groups', o['target_groups'])}",
        "",
        o["description"],
        "## Praktisk",
        "",
        f"- Varighed: {schedule['duration']}",
        f"- Timer om ugen: {schedule['hours_per_week']}",
        f"- Start: {schedule['start']}",
        f"- Ventetid: {o['waiting_time']}",
        f"- Sprog: {', '.join(o['languages'])}",
        "",
        "## Sted",
        "",
        f"{place['address']}, {place['postcode']} {place['city']}. {place['accessibility']}",
        "",
        "## Kontakt",
        "",
        f"- {o['provider']['name']}, {o['provider']['department']}",
        *_contact(o["contact"]),
        "",
    ]
    if o.get("related"):
        lines += [
            "## Se også",
            "",
            *[f"- [{data.offers[r]['title']}]({r}.md)" for r in o["related"]],
        ]
        lines.append("")
    if o.get("enterprises"):
        lines += ["## Virksomheder", ""]
        lines += [
            f"- [{data.enterprises[e]['name']}](../virksomheder/{e}.md)" for e in o["enterprises"]
        ]
        lines.append("")
    lines += ["## Til fagfolk", "", o["professional"], "", f"Søgeord: {', '.join(o['keywords'])}"]
    return "\n".join(lines) + "\n"


def _mentor(data: Synthetic, m: dict[str, Any]) -> str:
    lines = [
        f"# {m['name']}",
        "",
        f"**{m['role']}**",
        "",
        m["about"],
        f"Kompetencer: {', '.join(m['competences'])}  ",
        f"Sprog: {', '.join(m['languages'])}  ",
        f"Temaer: {_labels(data, 'themes', m['themes'])}",
        "",
        "## Kontakt",
        "",
        *_contact(m["contact"]),
    ]
    return "\n".join(lines) + "\n"


def _enterprise(e: dict[str, Any]) -> str:
    placements = ", ".join(PLACEMENT_LABELS[p] for p in e["placements"])
    lines = [
        f"# {e['name']}",
        "",
        f"**{e['industry']}** · CVR {e['cvr']}",
        "",
        e["description"],
        f"Forløb: {placements}  ",
        f"Adresse: {e['address']}",
        "",
        "## Kontakt",
        "",
        *_contact(e["contact"]),
    ]
    return "\n".join(lines) + "\n"
