"""Start a new municipality's project (`vifte init`) and new data files (`vifte new`)."""

from __future__ import annotations

import json
import shutil
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import jinja2

from vifte import loader
from vifte.danish import slug
from vifte.schema import vscode_settings, write_schemas

GITIGNORE = "# Byggede sites hører ikke til i git; den interne udgave må aldrig offentliggøres.\n/site/\n/site-intern/\n/.vifte-*/\n"

FOLDERS = {"offer": "offers", "mentor": "mentors", "enterprise": "enterprises"}


class ScaffoldError(Exception):
    """A file or folder could not be created; the message says why in Danish."""


def init_project(directory: Path, name: str) -> None:
    """Copy the starter project into `directory`, filling in the municipality's name."""
    if directory.exists() and any(directory.iterdir()):
        raise ScaffoldError(f"mappen {directory} er ikke tom; vælg en ny mappe")
    with as_file(files("vifte").joinpath("scaffold")) as source:
        shutil.copytree(
            source, directory, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
        )
    (directory / "strategy").mkdir(exist_ok=True)
    (directory / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    write_schemas(directory / "schema")
    (directory / ".vscode").mkdir(exist_ok=True)
    (directory / ".vscode" / "settings.json").write_text(
        vscode_settings("schema"), encoding="utf-8"
    )
    for path in (
        directory / "mkdocs.yml",
        directory / "catalogue" / "settings.yaml",
        directory / "site_src" / "index.md",
    ):
        path.write_text(
            path.read_text(encoding="utf-8").replace("Ny Kommune", name), encoding="utf-8"
        )


def new_file(project: Path, kind: str, title: str) -> Path:
    """Write a commented file for a new offer, mentor or enterprise, named after the title."""
    folder = project / "catalogue" / FOLDERS[kind]
    path = folder / f"{slug(title)}.yaml"
    if path.exists():
        raise ScaffoldError(
            f"{path} findes allerede; vælg en anden titel eller ret den eksisterende fil"
        )
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("vifte", "templates/new"), keep_trailing_newline=True
    )
    env.filters["quoted"] = lambda text: json.dumps(text, ensure_ascii=False)
    text = env.get_template(f"{kind}.yaml").render(title=title, ids=_known_ids(project))
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _known_ids(project: Path) -> dict[str, list[str]]:
    """The ids settings.yaml defines, to list in the new file's comments; empty if unreadable."""
    try:
        data: Any = loader.load(project / "catalogue" / "settings.yaml").data
    except (loader.YamlProblem, OSError):
        return {}
    out: dict[str, list[str]] = {}
    for key in ("areas", "access", "themes", "target_groups"):
        items = data.get(key) if isinstance(data, dict) else None
        out[key] = [str(i["id"]) for i in items or [] if isinstance(i, dict) and "id" in i]
    return out
