"""The junit format: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure …).

    <testsuites name="kngg" tests="…" failures="…" errors="0" skipped="0">
      <testsuite name="flevoland" tests="7" failures="1" errors="0" skipped="0">
        <testcase classname="flevoland" name="agreements/sok-2025.yaml" file="…">
          <failure type="G602" message="…">agreements/sok-2025.yaml:14:13: G602 …</failure>
          <system-out>warning …</system-out>
        </testcase>
        …

One testsuite per region and one testcase per file of the region, the clean ones too (a file a
finding points at that the region does not list, such as a missing region.yaml, gets its own
testcase). Every error finding is a <failure> of its file's testcase; warnings and info are that
testcase's <system-out>. `tests` counts testcases and `failures` the testcases with at least one
failure, as in Ant's JUnit schema.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from kngg_cli.findings import Finding, Severity
from kngg_cli.report import message_with_hint
from kngg_cli.texts import text

if TYPE_CHECKING:
    from kngg_cli.engine import CheckResult, RegionResult
    from kngg_cli.report import ReportContext

# characters XML 1.0 does not allow, even escaped
_INVALID_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def report(result: CheckResult, context: ReportContext) -> str:
    root = ET.Element("testsuites", {"name": "kngg"})
    totals = {"tests": 0, "failures": 0}
    for region in result.regions:
        suite = _suite(region, context)
        root.append(suite)
        totals["tests"] += int(suite.get("tests", "0"))
        totals["failures"] += int(suite.get("failures", "0"))
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    root.set("errors", "0")
    root.set("skipped", "0")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _suite(region: RegionResult, context: ReportContext) -> ET.Element:
    findings_by_file: dict[str, list[Finding]] = {}
    for relative in sorted(region.file_names):
        findings_by_file.setdefault(str(region.root.joinpath(*relative.split("/"))), [])
    for finding in sorted(region.findings, key=lambda f: f.sort_key):
        findings_by_file.setdefault(str(finding.location.path), []).append(finding)

    suite = ET.Element("testsuite", {"name": _clean(region.id)})
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("path", context.display_path(region.root)),
        ("phase", region.phase),
        ("step", region.step),
    ):
        if value is not None:
            ET.SubElement(properties, "property", {"name": name, "value": _clean(str(value))})
    failed = 0
    for path, findings in findings_by_file.items():
        shown = context.display_path(path)
        case = ET.SubElement(
            suite,
            "testcase",
            {"classname": _clean(region.id), "name": _clean(_relative(path, region)), "file": _clean(shown)},
        )
        errors = [f for f in findings if f.severity is Severity.ERROR]
        others = [f for f in findings if f.severity is not Severity.ERROR]
        for finding in errors:
            failure = ET.SubElement(
                case, "failure", {"type": finding.code, "message": _clean(finding.message)}
            )
            failure.text = _clean(_describe(finding, shown, context.lang))
        if others:
            out = ET.SubElement(case, "system-out")
            described = (
                f"{text(f'severity.{f.severity.value}', context.lang)} {_describe(f, shown, context.lang)}"
                for f in others
            )
            out.text = _clean("\n".join(described) + "\n")
        failed += bool(errors)
    suite.set("tests", str(len(findings_by_file)))
    suite.set("failures", str(failed))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    return suite


def _relative(path: str, region: RegionResult) -> str:
    """The file as the region knows it (relative to the region root, / separators)."""
    for source in region.view.files:
        if str(source.path) == path:
            return source.relative
    try:
        from pathlib import Path

        return Path(path).relative_to(region.root).as_posix()
    except ValueError:
        return path


def _describe(finding: Finding, shown: str, lang: str) -> str:
    span = finding.location.span
    return f"{shown}:{span.line}:{span.column}: {finding.code} {message_with_hint(finding, lang)}"


def _clean(text: str) -> str:
    """Text that XML 1.0 can carry: a character it forbids becomes U+FFFD."""
    return _INVALID_XML.sub("\ufffd", text)
