"""`vifte check --format text|json|github|gitlab`, through the real command."""

from __future__ import annotations

import json
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
