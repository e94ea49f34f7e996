"""The core's outputs in a built site: images shown and exported, the link check in every build,
one Danish report per failure, and the site's address from settings.yaml."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from vifte.cli import main
from vifte.domain.edition import INTERNAL, PUBLIC
from vifte.domain.images import image_size
from vifte.mkdocs.build import build_site
from vifte.output.outputs import outputs
from vifte.output.pages import Renderer
from vifte.source.diagnostics import ProjectError
from vifte.source.validate import require_catalogue

REPO = Path(__file__).resolve().parent.parent


def png(width: int, height: int) -> bytes:
    """A real grey PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def add_images(project: Path) -> None:
    images = project / "catalogue/images/fotos"
    images.mkdir(parents=True)
    (images / "praktik.png").write_bytes(png(30, 20))
    (project / "catalogue/images/mentor.png").write_bytes(png(12, 16))
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(
        offer.read_text(encoding="utf-8")
        + 'image:\n  file: fotos/praktik.png\n  alt: "To på et værksted <b>"\n',
        encoding="utf-8",
    )
    mentor = project / "catalogue/mentors/eksempel-mentor.yaml"
    mentor.write_text(
        mentor.read_text(encoding="utf-8") + "photo:\n  file: mentor.png\n  alt: Mentoren smiler\n",
        encoding="utf-8",
    )


def test_images_are_copied_shown_with_alt_and_size_and_exported(project, tmp_path):
    add_images(project)
    site = build_site(project / "mkdocs.yml", tmp_path / "out")
    assert (site / "billeder/fotos/praktik.png").read_bytes() == png(30, 20)
    assert (site / "billeder/mentor.png").read_bytes() == png(12, 16)
    offer = (site / "tilbud/virksomhedspraktik/index.html").read_text(encoding="utf-8")
    assert (
        '<img src="../../billeder/fotos/praktik.png" alt="To på et værksted &lt;b&gt;" '
        'width="30" height="20">'
    ) in offer
    mentor = (site / "mentorer/eksempel-mentor/index.html").read_text(encoding="utf-8")
    assert '<img src="../../billeder/mentor.png" alt="Mentoren smiler" width="12" height="16">' in (
        mentor
    )
    export = json.loads((site / "data/catalogue.json").read_text(encoding="utf-8"))
    image = export["offers"][0]["image"]
    assert image == {
        "url": "billeder/fotos/praktik.png",
        "file": "fotos/praktik.png",
        "alt": "To på et værksted <b>",
    }
    assert (site / image["url"]).is_file()
    assert (site / export["mentors"][0]["photo"]["url"]).is_file()


def test_an_image_name_with_spaces_and_a_hash_is_linked_escaped(project, tmp_path):
    (project / "catalogue/images").mkdir()
    (project / "catalogue/images/før og #1.png").write_bytes(png(2, 2))
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(
        offer.read_text(encoding="utf-8") + 'image:\n  file: "før og #1.png"\n  alt: Et billede\n',
        encoding="utf-8",
    )
    site = build_site(project / "mkdocs.yml", tmp_path / "out")  # the built links are checked
    assert (site / "billeder/før og #1.png").is_file()
    page = (site / "tilbud/virksomhedspraktik/index.html").read_text(encoding="utf-8")
    assert 'src="../../billeder/f%C3%B8r%20og%20%231.png"' in page
    export = json.loads((site / "data/catalogue.json").read_text(encoding="utf-8"))
    assert export["offers"][0]["image"]["url"] == "billeder/f%C3%B8r%20og%20%231.png"


def test_the_example_shows_an_offer_image_and_a_mentor_photo(example_site):
    offer = (example_site / "tilbud/praktik-cafe-havnelyst/index.html").read_text("utf-8")
    assert 'src="../../billeder/cafe-kop.png" alt="Tegning af en kop kaffe' in offer
    mentor = (example_site / "mentorer/anne-holm/index.html").read_text("utf-8")
    assert 'src="../../billeder/anne-holm.png" alt="Tegnet portræt af Anne Holm"' in mentor
    assert image_size(example_site / "billeder/cafe-kop.png") == (480, 270)


