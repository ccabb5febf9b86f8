"""--format sarif: valid SARIF 2.1.0 (the OASIS schema), the whole catalogue as rules, stable fingerprints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from helpers import check
from kngg_cli.catalog import catalogue
from kngg_cli.explain import explain_text
from kngg_cli.report import get_reporter
from report_fixture import FAMILIES, context, mixed_result

SCHEMA_FILE = json.loads(
    (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
# This copy of the schema keeps the log's own schema under definitions/Root and has no constraint
# at its top level: validating against the file as it is would accept anything. Point at Root.
SCHEMA = (
    {**SCHEMA_FILE, "$ref": "#/definitions/Root"} if "Root" in SCHEMA_FILE["definitions"] else SCHEMA_FILE
)


def _sarif(result: Any, tmp_path: Path, lang: str = "nl") -> dict[str, Any]:
    text = get_reporter("sarif")(result, context(tmp_path, lang))
    document: dict[str, Any] = json.loads(text)
    return document


def _validate(document: dict[str, Any]) -> None:
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message[:200]}" for e in errors[:5]]


def test_valid_against_the_sarif_schema(tmp_path: Path) -> None:
    document = _sarif(mixed_result(tmp_path), tmp_path)
    _validate(document)
    assert document["version"] == "2.1.0"
    assert document["$schema"].endswith("sarif-2.1.0.json")
    assert len(document["runs"]) == 1


def test_valid_without_findings(region, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = check(region(), select=FAMILIES)
    document = _sarif(result, tmp_path)
    _validate(document)
    assert document["runs"][0]["results"] == []
    assert len(document["runs"][0]["tool"]["driver"]["rules"]) == len(catalogue())


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d["runs"][0]["results"][0].__setitem__("level", "fatal"),
        lambda d: d.__setitem__("version", "2.0.0"),
        lambda d: d["runs"][0]["tool"]["driver"]["rules"][0].pop("id"),
        lambda d: d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].__setitem__(
            "startLine", 0
        ),
        lambda d: d.__setitem__("unexpected", 1),
    ],
)
def test_schema_check_can_fail(tmp_path: Path, breakage: Any) -> None:
    """The schema test is not vacuous: broken documents are refused."""
    document = _sarif(mixed_result(tmp_path), tmp_path)
    breakage(document)
    with pytest.raises(AssertionError):
        _validate(document)


def test_driver_lists_the_whole_catalogue(tmp_path: Path) -> None:
    driver = _sarif(mixed_result(tmp_path), tmp_path)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "kngg"
    assert driver["version"] == "0.1.0"
    assert "informationUri" not in driver  # no invented address
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == list(catalogue())
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for rule in rules:
        info = catalogue()[rule["id"]]
        assert rule["name"] == info.name
        assert rule["shortDescription"]["text"] == info.summary["nl"]
        assert rule["fullDescription"]["text"] == info.what["nl"]
        assert rule["help"]["text"] == explain_text(info.code, "nl")
        assert rule["defaultConfiguration"]["level"] == levels[info.severity]
        assert rule["properties"]["family"] == info.code[0]
        assert info.code[0] in rule["properties"]["tags"]


def test_rules_in_english(tmp_path: Path) -> None:
    rules = _sarif(mixed_result(tmp_path), tmp_path, lang="en")["runs"][0]["tool"]["driver"]["rules"]
    s005 = next(rule for rule in rules if rule["id"] == "S005")
    assert s005["shortDescription"]["text"] == catalogue()["S005"].summary["en"]
    assert s005["help"]["text"] == explain_text("S005", "en")


def test_results_point_at_the_findings(tmp_path: Path) -> None:
    result = mixed_result(tmp_path)
    run = _sarif(result, tmp_path)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == len(result.findings) == 3
    for finding, sarif in zip(result.findings, run["results"], strict=True):
        assert sarif["ruleId"] == finding.code
        assert rules[sarif["ruleIndex"]]["id"] == finding.code
        assert (
            sarif["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding.severity.value]
        )
        assert sarif["message"]["text"].startswith(finding.message)
        location = sarif["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        span = finding.location.span
        assert location["region"] == {
            "startLine": span.line,
            "startColumn": span.column,
            "endLine": span.end_line,
            "endColumn": span.end_column,
        }
    s005 = next(r for r in run["results"] if r["ruleId"] == "S005")
    assert s005["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "regio/organisations.yaml"
    assert s005["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_uri_is_percent_encoded(tmp_path: Path) -> None:
    result = mixed_result(
        tmp_path, {"agreements/met spatie.yaml": "kind: Organisation\nid: x\nname: X\ntype: ggd\nfout: 1\n"}
    )
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in _sarif(result, tmp_path)["runs"][0]["results"]
    ]
    assert "regio/agreements/met%20spatie.yaml" in uris


def _fingerprints(document: dict[str, Any]) -> list[str]:
    return [r["partialFingerprints"]["kngg/v1"] for r in document["runs"][0]["results"]]


def test_fingerprints_stable_across_runs_and_unique(tmp_path: Path) -> None:
    first = _fingerprints(_sarif(mixed_result(tmp_path), tmp_path))
    second = _fingerprints(_sarif(mixed_result(tmp_path), tmp_path))
    assert first == second
    assert len(set(first)) == len(first)


def test_fingerprint_survives_lines_added_above(tmp_path: Path) -> None:
    before = dict(
        zip(["X001", "S005", "R005"], _fingerprints(_sarif(mixed_result(tmp_path), tmp_path)), strict=True)
    )
    from report_fixture import MIXED

    shifted = MIXED["organisations.yaml"].replace("kind:", "# een nieuwe regel bovenaan\n        kind:", 1)
    result = mixed_result(tmp_path, {"organisations.yaml": shifted})
    s005 = next(r for r in _sarif(result, tmp_path)["runs"][0]["results"] if r["ruleId"] == "S005")
    assert s005["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    assert s005["partialFingerprints"]["kngg/v1"] == before["S005"]


def test_cli_writes_sarif_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from kngg_cli.cli.app import build_app

    mixed_result(tmp_path)
    monkeypatch.chdir(tmp_path)
    args = ["check", "regio", "--format", "sarif", "--output", "kngg.sarif", "--today", "2026-11-23"]
    outcome = CliRunner().invoke(build_app(), args)
    assert outcome.exit_code == 1
    assert outcome.stdout == ""
    document = json.loads((tmp_path / "kngg.sarif").read_text(encoding="utf-8"))
    _validate(document)
    assert {r["ruleId"] for r in document["runs"][0]["results"]} >= {"S005", "R005", "X001"}
