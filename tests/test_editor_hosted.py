"""The editor on the municipality's git host: settings.yaml's `editor:` with Danish errors, the
generated hosted configuration, and `vifte build` writing the editor into the site only when asked."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from vifte.cli import main
from vifte.domain.routes import EDITOR_FOLDER, OFFLINE_LIST_PATH
from vifte.editor import hosted
from vifte.editor.page import editor_csp
from vifte.mkdocs.build import build_site
from vifte.source.project import Project
from vifte.source.validate import require_catalogue

GITLAB = """
editor:
  backend: gitlab
  repo: proeveby/web/tilbud
  app_id: "9f2c41ab"
  base_url: https://gitlab.proeveby.dk/
  publish: {publish}
"""


def with_editor(project: Path, text: str) -> None:
    settings = project / "catalogue/settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + text, encoding="utf-8")


def settings_of(project: Path):
    catalogue, _ = require_catalogue(project)
    return catalogue.settings


def test_every_problem_of_editor_settings_in_danish_at_its_line(project, capsys):
    with_editor(
        project,
        "\neditor:\n  backend: github\n  repo: proeveby/web/tilbud\n  app_id: '12'\n"
        "  api_root: http://github.proeveby.dk/api/v3\n  publish: ja\n  login: x\n",
    )
    lines = (project / "catalogue/settings.yaml").read_text(encoding="utf-8").splitlines()
    at = {line.split(":")[0].strip(): n for n, line in enumerate(lines, 1) if line.startswith("  ")}
    assert main(["check", "-p", str(project)]) == 1
    out = capsys.readouterr().out
    where = f"catalogue/settings.yaml:{at['backend']}:3: error: 'editor.base_url': "
    assert where + "GitHub kræver en OAuth-tjeneste til login" in out
    assert (
        f":{at['repo']}:9: error: 'editor.repo': et GitHub-projekt skrives ejer/navn, "
        "fx 'fjordstrand/tilbud', ikke 'proeveby/web/tilbud'" in out
    )
    assert f":{at['app_id']}:11: error: 'editor.app_id': app_id bruges kun med GitLab" in out
    assert (
        f":{at['api_root']}:13: error: 'http://github.proeveby.dk/api/v3' er ikke gyldig i "
        "'editor.api_root': den skal være en adresse, der starter med https://" in out
    )
    assert f":{at['publish']}:12: error: 'editor.publish' skal være true (ja) eller false" in out
    assert f":{at['login']}:3: error: ukendt felt 'editor.login'" in out
    assert "Traceback" not in out


def test_gitlab_needs_its_application_id(project, capsys):
    with_editor(project, "\neditor:\n  backend: gitlab\n  repo: proeveby/tilbud\n")
    assert main(["check", "-p", str(project)]) == 1
    out = capsys.readouterr().out
    assert "error: 'editor.app_id': GitLab kræver programmets id (Application ID)" in out


def test_the_hosted_config_for_a_self_hosted_gitlab(project):
    with_editor(project, GITLAB.format(publish="true"))
    settings = settings_of(project)
    config = hosted.hosted_config(Project.at(project), settings)
    assert config["backend"] == {
        "name": "gitlab",
        "repo": "proeveby/web/tilbud",
        "branch": "main",
        "auth_type": "pkce",
        "app_id": "9f2c41ab",
        "base_url": "https://gitlab.proeveby.dk",
        "api_root": "https://gitlab.proeveby.dk/api/v4",
    }
    assert "local_backend" not in config
    assert config["site_url"] == settings.municipality.url
    local = hosted.decap_config(Project.at(project), site_url=settings.municipality.url)
    assert config["collections"] == local["collections"]  # the same form as `vifte rediger`'s
    assert settings.editor.hosts == ("https://gitlab.proeveby.dk",)


@pytest.mark.parametrize(
    ("extra", "api", "hosts"),
    [
        ("", "https://api.github.com", ["https://api.github.com"]),
        (
            "  api_root: https://github.proeveby.dk/api/v3\n",
            "https://github.proeveby.dk/api/v3",
            ["https://github.proeveby.dk"],
        ),
    ],
)
def test_the_hosted_config_for_github_logs_in_through_the_oauth_service(project, extra, api, hosts):
    with_editor(
        project,
        "\neditor:\n  backend: github\n  repo: proeveby/tilbud\n  branch: redaktion\n"
        f"  base_url: https://login.proeveby.dk\n{extra}",
    )
    editor = settings_of(project).editor
    assert editor.decap_backend() == {
        "name": "github",
        "repo": "proeveby/tilbud",
        "branch": "redaktion",
        "base_url": "https://login.proeveby.dk",
        "api_root": api,
    }
    assert editor.hosts == tuple(hosts)
    connect = re.search(r"connect-src ([^;]*)", editor_csp(editor.hosts))
    assert connect is not None and "'self'" in connect[1].split()
    assert [s for s in connect[1].split() if "://" in s] == hosts  # no other host


def test_gitlab_com_by_default(project):
    with_editor(project, "\neditor:\n  backend: gitlab\n  repo: proeveby/tilbud\n  app_id: a1\n")
    editor = settings_of(project).editor
    assert editor.decap_backend()["api_root"] == "https://gitlab.com/api/v4"
    assert "base_url" not in editor.decap_backend()
    assert editor.publish is False


@pytest.mark.parametrize("text", ["", GITLAB.format(publish="false")])
def test_the_site_has_no_editor_unless_asked(project, tmp_path, text):
    with_editor(project, text)
    site = build_site(project / "mkdocs.yml", tmp_path / "site", pdf=False)
    assert not (site / EDITOR_FOLDER).exists()
    assert f"/{EDITOR_FOLDER}/" not in (site / "_headers").read_text(encoding="utf-8")


DRAFT = """
title: Hemmelig kladde om løntilskud
area: beskaeftigelse
access: visitation
kind: work_practice
themes: [arbejdsliv]
target_groups: [jobparat]
summary: Et tilbud, der ikke er udgivet endnu.
description: Teksten er ikke færdig.
provider: {name: Jobcenteret}
contact: {phone: "70 00 00 09"}
status: draft
"""


def test_the_editor_is_in_the_site_when_asked_with_its_own_policy_and_noindex(project, tmp_path):
    with_editor(project, GITLAB.format(publish="true"))
    (project / "catalogue/offers/hemmelig-kladde.yaml").write_text(DRAFT, encoding="utf-8")
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(
        offer.read_text(encoding="utf-8")
        + 'internal_contact: {name: Intern Isabella, phone: "70 00 00 77"}\n',
        encoding="utf-8",
    )
    site = build_site(project / "mkdocs.yml", tmp_path / "site", pdf=False)
    folder = site / EDITOR_FOLDER
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<html lang="da">' in page
    [policy] = map(html.unescape, re.findall(r'"Content-Security-Policy" content="([^"]*)"', page))
    connect = re.search(r"connect-src ([^;]*)", policy)
    assert connect is not None and [s for s in connect[1].split() if "://" in s] == [
        "https://gitlab.proeveby.dk"
    ]
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert page.index("Content-Security-Policy") < page.index("<script")
    config = yaml.safe_load((folder / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["name"] == "gitlab" and "local_backend" not in config
    assert (folder / "static/decap/decap-cms.js").is_file()
    assert (folder / "static/editor.js").is_file()
    headers = (site / "_headers").read_text(encoding="utf-8")
    rule = headers[headers.index(f"/{EDITOR_FOLDER}/*\n") :]
    assert headers.index("/*\n") < headers.index(f"/{EDITOR_FOLDER}/*\n")  # the later rule wins
    assert f"  Content-Security-Policy: {policy}; frame-ancestors 'none'\n" in rule
    assert "  X-Robots-Tag: noindex, nofollow\n" in rule
    # The editor brings nothing of the catalogue: no draft, nothing internal; the editor reads
    # the files from the git host after the login.
    for file in folder.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".yml", ".js"}:
            text = file.read_text(encoding="utf-8", errors="replace")
            assert "hemmelig-kladde" not in text and "Hemmelig kladde" not in text, file
            assert "Intern Isabella" not in text, file
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert EDITOR_FOLDER not in sitemap
    # Nor is it kept for use without a network (6 MB of Decap, useless without the git host).
    stored = json.loads((site / OFFLINE_LIST_PATH).read_text(encoding="utf-8"))["files"]
    assert stored and not [f for f in stored if f.startswith(f"{EDITOR_FOLDER}/")]


def test_the_editor_is_at_the_root_only_in_danish(project, tmp_path):
    with_editor(project, "\nlanguages: [en]\n" + GITLAB.format(publish="true"))
    site = build_site(project / "mkdocs.yml", tmp_path / "site", pdf=False)
    assert (site / EDITOR_FOLDER / "index.html").is_file()
    assert (site / "en").is_dir() and not (site / "en" / EDITOR_FOLDER).exists()


def test_the_readme_section_names_these_tests_and_the_editors_headers():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Redigering på kommunens git-vært") :]
    section = section[: section.index("\n## ", 3)]
    named = set(re.findall(r"`(?:tests/[\w/]+\.py::)?(test_\w+)`", section))
    files = [
        REPO / "tests/test_editor_hosted.py",
        REPO / "tests/browser/test_editor_hosted_browser.py",
    ]
    defined = {m for f in files for m in re.findall(r"^def (test_\w+)", f.read_text(), re.M)}
    assert len(named) >= 8 and named <= defined, named - defined
    assert f'add_header {hosted.ROBOTS[0]} "{hosted.ROBOTS[1]}" always;' in section
    assert f"/{EDITOR_FOLDER}/*" in section and f"`/{EDITOR_FOLDER}/`" in section
