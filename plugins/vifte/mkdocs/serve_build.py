"""A full build for `vifte serve` in a process of its own, so that a new edit can stop it.

Run by serve.py as `python -m vifte.mkdocs.serve_build CONFIG STAGING SERVE_URL DEV_ADDR`; builds
the site into STAGING and prints the Danish problem lines as JSON on stdout when it fails (exit
code 1). The edition and the PDF choice come through the environment, as for the server.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.exceptions import MkDocsException

from vifte.mkdocs.build import _failure, _silenced_build_errors
from vifte.mkdocs.config_file import ConfigFileError, load_config_file
from vifte.mkdocs.preview_server import in_danish, problem_lines


def main(argv: list[str]) -> int:
    config_file, staging, serve_url, dev_addr = argv
    logging.basicConfig(format="%(levelname)s: %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    for handler in logging.getLogger().handlers:
        handler.addFilter(in_danish)
    try:
        config = load_config_file(Path(config_file), warn=False, dev_addr=dev_addr)
    except ConfigFileError as exc:
        return _failed(problem_lines(exc))
    config.site_url = serve_url
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_dir = staging
    try:
        with _silenced_build_errors() as context:
            build(config, serve_url=serve_url)
    except MkDocsException as exc:
        return _failed(problem_lines(_failure(exc, config, context)))
    except Exception as exc:  # a plugin's own bug: shown like any other failure
        return _failed((*context, f"{type(exc).__name__}: {exc}"))
    return 0


def _failed(lines: tuple[str, ...]) -> int:
    print(json.dumps(list(lines), ensure_ascii=False), flush=True)
    return 1


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group; the server says it
        sys.exit(130)
