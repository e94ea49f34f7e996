"""Pictures are decoded in full when checking: a truncated or mislabelled picture is an error at
the file and line that names it (and at the picture itself when it lies in site_src/ or theme/)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from vifte.mkdocs.build import build_site
from vifte.source.diagnostics import ProjectError
from vifte.source.validate import load_catalogue

OFFER = "catalogue/offers/virksomhedspraktik.yaml"


def _png(size: int = 64) -> bytes:
    picture = Image.effect_noise((size, size), 60).convert("RGB")
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def _with_image(project, name: str) -> int:
    """Give the example offer an image; the line of its `file:`."""
    path = project / OFFER
    text = path.read_text(encoding="utf-8")
    text += f"image:\n  file: {name}\n  alt: Et billede\n"
    path.write_text(text, encoding="utf-8")
    return text.splitlines().index(f"  file: {name}") + 1


def _errors(project) -> list[str]:
    _, report = load_catalogue(project)
    return [str(d) for d in report.errors]


def _truncated_png_errors(project, name: str) -> tuple[list[str], list[str]]:
    """Give the offer a PNG cut in half: the errors found, and the one error the check must give."""
    data = _png()
    (project / "catalogue/images").mkdir(exist_ok=True)
    (project / "catalogue/images" / name).write_bytes(data[: len(data) // 2])
    line = _with_image(project, name)
    expected = (
        f"{OFFER}:{line}:9: error: billedet 'catalogue/images/{name}' kan ikke vises: "
        "billedet er afkortet (ufuldstændig) og kan ikke vises helt; gem eller eksportér det igen"
    )
    return _errors(project), [expected]


def test_a_truncated_png_is_an_error_at_the_offer_that_shows_it(project, tmp_path):
    errors, expected = _truncated_png_errors(project, "halv.png")
    assert errors == expected
    site = tmp_path / "site"
    with pytest.raises(ProjectError, match="halv.png"):
        build_site(project / "mkdocs.yml", site, pdf=False)
    assert not site.exists()
    (project / "catalogue/images/halv.png").write_bytes(_png())
    assert _errors(project) == []


def test_a_picture_that_is_not_what_its_name_says_is_an_error(project):
    jpeg = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(jpeg, "JPEG")
    (project / "catalogue/images").mkdir(exist_ok=True)
    (project / "catalogue/images/foto.png").write_bytes(jpeg.getvalue())
    (project / "catalogue/images/tekst.png").write_text("<svg/>", encoding="utf-8")
    line = _with_image(project, "foto.png")
    [error] = _errors(project)
    assert error.startswith(f"{OFFER}:{line}:9: error: billedet 'catalogue/images/foto.png'")
    assert error.endswith(
        "filen er et JPEG-billede, men navnet siger PNG; giv den den rigtige endelse"
    )
    (project / OFFER).write_text(
        (project / OFFER).read_text(encoding="utf-8").replace("foto.png", "tekst.png"),
        encoding="utf-8",
    )
    [error] = _errors(project)
    assert error.endswith("filen er ikke et PNG-billede; gem billedet igen")


@pytest.mark.parametrize("folder", ["site_src/billeder", "theme/assets/images"])
def test_a_truncated_picture_in_the_pages_or_the_theme_is_an_error_at_the_file(project, folder):
    data = _png()
    (project / folder).mkdir(parents=True, exist_ok=True)
    (project / folder / "halv.png").write_bytes(data[: len(data) - 200])
    assert _errors(project) == [
        f"{folder}/halv.png: error: billedet kan ikke vises: billedet er afkortet "
        "(ufuldstændig) og kan ikke vises helt; gem eller eksportér det igen"
    ]


def test_a_truncated_jpeg_is_found_although_it_is_decoded_at_a_small_scale(project):
    photo = io.BytesIO()
    Image.effect_noise((800, 600), 60).convert("RGB").save(photo, "JPEG", quality=90)
    data = photo.getvalue()
    (project / "site_src/foto.jpg").write_bytes(data[: len(data) * 2 // 3])
    [error] = _errors(project)
    assert error.startswith(
        "site_src/foto.jpg: error: billedet kan ikke vises: billedet er afkortet"
    )
    (project / "site_src/foto.jpg").write_bytes(data)
    assert _errors(project) == []


def test_a_truncated_png_is_found_after_weasyprint_is_loaded_in_the_same_process(project):
    """WeasyPrint makes Pillow accept truncated pictures process-wide when it is imported (as
    under `vifte serve` after a PDF); the check must still find one."""
    import weasyprint  # noqa: F401  (its import is what this test is about)
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES  # what WeasyPrint does on import
    errors, expected = _truncated_png_errors(project, "halv2.png")
    assert errors == expected
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # the check leaves WeasyPrint's setting as it was
