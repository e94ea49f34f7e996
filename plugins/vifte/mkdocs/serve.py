"""`vifte serve` through MkDocs: the one function the preview (vifte.preview) builds with."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from vifte.domain.edition import EDITIONS
from vifte.mkdocs.build import build_site
from vifte.mkdocs.plugin import log


def build_into(options: dict[str, Any], folder: Path, pages: list[str] | None) -> None:
    """Build the site into the new `folder`; with `pages`, only those pages (the quick step,
    whose catalogue warnings wait for the full build after it, so they come once a save).

    `options`: the configuration file, the edition's name and whether to make PDFs.
    """
    level = log.logger.level
    if pages is not None:
        log.logger.setLevel(logging.ERROR)
    try:
        build_site(
            Path(options["config"]),
            folder,
            edition=EDITIONS[options["edition"]],
            pdf=bool(options["pdf"]),
            pages=None if pages is None else frozenset(pages),
            notify=lambda line: None,
        )
    finally:
        log.logger.setLevel(level)
