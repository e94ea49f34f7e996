"""Editions: the public site holds no internal field in any file; the internal one is marked."""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from vifte.domain.edition import INTERNAL, audience_of
from vifte.domain.model import Offer
from vifte.domain.registry import TABLE
from vifte.domain.routes import OPEN_DATA_PATHS, page_url
from vifte.mkdocs.build import build_site
from vifte.source.diagnostics import ProjectError
from vifte.source.schema import schema_for
from vifte.source.validate import require_catalogue

from .conftest import REPO, danish_files
from .shared import built_once
from .test_serve import _free_port, _wait_for

PAGEFIND_SIGNATURE = b"pagefind_dcd"
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
"""Pagefind gzips its index files; the decompressed data starts with this 12-byte signature
(its pagefind.js checks for it and drops it), followed by JSON (fragments) or CBOR (index, meta)."""

BANNER = "Intern udgave – må ikke offentliggøres"
NOINDEX = '<meta name="robots" content="noindex, nofollow">'
OWN_ROBOTS = "User-agent: *\nAllow: /\n"


def _leaves(value: Any) -> set[str]:
    if isinstance(value, BaseModel):
        return set().union(*(_leaves(getattr(value, n)) for n in type(value).model_fields))
    if isinstance(value, list | tuple):
        return set().union(*(_leaves(v) for v in value))
    if isinstance(value, dict):
        return _leaves(list(value.values()))
    return set() if value is None else {str(value)}


def internal_values(value: Any) -> set[str]:
    """Every value written in a field marked internal, at any depth of the catalogue."""
    if isinstance(value, list | tuple):
        return set().union(*(internal_values(v) for v in value))
    if isinstance(value, dict):  # the catalogue's items, by collection
        return internal_values(list(value.values()))
    if not isinstance(value, BaseModel):
        return set()
    found: set[str] = set()
    for name, field in type(value).model_fields.items():
        inner = getattr(value, name)
        found |= _leaves(inner) if audience_of(field) == "internal" else internal_values(inner)
    return found


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return [str(data)]


def read_site(site: Path) -> dict[str, str]:
    """Every file of a built site as searchable text, by path.

    Gzip files (Pagefind's index and fragments, any .gz) are decompressed and Pagefind's signature
    dropped; JSON is searched with its strings decoded and HTML with its entities resolved too.
    """
    texts = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        while data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        text = data.removeprefix(PAGEFIND_SIGNATURE).decode("utf-8", errors="replace")
        views = [text, html.unescape(text)]
        try:
            views += _strings(json.loads(text))
        except ValueError:
            pass
        # JSON-LD writes <, > and & as \u escapes: search its decoded strings too.
        for block in LD_JSON.findall(text):
            views += _strings(json.loads(block))
        texts[path.relative_to(site).as_posix()] = "\n".join(views)
    return texts


def _forms(value: str) -> set[str]:
    """A value as it may appear in a file: as written, and a phone number in a tel: link."""
    forms = {value}
    if re.fullmatch(r"\+?[0-9 ]+", value):
        forms.add(value.replace(" ", ""))
    return forms


def _index_words(texts: dict[str, str]) -> str:
    return "\n".join(t for p, t in texts.items() if p.startswith("pagefind/index/"))


