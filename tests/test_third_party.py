"""The licence and the list of files vifte did not write (THIRD_PARTY.toml).

"Vendored" is decided mechanically: every file under tests/data/, and every file whose first
2,000 characters carry a copyright line, a licence grant, an SPDX tag or a "Copied from" note.
Each such file must be on the list; each listed file must exist; an unchanged copy keeps its hash.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import tomllib
from fnmatch import fnmatch
from pathlib import Path

from .conftest import REPO

HEADER = re.compile(
    r"copyright\s+(\(c\)|©|\d{4})|licensed under|spdx-license-identifier|copied from", re.I
)
VENDOR_FOLDERS = ("tests/data/",)
# The project's own licence files, and this test (whose pattern matches itself).
OWN = {"LICENSE", "THIRD_PARTY.toml", "tests/test_third_party.py"}
OWN_FOLDERS = ("LICENSES/",)


def project_files(root: Path) -> list[str]:
    """Files git tracks or would track (new files too), relative to `root`."""
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return sorted(p for p in out.splitlines() if (root / p).is_file())


def looks_vendored(root: Path, path: str) -> bool:
    if path in OWN or path.startswith(OWN_FOLDERS):
        return False
    if path.startswith(VENDOR_FOLDERS):
        return True
    with open(root / path, "rb") as handle:
        head = handle.read(2000).decode("utf-8", errors="replace")
    return bool(HEADER.search(head))


def listed_patterns(listing: dict) -> list[str]:
    return [pattern for c in listing["component"] for pattern in c["files"]]


def unlisted(root: Path, listing: dict) -> list[str]:
    patterns = listed_patterns(listing)
    return [
        p
        for p in project_files(root)
        if looks_vendored(root, p) and not any(fnmatch(p, pattern) for pattern in patterns)
    ]


def _listing(root: Path = REPO) -> dict:
    return tomllib.loads((root / "THIRD_PARTY.toml").read_text(encoding="utf-8"))


def test_vifte_is_licensed_under_the_eupl():
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert "Appendix" in text and len(text) > 13000  # the whole official text
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert pyproject["license"] == "EUPL-1.2"
    assert set(pyproject["license-files"]) >= {"LICENSE", "LICENSES/*", "THIRD_PARTY.toml"}


def test_every_vendored_file_is_on_the_third_party_list():
    assert unlisted(REPO, _listing()) == []


def test_every_listed_file_exists_and_unchanged_copies_keep_their_hash():
    files = project_files(REPO)
    for component in _listing()["component"]:
        assert component["licence"] and component["source"] and component["version"]
        for pattern in component["files"]:
            assert any(fnmatch(p, pattern) for p in files), f"{pattern} is listed but missing"
        if "sha256" in component:
            (path,) = component["files"]
            digest = hashlib.sha256((REPO / path).read_bytes()).hexdigest()
            assert digest == component["sha256"], f"{path} changed; update THIRD_PARTY.toml"
        notice = component["notice"]
        assert notice == "the file's own header" or (REPO / notice).is_file(), notice


def test_a_new_copy_with_a_licence_header_is_found(tmp_path):
    """The check above can fail: a new file with someone else's header, not on the list."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "THIRD_PARTY.toml").write_text(
        '[[component]]\nname = "x"\nfiles = ["a/listed.js"]\n', encoding="utf-8"
    )
    (tmp_path / "a").mkdir()
    header = "/*! tiny-lib v1.0 | (c) 2024 Someone | Licensed under the MIT license */\n"
    (tmp_path / "a/listed.js").write_text(header, encoding="utf-8")
    (tmp_path / "a/new.js").write_text(header, encoding="utf-8")
    (tmp_path / "a/own.js").write_text("// vifte's own script\n", encoding="utf-8")
    (tmp_path / "tests/data").mkdir(parents=True)
    (tmp_path / "tests/data/schema.json").write_text("{}", encoding="utf-8")
    assert unlisted(tmp_path, _listing(tmp_path)) == ["a/new.js", "tests/data/schema.json"]
