"""Control characters and non-characters are refused by `vifte check`, in Danish at file:line.

They stopped the build (a vertical tab in a title: the feed library's English ValueError) or
landed raw in the HTML and the search index; a raw one in a YAML file crashed the check itself.
"""

from __future__ import annotations

import pytest

from vifte.source.validate import load_catalogue

OFFER = "catalogue/offers/virksomhedspraktik.yaml"
SAYS = "teksten indeholder et tegn, der ikke kan vises"


def _check(project) -> str:
    catalogue, report = load_catalogue(project)
    assert catalogue is None
    return "\n".join(report.lines())


def _replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "written, line, column, named",
    [
        ('title: "Kontrol\\vtegn"', 2, 8, "U+000B, lodret tabulator"),
        ('title: "Kontrol\\x01tegn"', 2, 8, "U+0001, et usynligt styretegn"),
        ('title: "Ikke\\uFFFEet tegn"', 2, 8, "U+FFFE, et tegn, Unicode har reserveret"),
        ("title: Kontrol\x0btegn", 2, 15, "U+000B, lodret tabulator"),
        ("title: Kontrol\x1btegn", 2, 15, "U+001B, escape-tegn"),
        ("title: Kontrol\x85tegn", 2, 15, "U+0085"),
    ],
)
def test_a_control_character_in_a_title_is_refused_at_its_place(
    project, written, line, column, named
):
    _replace(project / OFFER, "title: Virksomhedspraktik", written)
    said = _check(project)
    assert f"{OFFER}:{line}:{column}: error: {SAYS} ({named}" in said, said


def test_raw_control_characters_in_a_description_a_notice_body_and_a_page(project, write):
    _replace(project / OFFER, "Du kan lære nye ting", "Du kan \x01lære nye ting")
    write(
        "catalogue/news/ny.md",
        "---\ntitle: Ny\ndate: 2026-01-05\nsummary: Noget nyt.\n---\nFørste linje.\n\nAnden \x07 linje.\n",
    )
    write("site_src/om.md", "# Om os\n\nTekst med \x0c sideskift.\n")
    said = _check(project)
    assert f"{OFFER}:15:10: error: {SAYS} (U+0001" in said, said
    assert f"catalogue/news/ny.md:8:7: error: {SAYS} (U+0007" in said, said
    assert f"site_src/om.md:3:11: error: {SAYS} (U+000C, sideskift" in said, said


def test_tab_and_line_breaks_stay_allowed(project):
    _replace(project / OFFER, "Du kan lære nye ting", "Du kan\tlære nye ting")
    text = (project / OFFER).read_text(encoding="utf-8").replace("\n", "\r\n")
    (project / OFFER).write_bytes(text.encode("utf-8"))
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
