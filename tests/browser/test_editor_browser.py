"""Issue 25's "Done when", in Chromium: a new communication officer uses `vifte rediger`.

The real command runs on a `vifte init` project in a git repository: the editor and the live
preview on 127.0.0.1. The officer creates an offer in the form (a required field left empty
first, then a save that vifte's checks refuse, each message read at its field), uploads an
image with alt text, links a theme and a related offer, saves, opens the page in the preview,
edits an existing offer (only its changed line changes in `git diff`); `vifte check` passes and
`vifte build` builds. No request leaves 127.0.0.1 and the page's CSP is never violated.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from PIL import Image

from vifte.scaffold import init_project

from .conftest import Watched

VIFTE = [sys.executable, "-m", "vifte"]
DEBUG: list = []
CREATED = "catalogue/offers/madklub-for-ledige.yaml"
EXISTING = "catalogue/offers/virksomhedspraktik.yaml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`vifte rediger` on a fresh `vifte init` project under git; yields (editor URL, root)."""
    root = tmp_path_factory.mktemp("rediger") / "kommune"
    init_project(root, "Prøveby Kommune")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    port, preview = free_port(), free_port()
    process = subprocess.Popen(
        [*VIFTE, "rediger", "-p", str(root), "-a", f"127.0.0.1:{port}"]
        + ["--forhaandsvisning", f"127.0.0.1:{preview}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while not (answers(url) and answers(f"http://127.0.0.1:{preview}/")):
        assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
        assert time.monotonic() < deadline, "vifte rediger did not start"
        time.sleep(0.3)
    yield url, root
    process.send_signal(signal.SIGINT)  # Ctrl-C, as the officer stops it
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def control(page, name: str, within=None):
    """Decap's control of a field (its container), found by Decap's own id `<name>-field-<n>`."""
    scope = within if within is not None else page
    label = scope.locator(f'label[for^="{name}-field-"]').first
    return label.locator("xpath=ancestor::*[contains(@class, 'ControlContainer')][1]")


def pick(page, name: str, text: str, within=None) -> None:
    """Choose `text` in a pick list (Decap's select and relation widgets are react-select)."""
    box = control(page, name, within)
    box.locator("input").first.fill(text[:6])
    page.locator('[class*="-option"]', has_text=text).first.click()


def publish(page) -> None:
    page.get_by_role("button", name="Publicer").click()
    page.get_by_text("Publicer nu").click()


def type_markdown(page, name: str, text: str) -> None:
    box = control(page, name)
    box.locator('[contenteditable="true"]').first.click()
    page.keyboard.type(text)


def test_a_new_officer_creates_and_edits_offers_in_the_form(
    editor, page, watched: Watched, tmp_path: Path
) -> None:
    url, root = editor
    page.on("response", lambda r: DEBUG.append((r.status, r.request.post_data[:300] if r.request.post_data else "", r.text()[:600] if "api/v1" in r.url else "")) if "api/v1" in r.url else None)
    page.on("console", lambda m: DEBUG.append((0, m.type, m.text[:800])))
    page.goto(url)
    page.get_by_role("button", name="Log ind").click()
    page.get_by_role("link", name="Tilbud").first.wait_for()
    page.goto(url + "#/collections/offers/new")

    # 1. A required field left empty: Decap's own Danish message, at the field.
    control(page, "title").locator("input").fill("Madklub for ledige")
    publish(page)
    summary = control(page, "summary")
    assert "KORT BESKRIVELSE ER PÅKRÆVET" in summary.inner_text().upper()

    # 2. Fill in the form; pick lists hold the project's own terms and offers.
    pick(page, "status", "Aktivt")
    pick(page, "area", "Beskæftigelse")
    pick(page, "access", "Direkte adgang")
    pick(page, "themes", "Arbejde og praktik")
    pick(page, "target_groups", "Jobparat")
    summary.locator("input").fill("Lav mad sammen med andre og få en god start på ugen.")
    type_markdown(page, "description", "Du laver mad sammen med andre hver mandag.")
    provider = control(page, "provider")
    control(page, "name", provider).locator("input").fill("Jobcenteret")
    pick(page, "related", "Virksomhedspraktik")

    # An image with its alt text, uploaded through the media library.
    picture = tmp_path / "madklub.png"
    Image.new("RGB", (64, 48), (200, 120, 40)).save(picture)
    image = control(page, "image")
    image.get_by_role("button", name="Vælg et billede").click()
    try:
        page.locator('input[type="file"]').set_input_files(str(picture))
    except Exception:
        page.screenshot(path="/tmp/s25c/fail.png")
        raise
    page.get_by_role("button", name="Anvend valgte").click()
    control(page, "alt", image).locator("input").fill("Fire personer laver mad i et køkken.")

    # 3. Saved as active without a phone or an e-mail: vifte's check refuses, at "Kontakt".
    page.get_by_role("button", name="Publicer").click()
    page.screenshot(path="/tmp/s25c/menu.png")
    open("/tmp/s25c/menu.html", "w").write(page.locator("body").inner_html()[:200000])
    page.get_by_text("Publicer nu").click()
    problem = control(page, "contact").locator(".vifte-problem[role=alert]")
    try:
        problem.wait_for(timeout=10000)
    except Exception:
        page.screenshot(path="/tmp/s25c/fail.png", full_page=True)
        import json; open("/tmp/s25c/debug.json", "w").write(json.dumps(DEBUG)); open("/tmp/s25c/body.txt", "w").write(page.inner_text("body"))
        raise
    assert problem.inner_text() == "Fejl: feltet 'contact' mangler; det skal udfyldes"
    top = page.locator(".vifte-problems[role=alert]")
    assert "Ikke gemt" in top.inner_text() and "Kontakt" in top.inner_text()
    assert not (root / CREATED).exists()  # refused: nothing written

    # 4. The phone number added: saved, and the page opens in the live preview.
    contact = control(page, "contact")
    control(page, "phone", contact).locator("input").fill("70 11 22 33")
    publish(page)
    link = page.get_by_role("link", name="Se siden i forhåndsvisningen")
    try:
        link.wait_for(timeout=30_000)
    except Exception:
        page.screenshot(path="/tmp/s25c/fail2.png", full_page=True)
        import json; open("/tmp/s25c/debug.json", "w").write(json.dumps(DEBUG))
        raise
    saved = yaml.safe_load((root / CREATED).read_text(encoding="utf-8"))
    assert saved["title"] == "Madklub for ledige" and saved["status"] == "active"
    assert saved["themes"] == ["arbejdsliv"] and saved["related"] == ["virksomhedspraktik"]
    assert saved["contact"]["phone"] == "70 11 22 33"
    assert saved["image"]["alt"] == "Fire personer laver mad i et køkken."
    assert (root / "catalogue/images" / saved["image"]["file"]).is_file()
    preview = page.context.new_page()
    for _ in range(120):  # the preview rebuilds after the save; wait for the new page
        preview.goto(link.get_attribute("href"))
        if preview.locator("h1", has_text="Madklub for ledige").count():
            break
        preview.wait_for_timeout(500)
    assert preview.locator("h1", has_text="Madklub for ledige").count() == 1
    preview.close()

    # 5. An existing offer edited: only its changed line changes.
    page.goto(url + "#/collections/offers/entries/virksomhedspraktik")
    field = control(page, "summary").locator("input")
    field.wait_for()
    field.fill("Prøv et job på en arbejdsplads i nogle uger.")
    publish(page)
    page.get_by_text("Dokumentet er publiceret").first.wait_for(timeout=30_000)
    diff = git(root, "diff", "--unified=0", "--", EXISTING)
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == [
        "-summary: Prøv kræfter med et job på en arbejdsplads i nogle uger.",
        "+summary: Prøv et job på en arbejdsplads i nogle uger.",
    ]

    # `vifte check` passes and `vifte build` builds.
    check = subprocess.run([*VIFTE, "check", "-p", str(root)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    build = subprocess.run(
        [*VIFTE, "build", "-p", str(root), "--no-pdf"], capture_output=True, text=True
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assert watched.foreign == [] and watched.errors == []
    assert page.evaluate("window.__csp || []") == []
