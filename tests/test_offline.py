"""What a visit stores for use without a network (decision 61): the list and the worker a build
writes, on a `vifte init` project of our own, in both editions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vifte.domain.edition import INTERNAL
from vifte.domain.routes import OFFLINE_LIST_PATH, OFFLINE_WORKER_PATH
from vifte.mkdocs.build import build_site
from vifte.output.csp import policy

SECRET = "Intern pris 4711 kr."


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    from vifte.scaffold import init_project

    root = tmp_path_factory.mktemp("uden-net") / "kommune"
    init_project(root, "Prøveby Kommune")
    settings = root / "catalogue/settings.yaml"
    settings.write_text("languages: [en]\n" + settings.read_text(encoding="utf-8"), "utf-8")
    offer = root / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(offer.read_text(encoding="utf-8") + f"price: {SECRET}\n", "utf-8")
    return root


@pytest.fixture(scope="module")
def public(project: Path) -> Path:
    return build_site(project / "mkdocs.yml", project.parent / "site", pdf=True)


@pytest.fixture(scope="module")
def internal(project: Path) -> Path:
    return build_site(project / "mkdocs.yml", project.parent / "intern", edition=INTERNAL)


def listing(site: Path) -> dict:
    return json.loads((site / OFFLINE_LIST_PATH).read_text(encoding="utf-8"))


def file_of(site: Path, address: str) -> Path:
    return site / (address + "index.html" if address.endswith("/") else address).removeprefix("./")


def test_every_page_in_every_language_and_the_search_index_are_stored(public: Path):
    files = listing(public)["files"]
    pages = {
        p.relative_to(public).as_posix().removesuffix("index.html") or "./"
        for p in public.rglob("*.html")
    }
    assert pages <= set(files)
    for needed in ("./", "tilbud/", "tilbud/virksomhedspraktik/", "soeg/", "plan/", "en/plan/"):
        assert needed in files
    assert "tilbud/tilbud.json" in files and "en/tilbud/tilbud.json" in files
    assert {"pagefind/pagefind.js", "pagefind/pagefind-worker.js"} <= set(files)
    assert any(f.startswith("pagefind/fragment/") for f in files)
    assert any(f.startswith("pagefind/wasm.") for f in files)
    assert all(file_of(public, f).is_file() for f in files)


def test_pdfs_open_data_feeds_and_unused_files_are_not_stored(public: Path):
    files = listing(public)["files"]
    assert any(public.rglob("*.pdf")) and (public / "data/catalogue.json").is_file()
    left_out = [
        f
        for f in files
        if f.endswith((".pdf", ".xml", ".map", ".gz", ".csv", "robots.txt"))
        or "/data/" in f"/{f}"
        or "lunr/" in f
        or "pagefind-ui" in f
        or f in (OFFLINE_LIST_PATH, OFFLINE_WORKER_PATH)
    ]
    assert left_out == []


def test_the_worker_names_its_build_and_edition(public: Path, internal: Path):
    shown = listing(public)
    head = (public / OFFLINE_WORKER_PATH).read_text(encoding="utf-8").splitlines()[0]
    assert head == (
        f'var OFFLINE = {{"version":"{shown["version"]}","edition":"public",'
        f'"list":"{OFFLINE_LIST_PATH}"}};'
    )
    inner = listing(internal)
    assert inner["edition"] == "internal" and inner["version"] != shown["version"]
    assert '"edition":"internal"' in (internal / OFFLINE_WORKER_PATH).read_text(encoding="utf-8")
    # The policy lets a page register the site's own worker and no other.
    assert "worker-src 'self'" in policy([])


def test_the_public_store_holds_nothing_internal(public: Path, internal: Path):
    stored = b"".join(file_of(public, f).read_bytes() for f in listing(public)["files"])
    assert SECRET.encode() not in stored
    inner = file_of(internal, "tilbud/virksomhedspraktik/").read_text(encoding="utf-8")
    assert SECRET in inner and "tilbud/virksomhedspraktik/" in listing(internal)["files"]


def test_a_new_build_is_a_new_version_and_the_same_build_the_same(project: Path, public: Path):
    before = listing(public)["version"]
    again = build_site(project / "mkdocs.yml", project.parent / "igen", pdf=True)
    assert listing(again)["version"] == before
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(
        offer.read_text(encoding="utf-8").replace("virksomhed", "arbejdsplads", 1), "utf-8"
    )
    changed = build_site(project / "mkdocs.yml", project.parent / "igen", pdf=True)
    assert listing(changed)["version"] != before
