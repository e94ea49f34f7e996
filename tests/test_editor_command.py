"""`vifte rediger` as a user starts it: the editor and the live preview, stopped by Ctrl-C."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
import urllib.request

import yaml

from .test_serve import _free_port, _wait_for


def _post(url: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, json.loads(response.read())


def test_the_editor_saves_and_the_preview_shows_the_saved_page(project):
    editor, preview = _free_port(), _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "vifte",
            "rediger",
            "-p",
            str(project),
            "-a",
            f"127.0.0.1:{editor}",
            "--forhaandsvisning",
            f"127.0.0.1:{preview}",
        ],  # fmt: skip
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{editor}"
        _wait_for(base + "/config.yml", "local_backend")
        page = _wait_for(
            f"http://127.0.0.1:{preview}/tilbud/virksomhedspraktik/", "<h1>Virksomhedspraktik</h1>"
        )
        assert page
        path = "catalogue/offers/virksomhedspraktik.yaml"
        data = yaml.safe_load((project / path).read_text("utf-8"))
        data["title"] = "Praktik i en virksomhed"
        raw = yaml.safe_dump(data, allow_unicode=True)
        status, answer = _post(
            base + "/api/v1",
            {
                "action": "persistEntry",
                "params": {
                    "branch": "main",
                    "dataFiles": [{"slug": "virksomhedspraktik", "path": path, "raw": raw}],
                    "assets": [],
                    "options": {"commitMessage": "x", "useWorkflow": False, "status": ""},
                },
            },
        )
        assert status == 200, answer
        found = json.loads(
            _wait_for(base + "/vifte/preview?collection=offers&slug=virksomhedspraktik", "url")
        )
        assert found["url"] == f"http://127.0.0.1:{preview}/tilbud/virksomhedspraktik/"
        _wait_for(found["url"], "<h1>Praktik i en virksomhed</h1>")
    finally:
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGINT
    assert "Traceback" not in errors
    assert f"Editoren kører på http://127.0.0.1:{editor}/" in errors
    assert errors.strip().splitlines()[-1] == "Editoren og forhåndsvisningen er stoppet (Ctrl-C)."


def test_the_editor_runs_only_on_this_computer(project):
    result = subprocess.run(
        [sys.executable, "-m", "vifte", "rediger", "-p", str(project), "-a", "0.0.0.0:8010"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith(
        "fejl: '0.0.0.0:8010' kan ikke bruges; editoren kører kun"
    )


def test_the_editor_keeps_running_when_the_preview_cannot_start(project):
    """A project with an error is what the editor is for: it starts without the preview."""
    (project / "catalogue/offers/virksomhedspraktik.yaml").write_text("title: [\n", "utf-8")
    editor = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "vifte",
            "rediger",
            "-p",
            str(project),
            "-a",
            f"127.0.0.1:{editor}",
            "--forhaandsvisning",
            f"127.0.0.1:{_free_port()}",
        ],  # fmt: skip
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stderr or []), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any("kører ikke" in line for line in lines):
            time.sleep(0.2)
        assert any("Forhåndsvisningen kører ikke, men editoren gør" in line for line in lines)
        assert _post(f"http://127.0.0.1:{editor}/api/v1", {"action": "info"})[0] == 200
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
        reader.join(timeout=10)
    assert not any("Traceback" in line for line in lines)
