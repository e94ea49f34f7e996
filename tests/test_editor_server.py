"""`vifte rediger`'s server over HTTP, against a real `vifte init` project (no browser).

Decap's form sends a whole file as it serializes it (YAML 1.2, its own key order, no comments);
`decap_raw` makes such a text, so these requests are the ones the browser sends.
"""

from __future__ import annotations

import base64
import io
import json
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image
from ruamel.yaml import YAML

from vifte.editor.server import EditorServer
from vifte.source.loader import load
from vifte.source.project import Project
from vifte.source.validate import load_catalogue

OFFER = "catalogue/offers/virksomhedspraktik.yaml"


class Editor:
    def __init__(self, server: EditorServer):
        self.server = server
        self.base = f"http://127.0.0.1:{server.port}"

    def request(
        self, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()

    def post(self, action: str, **params: Any) -> tuple[int, Any]:
        body = json.dumps({"action": action, "params": {"branch": "main", **params}}).encode()
        status, _, content = self.request(
            "/api/v1", body, {"Content-Type": "application/json; charset=utf-8"}
        )
        return status, json.loads(content)

    def save(self, path: str, data: dict[str, Any], *, new: bool) -> tuple[int, Any]:
        if path.endswith(".md"):  # Decap's front matter format: the body under the fields
            fields = {k: v for k, v in data.items() if k != "body"}
            raw = f"---\n{decap_raw(fields)}---\n{data.get('body', '')}"
        else:
            raw = decap_raw(data)
        return self.post(
            "persistEntry",
            dataFiles=[{"slug": Path(path).stem, "path": path, "raw": raw}],
            assets=[],
            options={"newEntry": new, "commitMessage": "x", "useWorkflow": False, "status": ""},
        )

    def upload(self, name: str, content: bytes) -> tuple[int, Any]:
        asset = {
            "path": f"catalogue/images/{name}",
            "content": base64.b64encode(content).decode(),
            "encoding": "base64",
        }
        return self.post("persistMedia", asset=asset, options={"commitMessage": "x"})


def decap_raw(data: dict[str, Any]) -> str:
    """A file as Decap's YAML serializer writes it: YAML 1.2, no comments."""
    out = io.StringIO()
    y = YAML(typ="safe", pure=True)
    y.default_flow_style = False
    y.dump(data, out)
    return out.getvalue()


@pytest.fixture
def editor(project: Path) -> Iterator[Editor]:
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start"],
        cwd=project,
        check=True,
    )
    server = EditorServer(Project.at(project))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield Editor(server)
    finally:
        server.shutdown()
        server.server_close()


def new_offer(**changes: Any) -> dict[str, Any]:
    """An offer as the form sends it, in the form's own order (not `vifte new`'s)."""
    data: dict[str, Any] = {
        "title": "Café i byen",
        "summary": "Du kan arbejde i en café nogle timer om ugen.",
        "description": "Du serverer kaffe og lærer at tale med gæster.\n\nDu får en mentor.\n",
        "area": "beskaeftigelse",
        "access": "direkte",
        "themes": ["arbejdsliv"],
        "target_groups": ["jobparat"],
        "provider": {"name": "Jobcenteret", "department": ""},
        "contact": {"phone": "70 00 00 02", "email": "", "name": ""},
        "professional": "",
        "legal_basis": [],
        "status": "active",
    }
    data.update(changes)
    return data


def test_the_list_holds_the_items_and_not_their_translations(editor, project):
    (project / "catalogue/offers/virksomhedspraktik.en.yaml").write_text("title: Work\n", "utf-8")
    status, entries = editor.post(
        "entriesByFolder", folder="catalogue/offers", extension="yaml", depth=1
    )
    assert status == 200
    assert [e["file"]["path"] for e in entries] == [OFFER]
    assert entries[0]["data"] == (project / OFFER).read_text("utf-8")
    status, entry = editor.post("getEntry", path=OFFER)
    assert status == 200 and entry["data"].startswith("# Et eksempel")
    assert len(entry["file"]["id"]) == 64


