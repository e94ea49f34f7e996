"""Markdown with YAML front matter: positions point into the file; tabs are fine in the body."""

from __future__ import annotations

from pathlib import Path

import pytest

from vifte.source.frontmatter import load_markdown
from vifte.source.loader import YamlProblem


def _file(tmp_path: Path, raw: bytes) -> Path:
    path = tmp_path / "strategi.md"
    path.write_bytes(raw)
    return path


def test_positions_point_into_the_file(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        b"---\ntitle: Strategi\nthemes:\n  - arbejdsliv\n  - trivsel\n---\n# Overskrift\n\nTekst.\n",
    )
    md = load_markdown(path)
    assert md.document.data == {"title": "Strategi", "themes": ["arbejdsliv", "trivsel"]}
    assert md.document.position(("title",)) == (2, 8)
    assert md.document.position(("themes", 1)) == (5, 5)
    assert md.body == "# Overskrift\n\nTekst.\n"
    assert md.body_line == 7


def test_tabs_are_refused_in_the_yaml_only(tmp_path: Path) -> None:
    md = load_markdown(_file(tmp_path, b"---\ntitle: A\n---\n- punkt\n\t- med tab\n"))
    assert md.body == "- punkt\n\t- med tab\n"
    doc = load_markdown(_file(tmp_path, b"---\ntitle: A\nlist:\n\t- x\n---\nbody\n")).document
    (problem,) = doc.problems  # reported, and the rest read as if spaces were used
    assert (problem.line, problem.column) == (4, 1)
    assert "tabulatortegn" in problem.message
    assert doc.data == {"title": "A", "list": ["x"]} and doc.position(("list", 0)) == (4, 4)


def test_a_missing_closing_fence_is_an_error_on_line_one(tmp_path: Path) -> None:
    with pytest.raises(YamlProblem) as caught:
        load_markdown(_file(tmp_path, b"---\ntitle: A\n\nBody without an end.\n"))
    assert (caught.value.line, caught.value.column) == (1, 1)
    assert "aldrig lukket" in caught.value.message


def test_bom_and_crlf_keep_the_positions(tmp_path: Path) -> None:
    md = load_markdown(_file(tmp_path, b"\xef\xbb\xbf---\r\ntitle: A\r\nx: 1\r\n---\r\nBody\r\n"))
    assert md.document.data == {"title": "A", "x": 1}
    assert md.document.position(("x",)) == (3, 4)
    assert md.body == "Body\n"
    assert md.body_line == 5


def test_yaml_errors_point_at_their_line_in_the_file(tmp_path: Path) -> None:
    with pytest.raises(YamlProblem) as caught:
        load_markdown(_file(tmp_path, b"---\ntitle: A\nbad: [1, 2\n---\nBody\n"))
    assert caught.value.line in (3, 4)
    md = load_markdown(_file(tmp_path, b"---\ntitle: A\ntitle: B\n---\nBody\n"))
    assert [(p.line, p.column) for p in md.document.problems] == [(3, 1)]


def test_without_front_matter_the_whole_file_is_the_body(tmp_path: Path) -> None:
    md = load_markdown(_file(tmp_path, b"# Bare tekst\n\n---\n\nMere.\n"))
    assert md.document.data == {}
    assert md.body == "# Bare tekst\n\n---\n\nMere.\n"
    assert md.body_line == 1
    empty = load_markdown(_file(tmp_path, b"---\n---\nBody\n"))
    assert empty.document.data == {} and empty.body == "Body\n" and empty.body_line == 3
