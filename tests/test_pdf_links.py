"""Links in PDFs: every one leads to the site (https), mail, a phone or an address the text
wrote, never to the build machine, and the printed page shows where it leads."""

from __future__ import annotations

from pathlib import Path

import pytest

from vifte.cli import main
from vifte.output.pdf import PdfError, render_pdf

from .conftest import Write
from .pdf_links import bad_links, link_targets, paper_text

SITE = "https://tilbud.example.dk/"
OFFER = """\
title: Samtalegruppe
area: social
access: direkte
themes: [trivsel]
target_groups: [aktivitetsparat]
summary: Tal med andre om det, der er svært.
description: |
  Se [mentorerne](../../mentorer/) og [forsiden](../../), eller læs
  [praktikken](../virksomhedspraktik/#kontakt "Praktik") og [herunder](#kontakt).
  Skriv til [os](mailto:samtale@example.dk), ring på [telefonen](tel:+4570000003), eller
  læs [mere hos Borger.dk](https://www.borger.dk/arbejde?emne=job&side=2).
  [www.example.dk](https://www.example.dk/) står her allerede.
provider: {name: Socialcenteret}
contact: {phone: "70 00 00 02"}
"""
STRATEGY = """\
---
title: Plan for samtaler
kind: plan
period: "2026"
status: adopted
adopted: {date: 2026-02-18, by: Udvalget}
summary: Sådan taler vi med borgerne.
---
Find [alle tilbud](../../tilbud/) og [samtalegruppen](/tilbud/samtalegruppe/).
"""


def test_relative_links_in_texts_of_a_new_project_become_addresses_on_the_site(
    project: Path, write: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    write("catalogue/offers/samtalegruppe.yaml", OFFER)
    write("strategy/plan-for-samtaler.md", STRATEGY)
    mentor = project / "catalogue/mentors/eksempel-mentor.yaml"
    mentor.write_text(
        mentor.read_text("utf-8").replace("godt.", "godt. Se [tilbuddene](../../tilbud/)."),
        "utf-8",
    )
    assert main(["check", "-p", str(project)]) == 0, capsys.readouterr()
    out = tmp_path / "ud"
    assert main(["pdf", "-p", str(project), "--out", str(out)]) == 0, capsys.readouterr().err
    written = {"https://www.borger.dk/arbejde?emne=job&side=2", "https://www.example.dk/"}
    pdfs = sorted(out.rglob("*.pdf"))
    bad = [line for pdf in pdfs for line in bad_links(pdf, SITE, written)]
    assert bad == [], bad

    offer = out / "tilbud/samtalegruppe.pdf"
    assert set(link_targets(offer)) >= {
        f"{SITE}mentorer/",
        SITE,
        f"{SITE}tilbud/virksomhedspraktik/#kontakt",
        f"{SITE}tilbud/samtalegruppe/#kontakt",
        "mailto:samtale@example.dk",
        "tel:+4570000003",
        *written,
    }
    text = paper_text(offer)
    assert f"mentorerne({SITE}mentorer/)" in text
    assert "os(samtale@example.dk)" in text and "n(+4570000003)" in text
    assert "Borger.dk(https://www.borger.dk/arbejde?emne=job&side=2)" in text
    # A link whose words are its address is not repeated.
    assert "www.example.dkstårherallerede" in text
    plan = out / "strategi/plan-for-samtaler.pdf"
    assert {f"{SITE}tilbud/", f"{SITE}tilbud/samtalegruppe/"} <= set(link_targets(plan))
    assert f"tilbuddene({SITE}tilbud/)" in paper_text(out / "mentorer.pdf")


def test_a_pdf_with_a_link_to_a_file_is_not_made(tmp_path: Path):
    """Checked as strictly as the site's links: a link that resolves to a file: URL (a relative
    one, read against the images folder) stops the render with a Danish line."""
    page = '<html lang="da"><head><title>T</title></head><body><p>{}</p></body></html>'
    pdf = render_pdf(
        page.format('<a href="https://x.dk/">x</a> <a href="#a" id="a">a</a>'), tmp_path
    )
    assert pdf.pages == 1
    for href in ("../../mentorer/", "/etc/passwd", "javascript:alert(1)", "ftp://x.dk/"):
        with pytest.raises(PdfError) as failure:
            render_pdf(page.format(f'<a href="{href}">her</a>'), tmp_path)
        assert "peger ikke på en adresse på nettet" in str(failure.value), href
