"""`vifte serve`: MkDocs' live preview, rebuilding on every save without losing the last good site.

Each full build goes to a fresh folder that replaces the served one only when it worked
(decision 23). A save that changes only item files is shown by a quick step first: the edited
items' own pages, moved into the served site; a full build in a process of its own follows and
completes the site, and a newer save stops it (decision 28, incremental.py).
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import _serve_url

from vifte.mkdocs.build import _read_folders
from vifte.mkdocs.config import pdf_wanted
from vifte.mkdocs.config_file import ConfigFileError, load_config_file
from vifte.mkdocs.incremental import (
    State,
    changed,
    fingerprints,
    quick_pages,
)
from vifte.mkdocs.preview_server import PreviewServer, error_page, in_danish
from vifte.mkdocs.rebuild import build_apart, build_once, failed, pages_text, quick_once
from vifte.source.loader import PARSED
from vifte.source.project import Project


def serve(config_file: Path, dev_addr: str) -> int:
    """Build, serve and rebuild on every change until Ctrl-C; 1 if the first build fails."""
    # On the handlers, so the filter sees every line printed, whichever logger said it.
    loggers = logging.getLogger().handlers
    for logger in loggers:
        logger.addFilter(in_danish)
    try:
        return _serve(config_file, dev_addr)
    finally:
        for logger in loggers:
            logger.removeFilter(in_danish)


def _serve(config_file: Path, dev_addr: str) -> int:
    def load() -> MkDocsConfig:
        config = load_config_file(config_file, warn=False, dev_addr=dev_addr)
        config.site_url = serve_url
        return config

    first = load_config_file(config_file, warn=False, dev_addr=dev_addr)
    host, port = first.dev_addr
    mount_path = urlsplit(first.site_url or "/").path
    serve_url = _serve_url(host, port, mount_path)
    first.site_url = serve_url
    first.plugins.on_startup(command="serve", dirty=False)
    work = Path(tempfile.mkdtemp(prefix="vifte-serve-"))
    root = work / "site"
    try:
        root.mkdir()
        server = PreviewServer(
            builder=lambda: None, host=host, port=port, root=str(root), mount_path=mount_path
        )
        state = State()
        server.builder = _builder(server, load, work, serve_url, say=_to_stderr, state=state)
        server.error_handler = error_page(root)
        if not _rebuild(server, first, work, serve_url, _to_stderr, state):
            print("Forhåndsvisningen kunne ikke starte; ret fejlene ovenfor.", file=sys.stderr)
            return 1
        server.watch(first.docs_dir)
        server.watch(str(config_file))
        first.plugins.on_serve(server, config=first, builder=server.builder)
        for item in first.watch:
            server.watch(item)
        try:
            server.serve()
        except OSError as exc:  # the port is taken or not ours to use
            print(
                f"fejl: forhåndsvisningen kan ikke bruge {host}:{port} ({exc.strerror or exc}); "
                "vælg en anden port med -a, fx -a 127.0.0.1:8001",
                file=sys.stderr,
            )
            return 1
        finally:
            server.shutdown()
            server.stop_child()
    finally:
        first.plugins.on_shutdown()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _builder(
    server: PreviewServer,
    load: Callable[[], MkDocsConfig],
    work: Path,
    serve_url: str,
    say: Callable[[str], None],
    state: State | None = None,
) -> Callable[[], None]:
    """MkDocs' rebuild hook: never raises, so the browsers reload to the errors or the new site.

    With a `state`, a change of item files only is shown by a quick step first (incremental.py).
    """

    def rebuild() -> None:
        try:
            config = load()
        except ConfigFileError as exc:
            failed(server, exc, say)
            return
        _rebuild(server, config, work, serve_url, say, state)

    return rebuild


def _rebuild(
    server: PreviewServer,
    config: MkDocsConfig,
    work: Path,
    serve_url: str,
    say: Callable[[str], None],
    state: State | None,
) -> bool:
    """A quick step when only items changed and the site is there, else a full build."""
    if state is None:
        return build_once(server, config, work, serve_url, say)
    PARSED.on = True  # unchanged files are not parsed again
    project, folders = _inputs(config)
    now = fingerprints(folders, [Path(config.config_file_path)])
    if state.quick and state.served is not None and not pdf_wanted("serve"):
        edited = changed(state.served, now)
        if not edited and state.complete:
            return True  # saved without a change: the served site is this input's
        pages = quick_pages(edited, state.served, now, project)
        if pages:
            done = quick_once(server, config, work, serve_url, say, frozenset(pages), state)
            if done is not None:
                if done:
                    state.served, state.complete = now, False
                    say(
                        f"{pages_text(state.rendered)} vist. Lister, søgning og kontrol af links "
                        "bliver opdateret om lidt"
                    )
                    server.rebuild_soon()
                return done
    if state.served is None:  # the first build: here, so that this process's caches fill
        built: bool | None = build_once(server, config, work, serve_url, say, state)
    else:
        built = build_apart(server, config, work, serve_url, say, state)
        if built is None:
            return True  # a newer edit stopped it; the next run builds again
    if built:
        state.served, state.complete = now, True
    return bool(built)


def _inputs(config: MkDocsConfig) -> tuple[Project, list[Path]]:
    """The project, and the folders holding its input files (not the theme package's own)."""
    projects, sources = _read_folders(config)
    home = Path(config.config_file_path).parent
    plugin = config.plugins.get("vifte")
    root = Path(plugin.config.project_dir) if plugin and plugin.config.project_dir else home
    custom_dir = config.theme.custom_dir
    project = Project.at(root, Path(config.docs_dir), Path(custom_dir) if custom_dir else None)
    inside = {s for s in sources if s.is_dir() and any(s.is_relative_to(p) for p in projects)}
    folders = [s for s in inside if not any(s != o and s.is_relative_to(o) for o in inside)]
    return project, sorted(folders)


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
