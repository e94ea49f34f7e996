"""Hostile and broken input: refused with a clear message, never a traceback, a hang or a half site."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from vifte.source.validate import load_catalogue

from .large_project import build_command, large_built_copy, wait_for_staging
from .shared import PATIENCE
from .test_check import OFFER


def errors_of(project: Path) -> list[str]:
    _, report = load_catalogue(project)
    return [str(d) for d in report.errors]


def test_huge_file_is_refused(project, write):
    write(
        "catalogue/offers/stor.yaml",
        OFFER.replace("description: |\n", "description: |\n" + "  Tekst tekst tekst.\n" * 300_000),
    )
    (error,) = errors_of(project)
    assert error.startswith("catalogue/offers/stor.yaml: error: filen er for stor (6")
    assert error.endswith("kB); en vifte-fil må højst fylde 1000 kB")


def test_long_description_within_file_limit_is_refused_by_field_limit(project, write):
    write(
        "catalogue/offers/lang.yaml",
        OFFER.replace("description: |\n", "description: |\n" + "  Tekst tekst tekst.\n" * 2_000),
    )
    assert any("lang.yaml:9:14: error: 'description' er for lang" in e for e in errors_of(project))


def test_deep_nesting_is_refused(project, write):
    write("catalogue/offers/dyb.yaml", OFFER + "location: " + "{a: " * 30 + "1" + "}" * 30 + "\n")
    assert any(
        "dyb.yaml:15:" in e and "for mange niveauer af felter inden i felter (højst 12)" in e
        for e in errors_of(project)
    )


def test_very_deep_nesting_does_not_crash(project, write):
    write("catalogue/offers/dyb.yaml", "a: " + "[" * 50_000 + "]" * 50_000 + "\n")
    assert any(
        "dyb.yaml" in e and "for mange niveauer af felter inden i felter (højst 12)" in e
        for e in errors_of(project)
    )


def test_billion_laughs_is_refused_quickly(project, write):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
        for i in range(8)
    ]
    write("catalogue/offers/bombe.yaml", "\n".join(lines) + "\n")
    start = time.process_time()  # CPU, not wall: an expanded bomb burns CPU, a loaded machine waits
    assert errors_of(project) == [
        "catalogue/offers/bombe.yaml:1:4: error: YAML-ankre og -aliaser (&navn og *navn) er ikke tilladt i vifte-filer; skriv værdien helt ud"
    ]
    assert time.process_time() - start < 5


@pytest.mark.parametrize(
    "tag",
    ["!!python/object/apply:os.system ['touch pwned']", "!!python/name:os.system", "!custom 1"],
)
def test_custom_tags_are_refused(project, write, tag):
    write("catalogue/offers/tag.yaml", OFFER + f"price: {tag}\n")
    found = errors_of(project)
    assert any("tag.yaml:15:8: error: mærket" in e and "er ikke tilladt" in e for e in found), found
    assert not (project / "pwned").exists()


def test_unicode_and_spaces_in_file_names(project, write):
    write("catalogue/offers/Café Ø.yaml", OFFER)
    assert errors_of(project) == [
        "catalogue/offers/Café Ø.yaml: error: filnavnet er ikke et gyldigt id: det må kun indeholde små bogstaver a-z, tal og bindestreger (skriv æ som ae, ø som oe, å som aa); omdøb filen til fx 'cafe-oe.yaml'"
    ]


def _site_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_build_leaves_previous_site(tmp_path, tmp_path_factory, sig):
    root, site = large_built_copy(tmp_path_factory, tmp_path)  # 600 offers, built once
    command = build_command(root, site)
    before = _site_files(site)
    (root / "catalogue/offers/tilbud-000001.yaml").write_text(
        OFFER.replace("Gældsrådgivning", "Ændret"), encoding="utf-8"
    )
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_staging(tmp_path, process)
    os.kill(process.pid, sig)
    process.wait(timeout=PATIENCE)
    assert process.returncode != 0
    assert _site_files(site) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".vifte-")]
    if sig == signal.SIGINT:
        assert leftovers == [], "Ctrl-C must clean up at once"
    subprocess.run(command, check=True, capture_output=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "stor"]
    assert "Ændret" in (site / "tilbud/tilbud-000001/index.html").read_text(encoding="utf-8")
