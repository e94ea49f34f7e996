"""A hand-written page's front matter, checked before any generator reads it (check = build).

Titles and descriptions must be text. A page may use main.html (the default) or one of the
municipality's own templates in the theme folder, not the theme's others: mkdocs-material's
redirect.html would turn front matter into a redirect.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from vifte.source.diagnostics import Report

TEXT_KEYS = ("title", "description", "author", "subtitle")
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
"""Front matter as MkDocs reads it (mkdocs.utils.meta): YAML between `---` lines at the top."""


def check_page_meta(page: Path, text: str, theme_dir: Path | None, report: Report) -> None:
    """Report front matter of `page` (its `text`) that the theme must not get."""
    match = FRONT_MATTER.match(text)
    try:
        meta = yaml.safe_load(match[1]) if match else None
    except yaml.YAMLError:
        return  # not front matter to MkDocs either: the page shows it as text
    if not isinstance(meta, dict):
        return
    lines = text.splitlines()
    for key in TEXT_KEYS:
        if isinstance(meta.get(key), dict | list):
            report.error(page, _line(lines, key), 1, f"'{key}' i sidehovedet skal være en tekst")
    template = meta.get("template")
    if template is None or template == "main.html":
        return
    name = str(template)
    inside = not Path(name).is_absolute() and ".." not in Path(name).parts
    if theme_dir and inside and (theme_dir / name).is_file():
        return
    report.error(
        page,
        _line(lines, "template"),
        1,
        f"skabelonen '{name}' findes ikke i projektets theme/-mappe; fjern 'template' fra "
        "sidehovedet eller læg skabelonen i theme/",
    )


def _line(lines: list[str], key: str) -> int:
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), 1)
