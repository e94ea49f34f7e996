"""In Chromium, the editor `vifte build` publishes for the git host: it starts under its own
policy with no violation and no request to another host, and its login goes to the municipality's
GitLab with PKCE (no server of vifte's, no secret in the page)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.browser.conftest import serve
from vifte.domain.routes import EDITOR_FOLDER
from vifte.mkdocs.build import build_site


def test_the_published_editor_logs_in_at_the_municipalitys_gitlab(page, watched, project, tmp_path):
    settings = project / "catalogue/settings.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        + "\neditor:\n  backend: gitlab\n  repo: proeveby/tilbud\n  app_id: 9f2c41ab\n"
        "  base_url: https://gitlab.proeveby.dk\n  publish: true\n",
        encoding="utf-8",
    )
    site = build_site(project / "mkdocs.yml", tmp_path / "site", pdf=False)
    server, url = serve(Path(site))
    try:
        page.goto(f"{url}{EDITOR_FOLDER}/")
        login = page.get_by_role("button", name="Log ind med GitLab")
        login.wait_for()
        assert page.evaluate("window.__csp || []") == [] and watched.csp == []
        assert watched.foreign == [] and watched.errors == []
        with page.expect_request("https://gitlab.proeveby.dk/**") as asked:
            login.click()
        sent = urlsplit(asked.value.url)
        query = parse_qs(sent.query)
        assert sent.path == "/oauth/authorize"
        assert query["client_id"] == ["9f2c41ab"] and query["code_challenge_method"] == ["S256"]
        assert query["redirect_uri"] == [f"{url}{EDITOR_FOLDER}/"]
        assert {urlsplit(u).netloc for u in watched.foreign} == {"gitlab.proeveby.dk"}
    finally:
        server.shutdown()