def test_an_image_that_could_hold_scripts_is_refused(project, capsys):
    (project / "catalogue/images").mkdir()
    (project / "catalogue/images/logo.svg").write_text("<svg><script>alert(1)</script></svg>")
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(
        offer.read_text(encoding="utf-8") + "image:\n  file: logo.svg\n  alt: Logo\n",
        encoding="utf-8",
    )
    assert main(["check", "-p", str(project)]) == 1
    out = capsys.readouterr().out
    assert "billedet 'logo.svg' bliver udgivet på sitet, og det må kun være PNG, JPG" in out


def _riff(chunk: bytes, data: bytes) -> bytes:
    return b"RIFF" + struct.pack("<I", 4 + 8 + len(data)) + b"WEBP" + chunk + b"\0\0\0\0" + data


@pytest.mark.parametrize(
    "data, size",
    [
        pytest.param(png(7, 5), (7, 5), id="png"),
        pytest.param(b"GIF89a" + struct.pack("<HH", 9, 4) + b"\0" * 20, (9, 4), id="gif"),
        pytest.param(
            # SOI, an APP0 segment of 16 bytes, then a baseline frame of 33 x 44 pixels.
            b"\xff\xd8\xff\xe0\x00\x10"
            + b"JFIF\0"
            + b"\0" * 9
            + b"\xff\xc0\x00\x11\x08"
            + struct.pack(">HH", 44, 33)
            + b"\x03"
            + b"\0" * 9,
            (33, 44),
            id="jpeg",
        ),
        pytest.param(
            _riff(b"VP8 ", b"\0\0\0\x9d\x01\x2a" + struct.pack("<HH", 50, 60)), (50, 60), id="webp"
        ),
        pytest.param(
            _riff(b"VP8X", b"\0" * 4 + (99).to_bytes(3, "little") + (19).to_bytes(3, "little")),
            (100, 20),
            id="webp-extended",
        ),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10", None, id="truncated-jpeg"),
        pytest.param(b"<svg></svg>", None, id="svg"),
    ],
)
def test_image_sizes_are_read_from_the_header(tmp_path, data, size):
    path = tmp_path / "billede"
    path.write_bytes(data)
    assert image_size(path) == size


def test_outputs_of_each_edition():
    catalogue, _ = require_catalogue(REPO)
    renderer = Renderer(catalogue)
    public = list(outputs(catalogue, renderer, PUBLIC, images=REPO / "catalogue/images"))
    kinds = {o.kind for o in public}
    assert kinds == {"page", "asset", "colours", "data", "image", "feed", "export"}
    assert all([o.content, o.source, o.page].count(None) == 2 for o in public)
    assert all((o.page is not None) == (o.kind == "page") for o in public)
    paths = [o.path for o in public]
    assert len(paths) == len(set(paths))
    internal = list(outputs(catalogue, renderer, INTERNAL, images=REPO / "catalogue/images"))
    assert [o.path for o in internal] == [*paths, "robots.txt"]
    no_export = outputs(catalogue, renderer, PUBLIC, images=REPO / "catalogue/images", export=False)
    assert "data/catalogue.json" not in [o.path for o in no_export]


def _broken_template(project: Path) -> None:
    template = project / "theme/vifte/pages/mentor.html"
    template.parent.mkdir(parents=True)
    template.write_text(
        "{% set title = m.name %}{% set description = m.role %}"
        '<h1>{{ m.name }}</h1><a href="../findes-ikke/">x</a>\n',
        encoding="utf-8",
    )


