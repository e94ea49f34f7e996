"""A synthetic catalogue of N offers, plus mentors and enterprises, with realistic Danish text.

Usage: python benchmarks/synthetic.py N FOLDER   (writes a vifte project; `--vanilla` also
writes the plain mkdocs-material equivalent beside it, see vanilla.py)

Deterministic: the same N and seed give the same files. Areas, access levels, themes and target
groups are read from the project's settings.yaml (the scaffold's, from `vifte init`), offer kinds
and placements from the model; every one of them is used once N is at least their number.
The text material is in texts.py.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import texts  # noqa: E402

from vifte.domain.danish import slug  # noqa: E402
from vifte.domain.model import OfferKind, Placement  # noqa: E402
from vifte.scaffold import init_project  # noqa: E402
from vifte.source.project import Project  # noqa: E402

SEED = 17
UPDATED = dt.date(2026, 10, 1)


@dataclass
class Synthetic:
    """What was generated, as the YAML holds it, keyed by id; `settings` is settings.yaml."""

    settings: dict[str, Any]
    offers: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentors: dict[str, dict[str, Any]] = field(default_factory=dict)
    enterprises: dict[str, dict[str, Any]] = field(default_factory=dict)

    def ids(self, term_list: str) -> list[str]:
        return [t["id"] for t in self.settings[term_list]]

    def label(self, term_list: str, term_id: str) -> str:
        return next(t["label"] for t in self.settings[term_list] if t["id"] == term_id)


def make_project(
    root: Path, offers: int, seed: int = SEED, name: str = "Benchmark Kommune", url: str = ""
) -> Synthetic:
    """A fresh vifte project at `root` (`vifte init`) holding only the synthetic items.

    `url`, when given, replaces the scaffold's site address (municipality.url in settings.yaml).
    """
    init_project(root, name)
    project = Project.at(root)
    text = project.settings_file.read_text(encoding="utf-8")
    settings = yaml.safe_load(text)
    if url:
        text = text.replace(f"url: {settings['municipality']['url']}", f"url: {url}", 1)
        project.settings_file.write_text(text, encoding="utf-8")
        settings = yaml.safe_load(text)
    data = generate(settings, offers, seed)
    for name in ("offers", "mentors", "enterprises"):
        folder = project.collection(name)
        for old in folder.glob("*.yaml"):
            old.unlink()  # the scaffold's examples
        for item_id, item in getattr(data, name).items():
            (folder / f"{item_id}.yaml").write_text(dump(item), encoding="utf-8")
    return data


def generate(settings: dict[str, Any], offers: int, seed: int = SEED) -> Synthetic:
    rng = random.Random(seed)
    data = Synthetic(settings)
    for i in range(max(1, offers // 40)):
        data.enterprises[f"virksomhed-{i:05d}"] = _enterprise(rng, i)
    for i in range(max(1, offers // 25)):
        data.mentors[f"mentor-{i:05d}"] = _mentor(rng, data, i)
    for i in range(offers):
        offer = _offer(rng, data, i)
        data.offers[f"{slug(offer['title'])}-{i:06d}"] = offer
    return data


def _cycle(values: list[str], i: int, rng: random.Random, extra: int = 0) -> list[str]:
    """values[i % n] first (so every value is used), then up to `extra` others at random."""
    first = values[i % len(values)]
    others = [v for v in values if v != first]
    return [first, *rng.sample(others, min(len(others), rng.randint(0, extra)))]


def _offer(rng: random.Random, data: Synthetic, i: int) -> dict[str, Any]:
    topic = texts.TOPICS[i % len(texts.TOPICS)]
    place = rng.choice(texts.PLACES)
    qualifier = rng.choice(texts.QUALIFIERS)
    title = " ".join(p for p in (rng.choice(topic["titles"]), qualifier, f"i {place}") if p)
    kinds = list(get_args(OfferKind))
    offer: dict[str, Any] = {
        "title": title,
        "area": data.ids("areas")[i % len(data.ids("areas"))],
        "access": data.ids("access")[(i // 3) % len(data.ids("access"))],
        "kind": kinds[i % len(kinds)],
        "themes": _cycle(data.ids("themes"), i, rng, 1),
        "target_groups": _cycle(data.ids("target_groups"), i // 2, rng, 1),
        "summary": rng.choice(topic["summaries"]),
        "description": _description(rng, topic),
        "professional": " ".join(rng.sample(texts.PROFESSIONAL, rng.randint(1, 3))),
        "provider": {"name": rng.choice(texts.PROVIDERS), "department": place},
        "contact": _contact(rng, i),
        "location": {
            "address": f"{rng.choice(texts.STREETS)} {rng.randint(1, 120)}",
            "postcode": str(4000 + texts.PLACES.index(place) * 10),
            "city": place,
            "accessibility": rng.choice(texts.ACCESSIBILITY),
        },
        "schedule": {
            "duration": rng.choice(texts.DURATIONS),
            "hours_per_week": rng.choice(texts.HOURS),
            "start": rng.choice(texts.STARTS),
        },
        "waiting_time": rng.choice(texts.WAITING),
        "price": f"{rng.randint(5, 90) * 100} kr. pr. uge",
        "languages": ["dansk", *rng.sample(texts.LANGUAGES[1:], rng.randint(0, 2))],
        "keywords": rng.sample(topic["keywords"], rng.randint(2, 4)),
        "updated": UPDATED - dt.timedelta(days=rng.randint(0, 300)),
        "review_by": dt.date(2027, 6, 1) + dt.timedelta(days=rng.randint(0, 300)),
    }
    if i % 7 == 3 and data.enterprises:
        offer["enterprises"] = [rng.choice(list(data.enterprises))]
    if i % 5 == 1 and data.offers:
        offer["related"] = rng.sample(list(data.offers), min(len(data.offers), 2))
    if i % 97 == 50:
        offer["status"] = "paused"
        offer["status_note"] = "Holder pause til 1. marts"
    return offer


def _description(rng: random.Random, topic: dict[str, list[str]]) -> str:
    """3-6 paragraphs of different lengths, sometimes a short list."""
    pool = rng.sample(topic["paragraphs"], len(topic["paragraphs"]))
    pool += rng.sample(texts.PRACTICAL, 3)
    paragraphs: list[str] = []
    for _ in range(rng.randint(3, 6)):
        take = rng.choice((1, 1, 2))
        paragraphs.append(" ".join(pool[:take]))
        pool = pool[take:] or rng.sample(texts.PRACTICAL, 3)
    if rng.random() < 0.3:
        items = rng.sample(texts.COMPETENCES, 3)
        paragraphs.insert(1, "Du kan få hjælp til:\n\n" + "\n".join(f"- {t}" for t in items))
    return "\n\n".join(paragraphs) + "\n"


def _contact(rng: random.Random, i: int) -> dict[str, str]:
    phone = f"70 {10 + i % 90:02d} {rng.randint(10, 99)} {rng.randint(10, 99)}"
    if i % 3 == 0:
        return {"phone": phone, "email": f"kontakt{i % 500}@example.dk"}
    return {"name": _person(rng), "phone": phone}


def _person(rng: random.Random) -> str:
    return f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.LAST_NAMES)}"


def _mentor(rng: random.Random, data: Synthetic, i: int) -> dict[str, Any]:
    return {
        "name": _person(rng),
        "role": rng.choice(texts.MENTOR_ROLES),
        "about": " ".join(rng.sample(texts.MENTOR_ABOUT, rng.randint(2, 4))) + "\n",
        "competences": rng.sample(texts.COMPETENCES, rng.randint(2, 4)),
        "languages": ["dansk", *rng.sample(texts.LANGUAGES[1:], rng.randint(0, 2))],
        "themes": _cycle(data.ids("themes"), i, rng, 1),
        "target_groups": _cycle(data.ids("target_groups"), i, rng, 1),
        "contact": {"phone": f"70 20 {i % 100:02d} {rng.randint(10, 99)}"},
        "available": i % 4 != 0,
    }


def _enterprise(rng: random.Random, i: int) -> dict[str, Any]:
    place = rng.choice(texts.PLACES)
    return {
        "name": f"{rng.choice(texts.ENTERPRISE_NAMES)} {place}",
        "cvr": f"{30000000 + i * 7919 % 60000000:08d}",
        "registered": i % 3 != 0,
        "industry": rng.choice(texts.INDUSTRIES),
        "placements": _cycle(list(get_args(Placement)), i, rng, 2),
        "description": " ".join(rng.sample(texts.ENTERPRISE_TEXT, 2)) + "\n",
        "address": f"{rng.choice(texts.STREETS)} {rng.randint(1, 80)}, {4000 + i % 900} {place}",
        "contact": {"email": f"virksomhed{i}@example.dk"},
    }


class _Dumper(yaml.SafeDumper):
    """Multi-line text as literal blocks, as an editor writes it."""


_Dumper.add_representer(
    str,
    lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None),
)


def dump(item: dict[str, Any]) -> str:
    return yaml.dump(item, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        raise SystemExit(__doc__)
    data = make_project(Path(args[1]) / "vifte", int(args[0]))
    if "--vanilla" in sys.argv:
        from vanilla import make_vanilla

        make_vanilla(Path(args[1]) / "vanilla", data)
    print(
        f"{len(data.offers)} tilbud, {len(data.mentors)} mentorer, {len(data.enterprises)} virksomheder"
    )


if __name__ == "__main__":
    main()
