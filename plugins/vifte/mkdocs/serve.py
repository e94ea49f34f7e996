"""`vifte serve`: MkDocs' live preview, rebuilding on every save without losing the last good site.

Each full build goes to a fresh folder that replaces the served one only when it worked
(decision 23). A save that changes only item files is shown by a quick step first: the edited
items' own pages, moved into the served site; a full build in a process of its own follows and
completes the site, and a newer save stops it (decision 27-serve, incremental.py).
"""

from __future__ import annotations

import json
import logging
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import _serve_url

from vifte.mkdocs.build import BuildFailed, _chain, _failure, _read_folders, _silenced_build_errors
from vifte.mkdocs.config import pdf_wanted
from vifte.mkdocs.config_file import ConfigFileError, load_config_file
from vifte.mkdocs.incremental import (
    NotQuick,
    Quick,
    State,
    changed,
    fingerprints,
    lay_over,
    quick_pages,
)
from vifte.mkdocs.plugin import log as plugin_log
from vifte.mkdocs.preview_server import PreviewServer, _error_page, _in_danish, problem_lines
from vifte.source.loader import PARSED
from vifte.source.project import Project


def serve(config_file: Path, dev_addr: str) -> int:
    """Build, serve and rebuild on every change until Ctrl-C; 1 if the first build fails."""
    # On the handlers, so the filter sees every line printed, whichever logger said it.
    loggers = logging.getLogger().handlers
    for logger in loggers:
        logger.addFilter(_in_danish)
    try:
        return _serve(config_file, dev_addr)
    finally:
        for logger in loggers:
            logger.removeFilter(_in_danish)


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
        server.error_handler = _error_page(root)
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
            _failed(server, exc, say)
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
        return _build_once(server, config, work, serve_url, say)
    PARSED.on = True  # unchanged files are not parsed again
    project, folders = _inputs(config)
    now = fingerprints(folders, [Path(config.config_file_path)])
    if state.quick and state.served is not None and not pdf_wanted("serve"):
        edited = changed(state.served, now)
        if not edited and state.complete:
            return True  # saved without a change: the served site is this input's
        pages = quick_pages(edited, state.served, now, project)
        if pages:
            done = _quick_once(server, config, work, serve_url, say, frozenset(pages), state)
            if done is not None:
                if done:
                    state.served, state.complete = now, False
                    say(
                        f"{_pages(state.rendered)} vist; resten af sitet, søgningen og "
                        "linktjekket følger"
                    )
                    server.rebuild_soon()
                return done
    if state.served is None:  # the first build: here, so that this process's caches fill
        built: bool | None = _build_once(server, config, work, serve_url, say, state)
    else:
        built = _build_apart(server, config, work, serve_url, say, state)
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


def _quick_once(
    server: PreviewServer,
    config: MkDocsConfig,
    work: Path,
    serve_url: str,
    say: Callable[[str], None],
    pages: frozenset[str],
    state: State,
) -> bool | None:
    """Build `pages` only and lay them over the served site; None when a full build must do it."""
    root = Path(server.root)
    staging = Path(tempfile.mkdtemp(prefix="sider-", dir=work))
    config.site_dir = str(staging)
    _set_quick(config, Quick(pages, root))
    try:
        with _silenced_build_errors() as context, _quiet(plugin_log.logger):
            build(config, serve_url=serve_url, dirty=True)
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if any(isinstance(link, NotQuick) for link in _chain(exc)):
            return None
        _failed(server, _failure(exc, config, context), say)
        return False
    except Exception as exc:  # a plugin's own bug: shown like any other failure
        shutil.rmtree(staging, ignore_errors=True)
        _failed(server, BuildFailed("\n".join([*context, f"{type(exc).__name__}: {exc}"])), say)
        return False
    finally:
        _set_quick(config, None)  # the plugin object outlives this build
    state.rendered = lay_over(root, staging)
    if server.problems:
        say("Fejlene er rettet; siden er opdateret.")
    server.problems = ()
    return True