def test_a_new_offer_is_written_in_vifte_new_order_and_reads_back_as_written(editor, project):
    data = new_offer(
        schedule={"start": "9.00", "hours_per_week": "10", "duration": "9:30"},
        location={"postcode": "0800", "address": "Torvet 1", "city": "Byen"},
        waiting_time="no",
        keywords=["yes", "1e3", "2026-01-31", "<script>alert(1)</script>"],
        updated="2026-11-30",
    )
    status, answer = editor.save("catalogue/offers/cafe-i-byen.yaml", data, new=True)
    assert status == 200, answer
    text = (project / "catalogue/offers/cafe-i-byen.yaml").read_text("utf-8")
    keys = [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]
    assert keys == [
        "status", "title", "area", "access", "themes", "target_groups", "summary",
        "description", "provider", "contact", "location", "schedule", "waiting_time",
        "keywords", "updated",
    ]  # fmt: skip
    assert "department" not in text and "professional" not in text  # empty fields left out
    assert "description: |\n" in text
    read = yaml.safe_load(text)  # YAML 1.1, as vifte reads
    assert read["schedule"] == {"start": "9.00", "hours_per_week": "10", "duration": "9:30"}
    assert read["location"]["postcode"] == "0800"
    assert read["waiting_time"] == "no"
    assert read["keywords"] == ["yes", "1e3", "2026-01-31", "<script>alert(1)</script>"]
    assert read["contact"]["phone"] == "70 00 00 02"
    assert str(read["updated"]) == "2026-11-30"
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
    assert catalogue.offer_by_id["cafe-i-byen"].schedule.start == "9.00"


def test_a_save_with_errors_is_refused_with_each_problem_at_its_field(editor, project):
    data = new_offer(contact={"phone": "123"}, themes=["findes-ikke"])
    del data["summary"]
    status, answer = editor.save("catalogue/offers/cafe-i-byen.yaml", data, new=True)
    assert status == 422
    assert answer["error"].startswith("Ikke gemt: 3 fejl")
    at = {p["field"]: p for p in answer["problems"]}
    assert set(at) == {"summary", "contact.phone", "themes.0"}
    assert all(p["severity"] == "error" for p in answer["problems"])
    assert "8 cifre" in at["contact.phone"]["message"]
    assert at["contact.phone"]["line"] > 1
    assert "findes-ikke" in at["themes.0"]["message"]
    assert "mangler" in at["summary"]["message"]
    assert not (project / "catalogue/offers/cafe-i-byen.yaml").exists()


def test_a_draft_is_saved_with_its_errors_as_warnings(editor, project):
    data = new_offer(status="draft", contact={"phone": "123"})
    status, answer = editor.save("catalogue/offers/cafe-i-byen.yaml", data, new=True)
    assert status == 200
    assert [(p["field"], p["severity"]) for p in answer["problems"]] == [
        ("contact.phone", "warning")
    ]
    assert (project / "catalogue/offers/cafe-i-byen.yaml").is_file()
    assert load_catalogue(project)[0] is not None  # a draft does not stop the build


def test_an_edit_changes_only_the_edited_lines(editor, project):
    before = (project / OFFER).read_text("utf-8")
    data = yaml.safe_load(before)
    data = {key: data[key] for key in sorted(data)}  # the form's order, not the file's
    data["title"] = "Praktik i en virksomhed"
    data["contact"]["phone"] = "70 00 00 09"
    data["themes"] = ["arbejdsliv", "trivsel"]
    status, answer = editor.save(OFFER, data, new=False)
    assert status == 200, answer
    diff = subprocess.run(
        ["git", "diff", "-U0", "--no-color", OFFER], cwd=project, capture_output=True, text=True
    ).stdout
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in "+++---"]
    assert changed == [
        "-title: Virksomhedspraktik",
        "+title: Praktik i en virksomhed",
        "+  - trivsel",
        '-  phone: "70 00 00 01"',
        '+  phone: "70 00 00 09"',
    ]
    assert (project / OFFER).read_text("utf-8").startswith("# Et eksempel på et tilbud.")


def test_saving_an_unchanged_item_changes_nothing(editor, project):
    before = (project / OFFER).read_text("utf-8")
    status, _ = editor.save(OFFER, yaml.safe_load(before), new=False)
    assert status == 200
    assert (project / OFFER).read_text("utf-8") == before


