"""--format github: the exact workflow-command lines, escaping, and the annotations under Actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kngg_cli.cli.app import build_app
from kngg_cli.findings import Finding, Location, Severity, Span
from kngg_cli.report import get_reporter
from kngg_cli.report.github import annotation, escape_data, escape_property
from report_fixture import context, mixed_result


def test_one_line_per_finding_in_the_exact_form(tmp_path: Path) -> None:
    result = mixed_result(tmp_path)
    lines = get_reporter("github")(result, context(tmp_path)).splitlines()
    assert len(lines) == len(result.findings) == 3
    hint = {f.code: f.hint for f in result.findings}
    assert lines == [
        "::notice file=regio/organisations.yaml,line=3,col=25,endLine=3,endColumn=25,title=X001::"
        f"`# kngg: ignore[R001]` onderdrukt hier niets%0Atip: {hint['X001']}",
        "::error file=regio/organisations.yaml,line=6,col=1,endLine=6,endColumn=5,title=S005::"
        f"onbekend veld `bogus`%0Atip: {hint['S005']}",
        "::warning file=regio/region.yaml,line=7,col=11,endLine=7,endColumn=16,title=R005::"
        f"GM0034 is `Almere`, niet `Almeer`%0Atip: {hint['R005']}",
    ]


def test_clean_region_writes_nothing(region, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from helpers import check
    from report_fixture import FAMILIES

    result = check(region(), select=FAMILIES)
    assert result.findings == []
    assert get_reporter("github")(result, context(tmp_path)) == ""


def _finding(
    message: str, path: str = "regio/a.yaml", span: Span | None = None, hint: str | None = None
) -> Finding:
    return Finding("G602", Severity.ERROR, message, Location(Path(path), span or Span(2, 3, 2, 8)), hint=hint)


def test_message_escaping(tmp_path: Path) -> None:
    line = annotation(_finding("100% klaar\r\nregel 2: a,b"), context(tmp_path))
    assert line.endswith("::100%25 klaar%0D%0Aregel 2: a,b")
    assert "\n" not in line and "\r" not in line


def test_property_escaping(tmp_path: Path) -> None:
    line = annotation(_finding("x", path="regio/a,b:c%.yaml"), context(tmp_path))
    assert line.startswith(
        "::error file=regio/a%2Cb%3Ac%25.yaml,line=2,col=3,endLine=2,endColumn=7,title=G602::"
    )


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("a%b", "a%25b", "a%25b"),
        ("a\rb\nc", "a%0Db%0Ac", "a%0Db%0Ac"),
        ("k:v,w", "k:v,w", "k%3Av%2Cw"),
        ("%0A", "%250A", "%250A"),  # an escape sequence in the text is not decoded by GitHub
    ],
)
def test_escape_functions(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_multiline_span_has_no_columns_end(tmp_path: Path) -> None:
    line = annotation(_finding("x", span=Span(2, 3, 5, 1)), context(tmp_path))
    assert "line=2,col=3,endLine=5,title=G602" in line
    assert "endColumn" not in line


def test_severities_map_to_commands(tmp_path: Path) -> None:
    commands = {
        f.severity: annotation(f, context(tmp_path)).split(" ")[0] for f in mixed_result(tmp_path).findings
    }
    assert commands == {Severity.ERROR: "::error", Severity.WARNING: "::warning", Severity.INFO: "::notice"}


# -- the CLI: chosen with --format, added automatically under GitHub Actions -----------------
def _run(args: list[str], monkeypatch: pytest.MonkeyPatch, cwd: Path, actions: bool) -> tuple[int, str]:
    monkeypatch.chdir(cwd)
    if actions:
        monkeypatch.setenv("GITHUB_ACTIONS", "true")
    outcome = CliRunner().invoke(build_app(), args)
    return outcome.exit_code, outcome.stdout


def test_format_github_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mixed_result(tmp_path)
    code, out = _run(
        ["check", "regio", "--format", "github", "--today", "2026-11-23", "--select", "S,R,P,X"],
        monkeypatch,
        tmp_path,
        False,
    )
    assert code == 1
    assert [line.split(" ")[0] for line in out.splitlines()] == ["::notice", "::error", "::warning"]


def test_github_actions_adds_annotations_to_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mixed_result(tmp_path)
    code, out = _run(
        ["check", "regio", "--today", "2026-11-23", "--select", "S,R,P,X"], monkeypatch, tmp_path, True
    )
    assert code == 1
    assert "regio/organisations.yaml:6:1: fout S005" in out  # the text report
    assert "testregio (stap 1): 1 fout, 1 waarschuwing, 1 info" in out
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(annotations) == 3
    assert annotations[1].startswith("::error file=regio/organisations.yaml,line=6,col=1,")
    # the text comes first, the annotations after it
    assert out.index("testregio (stap 1)") < out.index("::notice")


def test_no_annotations_outside_actions_or_with_a_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mixed_result(tmp_path)
    _, plain = _run(
        ["check", "regio", "--today", "2026-11-23", "--select", "S,R,P,X"], monkeypatch, tmp_path, False
    )
    assert "::" not in plain
    _, as_json = _run(
        ["check", "regio", "--format", "json", "--today", "2026-11-23", "--select", "S,R,P,X"],
        monkeypatch,
        tmp_path,
        True,
    )
    assert "::error" not in as_json


def test_github_actions_annotations_with_output_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--output takes the text report; the annotations still go to the log, where Actions reads them."""
    mixed_result(tmp_path)
    code, out = _run(
        ["check", "regio", "--output", "report.txt", "--today", "2026-11-23", "--select", "S,R,P,X"],
        monkeypatch,
        tmp_path,
        True,
    )
    assert code == 1
    assert "fout S005" in (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert [line.split(" ")[0] for line in out.splitlines()] == ["::notice", "::error", "::warning"]
