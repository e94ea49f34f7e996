"""Where a site may be written and how it is replaced: never over anything vifte did not build.

The target must not be the project, hold it, or lie in (or hold) a folder the build reads. It must
be new, empty, or marked as vifte's own output by MARKER in its root. One build per target at a
time (a lock file; the kernel frees it when a process dies). The new site is staged and swapped in
by `site_swap`, so the target always holds a whole site.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: a byte-range lock, also freed when the process dies
    fcntl = None  # type: ignore[assignment]
    import msvcrt

from vifte.domain.edition import EDITIONS
from vifte.domain.edition import PUBLIC as PUBLIC_EDITION
from vifte.publish.site_swap import (
    OWN_PREFIX,
    Layout,
    commit,
    entries,
    held_signals,
    is_mount_point,
    recover,
)

MARKER = ".vifte-site.json"
PUBLIC = PUBLIC_EDITION.key
LOCK_WAIT = 600.0
"""Seconds to wait for another build of the same target before giving up."""

Notify = Callable[[str], None]


class SiteDirError(Exception):
    """The site cannot be written there; the target was not changed."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM. `replaced` is the target when the new site was already in place."""

    def __init__(self, signum: int, replaced: Path | None = None):
        super().__init__(signum)
        self.signum = signum
        self.replaced = replaced


def write_marker(site: Path, edition: str = PUBLIC) -> None:
    """Mark a folder as a site vifte built (constant content, so builds stay byte-identical)."""
    text = json.dumps({"generator": "vifte", "edition": edition}, sort_keys=True)
    (site / MARKER).write_text(text + "\n", encoding="utf-8")


