"""Paper in every language: a project made by `vifte init` with English and Arabic, each
language's PDFs read back from the real files (names, tags, links, fallback note, Arabic)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from vifte.cli import main
from vifte.domain import words
from vifte.mkdocs.build import build_site
from vifte.output.fallback import note
from vifte.output.pdf_cache import FOLDER as CACHE_FOLDER
from vifte.output.pdf_cache import prune
from vifte.scaffold import init_project

OFFER = "virksomhedspraktik"
"""The offer `vifte init` writes."""
ENGLISH = "title: Work placement\nsummary: Try a job at a real workplace for a few weeks.\n"
ARABIC_TITLE = "تدريب عملي في شركة"
ARABIC_SUMMARY = "جرّب العمل في مكان عمل حقيقي لبضعة أسابيع."
ARABIC = f"title: {ARABIC_TITLE}\nsummary: {ARABIC_SUMMARY}\n"
"""No lam-alef (لا) in them: pdftotext reads that ligature back reversed (decisions.md 53)."""
UKRAINIAN_TITLE = "Практика на підприємстві"
UKRAINIAN = (
    f"title: {UKRAINIAN_TITLE}\nsummary: Спробуйте справжню роботу протягом кількох тижнів.\n"
)
DANISH_DESCRIPTION = "I en praktik arbejder du på en rigtig arbejdsplads."
"""The start of the offer's Danish description, which neither translation translates."""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The project built with PDFs in Danish, English and Arabic (one folder each)."""
    base = tmp_path_factory.mktemp("sprog")
    root = base / "kommune"
    init_project(root, "Prøveby Kommune")
    settings = root / "catalogue/settings.yaml"
    settings.write_text("languages: [en, ar]\n" + settings.read_text(encoding="utf-8"), "utf-8")
    (root / f"catalogue/offers/{OFFER}.en.yaml").write_text(ENGLISH, encoding="utf-8")
    (root / f"catalogue/offers/{OFFER}.ar.yaml").write_text(ARABIC, encoding="utf-8")
    out = {"root": root}
    for language in ("da", "en", "ar"):
        out[language] = build_site(
            root / "mkdocs.yml", base / language, pdf=True, language=language
        )
    return out


def text_of(pdf: Path, *options: str) -> str:
    done = subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def plain(text: str) -> str:
    """Text without the bidi marks pdftotext puts around a right-to-left run, spaces folded."""
    return " ".join(re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text).split())


def link_targets(pdf: Path) -> set[str]:
    with pikepdf.open(pdf) as doc:
        return {str(a.A.URI) for page in doc.pages for a in page.get("/Annots", []) if "/A" in a}


def test_each_language_prints_its_own_pdfs_named_for_the_language(sites):
    """An offer's PDF and an A5 brochure in English are <id>.en.pdf; Danish keeps <id>.pdf."""
    assert (sites["da"] / f"pdf/tilbud/{OFFER}.pdf").is_file()
    assert not list(sites["da"].glob("pdf/**/*.en.pdf"))
    for language in ("en", "ar"):
        site = sites[language]
        assert (site / f"pdf/tilbud/{OFFER}.{language}.pdf").is_file()
        assert (site / f"pdf/omraader/beskaeftigelse.{language}.pdf").is_file()
        assert (site / f"pdf/kort/{OFFER}.{language}.pdf").is_file()
        named = {p.name for p in site.glob("pdf/**/*.pdf")}
        assert named and all(n.endswith(f".{language}.pdf") for n in named), named
        page = (site / f"tilbud/{OFFER}/index.html").read_text(encoding="utf-8")
        assert f"{OFFER}.{language}.pdf" in page, "the offer's page links its own language's PDF"


def test_a_pdf_is_tagged_in_its_language_and_links_that_languages_pages(sites):
    for language in ("da", "en", "ar"):
        name = f"{OFFER}.pdf" if language == "da" else f"{OFFER}.{language}.pdf"
        pdf = sites[language] / "pdf/tilbud" / name
        with pikepdf.open(pdf) as doc:
            assert str(doc.Root.Lang) == language
            assert "/StructTreeRoot" in doc.Root, "a tagged PDF stays tagged"
        folder = "" if language == "da" else f"{language}/"
        assert f"https://tilbud.example.dk/{folder}tilbud/{OFFER}/" in link_targets(pdf)


def test_a_text_without_translation_is_printed_in_danish_with_the_note(sites):
    """English paper: the translated title and summary as they are; the untranslated Danish
    description marked with the note in the page's language."""
    with words.speaking("en"):
        shown = note()
    text = plain(text_of(sites["en"] / f"pdf/tilbud/{OFFER}.en.pdf"))
    assert "Work placement" in text and "Try a job at a real workplace" in text
    assert f"Work placement ({shown})" not in text
    assert DANISH_DESCRIPTION in text
    assert f"{shown} {DANISH_DESCRIPTION}" in text, "the note stands before the Danish text"
    # Settings' terms untranslated: each label in Danish, the note in brackets beside it.
    assert f"Kræver visitation ({shown})" in text and f"Jobparat ({shown})" in text
    danish = plain(text_of(sites["da"] / f"pdf/tilbud/{OFFER}.pdf"))
    assert DANISH_DESCRIPTION in danish and "(kun på dansk)" not in danish


