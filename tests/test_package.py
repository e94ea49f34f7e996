"""The package as a municipality installs it: the sdist and the wheel built from it hold every file
vifte reads at run time, and the wheel, installed by the commands of the CI file `vifte init --ci`
writes into a fresh virtual environment outside the checkout, runs init, check, build (with PDFs)
and serve there.

The fresh environment gets its dependencies from a wheelhouse built once per constraints.txt
(kept in pytest's cache), so the install is real but needs no network after the first run."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
import yaml
from filelock import FileLock

from vifte import __version__
from vifte.ci_files import HOSTS, SYSTEM_PACKAGES
from vifte.scaffold import init_project

from .conftest import REPO
from .test_serve import _free_port, _wait_for

CONSTRAINTS = REPO / "plugins/vifte/constraints.txt"
PYPROJECT = REPO / "pyproject.toml"
NAME = "Prøvestrand Kommune"


def _run(command: list[str] | str, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        shell=isinstance(command, str),
        executable="/bin/bash" if isinstance(command, str) else None,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def package_files() -> set[str]:
    """Every file in plugins/vifte, as the wheel names it."""
    root = REPO / "plugins"
    return {
        p.relative_to(root).as_posix()
        for p in (root / "vifte").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The sdist, and the wheel built from that sdist (python -m build), outside the checkout."""
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)], cwd=out)
    return out


@pytest.fixture(scope="module")
def wheel(dist) -> Path:
    (found,) = dist.glob(f"vifte-{__version__}-py3-none-any.whl")
    return found


@pytest.fixture(scope="module")
def wheelhouse(request, wheel) -> Path:
    """Wheels of every pinned dependency, built once per constraints.txt and pyproject.toml (a
    new direct dependency already pinned as another's would otherwise find an old wheelhouse)."""
    key = hashlib.sha256(CONSTRAINTS.read_bytes() + PYPROJECT.read_bytes()).hexdigest()[:12]
    house = Path(request.config.cache.mkdir(f"vifte-wheelhouse-{key}"))
    # The cache is shared by the run's xdist workers (and by runs in parallel): one fills it.
    with FileLock(str(house.with_name(f"{house.name}.lock"))):
        if not (house / "complete").exists():
            _run(
                [sys.executable, "-m", "pip", "wheel", "--quiet", "-c", str(CONSTRAINTS)]
                + ["-w", str(house), str(wheel)],
                cwd=house,
            )
            (house / "complete").write_text("", encoding="utf-8")
    return house


def test_the_wheel_and_the_sdist_hold_every_file_vifte_reads(dist, wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    python = {n for n in package_files() if n.endswith(".py")}
    data = package_files() - python
    assert {"vifte/assets/vifte.css", "vifte/assets/filter.js", "vifte/constraints.txt"} <= data
    assert "vifte/locale/vifte.pot" in data  # the catalogues (locale/<lang>/LC_MESSAGES/*.po) too
    assert package_files() <= names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    info = f"vifte-{__version__}.dist-info"
    assert {f"{info}/licenses/LICENSE", f"{info}/licenses/THIRD_PARTY.toml"} <= names
    metadata = zipfile.ZipFile(wheel).read(f"{info}/METADATA").decode()
    assert "License-Expression: EUPL-1.2" in metadata
    (sdist,) = dist.glob(f"vifte-{__version__}.tar.gz")
    inside = {n.split("/", 1)[1] for n in tarfile.open(sdist).getnames() if "/" in n}
    assert {"LICENSE", "THIRD_PARTY.toml", "pyproject.toml", "README.md", "CHANGELOG.md"} <= inside
    assert {f"plugins/{n}" for n in data} <= inside


def _commands(data: dict) -> tuple[list[str], list[str], list[str]]:
    """GitLab's install, check and build lines; apt-get needs root and is left to the host."""
    install = [c for c in data["default"]["before_script"] if "apt-get" not in c]
    return install, data["check"]["script"], data["pages"]["script"]


def test_the_installed_wheel_runs_the_ci_files_commands_outside_the_checkout(
    tmp_path, wheel, wheelhouse
):
    gitlab = tmp_path / "gitlab"
    init_project(gitlab, NAME, ci="gitlab")
    data = yaml.safe_load((gitlab / HOSTS["gitlab"]).read_text(encoding="utf-8"))
    apt = [c for c in data["default"]["before_script"] if "apt-get install" in c]
    assert apt and " ".join(SYSTEM_PACKAGES) in apt[0]
    install, check, build = _commands(data)

    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    bindir = tmp_path / "bin"  # the host's python3 and python, not this test's venv
    bindir.mkdir()
    base = Path(getattr(sys, "_base_executable", sys.executable))
    for alias in ("python3", "python"):
        (bindir / alias).symlink_to(base)
    env |= {
        "PATH": f"{bindir}:/usr/bin:/bin",
        "VIFTE": str(wheel),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheelhouse),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    for line in install:
        _run(line, gitlab, env)
    venv = gitlab / ".venv"
    where = _run([str(venv / "bin/python"), "-c", "import vifte; print(vifte.__file__)"], tmp_path)
    assert where.startswith(str(venv)), where  # the wheel, not the checkout
    assert _run([str(venv / "bin/vifte"), "--version"], tmp_path).strip() == f"vifte {__version__}"

    for line in check + build:
        _run(line, gitlab, env)
    public = gitlab / "public"
    assert NAME in (public / "index.html").read_text(encoding="utf-8")
    assert (public / "assets/vifte/vifte.css").is_file()
    assert (public / "assets/vifte/filter.js").is_file()
    assert (public / "pdf/katalog.pdf").read_bytes().startswith(b"%PDF")

    # init from the installed wheel, with GitHub's file; its check and build steps run too.
    github = tmp_path / "github"
    _run([str(venv / "bin/vifte"), "init", str(github), "--name", NAME, "--ci", "github"], tmp_path)
    assert (github / "vifte-version.txt").read_text(encoding="utf-8") == f"{__version__}\n"
    workflow = yaml.safe_load((github / HOSTS["github"]).read_text(encoding="utf-8"))
    runs = [s["run"] for s in workflow["jobs"]["build"]["steps"] if "run" in s]
    (github / ".venv").symlink_to(venv)
    for line in runs:
        if "apt-get" not in line and "pip install" not in line:
            _run(line, github, env)
    assert NAME in (github / "public/index.html").read_text(encoding="utf-8")

    port = _free_port()
    serve = subprocess.Popen(
        [str(venv / "bin/vifte"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=gitlab,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/tilbud/virksomhedspraktik/", "Virksomhedspraktik")
        _wait_for(f"http://127.0.0.1:{port}/", NAME)
    finally:
        serve.send_signal(signal.SIGINT)
        serve.wait(timeout=30)
    shutil.rmtree(venv, ignore_errors=True)
