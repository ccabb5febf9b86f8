"""--format gitlab: GitLab Code Quality JSON, field by field, with stable and unique fingerprints."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from helpers import check
from kngg_cli.report import get_reporter
from report_fixture import FAMILIES, context, mixed_result


def _gitlab(result: Any, tmp_path: Path) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = json.loads(get_reporter("gitlab")(result, context(tmp_path)))
    return issues


def test_fields_of_each_issue(tmp_path: Path) -> None:
    result = mixed_result(tmp_path)
    issues = _gitlab(result, tmp_path)
    assert isinstance(issues, list) and len(issues) == len(result.findings) == 3
    for finding, issue in zip(result.findings, issues, strict=True):
        assert issue["check_name"] == finding.code
        assert finding.message in issue["description"]
        assert isinstance(issue["fingerprint"], str) and len(issue["fingerprint"]) == 64
        assert issue["location"]["lines"]["begin"] == finding.location.span.line
        assert issue["location"]["path"].startswith("regio/")
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
    by_code = {issue["check_name"]: issue for issue in issues}
    assert by_code["S005"]["location"] == {
        "path": "regio/organisations.yaml",
        "lines": {"begin": 6, "end": 6},
    }
    assert by_code["R005"]["location"]["path"] == "regio/region.yaml"


def test_severity_mapping(tmp_path: Path) -> None:
    severities = {
        issue["check_name"]: issue["severity"] for issue in _gitlab(mixed_result(tmp_path), tmp_path)
    }
    assert severities == {"S005": "major", "R005": "minor", "X001": "info"}


def test_fingerprints_stable_across_runs(tmp_path: Path) -> None:
    first = [issue["fingerprint"] for issue in _gitlab(mixed_result(tmp_path), tmp_path)]
    second = [issue["fingerprint"] for issue in _gitlab(mixed_result(tmp_path), tmp_path)]
    assert first == second


def test_fingerprints_unique_even_for_identical_findings(tmp_path: Path) -> None:
    result = mixed_result(tmp_path)
    region = result.regions[0]
    region.findings.append(copy.copy(next(f for f in region.findings if f.code == "S005")))
    issues = _gitlab(result, tmp_path)
    prints = [issue["fingerprint"] for issue in issues]
    assert len(issues) == 4
    assert len(set(prints)) == len(prints)


def test_fingerprint_changes_with_the_finding(tmp_path: Path) -> None:
    before = {i["check_name"]: i["fingerprint"] for i in _gitlab(mixed_result(tmp_path), tmp_path)}
    result = mixed_result(tmp_path)
    s005 = next(f for f in result.findings if f.code == "S005")
    s005.message = "onbekend veld `anders`"
    after = {i["check_name"]: i["fingerprint"] for i in _gitlab(result, tmp_path)}
    assert after["S005"] != before["S005"]
    assert after["R005"] == before["R005"]


def test_no_findings_is_an_empty_list(region, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert _gitlab(check(region(), select=FAMILIES), tmp_path) == []
