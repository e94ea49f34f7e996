"""Decap CMS's local-backend actions, on a project's folders (the protocol of npm's `decap-server`).

Each action answers (HTTP status, JSON). Every path is checked by paths.py before a file is
read or written; an item is written by writer.py after checks.py passed it (a draft always);
a picture by media.py. Decap's editorial workflow (unpublished entries) is not offered: a save
is written to the working copy at once, and git is the history.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vifte.editor import checks, media, writer
from vifte.editor.checks import Problem
from vifte.editor.paths import MEDIA, PathRefused, collection_at, item_path, media_path
from vifte.source.project import Project

Answer = tuple[int, Any]


class Proxy:
    """Decap's actions on one project; saves one at a time."""

    def __init__(self, project: Project):
        self.project = project
        self._saving = threading.Lock()
        self.work = Path(tempfile.mkdtemp(prefix="vifte-rediger-"))
        """Where checks.py links the project to check a save (removed by `close`)."""
        self.actions: dict[str, Callable[[dict[str, Any]], Answer]] = {
            "info": self.info,
            "entriesByFolder": self.entries_by_folder,
            "entriesByFiles": self.entries_by_files,
            "getEntry": self.get_entry,
            "persistEntry": self.persist_entry,
            "getMedia": self.get_media,
            "getMediaFile": self.get_media_file,
            "persistMedia": self.persist_media,
            "deleteFile": self.delete_file,
            "deleteFiles": self.delete_files,
            "getDeployPreview": lambda _params: (200, None),
            "unpublishedEntries": lambda _params: (200, []),
        }

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)

    def handle(self, body: Any) -> Answer:
        if not isinstance(body, dict) or not isinstance(body.get("action"), str):
            return _error(422, "forespørgslen mangler en handling")
        action = self.actions.get(body["action"])
        if action is None:
            return _error(422, f"ukendt handling '{body['action'][:40]}'")
        params = body.get("params")
        try:
            return action(params if isinstance(params, dict) else {})
        except PathRefused as exc:
            return _error(422, str(exc))
        except media.MediaRefused as exc:
            return _error(422, str(exc))
        except writer.WriteError as exc:
            return _error(422, str(exc))

    def info(self, _params: dict[str, Any]) -> Answer:
        return 200, {
            "repo": self.project.root.name,
            "publish_modes": ["simple"],
            "type": "local_fs",
        }

    def entries_by_folder(self, params: dict[str, Any]) -> Answer:
        col = collection_at(self.project, params.get("folder"))
        folder = self.project.collection(col.name)
        found = []
        if folder.is_dir():
            for file in sorted(folder.iterdir()):
                if file.name.startswith(".") or file.suffix not in col.suffixes:
                    continue
                path = f"{params['folder']}/{file.name}"
                try:
                    item_path(self.project, path)
                except PathRefused:
                    continue  # a translation, or a name that is no id: `vifte check` says so
                if file.is_file():
                    found.append(path)
        return 200, [self._entry(path) for path in found]

    def entries_by_files(self, params: dict[str, Any]) -> Answer:
        files = params.get("files")
        if not isinstance(files, list):
            return _error(422, "forespørgslen mangler filerne")
        return 200, [self._entry(f.get("path") if isinstance(f, dict) else None) for f in files]

    def get_entry(self, params: dict[str, Any]) -> Answer:
        return 200, self._entry(params.get("path"))

    def _entry(self, raw: object) -> dict[str, Any]:
        item = item_path(self.project, raw)
        try:
            content = item.file.read_bytes()
            data: str | None = content.decode("utf-8-sig")
            sha: str | None = hashlib.sha256(content).hexdigest()
        except (OSError, UnicodeDecodeError):
            data, sha = None, None
        return {"data": data, "file": {"path": item.relative, "id": sha}}

    def persist_entry(self, params: dict[str, Any]) -> Answer:
        files = params.get("dataFiles") or ([params["entry"]] if params.get("entry") else [])
        if len(files) != 1 or not isinstance(files[0], dict):
            return _error(422, "forespørgslen skal indeholde præcis én fil")
        file = files[0]
        if file.get("newPath") not in (None, file.get("path")):
            return _error(
                422,
                "filen kan ikke omdøbes eller flyttes i editoren; gør det i din filhåndtering",
            )
        item = item_path(self.project, file.get("path"))
        raw = file.get("raw")
        if not isinstance(raw, str):
            return _error(422, "forespørgslen mangler filens indhold")
        options = params.get("options")
        options = options if isinstance(options, dict) else {}
        new = bool(options.get("newEntry")) if "newEntry" in options else not item.file.exists()
        with self._saving:
            if new and item.file.exists():
                taken = Problem(item.col.title_field, _taken(item.relative), "error", None)
                return _refused([taken], drafts=False)
            data = writer.form_data(raw, item.col)
            existing = None if new else _read(item.file)
            text = writer.write(existing, data, item.col)
            draft = checks.is_draft(item.col, data)
            for asset in params.get("assets") or []:  # the item's check looks for its pictures
                self._save_asset(asset)
            problems = checks.check_item(self.project, item.col, item.relative, text, self.work)
            if checks.refused(problems, draft):
                return _refused(problems, drafts=checks.has_drafts(item.col))
            item.file.parent.mkdir(parents=True, exist_ok=True)
            _replace(item.file, text)
        shown = checks.as_saved(problems, draft)
        return 200, {"message": "entry persisted", "problems": [p.as_json() for p in shown]}

    def get_media(self, params: dict[str, Any]) -> Answer:
        if params.get("mediaFolder") != MEDIA:
            raise PathRefused(f"billeder ligger i mappen {MEDIA}")
        folder = self.project.images
        found = []
        if folder.is_dir():
            for file in sorted(folder.iterdir()):
                if file.name.startswith(".") or not file.is_file():
                    continue
                try:
                    media_path(self.project, f"{MEDIA}/{file.name}")
                except PathRefused:
                    continue
                found.append(media.described(file, f"{MEDIA}/{file.name}"))
        return 200, found

    def get_media_file(self, params: dict[str, Any]) -> Answer:
        file = media_path(self.project, params.get("path"))
        if not file.is_file():
            return _error(404, f"billedet '{file.name}' findes ikke")
        return 200, media.described(file, f"{MEDIA}/{file.name}")

    def persist_media(self, params: dict[str, Any]) -> Answer:
        asset = params.get("asset")
        if not isinstance(asset, dict):
            return _error(422, "forespørgslen mangler billedet")
        file = self._save_asset(asset)
        return 200, media.described(file, f"{MEDIA}/{file.name}")

    def _save_asset(self, asset: Any) -> Path:
        if not isinstance(asset, dict):
            raise media.MediaRefused("forespørgslen mangler billedet")
        file = media_path(self.project, asset.get("path"))
        media.check_name(file.name)
        media.save(file, media.decode(asset.get("content"), asset.get("encoding")))
        return file

    def delete_file(self, params: dict[str, Any]) -> Answer:
        return self.delete_files({"paths": [params.get("path")]})

    def delete_files(self, params: dict[str, Any]) -> Answer:
        paths = params.get("paths")
        if not isinstance(paths, list) or len(paths) != 1:
            return _error(422, "slet ét indhold ad gangen")
        item = item_path(self.project, paths[0])
        with self._saving:
            problems = checks.check_item(self.project, item.col, item.relative, None, self.work)
            if problems:
                return 422, {
                    "error": f"{item.col.definite.capitalize()} er ikke slettet: andre filer "
                    "henviser til det",
                    "problems": [p.as_json() for p in problems],
                }
            item.file.unlink(missing_ok=True)
        return 200, {"message": f"deleted file {item.relative}"}


def _error(status: int, message: str) -> Answer:
    return status, {"error": message[:1].upper() + message[1:]}


def _refused(problems: list[Problem], *, drafts: bool) -> Answer:
    errors = sum(p.severity == "error" for p in problems)
    what = "1 fejl" if errors == 1 else f"{errors} fejl"
    draft = " (eller gem som kladde)" if drafts else ""
    return 422, {
        "error": f"Ikke gemt: {what} skal rettes først{draft}",
        "problems": [p.as_json() for p in problems],
    }


def _taken(relative: str) -> str:
    return f"filen {relative} findes allerede; giv det nye en anden titel"


def _read(file: Path) -> str | None:
    try:
        return file.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        raise writer.WriteError(
            f"filen {file.name} kan ikke læses; ret den i en editor først ('vifte check' viser fejlen)"
        ) from None


def _replace(file: Path, text: str) -> None:
    """Write the whole file or nothing: a new file beside it, then renamed over it."""
    temporary = file.with_name(f".{file.name}.vifte-rediger")
    temporary.write_text(text, encoding="utf-8")
    if file.exists():
        shutil.copymode(file, temporary)
    temporary.replace(file)
