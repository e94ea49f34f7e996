"""One rebuild of the site `vifte serve` shows: the quick step (only the edited items' pages,
laid over the served site), a full build in this process, or one in a process of its own; each
replaces what is served only when it worked, and a failure is shown in the browser's error box.
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

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from vifte.mkdocs.build import BuildFailed, _chain, _failure, _silenced_build_errors
from vifte.mkdocs.config_file import ConfigFileError
from vifte.mkdocs.incremental import NotQuick, Quick, State, lay_over
from vifte.mkdocs.plugin import log as plugin_log
from vifte.mkdocs.preview_server import PreviewServer, problem_lines


def quick_once(
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
        built = _try_build(server, config, staging, serve_url, say, quick=True)
    finally:
        _set_quick(config, None)  # the plugin object outlives this build
    if built:
        state.rendered = lay_over(root, staging)
        _cleared(server, say)
    return built


def build_apart(
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


def pages_text(count: int) -> str:
    return "1 side" if count == 1 else f"{count} sider"


def build_once(
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
    if not _try_build(server, config, staging, serve_url, say):
        return False
    if state is not None:
        state.rendered = _count_pages(staging)
    _swap_in(server, staging, work, say)
    return True


def _try_build(
    server: PreviewServer,
    config: MkDocsConfig,
    staging: Path,
    serve_url: str,
    say: Callable[[str], None],
    *,
    quick: bool = False,
) -> bool | None:
    """Run MkDocs into `staging` (the quick step: dirty, the plugin's log quiet): True when it
    worked, False after showing why not (staging removed), None when the quick step declined."""
    try:
        with _silenced_build_errors() as context:
            if quick:
                with _quiet(plugin_log.logger):
                    build(config, serve_url=serve_url, dirty=True)
            else:
                build(config, serve_url=serve_url)
        return True
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if quick and any(isinstance(link, NotQuick) for link in _chain(exc)):
            return None
        failed(server, _failure(exc, config, context), say)
    except Exception as exc:  # a plugin's own bug: shown like any other failure
        shutil.rmtree(staging, ignore_errors=True)
        failed(server, BuildFailed("\n".join([*context, f"{type(exc).__name__}: {exc}"])), say)
    return False


def _cleared(server: PreviewServer, say: Callable[[str], None]) -> None:
    """A build worked: the error box goes, and the terminal says so if there was one."""
    if server.problems:
        say("Fejlene er rettet; siden er opdateret.")
    server.problems = ()


def _swap_in(server: PreviewServer, new: Path, work: Path, say: Callable[[str], None]) -> None:
    """Serve `new` in place of the served site."""
    root = Path(server.root)
    old = Path(tempfile.mkdtemp(prefix="forrige-", dir=work)) / "site"
    root.rename(old)
    new.rename(root)
    # Thousands of folders take a second to remove: not while the browser waits.
    threading.Thread(target=shutil.rmtree, args=(old.parent, True), daemon=True).start()
    _cleared(server, say)


def failed(server: PreviewServer, failure: BuildFailed | ConfigFileError, say) -> None:
    _show(server, problem_lines(failure), say)


def _show(server: PreviewServer, lines: tuple[str, ...], say: Callable[[str], None]) -> None:
    if lines != server.problems:  # a second save with the same errors says nothing new
        say("Siden kunne ikke bygges; browseren viser den sidste udgave, der virkede:")
        say("\n".join(lines))
    server.problems = lines
