"""Reading mkdocs.yml with MkDocs' own loader, each problem as one Danish line with file and line."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from vifte.source.diagnostics import Report
from vifte.source.loader import _explain_syntax
from vifte.source.yaml_position import compose, position

log = logging.getLogger("mkdocs.config")


class ConfigFileError(Exception):
    """mkdocs.yml cannot be used; `lines` are `file:line:column: error: …` diagnostics."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def load_config_file(
    path: Path, *, strict: bool = False, warn: bool = True, **options
) -> MkDocsConfig:
    """Load and validate mkdocs.yml like `mkdocs build` does; an unknown setting is an error.

    Warnings are logged (unless `warn` is false); with `strict` they are errors too.
    """
    path = path.resolve()
    report = Report(path.parent)
    config = MkDocsConfig(config_file_path=str(path))
    try:
        with open(path, "rb") as fd:
            config.load_file(fd)
    except OSError as exc:
        report.error(path, 0, 0, f"filen kan ikke læses: {exc.strerror or exc}")
    except ConfigurationError as exc:
        _explain_load_error(report, path, exc)
    if report.errors:
        raise ConfigFileError(report.lines())
    config.load_dict({**options, "strict": strict})
    errors, warnings = config.validate()
    root = compose(path)
    for key, problem in errors:
        report.error(path, *position(root, key, str(problem)), _explain(key, str(problem)))
    for key, problem_text in warnings:
        unknown = _UNKNOWN.search(str(problem_text))
        add = report.error if unknown or strict else report.warning
        add(path, *position(root, key, str(problem_text)), _explain(key, str(problem_text)))
    if report.errors:
        raise ConfigFileError([str(d) for d in report.errors])
    for warning in report.warnings if warn else ():
        log.warning(str(warning))
    return config


def _explain_load_error(report: Report, path: Path, exc: ConfigurationError) -> None:
    cause = exc.__context__
    if isinstance(cause, yaml.MarkedYAMLError):
        mark = cause.problem_mark or cause.context_mark
        where = Path(mark.name) if mark and mark.name and mark.name[0] != "<" else path
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        report.error(where, line, column, _explain_syntax(cause))
    elif isinstance(cause, yaml.reader.ReaderError):
        report.error(path, 0, 0, "filen er ikke gemt som UTF-8; gem den som UTF-8 og prøv igen")
    elif isinstance(cause, yaml.YAMLError):
        report.error(path, 0, 0, f"filen kan ikke læses som YAML: {' '.join(str(cause).split())}")
    elif match := re.search(r"Inherited config file '(.+)' does not exist", str(exc)):
        line, column = position(compose(path), "INHERIT", "")
        report.error(path, line, column, f"filen '{match[1]}', som INHERIT peger på, findes ikke")
    elif "Expected a key-value mapping" in str(exc):
        report.error(path, 1, 1, "filen skal bestå af indstillinger som 'site_name: Min kommune'")
    else:
        report.error(path, 0, 0, f"filen kan ikke læses: {exc}")


_UNKNOWN = re.compile(
    r"(?:Plugin '([^']+)' option '[^']+': )?Unrecognised configuration name: (.+)"
)
_RULES = [
    (re.compile(r"Required configuration not provided"), "'{key}' mangler; den skal stå i filen"),
    (
        re.compile(r"The path '(.+)' isn't an existing directory"),
        "mappen {0} i '{key}' findes ikke",
    ),
    (
        re.compile(r"The path set in custom_dir \('(.+)'\) does not exist"),
        "mappen {0} i 'custom_dir' findes ikke",
    ),
    (
        re.compile(r'The "(.+)" plugin is not installed'),
        "udvidelsen (plugin) '{0}' er ikke installeret",
    ),
    (re.compile(r"Unrecognised theme name: '([^']+)'"), "temaet '{0}' er ikke installeret"),
    (re.compile(r"Failed to load extension '([^']+)'"), "Markdown-udvidelsen '{0}' findes ikke"),
    (
        re.compile(r"should not be within the '(\w+)'"),
        "'site_dir' og 'docs_dir' må ikke ligge inden i hinanden",
    ),
    (
        re.compile(r"Expected type: <class '(\w+)'> but received: <class '(\w+)'>"),
        "'{key}' skal være {0}, ikke {1}",
    ),
]

_KINDS = {
    "bool": "true eller false",
    "str": "en tekst",
    "int": "et heltal",
    "float": "et tal",
    "list": "en liste",
    "dict": "felter med navne",
    "NoneType": "tom",
}


def _explain(key: str, problem: str) -> str:
    if match := _UNKNOWN.search(problem):
        plugin, name = match.groups()
        if plugin:
            return f"udvidelsen '{plugin}' har ingen indstilling, der hedder '{name}'; ret stavningen eller slet linjen"
        return f"ukendt indstilling '{name}'; ret stavningen eller slet linjen"
    for pattern, text in _RULES:
        if match := pattern.search(problem):
            return text.format(*(_KINDS.get(g, g) for g in match.groups()), key=key)
    return f"indstillingen '{key}' er forkert: {problem.strip()}"
