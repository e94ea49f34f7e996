"""A hostile offer in a real browser: nothing it carries runs, and the site's own code breaks no rule."""

from __future__ import annotations

import pytest

from vifte.mkdocs.build import build_site

from .conftest import serve

HOSTILE = """
title: "Café </title><script>window.__pwned = 'title'</script> & \\"citat\\""
area: beskaeftigelse
access: direkte
themes: [arbejdsliv]
target_groups: [jobparat]
summary: "Kort <img src=x onerror=\\"window.__pwned='summary'\\"> tekst"
description: |
  Hej <script>window.__pwned = 'script'</script>

  <img src="x" onerror="window.__pwned = 'img'">
  [klik](javascript:window.__pwned='link') og [data](data:text/html,<script>alert(1)</script>)
  <iframe src="https://example.org/"></iframe>
  <a href="https://example.org/" onclick="window.__pwned='click'" style="position:fixed;top:0">ekstern</a>
professional: "<svg onload=\\"window.__pwned='svg'\\"></svg>Faglig tekst"
provider: {name: "<b onmouseover=alert(1)>Jobcenter</b>"}
contact: {phone: "70 00 00 01"}
keywords: ["<script>alert(1)</script>"]
"""


@pytest.fixture
def hostile_site(project, tmp_path):
    (project / "catalogue/offers/fjendtlig.yaml").write_text(HOSTILE.lstrip(), encoding="utf-8")
    (project / "site_src/side.md").write_text(
        "# Side <script>window.__pwned = 'h1'</script>\n\n<script>window.__pwned = 'page'</script>\n\n<p onclick=\"x()\">Tekst</p>\n",
        encoding="utf-8",
    )
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    server, url = serve(site)
    yield site, url
    server.shutdown()


def test_hostile_offer_runs_nothing(page, watched, hostile_site):
    site, url = hostile_site
    for path in ("tilbud/fjendtlig/", "tilbud/", "side/", "plan/"):
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__pwned") is None, path
        assert page.evaluate("window.__csp || []") == [], path
        assert watched.csp == [] and watched.errors == [], path
    page.goto(url + "tilbud/fjendtlig/")
    assert (
        page.locator("h1").text_content()
        == "Café </title><script>window.__pwned = 'title'</script> & \"citat\""
    )
    assert page.locator("iframe, .vifte-offer script, .vifte-offer img").count() == 0
    link = page.locator(".vifte-offer a[href='https://example.org/']")
    assert (
        link.get_attribute("rel") == "noopener noreferrer" and link.get_attribute("onclick") is None
    )
    assert link.get_attribute("style") is None
    page.locator("[data-vifte-view-toggle]").click()
    page.get_by_role("button", name="Læg på min plan", exact=True).click()
    page.goto(url + "plan/")
    assert page.evaluate("window.__pwned") is None
    assert watched.foreign == []


def test_hostile_text_is_escaped_in_metadata_and_json(hostile_site):
    import json

    site, _ = hostile_site
    html = (site / "tilbud/fjendtlig/index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    assert "<script>window.__pwned" not in head
    assert "&lt;/title&gt;&lt;script&gt;" in head
    data = json.loads((site / "data/catalogue.json").read_text(encoding="utf-8"))
    offer = next(o for o in data["offers"] if o["id"] == "fjendtlig")
    assert offer["title"].startswith(
        "Café </title><script>"
    )  # data stays data; escaping is the renderer's job