def test_arabic_is_printed_right_to_left_in_a_font_with_its_glyphs(sites):
    pdf = sites["ar"] / f"pdf/tilbud/{OFFER}.ar.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    arabic = [line.split() for line in fonts.stdout.splitlines() if "Noto-Sans-Arabic" in line]
    assert arabic, fonts.stdout
    assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in arabic), "embedded, subset, unicode"
    text = plain(text_of(pdf))
    assert ARABIC_TITLE in text and ARABIC_SUMMARY.rstrip(".") in text, text[:400]
    # Right to left: the title ends at the right margin; in Danish it starts at the left one.
    width = float(re.search(r'<page width="([\d.]+)"', text_of(pdf, "-bbox")).group(1))
    assert _title_box(pdf, ARABIC_TITLE.split()[0])[1] > width * 0.8
    assert (
        _title_box(sites["da"] / f"pdf/tilbud/{OFFER}.pdf", "Virksomhedspraktik")[0] < width * 0.2
    )


def _title_box(pdf: Path, word: str) -> tuple[float, float]:
    """xMin and xMax of the first word box holding `word` (pdftotext -bbox)."""
    boxes = re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', text_of(pdf, "-bbox")
    )
    for x_min, x_max, text in boxes:
        if plain(text) in (word, word[::-1]):
            return float(x_min), float(x_max)
    raise AssertionError(f"{word} not in {pdf.name}")


def test_the_cache_keeps_each_languages_pdfs(sites):
    """Each language's build records its own keys: an Arabic build after the Danish one does not
    make the Danish PDFs stale, so pruning keeps every entry a language's latest build used."""
    folder = sites["root"] / CACHE_FOLDER
    manifests = {p.name for p in folder.glob("*.keys")}
    assert {"public.keys", "public.en.keys", "public.ar.keys"} <= manifests
    prune(folder, grace=0)
    for name in ("public.keys", "public.en.keys", "public.ar.keys"):
        for key in (folder / name).read_text(encoding="ascii").split():
            assert (folder / f"{key}.entry").is_file(), f"{name}: {key} was pruned"
    danish = set((folder / "public.keys").read_text(encoding="ascii").split())
    arabic = set((folder / "public.ar.keys").read_text(encoding="ascii").split())
    assert danish.isdisjoint(arabic), "a PDF in another language is another entry"


def test_vifte_pdf_prints_in_a_chosen_language_and_refuses_an_unknown_one(project, capsys):
    settings = project / "catalogue/settings.yaml"
    settings.write_text("languages: [en]\n" + settings.read_text(encoding="utf-8"), "utf-8")
    (project / f"catalogue/offers/{OFFER}.en.yaml").write_text(ENGLISH, encoding="utf-8")
    assert main(["pdf", "-p", str(project), "--sprog", "fr"]) == 1
    assert "ukendt sprog 'fr'; mulige: da, en" in capsys.readouterr().err
    assert not (project / "brochurer").exists()
    assert main(["pdf", "-p", str(project), "--sprog", "en", "--format", "tilbud"]) == 0
    pdf = project / f"brochurer/tilbud/{OFFER}.en.pdf"
    assert str(pdf) in capsys.readouterr().out
    with pikepdf.open(pdf) as doc:
        assert str(doc.Root.Lang) == "en"
    assert "Work placement" in plain(text_of(pdf))


def test_ukrainian_paper_is_made_and_reads_in_ukrainian(project, capsys):
    """The one language no other PDF test prints: an offer's PDF, tagged uk, its translated text
    and the interface's words in Ukrainian, the untranslated description marked in Ukrainian."""
    settings = project / "catalogue/settings.yaml"
    settings.write_text("languages: [uk]\n" + settings.read_text(encoding="utf-8"), "utf-8")
    (project / f"catalogue/offers/{OFFER}.uk.yaml").write_text(UKRAINIAN, encoding="utf-8")
    assert main(["pdf", "-p", str(project), "--sprog", "uk", "--format", "tilbud"]) == 0
    pdf = project / f"brochurer/tilbud/{OFFER}.uk.pdf"
    assert str(pdf) in capsys.readouterr().out
    with pikepdf.open(pdf) as doc:
        assert str(doc.Root.Lang) == "uk"
    text = plain(text_of(pdf))
    assert UKRAINIAN_TITLE in text and "Спробуйте справжню роботу" in text
    with words.speaking("uk"):
        shown, contact = note(), words.gettext("Kontakt")
    assert contact == "Контакт" and contact in text, "a heading from the catalogue, in Ukrainian"
    assert f"{shown} {DANISH_DESCRIPTION}" in text
