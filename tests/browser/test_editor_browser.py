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
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from PIL import Image
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.shared import PATIENCE, wait_until
from vifte.editor.page import CSP
from vifte.scaffold import init_project

from .conftest import Watched

VIFTE = [sys.executable, "-m", "vifte"]
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
    wait_until(
        lambda: answers(url) and answers(f"http://127.0.0.1:{preview}/"),
        "answer from vifte rediger and its preview",
        process,
        every=0.3,
        said=lambda: process.stdout.read().decode() if process.stdout else "",
    )
    yield url, root
    process.send_signal(signal.SIGINT)  # Ctrl-C, as the officer stops it
    try:
        process.wait(timeout=PATIENCE)
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


def publish(page, *, sent: bool = True) -> int | None:
    """Decap's "Publicer nu"; the status of the save vifte answered (None: the form stopped it)."""
    page.get_by_role("button", name="Publicer").click()
    if not sent:
        page.get_by_text("Publicer nu").click()
        return None
    with page.expect_response(
        lambda r: r.url.endswith("/api/v1") and "persistEntry" in (r.request.post_data or "")
    ) as saving:
        page.get_by_text("Publicer nu").click()
    return saving.value.status


def type_markdown(page, name: str, text: str) -> None:
    box = control(page, name)
    box.locator('[contenteditable="true"]').first.click()
    page.keyboard.type(text)


def test_a_new_officer_creates_and_edits_offers_in_the_form(
    editor, page, watched: Watched, tmp_path: Path
) -> None:
    url, root = editor
    response = page.goto(url)
    assert response is not None and response.headers["content-security-policy"] == CSP
    assert page.locator("html").get_attribute("lang") == "da"
    page.get_by_role("button", name="Log ind").click()
    page.get_by_role("link", name="Tilbud").first.wait_for()
    page.goto(url + "#/collections/offers/new")

    # 1. A required field left empty: Decap's own Danish message, at the field.
    control(page, "title").locator("input").fill("Madklub for ledige")
    publish(page, sent=False)
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
    page.locator('input[type="file"]').set_input_files(str(picture))
    page.get_by_role("button", name="Anvend valgte").click()
    control(page, "alt", image).locator("input").fill("Fire personer laver mad i et køkken.")

    # 3. Saved as active without a phone or an e-mail: vifte's check refuses, at "Kontakt".
    assert publish(page) == 422
    problem = control(page, "contact").locator(".vifte-problem[role=alert]")
    problem.wait_for()
    assert problem.inner_text() == "Fejl: feltet 'contact' mangler; det skal udfyldes"
    top = page.locator(".vifte-problems[role=alert]")
    assert "Ikke gemt" in top.inner_text() and "Kontakt" in top.inner_text()
    assert not (root / CREATED).exists()  # refused: nothing written

    # 4. The phone number added: saved, and the page opens in the live preview.
    contact = control(page, "contact")
    control(page, "phone", contact).locator("input").fill("70 11 22 33")
    assert publish(page) == 200
    link = page.get_by_role("link", name="Se siden i forhåndsvisningen")
    link.wait_for()
    saved = yaml.safe_load((root / CREATED).read_text(encoding="utf-8"))
    assert saved["title"] == "Madklub for ledige" and saved["status"] == "active"
    assert saved["themes"] == ["arbejdsliv"] and saved["related"] == ["virksomhedspraktik"]
    assert saved["contact"]["phone"] == "70 11 22 33"
    assert saved["image"]["alt"] == "Fire personer laver mad i et køkken."
    assert (root / "catalogue/images" / saved["image"]["file"]).is_file()
    preview = page.context.new_page()
    address = link.get_attribute("href")
    for _ in range(120):  # the preview rebuilds after the save; wait for the new page
        try:
            preview.goto(address)
        except PlaywrightError:  # the preview swapped its site while the page loaded
            pass
        if preview.locator("h1", has_text="Madklub for ledige").count():
            break
        preview.wait_for_timeout(500)
    assert preview.locator("h1", has_text="Madklub for ledige").count() == 1
    preview.close()

    # 5. An existing offer edited: only its changed line changes.
    page.goto(url + "#/collections/offers")
    page.get_by_role("link", name="Virksomhedspraktik").click()
    field = control(page, "summary").locator("input")
    expect(field).to_have_value("Prøv kræfter med et job på en arbejdsplads i nogle uger.")
    field.fill("Prøv et job på en arbejdsplads i nogle uger.")
    assert publish(page) == 200
    diff = git(root, "diff", "--unified=0", "--", EXISTING)
    changed = [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
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
    assert watched.foreign == []
    # Decap leaves two of its own promises unhandled: the form's refusal (undefined) and the
    # server's (its answer, an Object). Anything else is an error of the page.
    assert [e for e in watched.errors if e not in ("undefined", "Object")] == []
    assert page.evaluate("window.__csp || []") == []


@pytest.mark.parametrize("width", [1280, 390])
def test_the_list_and_a_form_fit_the_screen(editor, browser, width: int, tmp_path: Path) -> None:
    """Screenshots of the list and a form (kept in VIFTE_SCREENSHOTS when set, to look at);
    on a phone the form takes the screen's width, without sideways scrolling."""
    url, _ = editor
    folder = Path(os.environ.get("VIFTE_SCREENSHOTS", tmp_path))
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    context.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else r.abort()
        ),
    )
    page = context.new_page()
    page.goto(url)
    page.get_by_role("button", name="Log ind").click()
    page.get_by_role("link", name="Tilbud").first.wait_for()
    page.get_by_text("Virksomhedspraktik").first.wait_for()
    page.screenshot(path=folder / f"editor-list-{width}.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_text("Virksomhedspraktik").first.click()
    expect(control(page, "title").locator("input")).to_have_value("Virksomhedspraktik")
    page.screenshot(path=folder / f"editor-form-{width}.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_a_draft_is_saved_with_its_problems_as_warnings_at_the_fields(
    editor, page, watched: Watched
) -> None:
    url, root = editor
    page.goto(url)
    page.get_by_role("button", name="Log ind").click()
    page.get_by_role("link", name="Tilbud").first.wait_for()
    page.goto(url + "#/collections/offers/new")
    control(page, "title").locator("input").fill("Kladde om cykler")
    pick(page, "area", "Sundhed")
    pick(page, "access", "Direkte adgang")
    pick(page, "themes", "Arbejde og praktik")
    pick(page, "target_groups", "Jobparat")
    control(page, "summary").locator("input").fill("Reparer cykler sammen med andre.")
    type_markdown(page, "description", "Du reparerer cykler.")
    control(page, "name", control(page, "provider")).locator("input").fill("Jobcenteret")
    assert publish(page) == 200  # status Kladde (the default): saved although no contact
    note = control(page, "contact").locator(".vifte-problem--warning[role=alert]")
    note.wait_for()
    assert note.inner_text().startswith("Advarsel: ") and "contact" in note.inner_text()
    assert "Gemt. Se advarslerne ved felterne." in page.locator(".vifte-problems").inner_text()
    saved = yaml.safe_load((root / "catalogue/offers/kladde-om-cykler.yaml").read_text("utf-8"))
    assert saved["status"] == "draft" and "contact" not in saved
    assert watched.foreign == []
