"""Random input never crashes the loader or validator: only clean, positioned diagnostics."""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vifte.domain.markup import render_markdown
from vifte.scaffold import init_project
from vifte.source.validate import load_catalogue

LINE = re.compile(r"^catalogue/[^:]+:\d+:\d+: (error|warning): .+")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates(),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
KEYS = [
    "title",
    "area",
    "access",
    "kind",
    "themes",
    "target_groups",
    "summary",
    "description",
    "provider",
    "contact",
    "location",
    "related",
    "updated",
    "image",
    "opening_hours",
    "bring",
]
offers = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=10), values, max_size=10)

_tmp = tempfile.mkdtemp(prefix="vifte-fuzz-")
atexit.register(shutil.rmtree, _tmp, ignore_errors=True)
_root = Path(_tmp) / "p"
init_project(_root, "Fuzz Kommune")


def _check(text: str) -> None:
    (_root / "catalogue/offers/fuzz.yaml").write_text(text, encoding="utf-8")
    catalogue, report = load_catalogue(_root)
    for line in report.lines():
        assert LINE.match(line), line


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(offers)
def test_random_structures_give_clean_errors(data):
    _check(yaml.safe_dump(data, allow_unicode=True))


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab:- \n\t'\"[]{}&*!|>#%@`,?\\") + ["æ", "\ufeff", "\x85"]),
        max_size=80,
    )
)
def test_random_text_gives_clean_errors(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<",
                ">",
                "/",
                '"',
                "'",
                "=",
                " ",
                "a",
                "script",
                "img",
                "onerror",
                "javascript:",
                "href",
                "src",
                "iframe",
                "style",
                "[x](",
                ")",
                "\n",
                "&#",
                "x6a;",
                "data:",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_sanitised_markdown_has_no_executable_construct(text):
    elements = _Elements()
    elements.feed(render_markdown(text))
    for tag, attrs in elements.found:
        assert tag not in ("script", "iframe", "img", "object", "embed", "style", "svg")
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name != "style"
            if name in ("href", "src"):
                assert not re.match(r"\s*(javascript|data|vbscript):", value or "", re.I), value


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


clocks = st.one_of(
    scalars, st.from_regex(r"\A[0-9]{1,2}[.:][0-9]{2}\Z"), st.sampled_from(["24.00", "9", "9.5"])
)
week_lines = st.fixed_dictionaries(
    {},
    optional={
        "days": st.one_of(
            scalars, st.lists(st.sampled_from(["monday", "friday", "fredag", "sunday"]))
        ),
        "opens": clocks,
        "closes": clocks,
    },
)
special_days = st.fixed_dictionaries(
    {},
    optional={"date": scalars, "until": scalars, "opens": clocks, "closes": clocks},
)
hours = st.fixed_dictionaries(
    {},
    optional={
        "week": st.one_of(scalars, st.lists(week_lines, max_size=3)),
        "exceptions": st.one_of(scalars, st.lists(special_days, max_size=3)),
        "note": scalars,
    },
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hours, st.one_of(scalars, st.lists(scalars, max_size=3)))
def test_random_opening_hours_and_bring_give_clean_errors(opening_hours, bring):
    """Near-valid hours (real day names, clock-like times) reach the deeper checks too."""
    offer = (_root / "catalogue/offers/virksomhedspraktik.yaml").read_text(encoding="utf-8")
    extra = yaml.safe_dump({"opening_hours": opening_hours, "bring": bring}, allow_unicode=True)
    _check(offer + extra)
