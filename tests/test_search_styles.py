"""The search page's stylesheets cut to the rules that can match it (decision 77; the browser
test compares the page's looks: tests/browser/test_search_styles_browser.py)."""

from __future__ import annotations

import re
from pathlib import Path

from vifte.mkdocs.build import build_site
from vifte.output.search_styles import cut_styles

THEME = "assets/stylesheets/main.1234.min.css"
PAGE = """<html lang="da" dir="ltr"><head>
<link rel="stylesheet" href="{up}assets/stylesheets/main.1234.min.css">
<link rel="stylesheet" href="{up}assets/vifte/vifte.css">
<link rel="stylesheet" href="{up}assets/vifte/colours.css">
<script src="{up}assets/vifte/search.js"></script>
</head><body><form class="kept-form" data-vifte-search><input id="q"></form>
<template><li class="vifte-card"><a>x</a></li></template></body></html>"""
CSS = (
    '@charset "UTF-8";:root{--c:red}.kept-form{color:red}.gone{color:blue}'
    ".kept-form .gone,.vifte-card a{margin:0}body:not(.absent) #q{top:0}#absent{top:1px}"
    "[data-vifte-search][data-md-absent]{left:0}[data-area=social]{color:var(--c)}"
    "html[dir=rtl] .kept-form{right:0}@media screen{.gone{x:1}.made-by-script:hover{x:2}}"
    "@media print{.gone{x:3}}@keyframes spin{to{rotate:1turn}}"
    '.kept-form::before{background:url("data:image/svg+xml;charset=utf-8,<svg/>")}'
)
VIFTE = ".vifte-card{padding:1px}.vifte-plan{padding:2px}"


def _site(tmp_path: Path, path: str = "soeg/index.html", up: str = "../") -> tuple[Path, str]:
    for name, text in (
        (THEME, CSS),
        ("assets/vifte/vifte.css", VIFTE),
        ("ar/assets/vifte/vifte.css", VIFTE),
        ("assets/vifte/colours.css", ":root{}"),
        (
            "assets/vifte/search.js",
            'e.className = "made-by-script"; e.setAttribute("data-area", a);',
        ),
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path, PAGE.format(up=up)


def _cut(site: Path, html: str) -> tuple[list[str], str]:
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)
    [cut] = [h for h in links if "search-" in h]
    return links, (site / "soeg" / cut).resolve().read_text(encoding="utf-8")


def test_only_rules_that_can_match_the_page_or_its_scripts_are_kept(tmp_path):
    site, page = _site(tmp_path)
    links, css = _cut(site, cut_styles(site, "soeg/index.html", page))
    assert links[1:] == ["../assets/vifte/colours.css"]  # the colours stay, after the cut file
    for kept in (
        '@charset "UTF-8";',
        ":root{--c:red}",
        ".kept-form{color:red}",
        ".kept-form .gone,.vifte-card a{margin:0}",  # one selector of the list can match
        "body:not(.absent) #q{top:0}",  # what :not() names is not required
        "[data-area=social]{color:var(--c)}",  # a script may set the value from the index
        "html[dir=rtl] .kept-form{right:0}",
        "@media screen{.made-by-script:hover{x:2}}",  # a name from the page's script
        "@keyframes spin",
        "data:image/svg+xml",
        ".vifte-card{padding:1px}",  # vifte.css after the theme's rules
    ):
        assert kept in css, kept
    for gone in (".gone{", "#absent", "data-md-absent", "@media print", ".vifte-plan"):
        assert gone not in css, gone
    assert css.index(".kept-form{") < css.index(".vifte-card{padding")


def test_a_language_folders_vifte_css_is_cut_too_and_the_file_named_by_its_content(tmp_path):
    site, page = _site(tmp_path, "ar/soeg/index.html", "../../")
    page = page.replace("../../assets/vifte/vifte.css", "../assets/vifte/vifte.css")
    html = cut_styles(site, "ar/soeg/index.html", page)
    [cut] = re.findall(r'href="([^"]*search-[0-9a-f]{10}\.css)"', html)
    assert cut.startswith("../../assets/vifte/search-")
    assert "vifte.css" not in html and "main.1234" not in html
    again = cut_styles(site, "ar/soeg/index.html", page)
    assert again == html  # the same page, the same file


def test_a_page_is_left_as_it_is_when_cutting_could_change_it(tmp_path):
    site, page = _site(tmp_path)
    between = page.replace(
        '<link rel="stylesheet" href="../assets/vifte/vifte.css">',
        '<link rel="stylesheet" href="../own.css">\n'
        '<link rel="stylesheet" href="../assets/vifte/vifte.css">',
    )
    assert cut_styles(site, "soeg/index.html", between) == between  # the order would change
    (site / THEME).write_text(CSS + '.x{background:url("../images/x.png")}', encoding="utf-8")
    assert cut_styles(site, "soeg/index.html", page) == page  # a path from another folder
    assert not list((site / "assets/vifte").glob("search-*.css"))


def test_a_built_search_page_links_the_cut_file_and_the_others_the_whole(project, tmp_path):
    # An offer whose address ends like the search page's (tilbud/soeg/) is an offer page.
    sample = (project / "catalogue/offers/virksomhedspraktik.yaml").read_text(encoding="utf-8")
    (project / "catalogue/offers/soeg.yaml").write_text(sample, encoding="utf-8")
    site = build_site(project / "mkdocs.yml", tmp_path / "site", pdf=False)
    offer = (site / "tilbud/soeg/index.html").read_text(encoding="utf-8")
    assert "assets/stylesheets/main." in offer
    assert not re.search(r"search-[0-9a-f]{10}\.css", offer)
    search = (site / "soeg/index.html").read_text(encoding="utf-8")
    plan = (site / "plan/index.html").read_text(encoding="utf-8")
    assert "assets/stylesheets/main." not in search and "vifte/vifte.css" not in search
    assert "assets/stylesheets/main." in plan and "vifte/vifte.css" in plan
    [cut] = re.findall(r'href="\.\./(assets/vifte/search-[0-9a-f]{10}\.css)"', search)
    offline = (site / "vifte-offline.json").read_text(encoding="utf-8")
    assert cut in offline  # the search page works without a network too