def test_a_field_emptied_in_the_form_is_removed_and_others_stay(editor, project):
    data = yaml.safe_load((project / OFFER).read_text("utf-8"))
    data["professional"] = ""
    del data["legal_basis"]  # a field the form does not send is kept
    status, _ = editor.save(OFFER, data, new=False)
    assert status == 200
    text = (project / OFFER).read_text("utf-8")
    assert "professional" not in text and "LAB-loven" not in text
    assert "legal_basis:\n  - Lov om en aktiv beskæftigelsesindsats § 42" in text


def test_a_new_item_over_an_existing_file_is_refused(editor, project):
    before = (project / OFFER).read_text("utf-8")
    status, answer = editor.save(OFFER, new_offer(), new=True)
    assert status == 422
    assert answer["problems"][0]["field"] == "title"
    assert (project / OFFER).read_text("utf-8") == before


def test_news_is_written_as_markdown_with_front_matter(editor, project):
    data = {"title": "Nyt tilbud", "date": "2026-12-01", "summary": "Der er et nyt tilbud."}
    data["body"] = "Vi har **et nyt** tilbud.\n"
    status, answer = editor.save("catalogue/news/nyt-tilbud.md", data, new=True)
    assert status == 200, answer
    text = (project / "catalogue/news/nyt-tilbud.md").read_text("utf-8")
    assert text == (
        "---\ntitle: Nyt tilbud\ndate: 2026-12-01\nsummary: Der er et nyt tilbud.\n---\n"
        "Vi har **et nyt** tilbud.\n"
    )
    data["summary"] = "Der er et nyt tilbud til unge."
    status, _ = editor.save("catalogue/news/nyt-tilbud.md", data, new=False)
    assert status == 200
    assert "summary: Der er et nyt tilbud til unge.\n---\nVi har **et nyt** tilbud.\n" in (
        project / "catalogue/news/nyt-tilbud.md"
    ).read_text("utf-8")


def _png(size: tuple[int, int] = (4, 3)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def test_an_uploaded_picture_is_checked_and_listed(editor, project):
    status, answer = editor.upload("cafe.png", _png())
    assert status == 200, answer
    assert answer["path"] == "catalogue/images/cafe.png"
    assert (project / "catalogue/images/cafe.png").read_bytes() == _png()
    status, listed = editor.post("getMedia", mediaFolder="catalogue/images")
    assert "catalogue/images/cafe.png" in [m["path"] for m in listed]
    data = new_offer(image={"file": "cafe.png", "alt": "En café med gæster"})
    assert editor.save("catalogue/offers/cafe-i-byen.yaml", data, new=True)[0] == 200


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("ødelagt.png", b"\x89PNG\r\n\x1a\nnot really", "filnavnet"),
        ("broken.png", _png()[:40], "kan ikke vises"),
        ("photo.jpg", _png(), "PNG-billede, men navnet siger JPEG"),
        ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "PNG"),
        ("page.html", b"<script>alert(1)</script>", "PNG"),
        (".hidden.png", _png(), "ikke en fil"),
    ],
)
def test_a_bad_upload_is_refused_and_leaves_nothing(editor, project, name, content, says):
    before = sorted(str(p) for p in project.rglob("*"))
    status, answer = editor.upload(name, content)
    assert status == 422
    assert says.lower() in answer["error"].lower()
    assert sorted(str(p) for p in project.rglob("*")) == before


def test_an_upload_does_not_replace_another_picture(editor, project):
    assert editor.upload("cafe.png", _png())[0] == 200
    status, answer = editor.upload("cafe.png", _png((5, 5)))
    assert status == 422 and "allerede" in answer["error"]
    assert (project / "catalogue/images/cafe.png").read_bytes() == _png()


@pytest.mark.parametrize(
    "path",
    [
        "../outside.yaml",
        "catalogue/offers/../../mkdocs.yml",
        "/etc/passwd",
        "catalogue/offers/sub/x.yaml",
        "catalogue/offers/.hidden.yaml",
        "catalogue/offers\\..\\x.yaml",
        "catalogue/offers/x.en.yaml",
        "catalogue/offers/x.md",
        "catalogue/offers/Store-Bogstaver.yaml",
        "catalogue/settings.yaml",
        "catalogue/offers/x\x00.yaml",
        "mkdocs.yml",
    ],
)
def test_hostile_paths_are_refused(editor, project, path):
    before = sorted(str(p) for p in project.rglob("*"))
    status, answer = editor.save(path, new_offer(status="draft"), new=True)
    assert status == 422 and answer["error"]
    assert editor.post("getEntry", path=path)[0] == 422
    assert sorted(str(p) for p in project.rglob("*")) == before


