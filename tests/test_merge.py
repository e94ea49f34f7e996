"""`vifte merge` (`vifte saml`): municipalities' exports as one national catalogue, every bad
input named with file and JSON path in one run, never a traceback, nothing half written."""

from __future__ import annotations

import copy
import json
import stat
from pathlib import Path
from typing import Any

import pytest

from vifte.cli import main
from vifte.output.export import catalogue_json
from vifte.source.validate import require_catalogue


@pytest.fixture
def export(project: Path) -> dict[str, Any]:
    """The open-data export of a new project (https://tilbud.example.dk/), as data."""
    catalogue, _ = require_catalogue(project)
    return json.loads(catalogue_json(catalogue))


def put(folder: Path, name: str, data: Any) -> str:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    return str(path)


def merge(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["merge", *args])
    return code, capsys.readouterr().err


def test_two_exports_merge_with_absolute_https_addresses_and_unique_ids(export, tmp_path, capsys):
    other = copy.deepcopy(export)
    other["municipality"].update(name="Sydby Kommune", url="https://sydby.dk/tilbud/")
    files = [put(tmp_path, "a.json", export), put(tmp_path, "b.json", other)]
    out = tmp_path / "national.json"
    code, err = merge(capsys, *files, "--out", str(out))
    assert code == 0, err
    assert "2 kommuner samlet med 2 tilbud" in err
    merged = json.loads(out.read_text("utf-8"))
    assert stat.S_IMODE(out.stat().st_mode) & 0o044 == 0o044  # readable by a web server
    assert [m["municipality"]["name"] for m in merged["municipalities"]] == [
        "Prøveby Kommune",
        "Sydby Kommune",
    ]
    ids = [o["id"] for o in merged["offers"]]
    assert ids == ["tilbud.example.dk/virksomhedspraktik", "sydby.dk/tilbud/virksomhedspraktik"]
    urls = [o["url"] for o in merged["offers"] + merged["mentors"] + merged["enterprises"]]
    assert "https://sydby.dk/tilbud/tilbud/virksomhedspraktik/" in urls
    assert all(
        u.startswith(("https://tilbud.example.dk/", "https://sydby.dk/tilbud/")) for u in urls
    )
    # The Danish name of the command does the same.
    assert main(["saml", *files, "-o", str(tmp_path / "saml.json")]) == 0
    assert json.loads((tmp_path / "saml.json").read_text("utf-8")) == merged


def test_every_bad_export_is_named_with_file_and_path_in_one_run(export, tmp_path, capsys):
    no_town = {k: v for k, v in export.items() if k != "municipality"}
    null_url = copy.deepcopy(export)
    null_url["municipality"]["url"] = None
    null_url["offers"][0]["url"] = None
    hostile = copy.deepcopy(export)
    hostile["municipality"]["url"] = "javascript:alert(1)//"
    hostile["offers"][0]["url"] = "javascript:alert(2)"
    bad_items = copy.deepcopy(export)
    bad_items["municipality"]["url"] = "https://bad.example.dk/"
    bad_items["offers"][0]["url"] = "javascript:alert(1)"
    bad_items["mentors"][0]["url"] = "https://evil.example.com/"
    bad_items["enterprises"][0]["url"] = "../../../andet/"
    twice = copy.deepcopy(export)
    twice["municipality"]["url"] = "https://twice.example.dk/"
    twice["offers"].append(copy.deepcopy(twice["offers"][0]))
    plain = copy.deepcopy(export)
    plain["municipality"]["url"] = "http://tilbud.example.dk/"
    files = {
        "god": put(tmp_path, "god.json", export),
        "http": put(tmp_path, "http.json", plain),
        "no_town": put(tmp_path, "uden-kommune.json", no_town),
        "list": put(tmp_path, "liste.json", [export]),
        "null": put(tmp_path, "null.json", null_url),
        "deep": put(tmp_path, "dyb.json", "[" * 100_000 + "]" * 100_000),
        "hostile": put(tmp_path, "fjendtlig.json", hostile),
        "items": put(tmp_path, "adresser.json", bad_items),
        "twice": put(tmp_path, "to-gange.json", twice),
        "broken": put(tmp_path, "i-stykker.json", '{"format": "vifte-catalogue",\n  "x": }'),
    }
    out = tmp_path / "national.json"
    code, err = merge(capsys, *files.values(), "--out", str(out))
    assert code == 1
    assert "Traceback" not in err
    expected = [
        f"{files['no_town']}: (roden): feltet 'municipality' mangler",
        f"{files['list']}: er ikke en eksport fra vifte (filen er en liste, ikke et objekt)",
        f"{files['null']}: municipality.url: skal være en tekst, ikke null",
        f"{files['null']}: offers[0].url: skal være en tekst, ikke null",
        f"{files['deep']}: JSON'en er indlejret for dybt",
        f"{files['hostile']}: municipality.url: 'javascript:alert(1)//' har ikke den rigtige form",
        f"{files['hostile']}: offers[0].url: 'javascript:alert(2)' er ikke en side på",
        f"{files['items']}: offers[0].url: 'javascript:alert(1)' er ikke en side på kommunens site",
        f"{files['items']}: mentors[0].url: 'https://evil.example.com/' er ikke en side på",
        f"{files['items']}: enterprises[0].url: '../../../andet/' er ikke en side på",
        f"{files['twice']}: offers[1].id: 'virksomhedspraktik' står også i offers[0]",
        f"{files['http']}: municipality.url: 'http://tilbud.example.dk/' skal begynde med https://",
        f"{files['broken']}:2:8: er ikke gyldig JSON (der mangler en værdi)",
    ]
    missing = [line for line in expected if line not in err]
    assert missing == [], err
    assert f"{files['http']}: samme site (http://tilbud.example.dk/) som {files['god']}" in err
    assert "Intet er skrevet" in err
    assert not out.exists()


def test_a_folder_as_output_or_as_export_is_refused_in_danish(export, tmp_path, capsys):
    good = put(tmp_path, "a.json", export)
    code, err = merge(capsys, good, "--out", str(tmp_path))
    assert code == 1 and f"{tmp_path}: er en mappe; skriv det samlede katalog til en fil" in err
    code, err = merge(capsys, str(tmp_path), "--out", str(tmp_path / "ud.json"))
    assert code == 1 and f"{tmp_path}: er en mappe, ikke en eksport" in err
    code, err = merge(capsys, good, str(tmp_path / "mangler.json"), "-o", str(tmp_path / "u.json"))
    assert code == 1 and "mangler.json: kan ikke læses" in err and "Traceback" not in err
    assert not (tmp_path / "ud.json").exists() and not (tmp_path / "u.json").exists()