def _build_both(root: Path) -> tuple[Path, Path, str]:
    """Build a project in both editions with `vifte build`, each into its default folder."""
    out = {}
    for edition in ("offentlig", "intern"):
        command = [sys.executable, "-m", "vifte", "build", "-p", str(root), "--edition", edition]
        command.append("--no-pdf")
        done = subprocess.run(command, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        out[edition] = done.stderr
    return root / "site", root / "site-intern", out["intern"]


def _copy_example(root: Path) -> Path:
    """A copy of the example project, as the `example_copy` fixture makes it."""
    for name in ("catalogue", "site_src", "theme", "strategy"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture(scope="session")
def editions(tmp_path_factory) -> tuple[Path, Path, Path, str]:
    """`example_editions`, read-only."""
    return example_editions(tmp_path_factory)


def example_editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, str]:
    """The example (with a robots.txt of its own) built in both editions, once for the whole
    run (also the browser's internal edition): the project, its public and internal sites, and
    the internal build's messages."""

    def build(folder: Path) -> None:
        root = _copy_example(folder / "eksempel")
        (root / "site_src/robots.txt").write_text(OWN_ROBOTS, encoding="utf-8")
        message = _build_both(root)[2]
        (folder / "intern-build.txt").write_text(message, encoding="utf-8")

    folder = built_once(tmp_path_factory, "example-editions", build)
    root = folder / "eksempel"
    message = (folder / "intern-build.txt").read_text(encoding="utf-8")
    return root, root / "site", root / "site-intern", message


def test_public_build_contains_no_internal_value_in_any_file(editions):
    example_copy, public_site, intern_site, _ = editions
    catalogue, _ = require_catalogue(example_copy)
    values = internal_values(catalogue)
    prices = {o.price for o in catalogue.offers if o.price}
    phones = {o.internal_contact.phone for o in catalogue.offers if o.internal_contact} - {None}
    assert len(prices) >= 3 and len(phones) >= 3 and prices | phones <= values
    public, intern = read_site(public_site), read_site(intern_site)
    assert any(p.endswith(".pf_fragment") for p in public) and "sitemap.xml.gz" in public
    # the open-data files are among the files searched
    assert set(OPEN_DATA_PATHS) <= set(public) and set(OPEN_DATA_PATHS) <= set(intern)

    # The grep finds every value where the internal edition publishes it: its pages and its
    # export. So finding nothing in the public site means something.
    for value in values:
        where = {p for p, text in intern.items() if value in text}
        assert any(p.endswith(".html") for p in where), value
        assert "data/catalogue.json" in where, value
        if value in prices:  # HSDS has a field for fees
            assert "data/hsds/services.json" in where, value
        # the search index is for citizens in both editions (decision 26)
        assert not any(p.startswith("pagefind/fragment/") for p in where), value
    # ... and the grep reads decompressed fragments: a citizen's text is found in them
    summary = next(o.summary for o in catalogue.offers if o.listed)
    assert any(p.startswith("pagefind/fragment/") and summary in t for p, t in public.items())

    leaks = sorted(
        (path, form)
        for value in values
        for form in _forms(value)
        for path, text in public.items()
        if form in text
    )
    assert leaks == []

    # Pagefind's word index holds single (stemmed) words: a word that only internal values use
    # must be in neither edition's index.
    published_text = json.dumps(catalogue.model_dump(mode="json"), ensure_ascii=False)
    for value in values:
        published_text = published_text.replace(json.dumps(value, ensure_ascii=False)[1:-1], "")
    published_text = published_text.casefold() + "".join(
        p.read_text(encoding="utf-8").casefold() for p in (example_copy / "site_src").rglob("*.md")
    )
    internal_only = {
        word
        for value in values
        for word in re.findall(r"\w{4,}", value.casefold())
        if word not in published_text
    }
    assert len(internal_only) >= 3, internal_only
    # neither edition indexes them: the index is for citizens (decision 26)
    words_public, words_intern = _index_words(public), _index_words(intern)
    assert sorted(w for w in internal_only if w in words_public + words_intern) == []


def test_internal_edition_is_marked_on_every_page_and_kept_from_search_engines(editions):
    example_copy, public, intern, message = editions  # site_src/ has a robots.txt of its own
    assert "Den interne udgave er bygget i" in message and "intranet" in message
    assert sorted(p.name for p in example_copy.iterdir() if p.name.startswith("site")) == [
        "site",
        "site-intern",
        "site_src",
    ]
    pages = danish_files(intern)
    assert len(pages) > 60 and (intern / "404.html") in pages
    for page in pages:
        head, body = page.read_text(encoding="utf-8").split("</head>", 1)
        assert NOINDEX in head, page
        assert BANNER in body, page
    assert (intern / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"
    for page in public.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert BANNER not in text and 'name="robots"' not in text, page
    assert (public / "robots.txt").read_text(encoding="utf-8") == OWN_ROBOTS

    # The caseworker view of the public site keeps the professional text; internal contact only
    # in the internal edition.
    catalogue, _ = require_catalogue(example_copy)
    offer = next(o for o in catalogue.offers if o.legal_basis and o.internal_contact)
    page = (public / page_url(TABLE, offer) / "index.html").read_text(encoding="utf-8")
    assert 'id="til-fagfolk"' in page and html.escape(offer.legal_basis[0]) in page
    assert "Kontakt for fagfolk" not in page
    assert "Kontakt for fagfolk" in (intern / page_url(TABLE, offer) / "index.html").read_text(
        "utf-8"
    )


def test_a_theme_that_drops_the_banner_stops_the_internal_build(project):
    (project / "theme/main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    assert build_site(project / "mkdocs.yml").name == "site"
    with pytest.raises(ProjectError) as failed:
        build_site(project / "mkdocs.yml", edition=INTERNAL)
    assert "siden mangler noindex-mærket og banneret" in str(failed.value)
    assert "theme/ sin egen main.html" in str(failed.value)
    assert not (project / "site-intern").exists()


def test_audiences_are_marked_once_in_the_model_and_shown_in_the_schema():
    marked = {n: audience_of(f) for n, f in Offer.model_fields.items()}
    assert {n for n, a in marked.items() if a == "internal"} == {"internal_contact", "price"}
    assert {n for n, a in marked.items() if a == "professional"} == {"professional", "legal_basis"}
    properties = schema_for("offer")["properties"]
    for name, who in marked.items():
        if who != "citizen":
            assert properties[name]["x-audience"] == who
    assert "Kun i den interne udgave" in properties["price"]["description"]


def test_serve_shows_the_internal_edition_when_asked(example_copy):
    port = _free_port()
    command = [sys.executable, "-m", "vifte", "serve", "-p", str(example_copy)]
    process = subprocess.Popen(
        [*command, "-a", f"127.0.0.1:{port}", "--edition", "intern"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = _wait_for(f"http://127.0.0.1:{port}/tilbud/bostoette/", BANNER)
        assert NOINDEX in page and "70 11 22 90" in page
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


def test_a_new_project_keeps_both_built_sites_out_of_git(project):
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    for built in ("site-intern/index.html", "site/index.html", ".vifte-build-site-x/a.html"):
        ignored = subprocess.run(["git", "-C", str(project), "check-ignore", "-q", built])
        assert ignored.returncode == 0, built
    kept = subprocess.run(["git", "-C", str(project), "check-ignore", "-q", "site_src/index.md"])
    assert kept.returncode == 1
