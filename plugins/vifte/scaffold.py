"""Start a new municipality's project (`vifte init`) and new data files (`vifte new`)."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import jinja2

from vifte.ci_files import NONE, write_ci
from vifte.domain.collections import Table
from vifte.domain.danish import slug
from vifte.domain.registry import TABLE
from vifte.source import loader, made_for
from vifte.source.project import Project
from vifte.source.schema import vscode_settings, write_schemas

GITIGNORE = (
    "# Byggede sites og PDF'er hører ikke til i git; den interne udgave må aldrig offentliggøres.\n"
    "/site/\n/site-intern/\n/brochurer/\n/brochurer-intern/\n/.vifte-*/\n"
    "# Det, CI-filen laver (vifte init --ci): programmerne og det byggede site.\n"
    "/.venv/\n/public/\n/.cache/\n/gl-code-quality-report.json\n"
)

PLACEHOLDER = "Ny Kommune"
NAME_LIMIT = 80


class ScaffoldError(Exception):
    """A file or folder could not be created; the message says why in Danish."""


def init_project(directory: Path, name: str, *, ci: str = NONE, intern: bool = False) -> None:
    """Copy the starter project into `directory`, filling in the municipality's name.

    It records the vifte version it was made for, and with `ci` (gitlab or github) writes that
    host's CI file and the pinned versions it installs.
    """
    name = check_name(name)
    if directory.exists() and not directory.is_dir():
        raise ScaffoldError(f"{directory} er en fil; vælg en ny mappe")
    if directory.exists() and any(directory.iterdir()):
        raise ScaffoldError(f"mappen {directory} er ikke tom; vælg en ny mappe")
    created = not directory.exists()
    try:
        _copy_starter(directory)
        settings = Project.at(directory).settings_file  # the one place that states the name
        settings.write_text(_fill_yaml(settings.read_text(encoding="utf-8"), name), "utf-8")
        made_for.record(directory)
        write_ci(directory, ci, name, intern=intern)
    except OSError as exc:
        if created:
            shutil.rmtree(directory, ignore_errors=True)
        raise ScaffoldError(f"kunne ikke skrive projektet i {directory}: {exc.strerror}") from None


def check_name(name: str) -> str:
    """The municipality's name without surrounding spaces, or a Danish refusal."""
    name = name.strip()
    if not name:
        raise ScaffoldError('kommunens navn er tomt; skriv fx --name "Fjordstrand Kommune"')
    if len(name) > NAME_LIMIT:
        raise ScaffoldError(f"kommunens navn er {len(name)} tegn langt; højst {NAME_LIMIT} tegn")
    # Control and format characters, and the Unicode line breaks YAML would fold into spaces.
    if any(unicodedata.category(ch)[0] == "C" or ch in "\u2028\u2029" for ch in name):
        raise ScaffoldError(
            "kommunens navn indeholder et usynligt tegn eller et linjeskift; skriv navnet på én linje"
        )
    return name


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar (a JSON string is one), safe for any one-line text."""
    return json.dumps(text, ensure_ascii=False)


def _copy_starter(directory: Path) -> None:
    with as_file(files("vifte").joinpath("scaffold")) as source:
        shutil.copytree(
            source, directory, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
        )
    project = Project.at(directory)
    project.strategy.mkdir(exist_ok=True)
    for col in project.table.collections.values():
        project.collection(col.name).mkdir(parents=True, exist_ok=True)
    (directory / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    write_schemas(directory / "schema")
    (directory / ".vscode").mkdir(exist_ok=True)
    (directory / ".vscode" / "settings.json").write_text(
        vscode_settings("schema"), encoding="utf-8"
    )


YAML_LINE = re.compile(r"^(?P<key>[ \t]*[a-z_]+:) (?P<value>.*)$", re.M)


def _fill_yaml(text: str, name: str) -> str:
    """Put the name into each `key: value` holding the placeholder, as a quoted value."""

    def fill(match: re.Match[str]) -> str:
        value = match.group("value")
        if PLACEHOLDER not in value:
            return match.group()
        return f"{match.group('key')} {yaml_string(value.replace(PLACEHOLDER, name))}"

    return YAML_LINE.sub(fill, text)


def new_file(project: Path, kind: str, title: str, table: Table = TABLE) -> Path:
    """Write a commented file for a new item of a collection (offer, mentor, ...), named after the title.

    A collection without its own template in templates/new gets its title field only.
    """
    col = table.by_kind(kind)
    folder = Project.at(project, table=table).collection(col.name)
    suffix = col.suffixes[0]
    path = folder / f"{slug(title)}{suffix}"
    if path.exists():
        raise ScaffoldError(
            f"{path} findes allerede; vælg en anden titel eller ret den eksisterende fil"
        )
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.PackageLoader("vifte", "templates/new"),
                jinja2.DictLoader(
                    {f"{kind}{suffix}": f"{col.title_field}: {{{{ title | quoted }}}}\n"}
                ),
            ]
        ),
        keep_trailing_newline=True,
    )
    env.filters["quoted"] = yaml_string
    text = env.get_template(f"{kind}{suffix}").render(title=title, ids=_known_ids(project, table))
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _known_ids(project: Path, table: Table) -> dict[str, list[str]]:
    """The ids settings.yaml defines, to list in the new file's comments; empty if unreadable."""
    try:
        data: Any = loader.load(Project.at(project).settings_file).data
    except (loader.YamlProblem, OSError):
        return {}
    out: dict[str, list[str]] = {}
    for key in table.term_lists:
        items = data.get(key) if isinstance(data, dict) else None
        out[key] = [str(i["id"]) for i in items or [] if isinstance(i, dict) and "id" in i]
    return out