def test_a_plain_mkdocs_build_checks_the_built_links(project, tmp_path):
    _broken_template(project)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")]
        + ["-d", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "links, der peger på ingenting:" in result.stderr
    assert "mentorer/eksempel-mentor/index.html -> ../findes-ikke/" in result.stderr


def _cli_errors(project: Path, site: Path) -> list[str]:
    """Every line `vifte build` writes, from a child process, so MkDocs' logging shows as it would."""
    result = subprocess.run(
        [sys.executable, "-m", "vifte", "build", "-p", str(project), "--site-dir", str(site)]
        + ["--no-pdf"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    return (result.stdout + result.stderr).splitlines()


def test_a_catalogue_error_reaches_the_cli_as_one_danish_report(project, tmp_path):
    (project / "catalogue/offers/ny.yaml").write_text("title: Ny\narea: x\n", encoding="utf-8")
    lines = _cli_errors(project, tmp_path / "out")
    problem = [line for line in lines if line.startswith("catalogue/offers/ny.yaml:2:7: error:")]
    assert len(problem) == 1, lines
    assert lines[0].startswith("Bygningen stoppede (")
    assert lines[-1].endswith("Det tidligere site er ikke ændret.")
    assert not [line for line in lines if "Abort" in line or line.startswith("ERROR")], lines
    assert len(lines) == len(set(lines)), lines


def test_a_broken_link_reaches_the_cli_as_one_danish_report(project, tmp_path):
    _broken_template(project)
    lines = _cli_errors(project, tmp_path / "out")
    assert lines == [
        "Bygningen stoppede (links, der peger på ingenting:",
        "mentorer/eksempel-mentor/index.html -> ../findes-ikke/). "
        "Det tidligere site er ikke ændret.",
    ]
    assert not (tmp_path / "out").exists()


def test_the_report_comes_back_with_the_failure(project, tmp_path):
    (project / "catalogue/offers/ny.yaml").write_text("title: Ny\narea: x\n", encoding="utf-8")
    with pytest.raises(ProjectError) as failed:
        build_site(project / "mkdocs.yml", tmp_path / "out")
    assert any(
        str(d).startswith("catalogue/offers/ny.yaml:2:7") for d in failed.value.report.errors
    )


def test_the_site_url_comes_from_settings(project, tmp_path):
    assert "site_url" not in (project / "mkdocs.yml").read_text(encoding="utf-8")
    site = build_site(project / "mkdocs.yml", tmp_path / "out")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://tilbud.example.dk/tilbud/virksomhedspraktik/</loc>" in sitemap
    # mkdocs.yml may not repeat the address, not even the same one (decisions.md, 42)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "site_url: https://TILBUD.example.dk\n", encoding="utf-8")
    with pytest.raises(
        ProjectError, match="municipality.url; slet site_url her, eller kør 'vifte upgrade'"
    ):
        build_site(config, tmp_path / "out")


def test_a_site_url_that_disagrees_with_settings_is_refused(project, tmp_path):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "site_url: https://gammel.example.dk/\n", encoding="utf-8")
    line = text.count("\n") + 1
    lines = _cli_errors(project, tmp_path / "out")
    expected = (
        f"mkdocs.yml:{line}:1: error: site_url 'https://gammel.example.dk/' er ikke den samme "
        "adresse som municipality.url 'https://tilbud.example.dk/' i catalogue/settings.yaml; "
        "adressen hører hjemme i catalogue/settings.yaml, så slet site_url i mkdocs.yml"
    )
    assert any(line.startswith(expected) for line in lines), lines
    assert not (tmp_path / "out").exists()


def test_check_refuses_what_the_build_refuses_about_the_site_url(project, capsys):
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "site_url: https://gammel.example.dk/\n",
        encoding="utf-8",
    )
    assert main(["check", "-p", str(project)]) == 1
    out = capsys.readouterr().out
    assert "error: site_url 'https://gammel.example.dk/' er ikke den samme adresse" in out


def test_strict_build_stops_at_a_warning_in_danish(project, tmp_path, capsys, caplog):
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(offer.read_text(encoding="utf-8") + "review_by: 2020-01-01\n", "utf-8")
    site = tmp_path / "out"
    assert main(["build", "-p", str(project), "--site-dir", str(site), "--strict", "--no-pdf"]) == 1
    err = capsys.readouterr().err
    assert "warning: teksten skulle have været gennemgået senest 2020-01-01" in caplog.text
    assert "Bygningen stoppede (MkDocs gav advarsler, og --strict gør dem til fejl" in err
    assert "Aborted" not in err
    assert not site.exists()
