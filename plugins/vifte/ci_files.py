"""The CI file `vifte init --ci` writes for the municipality's git host, and the pinned versions
(constraints.txt) it installs: check every file, build the public site, publish it on Pages."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import jinja2

from vifte import __version__

HOSTS = {"gitlab": ".gitlab-ci.yml", "github": ".github/workflows/vifte.yml"}
NONE = "ingen"
CHOICES = [*HOSTS, NONE]
# What WeasyPrint and the search need from the system; the same list as .ci/install.
SYSTEM_PACKAGES = (
    "libpango-1.0-0",
    "libpangoft2-1.0-0",
    "libharfbuzz-subset0",
    "fonts-dejavu-core",
    "fonts-noto-core",  # Noto Sans Arabic: the PDFs in Arabic
    "wdanish",
)
CONSTRAINTS = "constraints.txt"
_TESTED_WITH = re.compile(r"^# Made with Python (\d+\.\d+)", re.M)


def pinned_versions() -> str:
    """The versions vifte's tests passed with, as shipped in the package."""
    return files("vifte").joinpath(CONSTRAINTS).read_text(encoding="utf-8")


def tested_python(constraints: str) -> str:
    """The Python (major.minor) the pinned versions were tested with, from the file's header."""
    match = _TESTED_WITH.search(constraints)
    if match is None:
        raise ValueError(f"{CONSTRAINTS} says not which Python it was made with")
    return match.group(1)


def write_ci(project: Path, host: str, name: str, *, intern: bool = False) -> list[Path]:
    """Write the host's CI file and constraints.txt into `project`; the paths written."""
    if host == NONE:
        return []
    constraints = pinned_versions()
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("vifte", "templates/ci"),
        variable_start_string="<<",
        variable_end_string=">>",
        block_start_string="<%",
        block_end_string="%>",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    text = env.get_template(f"{host}.yml").render(
        name=name.replace("\n", " "),
        version=__version__,
        python=tested_python(constraints),
        system_packages=" ".join(SYSTEM_PACKAGES),
        intern=intern,
    )
    target = project / HOSTS[host]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    (project / CONSTRAINTS).write_text(constraints, encoding="utf-8")
    return [target, project / CONSTRAINTS]
