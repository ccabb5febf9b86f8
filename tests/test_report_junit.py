"""--format junit: well-formed XML, one testsuite per region, one testcase per file, a failure per error."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from helpers import MINIMAL_REGION, check, write_region
from kngg_cli.findings import Severity
from kngg_cli.report import get_reporter
from report_fixture import FAMILIES, MIXED, context, mixed_result


def _junit(result, tmp_path: Path) -> ET.Element:  # type: ignore[no-untyped-def]
    text = get_reporter("junit")(result, context(tmp_path))
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def _cases(suite: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name", ""): case for case in suite.findall("testcase")}


def test_one_testcase_per_file_with_failures_for_errors(tmp_path: Path) -> None:
    result = mixed_result(tmp_path)
    root = _junit(result, tmp_path)
    assert root.tag == "testsuites"
    [suite] = root.findall("testsuite")
    assert suite.get("name") == "testregio"
    cases = _cases(suite)
    assert sorted(cases) == ["agreements/clean.yaml", "organisations.yaml", "region.yaml"]
    assert all(case.get("classname") == "testregio" for case in cases.values())
    assert cases["organisations.yaml"].get("file") == "regio/organisations.yaml"

    [failure] = cases["organisations.yaml"].findall("failure")
    assert failure.get("type") == "S005"
    assert failure.get("message") == "onbekend veld `bogus`"
    assert (failure.text or "").startswith("regio/organisations.yaml:6:1: S005 onbekend veld `bogus`")
    assert "tip: " in (failure.text or "")
    # the info finding of the same file is output, not a failure
    assert "info regio/organisations.yaml:3:25: X001" in (
        cases["organisations.yaml"].findtext("system-out") or ""
    )

    # the warning is output of its file, not a failure
    assert cases["region.yaml"].findall("failure") == []
    assert "waarschuwing regio/region.yaml:7:11: R005" in (cases["region.yaml"].findtext("system-out") or "")

    # the clean file is there, with nothing in it
    assert list(cases["agreements/clean.yaml"]) == []


def test_counts(tmp_path: Path) -> None:
    result = mixed_result(tmp_path)
    root = _junit(result, tmp_path)
    [suite] = root.findall("testsuite")
    assert suite.get("tests") == "3" == str(len(suite.findall("testcase")))
    assert suite.get("failures") == "1"
    assert suite.get("errors") == "0" and suite.get("skipped") == "0"
    assert root.get("tests") == "3" and root.get("failures") == "1"
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    assert len(root.findall(".//failure")) == len(errors)


def test_several_errors_in_one_file(tmp_path: Path) -> None:
    broken = MIXED["organisations.yaml"].replace("bogus: 1", "bogus: 1\n        other: 2")
    root = _junit(mixed_result(tmp_path, {"organisations.yaml": broken}), tmp_path)
    [suite] = root.findall("testsuite")
    failures = _cases(suite)["organisations.yaml"].findall("failure")
    assert [f.get("type") for f in failures] == ["S005", "S005"]
    assert suite.get("failures") == "1"  # testcases that failed, as Ant's schema counts them


def test_one_testsuite_per_region(tmp_path: Path) -> None:
    write_region(tmp_path / "regions" / "a", {"broken.yaml": "kind: [\n"})
    write_region(
        tmp_path / "regions" / "b",
        {
            # another gemeente than region a: two regions listing one gemeente would be R012
            "region.yaml": MIXED["region.yaml"]
            .replace("testregio", "tweede")
            .replace("Almeer", "Lelystad")
            .replace("GM0034", "GM0995"),
            "organisations.yaml": MINIMAL_REGION["organisations.yaml"].replace("GM0034", "GM0995"),
        },
    )
    result = check(tmp_path / "regions", select=FAMILIES)
    root = _junit(result, tmp_path)
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert sorted(suites) == ["testregio", "tweede"]
    assert suites["testregio"].get("failures") == "1"
    assert [f.get("type") for f in suites["testregio"].iter("failure")] == ["S001"]
    assert suites["tweede"].get("failures") == "0"
    assert sorted(_cases(suites["tweede"])) == ["organisations.yaml", "region.yaml"]
    assert root.get("tests") == str(len(root.findall(".//testcase"))) == "5"
    assert root.get("failures") == "1"


def test_clean_region(region, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _junit(check(region(), select=FAMILIES), tmp_path)
    assert root.get("tests") == "2" and root.get("failures") == "0"
    assert root.findall(".//failure") == [] and root.findall(".//system-out") == []


def test_characters_xml_cannot_carry(tmp_path: Path) -> None:
    result = mixed_result(tmp_path)
    s005 = next(f for f in result.findings if f.code == "S005")
    s005.message = 'bel\x07 <en> & "quote" \ud800'
    root = _junit(result, tmp_path)  # parses: the text is escaped and cleaned
    failure = root.find(".//failure")
    assert failure is not None
    assert failure.get("message") == 'bel\ufffd <en> & "quote" \ufffd'
