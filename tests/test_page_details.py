"""Details on the pages a citizen reads: languages by name, link lists with commas, strategy cards
without internal ids, periods newest first, one name for the plans, no empty news heading, the
main action on top, and every same-page link leading somewhere."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape
from pathlib import Path

from vifte.domain.languages import languages_text
from vifte.domain.strategy import period_key
from vifte.mkdocs.build import build_site
from vifte.output.charts import MIN_SEGMENT, WIDTH, stacked

from .conftest import Write


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html))).strip()


def dd(html: str, term: str) -> str:
    return text(re.search(rf"<dt>{term}</dt><dd>(.*?)</dd>", html, re.S).group(1))


def test_language_codes_are_shown_as_danish_names():
    assert languages_text(["da", "TR", "ar", "pt-BR", "ti"]) == (
        "dansk, tyrkisk, arabisk, portugisisk, tigrinya"
    )
    # Names stay as written; so does a list with a name or an unknown code in it, so that a
    # word is never taken for a code ("no" beside "dansk" is what the editor wrote).
    assert languages_text(["dansk", "Fransk"]) == "dansk, Fransk"
    assert languages_text(["no", "dansk"]) == "no, dansk"
    assert languages_text(["da", "prs"]) == "da, prs"
    assert languages_text([]) == ""


def test_pages_and_pdfs_name_the_languages_an_editor_wrote_as_codes(project, tmp_path):
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(offer.read_text("utf-8") + "languages: [da, tr, ar]\n", "utf-8")
    mentor = project / "catalogue/mentors/eksempel-mentor.yaml"
    mentor.write_text(
        mentor.read_text("utf-8").replace("languages: [dansk, engelsk]", "languages: [da, en]"),
        "utf-8",
    )
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert dd(html_of(site, "tilbud/virksomhedspraktik"), "Sprog") == "dansk, tyrkisk, arabisk"
    mentor_page = html_of(site, "mentorer/eksempel-mentor")
    assert "<strong>Sprog:</strong> dansk, engelsk</p>" in mentor_page
    assert '<td data-label="Sprog">dansk, engelsk</td>' in html_of(site, "mentorer")

    out = tmp_path / "pdf"
    done = subprocess.run(
        [sys.executable, "-m", "vifte", "pdf", "-p", str(project), "--out", str(out)]
        + ["--format", "tilbud", "mentorer"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for pdf, names in (
        ("tilbud/virksomhedspraktik.pdf", "dansk, tyrkisk, arabisk"),
        ("mentorer.pdf", "dansk, engelsk"),
    ):
        printed = subprocess.run(
            ["pdftotext", str(out / pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert names in re.sub(r"\s+", " ", printed), pdf
        assert not re.search(r"\bda, (tr|en)\b", printed), pdf


def test_lists_of_links_are_separated_by_commas(example_site):
    html = html_of(example_site, "tilbud/jobklubben")
    groups = re.search(r"<strong>Målgrupper:</strong>(.*?)</p>", html, re.S).group(1)
    links = re.findall(r"<a [^>]*>([^<]+)</a>", groups)
    assert len(links) >= 2
    assert text(groups) == ", ".join(links)


def test_strategy_goals_show_no_internal_ids_and_no_empty_notes(example_site):
    plan = html_of(example_site, "strategi/beskaeftigelsesplan-2026")
    table = plan.split('<table class="vifte-goals', 1)[1].split("</table>", 1)[0]
    origins = re.findall(r'<span class="vifte-goal-id">([^<]*)</span>', table)
    assert origins and set(origins) <= {"Ministerens mål", "Lokalt mål"}
    assert not re.search(r"\b[a-z]+\d+ ·", text(table))
    assert '<td data-label="Bemærkning">–</td>' not in table
    assert '<td data-label="Bemærkning">Flere unge går nu i gang med FGU.</td>' in table
    # A document whose goals have no notes has no notes column at all.
    plain = html_of(example_site, "strategi/kommunikationsstrategi")
    assert "<table" in plain and "Bemærkning" not in plain


def test_a_group_of_local_goals_is_called_lokale_maal(example_site):
    status = html_of(example_site, "strategi/status")
    assert '<th scope="row">Lokale mål</th>' in status
    assert "Lokalt mål" not in status


def test_periods_are_ordered_newest_first_the_same_way_everywhere(example_site):
    assert sorted(["2025", "2026", "2026-2028", "2026-2029"], key=period_key) == [
        "2026-2029",
        "2026-2028",
        "2026",
        "2025",
    ]
    overview = html_of(example_site, "strategi")
    by_period = overview.split('id="efter-periode"', 1)[1].split("</section>", 1)[0]
    shown = re.findall(r'<h3 id="periode-([^"]+)">', by_period)
    assert {"2026", "2026-2029", "2026-2028"} <= set(shown)  # the example has each kind
    assert shown == sorted(shown, key=period_key)
    metas = re.findall(r'<span class="vifte-doc__meta">[^·]*· ([0-9-]+) ·', by_period)
    assert metas == sorted(metas, key=period_key)


def test_the_menu_and_the_heading_give_the_plans_one_name(example_site):
    overview = html_of(example_site, "strategi")
    assert "<h1>Planer og politikker</h1>" in overview
    for page in example_site.rglob("*.html"):
        assert "Planer og mål" not in page.read_text(encoding="utf-8"), page
    tab = re.search(
        r'<a href="strategi/" class="md-tabs__link">(.*?)</a>', html_of(example_site, ""), re.S
    )
    assert text(tab.group(1)) == "Planer og politikker"


def test_the_news_heading_shows_only_with_news(example_site, project, write: Write, tmp_path):
    assert "Nyt fra kommunen" in html_of(example_site, "")
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    front = html_of(site, "")
    assert "<h2" in front and "Nyt fra kommunen" not in front
    write(
        "catalogue/news/temadag.md",
        """
        ---
        title: Temadag om job
        date: 2026-11-20
        summary: Kom og mød virksomheder fra kommunen.
        ---
        Vi holder temadag i rådhushallen.
        """,
    )
    site = build_site(project / "mkdocs.yml", tmp_path / "site2")
    front = html_of(site, "")
    assert re.search(r'<h2 id="[^"]*">Nyt fra kommunen</h2>', front)
    assert front.index("Nyt fra kommunen") < front.index("Temadag om job")


def test_the_main_action_comes_before_the_lists(example_site, project, tmp_path):
    new_site = build_site(project / "mkdocs.yml", tmp_path / "site")
    for site in (example_site, new_site):
        front = html_of(site, "")
        action = re.search(r'<a class="md-button md-button--primary" href="tilbud/"[^>]*>', front)
        assert action and action.start() < front.index("<h2"), site


def test_every_same_page_link_has_its_target(example_site):
    """The 404 page's skip link pointed at #vifte-indhold, which that page lacked."""
    checked = 0
    for page in example_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        for target in re.findall(r'\bhref="#([^"]+)"', html):
            assert target in ids, f"{page.relative_to(example_site)}: #{target}"
            checked += 1
    assert checked > 100
    assert 'href="#vifte-indhold"' in (example_site / "404.html").read_text(encoding="utf-8")


def test_a_chart_with_many_goals_keeps_its_width_and_room_for_every_count():
    rows = [("Alle mål", [("achieved", 1), ("on_track", 38), ("at_risk", 1), ("off_track", 2)])]
    chart = stacked("Mål", rows + [("Få", [("not_started", 1)])])
    assert chart.width == WIDTH
    for row in chart.rows:
        assert all(s.width >= MIN_SEGMENT for s in row.segments)
        end = row.segments[-1].x + row.segments[-1].width
        assert end <= WIDTH
