"""vifte stands on MkDocs' and mkdocs-material's public surface only, and its adapter stays small.

Parses every module of the package: no private name of theirs is imported or read (a name with a
leading underscore, anywhere in its dotted path), and no class of theirs is subclassed but the two
their plugin API is made of. Moving to another generator is then a contained job.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import REPO

PACKAGE = REPO / "plugins/vifte"
ADAPTER = PACKAGE / "mkdocs"
FOREIGN = ("mkdocs", "material")
BASES = {"mkdocs.plugins.BasePlugin", "mkdocs.config.base.Config"}
"""The only classes of theirs vifte may subclass: a plugin and its options."""

LIMIT = 940
"""Lines of plugins/vifte/mkdocs/ in all: 1,855 before issue 23 (the live preview among them),
736 after, 937 with the site in every language (issue 24: each language is a MkDocs build of
its own, languages.py and 75 lines of plugin.py). Issue 23's target was about 600; above it stand
config_file.py's Danish words for MkDocs' own configuration errors (180 lines), the theme's
scripts and texts (148) and the languages (200)."""


def _private(dotted: str) -> bool:
    return any(p.startswith("_") and not p.endswith("__") for p in dotted.split("."))


def _dotted(node: ast.expr, bound: dict[str, str]) -> str | None:
    """The foreign dotted name an expression stands for (`base.Config`, `BasePlugin[X]`)."""
    if isinstance(node, ast.Subscript):
        return _dotted(node.value, bound)
    if isinstance(node, ast.Attribute):
        outer = _dotted(node.value, bound)
        return f"{outer}.{node.attr}" if outer else None
    if isinstance(node, ast.Name):
        return bound.get(node.id)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):  # a quoted annotation
        try:
            return _dotted(ast.parse(node.value, mode="eval").body, bound)
        except SyntaxError:
            return None
    return None


def problems(source: str, name: str = "<module>") -> list[str]:
    """Each use of a private name of MkDocs or mkdocs-material, and each subclass of theirs."""
    tree = ast.parse(source)
    bound: dict[str, str] = {}
    """Local names bound to their modules and objects, with the dotted name behind each."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in FOREIGN:
                    if _private(alias.name):
                        found.append(f"{name}:{node.lineno}: imports {alias.name}")
                    local = alias.asname or alias.name.split(".")[0]
                    bound[local] = alias.name if alias.asname else local
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] in FOREIGN:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    if _private(full):
                        found.append(f"{name}:{node.lineno}: imports {full}")
                    bound[alias.asname or alias.name] = full
    # Names annotated with one of their types are their objects too (parameters, variables).
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None:
            if (kind := _dotted(node.annotation, bound)) is not None:
                bound[node.arg] = kind
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if (kind := _dotted(node.annotation, bound)) is not None:
                bound[node.target.id] = kind
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for base in node.bases:
                full = _dotted(base, bound)
                if full is not None and full not in BASES:
                    found.append(f"{name}:{node.lineno}: class {node.name} subclasses {full}")
        elif isinstance(node, ast.Attribute) and _private(node.attr):
            if (owner := _dotted(node.value, bound)) is not None:
                found.append(f"{name}:{node.lineno}: reads {node.attr} of {owner}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and _dotted(node.args[0], bound) is not None
            and (node.func.id != "getattr" or _private(str(node.args[1].value)))
        ):
            # setattr on their objects shadows what they own (a method, an attribute)
            found.append(f"{name}:{node.lineno}: {node.func.id} {node.args[1].value!r}")
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_private_name_of_mkdocs_or_material_and_no_subclass_of_theirs():
    found = [
        line
        for path in _modules()
        for line in problems(path.read_text("utf-8"), str(path.relative_to(REPO)))
    ]
    assert found == []


def test_the_check_finds_each_kind_of_use():
    source = (
        "from mkdocs.livereload import LiveReloadServer, _serve_url\n"
        "import mkdocs.utils as u\n"
        "from mkdocs.structure.files import File\n"
        "from mkdocs.plugins import BasePlugin\n"
        "from mkdocs.config import base\n"
        "class Mine(BasePlugin[int]): pass\n"
        "class Opts(base.Config): pass\n"
        "class Server(LiveReloadServer):\n"
        "    pass\n"
        "def f(server: LiveReloadServer, file: 'File', other):\n"
        "    server._rebuild_cond\n"
        "    u._timestamp\n"
        "    other._fine\n"
        "    setattr(file, 'is_modified', None)\n"
    )
    assert problems(source) == [
        "<module>:1: imports mkdocs.livereload._serve_url",
        "<module>:8: class Server subclasses mkdocs.livereload.LiveReloadServer",
        "<module>:11: reads _rebuild_cond of mkdocs.livereload.LiveReloadServer",
        "<module>:12: reads _timestamp of mkdocs.utils",
        "<module>:14: setattr 'is_modified'",
    ]


def _lines(paths: list[Path]) -> int:
    return sum(len(p.read_text("utf-8").splitlines()) for p in paths)


def test_the_adapter_stays_small():
    assert _lines(sorted(ADAPTER.rglob("*.py"))) <= LIMIT
