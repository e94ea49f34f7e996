"""`vifte rediger`: the editor on 127.0.0.1 beside the live preview, until Ctrl-C."""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from vifte.source.project import Project

EDITOR_ADDRESS = "127.0.0.1:8010"
PREVIEW_ADDRESS = "127.0.0.1:8000"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    command = sub.add_parser(
        "rediger",
        help="rediger tilbud, mentorer, virksomheder, nyheder og strategier i en formular i "
        "browseren, med forhåndsvisning af sitet ved siden af",
    )
    command.add_argument(
        "-p", "--project", type=Path, default=Path("."), metavar="MAPPE", help="projektmappen"
    )
    command.add_argument(
        "-a",
        "--adresse",
        default=EDITOR_ADDRESS,
        metavar="ADRESSE",
        help=f"editorens adresse og port; kun på din egen computer (standard: {EDITOR_ADDRESS})",
    )
    command.add_argument(
        "--forhaandsvisning",
        default=PREVIEW_ADDRESS,
        metavar="ADRESSE",
        help=f"forhåndsvisningens adresse og port (standard: {PREVIEW_ADDRESS})",
    )
    return command


def parse_address(address: str) -> tuple[str, int] | None:
    """(host, port) of a local address such as 127.0.0.1:8010; None when it is not one."""
    from vifte.editor.server import NAMES

    host, _, port = address.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    if host not in NAMES or not port.isdigit() or int(port) > 65535:
        return None
    return "127.0.0.1" if host == "localhost" else host, int(port)


def run(
    args: argparse.Namespace, project: Project, preview: Callable[[Callable[[str], None]], int]
) -> int:
    """Start the editor, then the live preview (`preview(started)` serves until Ctrl-C)."""
    address = parse_address(args.adresse)
    if address is None:
        say(
            f"fejl: '{args.adresse}' kan ikke bruges; editoren kører kun på din egen computer, "
            "skriv fx -a 127.0.0.1:8010"
        )
        return 1
    from vifte.editor.server import EditorServer

    try:
        server = EditorServer(project, *address)
    except OSError as exc:
        say(
            f"fejl: editoren kan ikke bruge {args.adresse} ({exc.strerror or exc}); "
            "vælg en anden port med -a, fx -a 127.0.0.1:8011"
        )
        return 1
    shown: dict[str, str] = {}

    def page_of(collection: str, item_id: str) -> str | None:
        base = shown.get("url")
        return None if base is None else base + project.table.collections[collection].url(item_id)

    server.preview = page_of
    threading.Thread(target=server.serve_forever, daemon=True).start()
    say(f"Editoren kører på {server.url} (stop med Ctrl-C)")
    try:
        code = preview(lambda url: shown.update(url=url))
        if code != 0:
            say("Forhåndsvisningen kører ikke, men editoren gør; stop den med Ctrl-C.")
            threading.Event().wait()
        return 0
    finally:
        server.shutdown()
        server.server_close()


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
