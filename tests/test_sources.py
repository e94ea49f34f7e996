"""Nothing from outside the project is read or published; site_src publishes only what a municipality needs."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vifte.cli import main
from vifte.mkdocs.build import build_site
from vifte.source.diagnostics import ProjectError
from vifte.source.links import broken_in_site, check_sources
from vifte.source.sources import docs_rules, publish_problem
from vifte.source.validate import load_catalogue

REPO = Path(__file__).resolve().parent.parent
SECRET = Path("/etc/passwd")
# A PNG of one pixel: real image bytes for the files a municipality may publish.
PNG = bytes.fromhex(  # a whole 1x1 PNG: the picture check decodes it in full
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d"
    "0000000049454e44ae426082"
)
OFFER_IMAGE = """
image:
  file: {file}
  alt: Et billede
"""


def secret_line() -> bytes:
    """The first line of /etc/passwd: text that must never appear in a built site."""
    return SECRET.read_bytes().split(b"\n", 1)[0]


def contents(folder: Path, skip: Path) -> list[tuple[Path, bytes]]:
    """Every file below `folder` but outside `skip`, gzip files (Pagefind, sitemap) decompressed too.

    os.walk does not follow symlinked folders, so the hostile links themselves are never read.
    """
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if Path(dirpath, d) != skip]
        for name in filenames:
            path = Path(dirpath, name)
            if path.is_symlink():
                continue
            data = path.read_bytes()
            out.append((path, data))
            if data[:2] == b"\x1f\x8b":
                out.append((path, gzip.decompress(data)))
    return out


def check_lines(project: Path, *extra: str) -> tuple[int, list[str]]:
    """Run `vifte check` in a child process with a timeout, so a hang fails the test."""
    result = subprocess.run(
        [sys.executable, "-m", "vifte", "check", "-p", str(project), *extra],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout.splitlines()


def build(project: Path, site: Path) -> Path:
    return build_site(project / "mkdocs.yml", site)


def assert_refused_and_not_published(project: Path, tmp_path: Path, expected: str) -> None:
    """`check` names the file, `build` refuses, and the previous site holds no outside content."""
    site = tmp_path / "site"
    code, lines = check_lines(project)
    assert code == 1
    assert any(expected in line for line in lines), lines
    with pytest.raises(ProjectError) as failed:
        build(project, site)
    assert expected in str(failed.value)
    secret = secret_line()
    published = contents(tmp_path, skip=project)
    assert any(path.name == "index.html" for path, _ in published)  # the previous site
    for path, data in published:
        assert secret not in data, path


@pytest.fixture
def built(project: Path, tmp_path: Path) -> Path:
    """The project built once, so a refused build must leave this site as it was."""
    build(project, tmp_path / "site")
    return project


@pytest.mark.parametrize(
    "link",
    [
        "site_src/noter.txt",
        "site_src/noter.md",
        "catalogue/images/logo.png",
        "catalogue/offers/hemmelig.yaml",
        "catalogue/settings.yaml",
        "theme/assets/stylesheets/extra.css",
        "theme/main.html",
        "strategy/plan.md",
    ],
)
def test_symlink_out_of_the_project_is_refused(built, tmp_path, link):
    path = built / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.symlink_to(SECRET)
    assert_refused_and_not_published(
        built,
        tmp_path,
        f"{link}: error: filen er en genvej (symlink) til /etc/passwd, som ligger uden for projektet",
    )


@pytest.mark.parametrize("folder", ["site_src/etc", "theme/etc", "catalogue/images/etc"])
def test_symlinked_folder_out_of_the_project_is_refused(built, tmp_path, folder):
    path = built / folder
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(SECRET.parent, target_is_directory=True)
    assert_refused_and_not_published(
        built,
        tmp_path,
        f"{folder}: error: mappen er en genvej (symlink) til /etc, som ligger uden for projektet",
    )


@pytest.mark.parametrize("folder", ["catalogue", "catalogue/offers"])
def test_catalogue_folder_out_of_the_project_is_not_read(project, tmp_path, folder):
    outside = tmp_path / "ude"
    shutil.move(project / folder, outside)
    offers = outside / "offers" if folder == "catalogue" else outside
    (offers / "hemmelig.yaml").write_text("title: x\narea: HEMMELIG-VAERDI\n", encoding="utf-8")
    (project / folder).symlink_to(outside, target_is_directory=True)
    code, lines = check_lines(project)
    assert code == 1
    assert lines == [
        f"{folder}: error: mappen er en genvej (symlink) til {outside}, som ligger uden for "
        "projektet; kopiér mappen ind i projektet i stedet"
    ]


def test_symlink_to_a_sibling_with_the_same_name_prefix_is_outside(project):
    sibling = project.parent / (project.name + "-kopi")
    sibling.mkdir()
    (sibling / "noter.md").write_text("# Hemmeligt\n", encoding="utf-8")
    (project / "site_src/noter.md").symlink_to(sibling / "noter.md")
    code, lines = check_lines(project)
    assert code == 1
    assert lines[0].startswith("site_src/noter.md: error: filen er en genvej (symlink) til ")


def test_docs_dir_outside_the_project_is_refused(project, tmp_path):
    outside = tmp_path / "sider"
    outside.mkdir()
    (outside / "index.md").write_text("# Forside\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("docs_dir: site_src", f"docs_dir: {outside}"), encoding="utf-8")
    with pytest.raises(ProjectError, match=f"{outside}: error: mappen ligger uden for projektet"):
        build(project, tmp_path / "site")
    assert not (tmp_path / "site").exists()


def test_symlink_into_git_folder_is_refused(built, tmp_path):
    (built / ".git").mkdir()
    (built / ".git/config").write_text("[http]\n\textraheader = AUTHORIZATION: hemmelig\n")
    (built / "site_src/farver.css").symlink_to("../.git/config")
    assert_refused_and_not_published(
        built,
        tmp_path,
        "site_src/farver.css: error: filen er en genvej (symlink) til .git/config",
    )
    assert not list((tmp_path / "site").rglob("farver.css"))


def test_yaml_symlink_loop_is_a_message(project):
    offers = project / "catalogue/offers"
    (offers / "a.yaml").symlink_to("b.yaml")
    (offers / "b.yaml").symlink_to("a.yaml")
    code, lines = check_lines(project)
    assert code == 1
    for name in ("a", "b"):
        assert (
            f"catalogue/offers/{name}.yaml: error: filen er en genvej (symlink), der peger rundt i ring; slet genvejen"
            in lines
        )


@pytest.mark.parametrize("target", [".", "..", "../.."])
def test_folder_symlink_loop_is_a_message(project, tmp_path, target):
    (project / "site_src/sub").mkdir()
    (project / "site_src/sub/igen").symlink_to(target, target_is_directory=True)
    code, lines = check_lines(project)
    assert code == 1
    assert any(
        line.startswith(
            "site_src/sub/igen: error: mappen er en genvej (symlink) til en mappe, den selv ligger i"
        )
        for line in lines
    ), lines
    # One message for the loop, not one per file reached through it.
    assert len([line for line in lines if "error" in line]) == 1, lines
    with pytest.raises(ProjectError, match="site_src/sub/igen"):
        build(project, tmp_path / "site")


@pytest.mark.parametrize(
    "name",
    ["catalogue/offers/ko.yaml", "catalogue/settings.yaml", "site_src/ko.md", "theme/main.html"],
)
def test_fifo_is_refused_without_hanging(project, tmp_path, name):
    path = project / name
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    code, lines = check_lines(project)
    assert code == 1
    assert (
        f"{name}: error: filen er ikke en almindelig fil, men en navngiven rørledning (FIFO); "
        "vifte læser kun almindelige filer og mapper, så slet den"
    ) in lines
    # The build must refuse as quickly, in a child process so a hang fails the test.
    result = subprocess.run(
        [sys.executable, "-m", "vifte", "build", "--no-pdf", "-p", str(project)]
        + ["-d", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "FIFO" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "name, content, expected",
    [
        (
            "side.html",
            "<script>alert(1)</script>",
            "HTML-filer i site_src/ bliver ikke udgivet, fordi de kan køre scripts på sitet; skriv siden i Markdown (.md) i stedet",
        ),
        (
            "kort.svg",
            '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "SVG-billeder i site_src/ bliver ikke udgivet, fordi de kan indeholde scripts; gem billedet som PNG, eller læg kommunens logo i theme/",
        ),
        (
            "ekstra.js",
            "alert(1)",
            "JavaScript i site_src/ bliver ikke udgivet; sitet kører kun viftes egne scripts; slet filen",
        ),
        ("backup.zip", "PK", "filtypen '.zip' bliver ikke udgivet fra site_src/"),
        ("noter", "hemmeligt", "filtypen 'uden endelse' bliver ikke udgivet fra site_src/"),
    ],
)
def test_unneeded_file_types_in_site_src_are_refused(built, tmp_path, name, content, expected):
    (built / "site_src/filer").mkdir()
    (built / "site_src/filer" / name).write_text(content, encoding="utf-8")
    code, lines = check_lines(built)
    assert code == 1
    assert any(line.startswith(f"site_src/filer/{name}: error: {expected}") for line in lines), (
        lines
    )
    with pytest.raises(ProjectError, match=f"site_src/filer/{name}"):
        build(built, tmp_path / "site")
    assert not (tmp_path / "site/filer").exists()


def test_symlink_with_allowed_name_to_refused_type_is_refused(project):
    (project / "site_src/logo.png").symlink_to("../theme/assets/images/logo.svg")
    code, lines = check_lines(project)
    assert code == 1
    assert any(line.startswith("site_src/logo.png: error: SVG-billeder") for line in lines)


def test_theme_may_hold_svg_but_not_scripts(project):
    (project / "theme/assets/extra.js").write_text("alert(1)", encoding="utf-8")
    code, lines = check_lines(project)
    assert code == 1
    assert [line for line in lines if "error" in line] == [
        "theme/assets/extra.js: error: JavaScript i theme/ bliver ikke udgivet; sitet kører kun viftes egne scripts; slet filen"
    ]


@pytest.mark.parametrize(
    "file, expected",
    [
        ("../../../../etc/passwd", "'../../../../etc/passwd' er ikke gyldig i 'image.file'"),
        ("/etc/passwd", "'/etc/passwd' er ikke gyldig i 'image.file'"),
        ("fotos/../../settings.yaml", "er ikke gyldig i 'image.file'"),
        ("udenfor.png", "billedet 'udenfor.png' ligger uden for mappen catalogue/images"),
    ],
)
def test_image_path_stays_in_catalogue_images(project, file, expected):
    images = project / "catalogue/images"
    images.mkdir()
    (project / "site_src/billede.png").write_bytes(PNG)
    # A symlink that stays in the project, but leads out of catalogue/images.
    (images / "udenfor.png").symlink_to("../../site_src/billede.png")
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(
        offer.read_text(encoding="utf-8") + OFFER_IMAGE.format(file=file), encoding="utf-8"
    )
    code, lines = check_lines(project)
    assert code == 1
    assert any(
        line.startswith("catalogue/offers/virksomhedspraktik.yaml:") and expected in line
        for line in lines
    ), lines


def test_image_in_a_subfolder_of_images_is_fine(project):
    (project / "catalogue/images/fotos").mkdir(parents=True)
    (project / "catalogue/images/fotos/cafe.png").write_bytes(PNG)
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(
        offer.read_text(encoding="utf-8") + OFFER_IMAGE.format(file="fotos/cafe.png"),
        encoding="utf-8",
    )
    assert check_lines(project)[0] == 0


def test_built_link_that_leaves_the_site_is_broken(project, tmp_path):
    escape = "../" * 30 + "etc/passwd"
    (project / "site_src/ud.md").write_text(f"# Ud\n\n[Se her]({escape})\n", encoding="utf-8")
    # The build checks the sources first (as `vifte check` does), then the built site.
    with pytest.raises(
        ProjectError, match=re.escape(f"site_src/ud.md:3:10: error: linket '{escape}'")
    ):
        build(project, tmp_path / "site")
    code, lines = check_lines(project)
    assert code == 1
    assert any(line.startswith("site_src/ud.md:3:") and escape in line for line in lines)


def test_broken_in_site_refuses_files_outside_the_site(tmp_path):
    site = tmp_path / "site"
    (site / "side").mkdir(parents=True)
    (tmp_path / "naboen.html").write_text("findes", encoding="utf-8")
    (site / "side/index.html").write_text(
        '<a href="../../naboen.html">x</a><a href="/../naboen.html">y</a><a href="../">z</a>',
        encoding="utf-8",
    )
    (site / "index.html").write_text("", encoding="utf-8")
    assert broken_in_site(site) == [
        "side/index.html -> ../../naboen.html",
        "side/index.html -> /../naboen.html",
    ]


def test_symlinks_inside_the_project_and_allowed_files_are_published(project, tmp_path):
    images = project / "catalogue/images"
    images.mkdir()
    (images / "logo.png").write_bytes(PNG)
    (project / "site_src/logo.png").symlink_to("../catalogue/images/logo.png")
    (project / "site_src/billeder").symlink_to("../catalogue/images", target_is_directory=True)
    (project / "site_src/om").mkdir()
    (project / "site_src/om/data.md").write_text(
        "# Data\n\n[Hent data](../data/catalogue.json) ![Logo](../logo.png)\n\n"
        "![Logo igen](../billeder/logo.png)\n",
        encoding="utf-8",
    )
    (project / "site_src/robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    (project / "site_src/.DS_Store").write_bytes(b"\0\1")
    shared = project / "faelles"
    shared.mkdir()
    offers = project / "catalogue/offers"
    (offers / "virksomhedspraktik.yaml").rename(shared / "praktik.yaml")
    (offers / "virksomhedspraktik.yaml").symlink_to("../../faelles/praktik.yaml")
    assert check_lines(project, "--links") == (0, [])
    site = build(project, tmp_path / "site")
    assert (site / "logo.png").read_bytes() == PNG
    assert (site / "billeder/logo.png").read_bytes() == PNG
    assert (site / "robots.txt").is_file()
    assert (site / "tilbud/virksomhedspraktik/index.html").is_file()
    assert 'href="../../data/catalogue.json"' in (site / "om/data/index.html").read_text()


def test_adapter_checks_each_file_mkdocs_would_copy(project, tmp_path, monkeypatch):
    """Second line of defence: a file that appears after the walk is still never copied."""
    monkeypatch.setattr("vifte.source.sources.check", lambda *args, **kwargs: None)
    (project / "site_src/noter.css").symlink_to(SECRET)
    with pytest.raises(
        ProjectError,
        match="site_src/noter.css: error: filen er en genvej .symlink. til /etc/passwd",
    ):
        build(project, tmp_path / "site")
    assert not (tmp_path / "site").exists()


def test_publish_problem_checks_the_whole_path(project, tmp_path):
    outside = tmp_path / "ude"
    outside.mkdir()
    (outside / "side.md").write_text("# Ude\n", encoding="utf-8")
    (project / "site_src/ude").symlink_to(outside, target_is_directory=True)
    rules = docs_rules("site_src/")
    assert "uden for projektet" in publish_problem(project / "site_src/ude/side.md", project, rules)
    assert publish_problem(project / "site_src/index.md", project, rules) is None


NOT_UTF8 = (
    "site_src/latin.md:3:2: error: filen er ikke gemt som UTF-8 (tegnet kan ikke læses); "
    "gem den igen med tegnsættet UTF-8 i din editor"
)


def test_non_utf8_page_is_a_message_in_check_and_build(project, tmp_path):
    (project / "site_src/latin.md").write_bytes("# Om\n\nGæld og ø\n".encode("latin-1"))
    for extra in ((), ("--links",)):
        assert check_lines(project, *extra) == (1, [NOT_UTF8])
    with pytest.raises(ProjectError, match=re.escape(NOT_UTF8)):
        build(project, tmp_path / "site")


def test_link_check_reports_non_utf8_page(project):
    catalogue, report = load_catalogue(project)
    (project / "site_src/latin.md").write_bytes("# Om\n\nGæld og ø\n".encode("latin-1"))
    check_sources(catalogue, [], report, project / "site_src")
    assert report.lines() == [NOT_UTF8]


def test_check_links_passes_on_the_example(capsys):
    assert main(["check", "--links", "-p", str(REPO)]) == 0
    assert "error" not in capsys.readouterr().out
