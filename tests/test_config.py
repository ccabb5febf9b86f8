"""Configuration and suppression (rules.md, "Configuration and suppression"): `checks.ignore`,
`checks.severity`, `--select`, `--ignore`, `--strict`, `# kngg: ignore[...]` and X001."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from gate_fixtures import at, complete_region, edit, found, line_of, run
from kngg_cli.cli.app import build_app

GOV = "governance.yaml"
NO_FYSIO = ("  - organisation: fysio-flevoland\n    level: uitvoering\n", "")  # G702 warning
NO_CZV_LELYSTAD = ("gemeenten: [GM0034, GM0995]", "gemeenten: [GM0034]")  # G706 error at GM0995


def _region(checks: str = "", step: int | None = None) -> dict[str, str]:
    """Phase 2 (every gate enforced; G706 is in the gate of step 8), or a step. G702 (warning) broken."""
    files = edit(complete_region(step=step, phase=2 if step is None else 1), GOV, *NO_FYSIO)
    if checks:
        files["region.yaml"] += checks
    return files


def _codes(result) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(f.code for f in result.findings)


# -- checks: in region.yaml ----------------------------------------------------------------------
def test_checks_ignore(tmp_path: Path) -> None:
    assert _codes(run(tmp_path, _region())) == ["G702"]
    assert _codes(run(tmp_path / "b", _region("checks:\n  ignore: [G702]\n"))) == []


def test_checks_severity_raises(tmp_path: Path) -> None:
    result = run(tmp_path, _region("checks:\n  severity: {G702: error}\n"))
    assert [f.severity.value for f in found(result, "G702")] == ["error"]
    assert result.exit_code() == 1


def test_checks_severity_lowers(tmp_path: Path) -> None:
    files = edit(_region("checks:\n  severity:\n    G706: warning\n"), "people.yaml", *NO_CZV_LELYSTAD)
    result = run(tmp_path, files)
    assert [f.severity.value for f in found(result, "G706")] == ["warning"]
    assert result.exit_code() == 0 and result.exit_code(strict=True) == 1


def test_checks_severity_does_not_make_an_open_item_enforced(tmp_path: Path) -> None:
    files = edit(_region("checks:\n  severity: {G706: error}\n", step=8), "people.yaml", *NO_CZV_LELYSTAD)
    [finding] = found(run(tmp_path, files), "G706")
    assert finding.severity.value == "info" and finding.gate_severity is not None
    assert finding.gate_severity.value == "error"


@pytest.mark.parametrize(
    ("checks", "snippet"),
    [
        ("checks:\n  ignore: [G702, S002]\n", "ignore: [G702, S002]"),
        ("checks:\n  severity:\n    S005: warning\n", "S005: warning"),
    ],
)
def test_s_rules_cannot_be_ignored_or_softened(tmp_path: Path, checks: str, snippet: str) -> None:
    files = _region(checks)
    result = run(tmp_path, files)
    [finding] = found(result, "S004")
    assert at(finding) == ("region.yaml", line_of(files, "region.yaml", snippet))
    assert "S-regels kunnen niet worden uitgezet" in finding.message
    assert finding.severity.value == "error" and result.exit_code() == 1


def test_an_s_rule_may_be_kept_an_error(tmp_path: Path) -> None:
    assert found(run(tmp_path, _region("checks:\n  severity: {S005: error}\n")), "S004") == []


def test_unknown_code_in_checks(tmp_path: Path) -> None:
    [finding] = found(run(tmp_path, _region("checks:\n  ignore: [G7020]\n")), "S004")
    assert "G7020" in finding.message and "G702" in (finding.hint or "")


# -- the command line -----------------------------------------------------------------------------
def test_select_and_ignore(tmp_path: Path) -> None:
    files = edit(_region(), "people.yaml", *NO_CZV_LELYSTAD)
    assert _codes(run(tmp_path, files)) == ["G702", "G706"]
    assert _codes(run(tmp_path / "a", files, select=("G70",))) == ["G702", "G706"]
    assert _codes(run(tmp_path / "b", files, select=("G706",))) == ["G706"]
    assert _codes(run(tmp_path / "c", files, ignore=("G706",))) == ["G702"]
    assert _codes(run(tmp_path / "d", files, ignore=("G7",))) == []


def test_select_names_a_code_back_that_checks_ignore_left_out(tmp_path: Path) -> None:
    files = _region("checks:\n  ignore: [G702]\n")
    assert _codes(run(tmp_path, files)) == []
    assert _codes(run(tmp_path / "b", files, select=("G702",))) == ["G702"]
    assert _codes(run(tmp_path / "c", files, select=("G7",))) == []


def test_select_never_hides_structure_errors(tmp_path: Path) -> None:
    files = edit(_region(), GOV, "type: intervisie", "type: intervisi")
    assert "S004" in _codes(run(tmp_path, files, select=("G702",)))


@pytest.mark.parametrize("selector", ["S001", "S"])
def test_ignoring_an_s_rule_on_the_command_line_is_a_usage_error(tmp_path: Path, selector: str) -> None:
    from gate_fixtures import write_region

    root = write_region(tmp_path / "regio", _region(), base={})
    outcome = CliRunner().invoke(
        build_app(), ["check", str(root), "--ignore", selector, "--today", "2026-11-23"]
    )
    assert outcome.exit_code == 2


def test_unknown_selector_is_a_usage_error(tmp_path: Path) -> None:
    from gate_fixtures import write_region

    root = write_region(tmp_path / "regio", _region(), base={})
    outcome = CliRunner().invoke(build_app(), ["check", str(root), "--select", "Q1", "--today", "2026-11-23"])
    assert outcome.exit_code == 2


def test_strict_on_the_command_line(tmp_path: Path) -> None:
    from gate_fixtures import write_region

    root = write_region(tmp_path / "regio", _region(), base={})
    app, runner = build_app(), CliRunner()
    assert runner.invoke(app, ["check", str(root), "--today", "2026-11-23"]).exit_code == 0
    assert runner.invoke(app, ["check", str(root), "--strict", "--today", "2026-11-23"]).exit_code == 1
    args = ["check", str(root), "--strict", "--ignore", "G702", "--today", "2026-11-23"]
    assert runner.invoke(app, args).exit_code == 0


# -- inline suppression ---------------------------------------------------------------------------
def _suppress(files: dict[str, str], name: str, line_text: str, comment: str) -> dict[str, str]:
    return edit(files, name, line_text, f"{line_text}   {comment}")


def test_inline_suppression_on_the_finding_line(tmp_path: Path) -> None:
    files = edit(_region(), "people.yaml", *NO_CZV_LELYSTAD)
    files = _suppress(files, "region.yaml", "  - code: GM0995", "# kngg: ignore[G706] CZV begint in januari")
    assert _codes(run(tmp_path, files)) == ["G702"]


def test_inline_suppression_of_several_codes(tmp_path: Path) -> None:
    files = edit(_region(), "people.yaml", *NO_CZV_LELYSTAD)
    files = edit(files, "people.yaml", "organisation: gemeente-lelystad\n", "organisation: gemeente-almere\n")
    assert _codes(run(tmp_path, files)) == ["G702", "G705", "G706"]
    files = _suppress(files, "region.yaml", "  - code: GM0995", "# kngg: ignore[G705, g706] nog te regelen")
    assert _codes(run(tmp_path / "b", files)) == ["G702"]


def test_inline_suppression_elsewhere_does_not_count(tmp_path: Path) -> None:
    files = edit(_region(), "people.yaml", *NO_CZV_LELYSTAD)
    files = _suppress(files, "region.yaml", "    name: Lelystad", "# kngg: ignore[G706]")
    result = run(tmp_path, files)
    assert _codes(result) == ["G702", "G706", "X001"]


def test_unused_suppression_is_x001(tmp_path: Path) -> None:
    files = _suppress(_region(), "region.yaml", "  - code: GM0034", "# kngg: ignore[G705] oud")
    [finding] = found(run(tmp_path, files), "X001")
    line = line_of(files, "region.yaml", "# kngg: ignore[G705]")
    column = files["region.yaml"].splitlines()[line - 1].index("#") + 1
    assert at(finding) == ("region.yaml", line) and finding.location.span.column == column
    assert finding.severity.value == "info" and "G705" in finding.message


def test_x001_names_only_the_unused_code(tmp_path: Path) -> None:
    files = edit(_region(), "people.yaml", *NO_CZV_LELYSTAD)
    files = _suppress(files, "region.yaml", "  - code: GM0995", "# kngg: ignore[G706, G705]")
    result = run(tmp_path, files)
    assert _codes(result) == ["G702", "X001"]
    assert "G705" in found(result, "X001")[0].message


def test_suppression_of_a_gate_not_due_yet_suppresses_nothing(tmp_path: Path) -> None:
    files = _suppress(complete_region(step=5), "region.yaml", "  - code: GM0034", "# kngg: ignore[G705]")
    result = run(tmp_path, files)
    assert _codes(result) == ["X001"] and "G705" in found(result, "X001")[0].message


def test_suppression_of_a_code_left_out_of_this_run_is_not_stale(tmp_path: Path) -> None:
    files = _suppress(_region(), "governance.yaml", "members:", "# kngg: ignore[G702]")
    assert _codes(run(tmp_path, files)) == []
    assert _codes(run(tmp_path / "b", files, ignore=("G702",))) == []
    assert _codes(run(tmp_path / "c", files, select=("G705",))) == []
    files["region.yaml"] += "checks:\n  ignore: [G702]\n"
    assert _codes(run(tmp_path / "d", files)) == []


def test_suppression_of_an_unknown_code_is_x001(tmp_path: Path) -> None:
    files = _suppress(_region(), GOV, "members:", "# kngg: ignore[G702, G9999]")
    result = run(tmp_path, files)
    assert _codes(result) == ["X001"] and "G9999" in found(result, "X001")[0].message


def test_s_findings_cannot_be_suppressed(tmp_path: Path) -> None:
    files = edit(_region(), GOV, "type: intervisie", "type: intervisi   # kngg: ignore[S004]")
    result = run(tmp_path, files)
    assert "S004" in _codes(result) and "X001" in _codes(result)


def test_x001_can_be_ignored(tmp_path: Path) -> None:
    files = _suppress(
        _region("checks:\n  ignore: [X001]\n"), "region.yaml", "  - code: GM0034", "# kngg: ignore[G705]"
    )
    assert _codes(run(tmp_path, files)) == ["G702"]
    assert _codes(
        run(
            tmp_path / "b",
            _suppress(_region(), "region.yaml", "  - code: GM0034", "# kngg: ignore[G705]"),
            ignore=("X001",),
        )
    ) == ["G702"]


def test_open_items_can_be_suppressed_too(tmp_path: Path) -> None:
    files = edit(complete_region(step=8), "people.yaml", *NO_CZV_LELYSTAD)
    assert _codes(run(tmp_path, files)) == ["G706"]
    files = _suppress(files, "region.yaml", "  - code: GM0995", "# kngg: ignore[G706]")
    result = run(tmp_path / "b", files)
    assert _codes(result) == [] and result.regions[0].ready is True