def read_marker(site: Path) -> dict | None:
    """The marker of a site vifte built, or None for any other folder."""
    try:
        data = json.loads((site / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("generator") == "vifte" else None


def refuse_unsafe(
    target: Path,
    projects: Iterable[Path],
    sources: Iterable[Path],
    *,
    noun: str = "sitemappen",
    example: str = "site",
) -> None:
    """Refuse a target whose replacement would delete the project or a folder the build reads.

    `target` must be resolved already; `noun` names it in the message, `example` is the folder
    in the project the message suggests instead.
    """
    projects = [_real(p) for p in projects]
    advice = (
        f"vælg en anden mappe, fx {projects[0] / example}" if projects else "vælg en anden mappe"
    )
    for project in projects:
        if target == project:
            raise SiteDirError(f"{noun} {target} er selve projektmappen; {advice}")
        if project.is_relative_to(target):
            raise SiteDirError(f"{noun} {target} indeholder projektmappen {project}; {advice}")
    for source in (_real(s) for s in sources):
        if target == source:
            raise SiteDirError(f"{noun} {target} er en mappe, bygningen læser fra; {advice}")
        if target.is_relative_to(source):
            raise SiteDirError(
                f"{noun} {target} ligger i {source}, som bygningen læser fra; {advice}"
            )
        if source.is_relative_to(target):
            raise SiteDirError(
                f"{noun} {target} indeholder {source}, som bygningen læser fra; {advice}"
            )
    if target.name.startswith(OWN_PREFIX):
        raise SiteDirError(f"navne, der begynder med '{OWN_PREFIX}', bruger vifte selv; {advice}")


def check_replaceable(target: Path, edition: str = PUBLIC, *, noun: str = "sitemappen") -> None:
    """Refuse a target that is a file, or a non-empty folder vifte did not build (for this edition).

    `noun` names the target in the message (`vifte pdf` writes a PDF folder, not a site).
    """
    if not os.path.lexists(target):
        return
    if not target.is_dir():
        raise SiteDirError(f"{noun} {target} er en fil, ikke en mappe; vælg en anden mappe")
    if not entries(target):
        return
    marker = read_marker(target)
    if marker is None:
        raise SiteDirError(
            f"mappen {target} er ikke tom og er ikke bygget af vifte, så vifte rører den ikke "
            f"(vifte erstatter kun mapper med sin egen {MARKER}); vælg en ny eller tom mappe"
        )
    if marker.get("edition", PUBLIC) != edition:
        raise SiteDirError(
            f"mappen {target} rummer udgaven '{_name(marker.get('edition'))}', og denne bygning "
            f"er udgaven '{_name(edition)}'; vælg en anden mappe, så den ene udgave aldrig "
            "overskriver den anden"
        )


def _name(key: object) -> str:
    """The Danish name the user knows an edition by, from the key the marker records."""
    return next((e.name for e in EDITIONS.values() if e.key == key), str(key))


@contextmanager
def new_site(
    target: Path,
    *,
    projects: Iterable[Path],
    sources: Iterable[Path],
    notify: Notify,
    edition: str = PUBLIC,
    wait: float = LOCK_WAIT,
) -> Iterator[Path]:
    """Yield an empty staging folder; when the block succeeds, swap it in place of `target`.

    On any failure or interrupt the staging folder is removed and the target is untouched.
    Raises SiteDirError (a Danish sentence) when the target may not or cannot be written.
    """
    target = resolve_target(target)
    refuse_unsafe(target, projects, sources)
    layout = Layout(target, in_place=is_mount_point(target))
    if layout.in_place:
        notify(
            f"{target} er et monteringspunkt og kan ikke omdøbes, så sitet udskiftes fil for "
            "fil inde i mappen i stedet for på én gang"
        )
    with _writing(target), _locked(layout.lock, target, notify, wait):
        with held_signals() as caught:
            told = recover(layout)
        if told:
            notify(told)
        if caught:
            raise Interrupted(caught[0])
        check_replaceable(target, edition)
        layout.staging.mkdir()
        try:
            yield layout.staging
            write_marker(layout.staging, edition)
            with held_signals() as caught:
                commit(layout)
        except BaseException as exc:
            shutil.rmtree(layout.staging, ignore_errors=True)
            if isinstance(exc, OSError) and layout.new.exists():  # past the point of no return
                raise SiteDirError(
                    f"{describe_os_error(exc)}; sitet i {target} blev kun delvist udskiftet; "
                    "kør 'vifte build' igen, så gøres udskiftningen færdig"
                ) from None
            raise
        if caught:
            raise Interrupted(caught[0], replaced=target)


@contextmanager
def _writing(target: Path) -> Iterator[None]:
    """Turn a file system error (a full disk, a read-only file system …) into one Danish sentence."""
    try:
        yield
    except OSError as exc:
        raise SiteDirError(f"{describe_os_error(exc)}; sitet i {target} er ikke ændret") from None


_REASONS = {
    errno.ENOSPC: "disken er fuld",
    errno.EDQUOT: "kvoten på disken er brugt op",
    errno.EROFS: "filsystemet er skrivebeskyttet",
    errno.EACCES: "der er ikke adgang til at skrive der",
    errno.EPERM: "det er ikke tilladt",
    errno.EBUSY: "mappen er i brug (er den et monteringspunkt?)",
    errno.EXDEV: "mappen ligger på et andet filsystem",
    errno.ENOTDIR: "en del af stien er en fil, ikke en mappe",
    errno.ENAMETOOLONG: "stien er for lang",
    errno.ENOENT: "findes ikke",
    errno.EEXIST: "findes allerede og er ikke en mappe",
}


def describe_os_error(exc: OSError) -> str:
    """A file system error as a Danish phrase, led by the path where known."""
    reason = _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)
    # A failed copy names its source first; a full or read-only disk is about the destination.
    written = exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS) and exc.filename2
    path = written or exc.filename
    return f"{path}: {reason}" if path else reason


@contextmanager
def _locked(path: Path, target: Path, notify: Notify, wait: float) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created, and removed again when released).

    A waiter may have opened a lock file that its holder removed; it then tries the new one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline, told = time.monotonic() + wait, False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            while not _try_lock(fd):
                if not told:
                    notify(
                        f"En anden bygning skriver til {target}; venter på, at den bliver færdig …"
                    )
                    told = True
                if time.monotonic() > deadline:
                    raise SiteDirError(
                        f"en anden bygning har skrevet til {target} i over {wait:.0f} sekunder; "
                        "prøv igen, når den er færdig"
                    )
                time.sleep(0.2)
            if _is_current(fd, path):
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
    try:
        yield
    finally:
        with suppress(OSError):
            os.unlink(path)
        os.close(fd)


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except BlockingIOError:
        return False
    except PermissionError:
        if fcntl is not None:
            raise
        return False  # msvcrt: locked by another process
    return True


def _is_current(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)


def resolve_target(path: Path, *, noun: str = "sitemappen") -> Path:
    """The real path of a site folder, symlinks followed; SiteDirError for a symlink loop."""
    try:
        return Path(path).expanduser().resolve()
    except RuntimeError:  # a symlink loop (an OSError from Python 3.13 on)
        pass
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise SiteDirError(f"{noun} {path} kan ikke bruges: {describe_os_error(exc)}") from None
    raise SiteDirError(
        f"{noun} {path} er en genvej (symlink), der peger i ring; vælg en anden mappe"
    )


def _real(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # a loop: the source check reports it
        return Path(os.path.abspath(path))
