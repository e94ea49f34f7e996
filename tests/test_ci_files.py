"""The CI file `vifte init --ci` writes: valid for its host (the hosts' published JSON schemas, as
check-jsonschema ships them), installing the pinned versions, checking with the host's --format,
building the public site and publishing it on Pages; the internal edition never on Pages.
Its commands are run for real in tests/test_package.py."""

from __future__ import annotations

import copy
import json
import os
import re
import shlex
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import yaml

from vifte.ci_files import HOSTS, SYSTEM_PACKAGES, pinned_versions
from vifte.scaffold import init_project

from .conftest import REPO

SCHEMAS = {"gitlab": "gitlab-ci.json", "github": "github-workflows.json"}


def schema_for(host: str) -> jsonschema.Draft7Validator:
    vendor = files("check_jsonschema.builtin_schemas.vendor")
    schema = json.loads(vendor.joinpath(SCHEMAS[host]).read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def problems(host: str, data: dict) -> list[str]:
    return [e.message for e in schema_for(host).iter_errors(data)]


def make(tmp_path, host: str, intern: bool = False) -> tuple[dict, str]:
    root = tmp_path / f"{host}-{intern}"
    init_project(root, "Prøvestrand Kommune", ci=host, intern=intern)
    text = (root / HOSTS[host]).read_text(encoding="utf-8")
    assert (root / "constraints.txt").read_text(encoding="utf-8") == pinned_versions()
    data = yaml.safe_load(text)
    if True in data:  # PyYAML reads GitHub's `on:` as YAML 1.1's true; the hosts read YAML 1.2
        data["on"] = data.pop(True)
    return data, text


def commands(host: str, data: dict) -> list[str]:
    """Every shell line the file runs, in order, for the public site."""
    if host == "gitlab":
        lines = list(data["default"]["before_script"])
        for job in ("check", "pages"):
            lines += data[job]["script"]
        return lines
    return [s["run"] for s in data["jobs"]["build"]["steps"] if "run" in s]


@pytest.mark.parametrize("host", list(HOSTS))
@pytest.mark.parametrize("intern", [False, True])
def test_the_ci_file_is_valid_for_its_host(tmp_path, host, intern):
    data, _ = make(tmp_path, host, intern)
    assert problems(host, data) == []
    # The schema check can fail: a misspelt key is caught.
    broken = copy.deepcopy(data)
    if host == "gitlab":
        broken["pages"]["scripts"] = broken["pages"].pop("script")
    else:
        broken["jobs"]["build"]["step"] = broken["jobs"]["build"].pop("steps")
    assert problems(host, broken) != []


def test_gitlab_checks_builds_and_publishes_on_pages(tmp_path):
    data, text = make(tmp_path, "gitlab")
    lines = commands("gitlab", data)
    assert '.venv/bin/pip install --quiet -c constraints.txt "$VIFTE"' in lines
    assert data["variables"]["VIFTE"] == "vifte==0.2.0"
    assert data["check"]["script"][0].startswith(".venv/bin/vifte check --format gitlab")
    assert data["check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert data["pages"]["script"] == [".venv/bin/vifte build --site-dir public"]
    assert data["pages"]["artifacts"]["paths"] == ["public"]
    assert "intern" not in data and "site-intern" not in text


def test_github_checks_builds_and_publishes_on_pages(tmp_path):
    data, text = make(tmp_path, "github")
    steps = data["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert ".venv/bin/vifte check --format github" in runs
    assert ".venv/bin/vifte build --site-dir public" in runs
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "public"
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["permissions"]["pages"] == "write"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert "site-intern" not in text


@pytest.mark.parametrize("host", list(HOSTS))
def test_the_internal_edition_is_built_only_when_asked_and_never_published(tmp_path, host):
    data, text = make(tmp_path, host, intern=True)
    assert ".venv/bin/vifte build --edition intern --site-dir site-intern" in text
    if host == "gitlab":
        assert data["intern"]["artifacts"]["access"] == "developer"
        assert data["pages"]["artifacts"]["paths"] == ["public"]
    else:
        steps = data["jobs"]["build"]["steps"]
        pages = [s for s in steps if "upload-pages-artifact" in s.get("uses", "")]
        assert [s["with"]["path"] for s in pages] == ["public"]


def test_the_ci_file_installs_the_same_system_packages_as_the_install_script(tmp_path):
    install = (REPO / ".ci/install").read_text(encoding="utf-8")
    base = re.search(r"^packages=\((.*)\)$", install, re.M)
    assert base and tuple(base.group(1).split()) == SYSTEM_PACKAGES
    for host in HOSTS:
        data, _ = make(tmp_path, host)
        assert any(" ".join(SYSTEM_PACKAGES) in line for line in commands(host, data))


def test_init_without_ci_writes_no_ci_file(project):
    assert not (project / ".gitlab-ci.yml").exists()
    assert not (project / ".github").exists()
    assert not (project / "constraints.txt").exists()


def test_the_readmes_region_matrices_are_valid_for_their_hosts():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Udgivelse med CI")[1].split("\n## ")[0]
    gitlab, github = (yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", section, re.S))
    assert problems("gitlab", gitlab) == []
    assert len(gitlab["kommune"]["parallel"]["matrix"][0]["KOMMUNE"]) >= 2
    github["on"] = github.pop(True)  # PyYAML's YAML 1.1 reading of `on:`
    assert problems("github", github) == []
    assert len(github["jobs"]["kommune"]["strategy"]["matrix"]["kommune"]) >= 2
    for data, host in ((gitlab, "gitlab"), (github, "github")):
        assert f"--format {host}" in json.dumps(data)


@pytest.mark.parametrize("host", list(HOSTS))
def test_the_check_line_fails_the_job_and_shows_each_finding(tmp_path, host):
    """The file's own check line, run against a project with a mistake (vifte from this venv)."""
    data, _ = make(tmp_path, host)
    root = tmp_path / f"{host}-False"
    (root / ".venv").symlink_to(Path(sys.prefix))
    offer = root / "catalogue/offers/virksomhedspraktik.yaml"
    text = offer.read_text(encoding="utf-8")
    offer.write_text(re.sub(r"^area: .*$", "area: sundhd", text, flags=re.M), encoding="utf-8")
    (line,) = [c for c in commands(host, data) if "vifte check" in c]
    result = subprocess.run(
        line, shell=True, executable="/bin/bash", cwd=root, capture_output=True, text=True
    )
    assert result.returncode == 1
    place = "catalogue/offers/virksomhedspraktik.yaml"
    if host == "gitlab":
        report = json.loads((root / "gl-code-quality-report.json").read_text(encoding="utf-8"))
        assert [i["location"]["path"] for i in report] == [place]
        assert f"{place}:" in result.stdout and 'ukendt område "sundhd"' in result.stdout
    else:
        assert result.stdout.startswith(f"::error file={place},line=")


def test_the_readmes_gitlab_matrix_builds_each_municipality_into_its_own_folder(tmp_path):
    """The matrix job's lines, run once per municipality (vifte from this venv, no PDFs)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Udgivelse med CI")[1].split("\n## ")[0]
    gitlab = yaml.safe_load(re.findall(r"```yaml\n(.*?)```", section, re.S)[0])
    (tmp_path / ".venv").symlink_to(Path(sys.prefix))
    names = {"fjordstrand": "Fjordstrand Kommune", "bakkeby": "Bakkeby Kommune"}
    for folder, name in names.items():
        init_project(tmp_path / folder, name)
        for line in gitlab["kommune"]["script"]:
            subprocess.run(
                line,
                shell=True,
                executable="/bin/bash",
                cwd=tmp_path,
                env=os.environ | {"KOMMUNE": folder},
                check=True,
                capture_output=True,
            )
    for folder, name in names.items():
        assert name in (tmp_path / "public" / folder / "index.html").read_text(encoding="utf-8")
        assert json.loads((tmp_path / f"kvalitet-{folder}.json").read_text(encoding="utf-8")) == []


def _test_command(text: str) -> str:
    """The line that installs the test tools and runs pytest."""
    (line,) = [li.strip() for li in text.splitlines() if "-m pytest" in li]
    return line


def test_ci_runs_the_readmes_test_command_on_both_cores():
    """README's test command is CI's: four workers on the two cores (one runs while another waits
    on a build, a server or a browser), one file in each at a time, handed out in collection
    order, and the 25 slowest tests printed; the installed pytest accepts every option."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = _test_command(readme.split("kør alle tests:")[1].split("```sh")[1].split("```")[0])
    assert command == _test_command((REPO / ".ci/run").read_text(encoding="utf-8"))
    options = shlex.split(command.split("-m pytest", 1)[1])
    assert options == [
        "-n",
        "4",
        "--dist",
        "loadfile",
        "--no-loadscope-reorder",
        "--durations=25",
    ]
    # A misspelt option or a missing pytest-xdist stops pytest before it runs a test.
    for args, code in ((options, 0), (["-n", "4", "--dist", "loadfiles"], 4)):
        result = subprocess.run(
            [sys.executable, "-m", "pytest", *args, "--help"], capture_output=True, text=True
        )
        assert result.returncode == code, result.stderr


def test_the_longest_modules_are_collected_first_in_their_order():
    """conftest.FIRST names modules that exist, and pytest collects them before the rest, in
    FIRST's order, whatever order it is given the files in: with `--no-loadscope-reorder` that
    is the order xdist hands them to the workers."""
    from .conftest import FIRST

    assert len(set(FIRST)) == len(FIRST)
    for module in FIRST:
        assert (REPO / module).is_file(), module
    light = ["tests/test_schema.py", "tests/test_lix.py"]
    heavy = [FIRST[-1], FIRST[-2]]  # given in the opposite order
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
        + [*light, *heavy],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    modules = [li.split("::")[0] for li in result.stdout.splitlines() if "::" in li]
    assert list(dict.fromkeys(modules)) == [FIRST[-2], FIRST[-1], *light]
