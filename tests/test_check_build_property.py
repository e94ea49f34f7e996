"""What `vifte check` approves, `vifte build` builds: over every reference and every text field.

The fields come from the models (every `Ref` path of every collection, every free-text field of
every collection and of settings.yaml, found from the JSON Schema), not from a list written here,
so a new field is covered the day it is added. Hypothesis points references at active, paused,
closed, draft, unknown and the item's own id, and writes texts with markup characters, tabs,
line breaks, control characters and non-characters, into a Danish-only copy of the example
municipality (with a closed offer, a paused offer, a draft offer and a closed enterprise). The
check must refuse a refused character with its Danish message at a line of the file; whatever it accepts
must build, with feeds that feedparser reads without complaint.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import feedparser
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from vifte.domain.refs import ref_paths, values_at
from vifte.domain.registry import TABLE
from vifte.domain.settings import Settings
from vifte.mkdocs.build import build_site
from vifte.source.frontmatter import load_markdown
from vifte.source.loader import load
from vifte.source.validate import load_catalogue
from vifte.source.written import as_written

from .conftest import REPO
from .pdf_sites import danish_only

REFUSED = "\x0b\x01\x7f\x85\ufffe\ufdd0\ud800\x1b"
CHARS = "abcæøÅ 1&<>\"'*_`#[]()!|{}%\\:-" + "\t\n"
LINE = re.compile(r"^(catalogue|strategy|site_src)/[^:]+:[1-9]\d*:\d+: (error|warning): .+")


def _template() -> Path:
    root = Path(tempfile.mkdtemp(prefix="vifte-promise-")) / "t"
    for name in ("catalogue", "site_src", "theme", "strategy"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    # In Danish only: each example builds one language, not four; the fields are the models'
    # (a translation file holds a subset of them), so every key below stays covered.
    danish_only(root)
    atexit.register(shutil.rmtree, root.parent, ignore_errors=True)
    offers = root / "catalogue/offers"
    for name, status in (("bedre-soevn", "closed"), ("budgetkursus", "paused")):
        extra = "closed: 2026-10-01\n" if status == "closed" else ""
        with (offers / f"{name}.yaml").open("a", encoding="utf-8") as f:
            f.write(f"status: {status}\n{extra}")
    draft = (offers / "jobklubben.yaml").read_text(encoding="utf-8")
    (offers / "kladde-tilbud.yaml").write_text(draft + "status: draft\n", encoding="utf-8")
    with (root / "catalogue/enterprises/genbrug-fjordstrand.yaml").open("a") as f:
        f.write("status: closed\nclosed: 2026-09-01\n")
    return root


TEMPLATE = _template()
STATES = {
    "offers": {
        "active": "jobklubben",
        "paused": "budgetkursus",
        "closed": "bedre-soevn",
        "draft": "kladde-tilbud",
    },
    "enterprises": {"active": "cafe-havnelyst", "closed": "genbrug-fjordstrand"},
    "strategy": {"active": "beskaeftigelsesplan-2025"},
    "areas": {"other": "civilsamfund"},
    "access": {"other": "venteliste"},
    "themes": {"other": "bolig"},
    "target_groups": {"other": "veteraner"},
}


def _files(name: str) -> list[Path]:
    folder = TEMPLATE / ("strategy" if name == "strategy" else f"catalogue/{name}")
    return sorted(p for p in folder.glob("*") if p.suffix in TABLE.collections[name].suffixes)


def _text_paths(schema: dict[str, Any], node: dict[str, Any], path: tuple[str, ...]) -> list:
    """Every free-text field in a JSON Schema: strings without a pattern, enum or format."""
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    found: list[tuple[str, ...]] = []
    for option in node.get("anyOf", []):
        found += _text_paths(schema, option, path)
    if node.get("type") == "object":
        for key, sub in node.get("properties", {}).items():
            found += _text_paths(schema, sub, (*path, key))
    elif node.get("type") == "array":
        found += _text_paths(schema, node.get("items", {}), (*path, "*"))
    elif node.get("type") == "string" and not {"pattern", "enum", "const", "format"} & set(node):
        found.append(path)
    return found


def _fields() -> tuple[dict[str, tuple[str, tuple[str, ...], str]], dict[str, Any]]:
    """Every reference path and every text path with a file of the template that has it."""
    refs, texts = {}, {}
    kinds = [(name, TABLE.collections[name].model) for name in TABLE.collections] + [
        ("settings", Settings)
    ]
    for name, model in kinds:
        files = (
            [TEMPLATE / "catalogue/settings.yaml"]
            if name == "settings"
            else [f for f in _files(name) if f.stem != "kladde-tilbud"]
        )
        schema = model.model_json_schema()
        paths = sorted(set(_text_paths(schema, schema, ())))
        body = None if name == "settings" else TABLE.collections[name].body_field
        for path in paths:
            for file in files:
                data = _read(file)[0]
                if file.suffix == ".md" and path == (body,) or values_at(data, path, ()):
                    texts[f"{name}:{'.'.join(path)}"] = (file, path)
                    break
        if name == "settings":
            continue
        for path, ref in ref_paths(model):
            for file in files:
                if values_at(_read(file)[0], path, ()):
                    refs[f"{name}:{'.'.join(path)}"] = (file, path, ref.target)
                    break
    return refs, texts


def _model(file: Path) -> Any:
    return Settings if file.name == "settings.yaml" else TABLE.collections[file.parent.name].model


def _read(file: Path) -> tuple[Any, str | None]:
    """A file's data as the validator sees it (texts as written), and a Markdown file's body."""
    if file.suffix == ".md":
        page = load_markdown(file)
        doc, body = page.document, page.body
    else:
        doc, body = load(file), None
    return as_written(_model(file), doc.data, doc.written), body


REFS, TEXTS = _fields()


def _set(data: Any, path: tuple[str, ...], value: Any) -> None:
    """Set the first value at a path ("*" is the first item of a list)."""
    for part in path[:-1]:
        data = data[0] if part == "*" else data[part]
    last = path[-1]
    if last == "*":
        data[0] = value
    else:
        data[last] = value


def _write(root: Path, changes: dict[Path, list[tuple[tuple[str, ...], Any]]]) -> None:
    for template_file, edits in changes.items():
        data, body = _read(template_file)
        for path, value in edits:
            if body is not None and path == ("body",):
                body = value
            else:
                _set(data, path, value)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        if body is not None:
            text = f"---\n{text}---\n{body}"
        # A lone surrogate cannot be UTF-8: written raw, the file is what a broken editor saves.
        out = root / template_file.relative_to(TEMPLATE)
        out.write_text(text, encoding="utf-8", errors="surrogatepass")


safe_texts = st.text(alphabet=CHARS, min_size=1, max_size=30)
# One text in four carries one refused character somewhere.
texts = safe_texts | st.tuples(safe_texts, st.sampled_from(REFUSED), st.integers(0, 30)).map(
    lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :]
)


@st.composite
def changes(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    refs = {}
    for key, (_, _, target) in REFS.items():
        states = [*STATES.get(target, {}), *STATES.get(target, {}), "unknown", "self"]
        if draw(st.integers(0, 5)) == 0:
            refs[key] = draw(st.sampled_from(states))
    chosen = draw(st.lists(st.sampled_from(sorted(TEXTS)), max_size=4, unique=True))
    return {"refs": refs, "texts": {key: draw(texts) for key in chosen}}


def _value(key: str, state: str, current: Any) -> Any:
    file, path, target = REFS[key]
    ids = STATES.get(target, {})
    value = {"unknown": "findes-ikke", "self": file.stem}.get(state) or ids[state]
    return [value] if isinstance(current, list) else value


_tmp = Path(tempfile.mkdtemp(prefix="vifte-promise-run-"))
atexit.register(shutil.rmtree, _tmp, ignore_errors=True)

THE_ISSUE_NEWS = {"refs": {"news:offers": "closed"}, "texts": {}}
THE_ISSUE_TITLE = {"refs": {}, "texts": {"news:title": "Kontrol\x0btegn"}}
THE_ISSUE_BODY = {"refs": {}, "texts": {"offers:description": "Et \x01 tegn"}}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(THE_ISSUE_NEWS)
@example(THE_ISSUE_TITLE)
@example(THE_ISSUE_BODY)
@example({"refs": {}, "texts": {"offers:waiting_time": "a\ud800"}})
@example(
    {"refs": {"strategy:goals.*.offers": "closed", "offers:enterprises": "closed"}, "texts": {}}
)
@given(changes())
def test_what_check_approves_build_builds_for_every_reference_and_text(change):
    root = _tmp / "p"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(TEMPLATE, root)
    edits: dict[Path, list[tuple[tuple[str, ...], Any]]] = {}
    for key, state in change["refs"].items():
        file, path, _ = REFS[key]
        current = values_at(_read(file)[0], path, ())[0][0]
        edits.setdefault(file, []).append((path, _value(key, state, current)))
    for key, text in change["texts"].items():
        file, path = TEXTS[key]
        edits.setdefault(file, []).append((path, text))
    _write(root, edits)
    catalogue, report = load_catalogue(root)
    lines = report.lines()
    for line in lines:
        assert LINE.match(line), line
    if any(set(REFUSED) & set(text) for text in change["texts"].values()):
        assert catalogue is None
        assert any("ikke kan vises" in line or "UTF-8" in line for line in lines), lines
        return
    event("refused" if catalogue is None else "built")
    if catalogue is None:
        return
    site = build_site(root / "mkdocs.yml", _tmp / "site")
    for feed in sorted(site.rglob("*.xml")):
        if feed.name in ("rss.xml", "atom.xml"):
            parsed = feedparser.parse(feed.read_bytes())
            assert not parsed.bozo, (feed, parsed.get("bozo_exception"))
