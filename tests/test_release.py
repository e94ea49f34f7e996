"""Releases a municipality can follow: one version, a Danish changelog, pinned versions, and
`vifte check` naming the version a project was made for when it no longer fits."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from vifte import __version__
from vifte.ci_files import pinned_versions
from vifte.cli import main
from vifte.source.made_for import FILE

from .conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _pins() -> dict[str, str]:
    pins = {}
    for line in pinned_versions().splitlines():
        if line and not line.startswith("#"):
            name, _, pinned = line.partition("==")
            pins[name.lower().replace("_", "-")] = pinned
    return pins


def test_the_version_is_stated_once_and_printed():
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "vifte.__version__"}
    assert __version__ == "0.2.0"
    out = subprocess.run(
        [sys.executable, "-m", "vifte", "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == f"vifte {__version__}"


def test_the_changelog_starts_with_this_version_in_danish():
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## Nyt i version (\S+)", text, re.M)
    assert headings[0] == __version__
    newest = text.split("## Nyt i version")[1]
    for part in ("### Det ser du", "### Det skal du gøre"):
        assert part in newest
    assert re.search(r"^- ", newest, re.M), "the changes are a list, one line each"


def test_every_dependency_has_an_upper_bound_and_its_pin_fits():
    pins = _pins()
    assert "vifte" not in pins
    project = PYPROJECT["project"]
    for text in project["dependencies"] + project["optional-dependencies"]["test"]:
        requirement = Requirement(text)
        if text in project["dependencies"]:
            assert any(s.operator in ("<", "~=", "==") for s in requirement.specifier), text
        pinned = pins.get(requirement.name.lower().replace("_", "-"))
        assert pinned, f"{requirement.name} is not pinned: run bash .ci/pin"
        assert requirement.specifier.contains(Version(pinned)), f"{text}: pinned {pinned}"


def test_this_environment_runs_on_the_pinned_versions():
    """CI installs with the constraints (.ci/install); a drifted .venv would test other versions."""
    drifted = []
    for name, pinned in _pins().items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            continue
        if Version(installed) != Version(pinned):
            drifted.append(f"{name} {installed} (pinned {pinned})")
    assert not drifted, "run bash .ci/install --test: " + ", ".join(drifted)


def test_the_install_script_uses_the_pins_and_the_pin_script_refreshes_them():
    install = (REPO / ".ci/install").read_text(encoding="utf-8")
    assert "plugins/vifte/constraints.txt" in install and '-c "$constraints"' in install
    pin = (REPO / ".ci/pin").read_text(encoding="utf-8")
    assert "VIFTE_CONSTRAINTS= bash .ci/install --test" in pin
    assert "pytest" in pin and "pip freeze --exclude vifte" in pin
    assert "bash .ci/pin" in (REPO / "README.md").read_text(encoding="utf-8")


BROKEN_SETTING = "theme_colour: blå\n"


def _check_json(project, capsys) -> tuple[int, list[dict]]:
    code = main(["check", "-p", str(project), "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def _about_version(items: list[dict]) -> list[str]:
    return [i["message"] for i in items if i["file"] == FILE]


def _break(project) -> None:
    settings = project / "catalogue/settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + BROKEN_SETTING, encoding="utf-8")


def test_init_records_the_version_the_project_was_made_for(project):
    assert (project / FILE).read_text(encoding="utf-8") == f"{__version__}\n"
    # The example municipality moves with every release.
    assert (REPO / FILE).read_text(encoding="utf-8") == f"{__version__}\n"


@pytest.mark.parametrize(
    ("made_for", "broken", "said"),
    [
        ("0.1.0", True, "projektet er lavet til vifte 0.1.0, og du bruger vifte 0.2.0"),
        (None, True, "det er lavet før vifte 0.2.0), og du bruger vifte 0.2.0"),
        ("9.0.0", False, "projektet er lavet til vifte 9.0.0, men du bruger vifte 0.2.0"),
        ("0.1.0", False, None),
        (__version__, True, None),
        ("nul komma to", False, "'nul komma to' er ikke et versionsnummer som 0.2.0"),
    ],
)
def test_check_names_the_version_when_the_project_no_longer_fits(
    project, capsys, made_for, broken, said
):
    if made_for is None:
        (project / FILE).unlink()
    else:
        (project / FILE).write_text(f"{made_for}\n", encoding="utf-8")
    if broken:
        _break(project)
    code, items = _check_json(project, capsys)
    assert code == (1 if broken else 0)
    messages = _about_version(items)
    if said is None:
        assert messages == []
    else:
        assert len(messages) == 1 and said in messages[0]
        assert all(i["severity"] == "warning" for i in items if i["file"] == FILE)


def test_a_broken_mkdocs_yml_also_names_the_version(project, capsys):
    (project / FILE).write_text("0.1.0\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: [\n", encoding="utf-8")
    code, items = _check_json(project, capsys)
    assert code == 1
    assert "projektet er lavet til vifte 0.1.0" in " ".join(_about_version(items))
