"""`vifte check --format text|json|github|gitlab`, through the real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from vifte.cli import main

BAD = """\
title: Gældsrådgivning
area: sundhd
access: direkte
themes: [trivsel]
target_groups: [jobparat]
summary: Få hjælp. Det er gratis.
description: Du kan få hjælp til din gæld.
provider: {name: Jobcenteret}
contact: {phone: "70 00 00 09"}
"""
ERROR = (
    'ukendt område "sundhd" — mente du "sundhed"? '
    "(område skal findes i settings.yaml; kendte: beskaeftigelse, social, sundhed)"
)


def check(project, capsys, fmt):
    code = main(["check", "-p", str(project), "--format", fmt])
    return code, capsys.readouterr().out


def test_json_is_a_list_of_diagnostics(project, write, capsys):
    write("catalogue/offers/gaeld.yaml", BAD)
    code, out = check(project, capsys, "json")
    assert code == 1
    data = json.loads(out)
    assert {
        "file": "catalogue/offers/gaeld.yaml",
        "line": 2,
        "column": 7,
        "severity": "error",
        "message": ERROR,
    } in data
    assert all(set(d) == {"file", "line", "column", "severity", "message"} for d in data)


def test_json_of_a_clean_project_is_an_empty_list(project, capsys):
    code, out = check(project, capsys, "json")
    assert (code, json.loads(out)) == (0, [])


def test_github_annotations(project, write, capsys):
    write("catalogue/offers/gaeld.yaml", BAD)
    lines = check(project, capsys, "github")[1].splitlines()
    assert f"::error file=catalogue/offers/gaeld.yaml,line=2,col=7::{ERROR}" in lines
    write("catalogue/offers/gaeld.yaml", BAD.replace("sundhd", "sundhed"))
    lines = check(project, capsys, "github")[1].splitlines()
    assert any(
        line.startswith("::warning file=catalogue/offers/gaeld.yaml,line=6,col=10::'summary'")
        for line in lines
    )


def test_github_escapes_newlines_and_percent():
    from vifte.source.diagnostics import Diagnostic
    from vifte.source.formats import render

    out = render([Diagnostic("a,b:c.yaml", 1, 2, "error", "50%\nmere")], "github")
    assert out == "::error file=a%2Cb%3Ac.yaml,line=1,col=2::50%25%0Amere\n"


def test_gitlab_code_quality(project, write, capsys):
    write("catalogue/offers/gaeld.yaml", BAD)
    data = json.loads(check(project, capsys, "gitlab")[1])
    [issue] = [d for d in data if d["description"] == ERROR]
    assert issue["severity"] == "major"
    assert issue["location"] == {"path": "catalogue/offers/gaeld.yaml", "lines": {"begin": 2}}
    assert len({d["fingerprint"] for d in data}) == len(data)
    assert {d["check_name"] for d in data} == {"vifte-error"}


def test_broken_mkdocs_yml_is_reported_in_the_format(project, capsys):
    (project / "mkdocs.yml").write_text("site_name: [\n", encoding="utf-8")
    code, out = check(project, capsys, "json")
    assert code == 1
    [problem] = json.loads(out)
    assert problem["file"].endswith("mkdocs.yml") and problem["severity"] == "error"


def test_text_stays_the_default_and_unknown_format_is_refused(project, write):
    write("catalogue/offers/gaeld.yaml", BAD)
    run = [sys.executable, "-m", "vifte", "check", "-p", str(project)]
    plain = subprocess.run(run, capture_output=True, text=True)
    assert f"catalogue/offers/gaeld.yaml:2:7: error: {ERROR}" in plain.stdout.splitlines()
    wrong = subprocess.run([*run, "--format", "xml"], capture_output=True, text=True)
    assert wrong.returncode == 2 and "--format" in wrong.stderr


def test_a_file_name_that_is_not_utf8_is_named_in_danish_in_every_format(project):
    """Bytes b'\\xff' in a file name: one Danish line, valid UTF-8 and JSON in every format."""
    offers = os.fsencode(project / "catalogue/offers")
    os.rename(offers + b"/virksomhedspraktik.yaml", offers + b"/b\xffad.yaml")
    run = [sys.executable, "-m", "vifte", "check", "-p", str(project), "--format"]
    outputs = {}
    for fmt in ("text", "json", "github", "gitlab"):
        done = subprocess.run([*run, fmt], capture_output=True, timeout=120)
        assert done.returncode == 1, done.stderr
        assert b"Traceback" not in done.stderr
        outputs[fmt] = done.stdout.decode("utf-8")  # strict: raises on invalid UTF-8
    assert (
        "catalogue/offers/b\ufffdad.yaml: error: navnet indeholder tegn, der ikke er UTF-8"
        in (outputs["text"])
    )
    data = json.loads(outputs["json"])
    assert any(d["file"] == "catalogue/offers/b\ufffdad.yaml" for d in data)
    issues = json.loads(outputs["gitlab"])
    assert all(isinstance(i["location"]["lines"]["begin"], int) for i in issues)
    assert any("UTF-8" in i["description"] for i in issues)


def test_a_problem_with_a_whole_file_has_no_line_0_in_any_format(project, write, capsys):
    """A file-level problem (a reserved file name) is at the file, not at a line 0 no editor has."""
    write("catalogue/offers/index.yaml", BAD.replace("sundhd", "sundhed"))
    text = check(project, capsys, "text")[1]
    assert "catalogue/offers/index.yaml: error: id'et 'index' er reserveret" in text
    assert ":0" not in text
    [item] = [d for d in json.loads(check(project, capsys, "json")[1]) if "index" in d["file"]]
    assert (item["line"], item["column"]) == (None, None)
    github = check(project, capsys, "github")[1]
    assert "::error file=catalogue/offers/index.yaml::id'et 'index'" in github
    assert "line=0" not in github and "col=0" not in github
    [issue] = json.loads(check(project, capsys, "gitlab")[1])
    assert issue["location"]["lines"] == {"begin": 1}


def test_text_lines_with_and_without_a_position_parse_back():
    from vifte.source.formats import parse

    lines = ["a.yaml:3:4: error: én", "b.yaml: warning: to", "c.yaml:7: error: tre"]
    assert [str(d) for d in parse(lines)] == lines
