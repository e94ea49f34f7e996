"""One request from the command line to the core and the adapter; one error type; checks on a
folder that any generator may have written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vifte.cli import main
from vifte.domain.edition import INTERNAL, PUBLIC, banner_html
from vifte.mkdocs.build import build_site
from vifte.mkdocs.config import request_of
from vifte.mkdocs.config_file import load_config_file
from vifte.output.site import Drawn, SiteBuild, check_folder
from vifte.request import Request
from vifte.source.diagnostics import ProjectError
from vifte.source.project import Project


def test_a_build_leaves_the_environment_as_it_found_it(project, tmp_path):
    import material.templates  # noqa: F401 (the theme sets NO_MKDOCS_2_WARNING once, on import)

    before = dict(os.environ)
    site = build_site(project / "mkdocs.yml", tmp_path / "site", edition=INTERNAL)
    assert dict(os.environ) == before
    assert banner_html(INTERNAL) in (site / "index.html").read_text(encoding="utf-8")


def test_no_environment_variable_picks_the_edition_or_the_pdfs(project, monkeypatch):
    """Plain `mkdocs build` builds what mkdocs.yml says: the public edition, with its PDFs."""
    monkeypatch.setenv("_VIFTE_EDITION", INTERNAL.name)
    monkeypatch.setenv("_VIFTE_PDF", "0")
    request = request_of(load_config_file(project / "mkdocs.yml", warn=False))
    assert (request.edition, request.pdf, request.project.root) == (PUBLIC, True, project)


def test_the_core_error_reaches_the_caller_as_it_is(project, tmp_path):
    (project / "catalogue/offers/ny.yaml").write_text("title: Ny\narea: x\n", encoding="utf-8")
    with pytest.raises(ProjectError) as failed:
        build_site(project / "mkdocs.yml", tmp_path / "site")
    assert any(
        str(d).startswith("catalogue/offers/ny.yaml:2:7") for d in failed.value.report.errors
    )
    assert failed.value.__cause__ is None and failed.value.__context__ is None


def test_check_refuses_the_front_matter_build_refuses(project, capsys):
    """Hand-written pages' front matter is the core's to check, so check and build agree."""
    (project / "site_src/videre.md").write_text(
        "---\ntemplate: redirect.html\n---\n# Videre\n", encoding="utf-8"
    )
    (project / "site_src/liste.md").write_text("---\ntitle: [a, b]\n---\nTekst\n", "utf-8")
    assert main(["check", "-p", str(project)]) == 1
    out = capsys.readouterr().out
    assert "site_src/videre.md:2:1: error: skabelonen 'redirect.html' findes ikke" in out
    assert "site_src/liste.md:2:1: error: 'title' i sidehovedet skal være en tekst" in out


def _folder(site: Path, pages: dict[str, str]) -> Path:
    for path, html in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(html, encoding="utf-8")
    return site


PAGE = '<!doctype html><html lang="da"><head><title>{0}</title></head><body>{1}</body></html>'


def test_the_links_of_any_folder_are_checked(tmp_path):
    site = _folder(
        tmp_path / "site",
        {
            "index.html": PAGE.format("Forside", '<a href="om/">Om</a> <a href="mangler/">x</a>'),
            "om/index.html": PAGE.format("Om", '<a href="../">Forside</a>'),
        },
    )
    with pytest.raises(ProjectError, match="index.html -> mangler/"):
        check_folder(site, [], "/", tmp_path)
    assert (site / "pagefind/pagefind.js").is_file()  # indexed all the same


def test_the_internal_marks_and_the_policy_are_judged_on_the_folder(project, tmp_path):
    theme = '<script>console.log("tema")</script>'
    site = _folder(
        tmp_path / "site",
        {
            "index.html": PAGE.format("Forside", theme + "<p>Velkommen</p>"),
            "ny/index.html": PAGE.format("Ny", "<p>Nyt</p>"),
        },
    )
    core = SiteBuild(Request(Project.at(project), INTERNAL, pdf=False))
    drawn = {"index.html": Drawn("site_src/index.md", ()), "ny/index.html": Drawn("ny", ())}
    with pytest.raises(ProjectError) as failed:
        core.finish(site, drawn)
    assert "site_src/index.md: siden mangler noindex-mærket og banneret" in str(failed.value)
    assert "ny: siden mangler noindex-mærket og banneret" in str(failed.value)

    public = SiteBuild(Request(Project.at(project), PUBLIC, pdf=False))
    warnings = public.finish(site, {"index.html": Drawn("site_src/index.md", ())})
    assert warnings == [
        "site_src/index.md: et indlejret script, der ikke kommer fra temaets skabeloner, "
        "blokeres af sikkerhedspolitikken (CSP)"
    ]
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<head><meta http-equiv="Content-Security-Policy"' in html
    assert "script-src 'self';" in html or "script-src 'self' " in html
    assert (site / "_headers").is_file()
