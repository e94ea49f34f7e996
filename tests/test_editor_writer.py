"""The editor's writer: values read back as written, untouched files stay byte for byte."""

from __future__ import annotations

import datetime as dt
import io

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from vifte.domain.registry import TABLE
from vifte.editor import writer, yaml_text
from vifte.source.project import Project
from vifte.source.translations import translation_stem

from .conftest import REPO


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"]), max_size=60))
def test_any_text_reads_back_as_the_same_text(text):
    written = yaml_text.dump({"k": yaml_text.scalar(text)}, yaml_text.round_trip())
    assert yaml.safe_load(written) == {"k": text}


def test_texts_yaml_would_read_as_something_else_are_quoted():
    for text in ("9.00", "9:30", "070112244", "0800", "no", "yes", "on", "~", "null", "1e3",
                 "2026-01-31", "- punkt", "# ikke en kommentar", "a: b", "'citat'", ""):  # fmt: skip
        written = yaml_text.dump({"k": yaml_text.scalar(text)}, yaml_text.round_trip())
        assert yaml.safe_load(written) == {"k": text}, written


def _as_decap_sends(text: str, markdown: bool) -> str:
    y = YAML(typ="safe", pure=True)
    out = io.StringIO()
    if markdown:
        front, body = writer._split(text)
        y.dump(y.load(front) if front.strip() else {}, out)
        return f"---\n{out.getvalue()}---\n{body}"
    y.dump(y.load(text), out)
    return out.getvalue()


def test_every_example_item_saved_unchanged_stays_byte_for_byte():
    project = Project.at(REPO)
    checked = 0
    for col in TABLE.collections.values():
        folder = project.collection(col.name)
        for file in sorted(folder.glob(f"*{col.suffixes[0]}")):
            if translation_stem(file.stem) is not None:
                continue
            text = file.read_text("utf-8")
            data = writer.form_data(_as_decap_sends(text, col.format == "markdown"), col)
            assert writer.write(text, data, col) == text, file
            checked += 1
    assert checked > 50


def test_a_new_field_goes_where_vifte_new_puts_it():
    col = TABLE.collections["offers"]
    text = "# Et tilbud\ntitle: Café\narea: social\nsummary: Kort.\n"
    data = writer.form_data(
        "title: Café\narea: social\nsummary: Kort.\naccess: direkte\nstatus: draft\n", col
    )
    assert writer.write(text, data, col) == (
        "# Et tilbud\nstatus: draft\ntitle: Café\narea: social\naccess: direkte\nsummary: Kort.\n"
    )


def test_a_form_value_typed_as_yaml_1_2_reads_is_text_where_the_model_wants_text():
    col = TABLE.collections["offers"]
    data = writer.form_data("title: 2026-01-31\nupdated: 2026-01-31\ncapacity: 12\n", col)
    assert data == {
        "title": "2026-01-31",
        "updated": dt.date(2026, 1, 31),
        "capacity": "12",
    }