def _build_apart(
    server: PreviewServer,
    config: MkDocsConfig,
    work: Path,
    serve_url: str,
    say: Callable[[str], None],
    state: State,
) -> bool | None:
    """A full build in a process of its own (serve_build.py); None when a newer edit stopped it.

    Only the new site replaces the served one, as in `_build_once`; the server's threads keep
    answering the browsers meanwhile (the build holds no lock of this process).
    """
    staging = Path(tempfile.mkdtemp(prefix="bygning-", dir=work))
    host, port = config.dev_addr
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "vifte.mkdocs.serve_build",
            config.config_file_path,
            str(staging),
            serve_url,
            f"{host}:{port}",
        ],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    server.child = process
    try:
        while process.poll() is None:
            if server.superseded():
                process.kill()
                break
            time.sleep(0.05)
        out, _ = process.communicate()
    finally:
        server.child = None
    if process.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        if server.superseded() or process.returncode in (130, -signal.SIGINT):
            return None  # a newer edit, or Ctrl-C (it reaches the whole process group)
        try:
            lines = tuple(str(line) for line in json.loads(out))
        except ValueError:
            lines = (f"bygningen stoppede uventet (kode {process.returncode}); se terminalen",)
        _show(server, lines, say)
        return False
    state.rendered = _count_pages(staging)
    _swap_in(server, staging, work, say)
    return True


def _count_pages(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")


@contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    """The catalogue's warnings come once, from the complete step, not twice for every save."""
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _set_quick(config: MkDocsConfig, quick: Quick | None) -> None:
    """Tell the plugin what to build (MkDocs keeps one plugin object for all rebuilds)."""
    plugin = config.plugins.get("vifte")
    if plugin is not None:
        plugin.quick = quick  # type: ignore[attr-defined]


def _pages(count: int) -> str:
    return "1 side" if count == 1 else f"{count} sider"


def _build_once(
    server: PreviewServer,
    config: MkDocsConfig,
    work: Path,
    serve_url: str,
    say: Callable[[str], None],
    state: State | None = None,
) -> bool:
    """Build into a new folder and put it in the served one's place only when it worked."""
    staging = Path(tempfile.mkdtemp(prefix="bygning-", dir=work))
    config.site_dir = str(staging)
    try:
        with _silenced_build_errors() as context:
            build(config, serve_url=serve_url)
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        _failed(server, _failure(exc, config, context), say)
        return False
    except Exception as exc:  # a plugin's own bug: shown like any other failure
        shutil.rmtree(staging, ignore_errors=True)
        _failed(server, BuildFailed("\n".join([*context, f"{type(exc).__name__}: {exc}"])), say)
        return False
    if state is not None:
        state.rendered = _count_pages(staging)
    _swap_in(server, staging, work, say)
    return True


def _swap_in(server: PreviewServer, new: Path, work: Path, say: Callable[[str], None]) -> None:
    """Serve `new` in place of the served site."""
    root = Path(server.root)
    old = Path(tempfile.mkdtemp(prefix="forrige-", dir=work)) / "site"
    root.rename(old)
    new.rename(root)
    # Thousands of folders take a second to remove: not while the browser waits.
    threading.Thread(target=shutil.rmtree, args=(old.parent, True), daemon=True).start()
    if server.problems:
        say("Fejlene er rettet; siden er opdateret.")
    server.problems = ()


def _failed(server: PreviewServer, failure: BuildFailed | ConfigFileError, say) -> None:
    _show(server, problem_lines(failure), say)


def _show(server: PreviewServer, lines: tuple[str, ...], say: Callable[[str], None]) -> None:
    if lines != server.problems:  # a second save with the same errors says nothing new
        say("Siden kunne ikke bygges; browseren viser den sidste udgave, der virkede:")
        say("\n".join(lines))
    server.problems = lines


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