def test_a_symlink_out_of_the_folder_is_neither_read_nor_written(editor, project, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("title: hemmelig\n", "utf-8")
    (project / "catalogue/offers/link.yaml").symlink_to(secret)
    assert editor.post("getEntry", path="catalogue/offers/link.yaml")[0] == 422
    status, _ = editor.save("catalogue/offers/link.yaml", new_offer(), new=False)
    assert status == 422
    assert secret.read_text("utf-8") == "title: hemmelig\n"


def test_only_its_own_name_and_page_may_ask(editor):
    port = editor.server.port
    assert editor.request("/", headers={"Host": f"evil.example:{port}"})[0] == 421
    assert editor.request("/", headers={"Host": f"127.0.0.1:{port + 1}"})[0] == 421
    assert editor.request("/", headers={"Host": f"localhost:{port}"})[0] == 200
    body = json.dumps({"action": "info", "params": {}}).encode()
    json_type = {"Content-Type": "application/json"}
    assert editor.request("/api/v1", body, {**json_type, "Origin": "http://evil.example"})[0] == 403
    assert editor.request("/api/v1", body, {"Content-Type": "text/plain"})[0] == 415
    origin = {"Origin": f"http://127.0.0.1:{port}"}
    assert editor.request("/api/v1", body, {**json_type, **origin})[0] == 200


def test_the_page_its_configuration_and_files(editor):
    status, headers, page = editor.request("/")
    assert status == 200 and b'lang="da"' in page
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    status, _, config = editor.request("/config.yml")
    local = f"http://127.0.0.1:{editor.server.port}/api/v1"
    assert yaml.safe_load(config)["local_backend"]["url"] == local
    status, headers, script = editor.request("/static/decap/decap-cms.js")
    assert status == 200 and headers["Content-Type"].startswith("application/javascript")
    assert editor.request("/static/../server.py")[0] == 404
    assert editor.request("/static/%2e%2e/server.py")[0] == 404
    assert editor.request("/static/decap/../../server.py")[0] == 404


def test_an_unknown_action_or_broken_request_is_a_danish_error(editor):
    assert editor.post("publishUnpublishedEntry", collection="offers", slug="x")[0] == 422
    status, _, body = editor.request("/api/v1", b"{not json", {"Content-Type": "application/json"})
    assert status == 400 and "JSON" in json.loads(body)["error"]


def test_an_item_others_refer_to_is_not_deleted(editor, project):
    data = new_offer(related=["virksomhedspraktik"])
    assert editor.save("catalogue/offers/cafe-i-byen.yaml", data, new=True)[0] == 200
    status, answer = editor.post("deleteFiles", paths=[OFFER], options={"commitMessage": "x"})
    assert status == 422 and "virksomhedspraktik" in answer["problems"][0]["message"]
    assert (project / OFFER).is_file()
    status, _ = editor.post(
        "deleteFiles", paths=["catalogue/offers/cafe-i-byen.yaml"], options={"commitMessage": "x"}
    )
    assert status == 200 and not (project / "catalogue/offers/cafe-i-byen.yaml").exists()


def test_an_untouched_file_reads_the_same_after_an_edit(editor, project):
    """Typed values the form did not touch stay as vifte read them (an unquoted phone)."""
    path = project / OFFER
    path.write_text(
        path.read_text("utf-8").replace('phone: "70 00 00 01"', "phone: 70000001"), "utf-8"
    )
    data = yaml.safe_load(path.read_text("utf-8"))
    data["contact"]["phone"] = "70000001"  # Decap shows the text, and sends it back
    data["title"] = "Praktik"
    assert editor.save(OFFER, data, new=False)[0] == 200
    assert "phone: 70000001\n" in path.read_text("utf-8")
    assert load(path).data["title"] == "Praktik"


def test_a_strategy_documents_draft_is_a_proposal_and_is_checked_as_published(editor, project):
    """`status: draft` of a strategy document is a published proposal (decision 17)."""
    data = {"title": "Plan for beskæftigelse", "status": "draft", "body": "Teksten.\n"}
    status, answer = editor.save("strategy/plan.md", data, new=True)
    assert status == 422
    assert "kladde" not in answer["error"]
    assert all(p["severity"] == "error" for p in answer["problems"])
    assert not (project / "strategy/plan.md").exists()


@pytest.mark.parametrize(
    "title",
    [
        "Café\u202e <script>alert(1)</script>",
        "Linje\x07klokke",
        "title: x\nstatus: active",
        "{{ config }} {% raw %}",
        "&amp; <img src=x onerror=alert(1)>",
    ],
)
def test_hostile_text_is_kept_as_text_or_refused_at_its_field(editor, project, title):
    status, answer = editor.save(
        "catalogue/offers/cafe-i-byen.yaml", new_offer(title=title), new=True
    )
    file = project / "catalogue/offers/cafe-i-byen.yaml"
    if status == 200:
        assert load(file).data["title"] == title  # the text itself, never a new field
        assert load(file).data["status"] == "active"
    else:
        assert status == 422
        assert [p["field"] for p in answer["problems"]] == ["title"]
        assert not file.exists()


def test_a_picture_sent_with_the_item_is_there_when_the_item_is_checked(editor, project):
    asset = {
        "path": "catalogue/images/cafe.png",
        "content": base64.b64encode(_png()).decode(),
        "encoding": "base64",
    }
    data = new_offer(image={"file": "cafe.png", "alt": "En café"})
    status, answer = editor.post(
        "persistEntry",
        dataFiles=[
            {
                "slug": "cafe-i-byen",
                "path": "catalogue/offers/cafe-i-byen.yaml",
                "raw": decap_raw(data),
            }
        ],
        assets=[asset],
        options={"newEntry": True, "commitMessage": "x", "useWorkflow": False, "status": ""},
    )
    assert status == 200, answer
    assert (project / "catalogue/images/cafe.png").read_bytes() == _png()


def test_a_file_with_windows_line_endings_and_a_bom_keeps_them(editor, project):
    path = project / OFFER
    original = "\ufeff" + path.read_text("utf-8").replace("\n", "\r\n")
    path.write_bytes(original.encode("utf-8"))
    data = yaml.safe_load(original.removeprefix("\ufeff"))
    data["title"] = "Praktik"
    assert editor.save(OFFER, data, new=False)[0] == 200
    assert path.read_bytes().decode("utf-8") == original.replace(
        "title: Virksomhedspraktik", "title: Praktik"
    )


def test_a_file_whose_name_is_no_id_is_left_out_of_the_list(editor, project):
    (project / "catalogue/offers/Min Fil.yaml").write_text("title: x\n", "utf-8")
    status, entries = editor.post(
        "entriesByFolder", folder="catalogue/offers", extension="yaml", depth=1
    )
    assert status == 200 and [e["file"]["path"] for e in entries] == [OFFER]


def test_the_preview_address_says_whether_the_site_shows_the_page(project):
    server = EditorServer(Project.at(project), preview=lambda c, s: f"http://x/{c}/{s}/")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        ask = Editor(server)
        assert editor_json(ask, "/vifte/preview?collection=offers&slug=virksomhedspraktik") == {
            "url": "http://x/offers/virksomhedspraktik/",
            "shown": True,
        }
        assert ask.save("catalogue/offers/ny.yaml", new_offer(status="draft"), new=True)[0] == 200
        assert not editor_json(ask, "/vifte/preview?collection=offers&slug=ny")["shown"]
        assert not editor_json(ask, "/vifte/preview?collection=offers&slug=..%2Fx")["shown"]
    finally:
        server.shutdown()
        server.server_close()


def editor_json(editor: Editor, path: str) -> Any:
    status, _, body = editor.request(path)
    assert status == 200
    return json.loads(body)


def test_plain_language_warnings_come_back_at_their_field_and_the_offer_is_saved(editor, project):
    summary = "Du kan arbejde i en café. Du får også en mentor."
    status, answer = editor.save(
        "catalogue/offers/cafe-i-byen.yaml", new_offer(summary=summary), new=True
    )
    assert status == 200
    assert [(p["field"], p["severity"]) for p in answer["problems"]] == [("summary", "warning")]
    assert (project / "catalogue/offers/cafe-i-byen.yaml").is_file()
