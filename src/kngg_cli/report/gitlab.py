"""The gitlab format: a GitLab Code Quality report (a JSON array in the Code Climate issue shape).

GitLab shows these in the merge request widget and the diff when a CI job publishes the file as
`artifacts: reports: codequality`. Each finding becomes

    {"description": "G602 …", "check_name": "G602", "fingerprint": "…", "severity": "major",
     "location": {"path": "agreements/sok.yaml", "lines": {"begin": 14, "end": 14}}}

Severity: error → major, warning → minor, info → info. The fingerprint is a SHA-256 over the code,
path, line, column, message and a counter for identical findings, so it is the same on every run
over the same files and different for every finding of a run (GitLab compares fingerprints
between the source and target branch to say what a merge request fixes or introduces).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from kngg_cli.findings import Finding, Severity
from kngg_cli.report import Fingerprints

if TYPE_CHECKING:
    from kngg_cli.engine import CheckResult
    from kngg_cli.report import ReportContext

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def report(result: CheckResult, context: ReportContext) -> str:
    issues: list[dict[str, Any]] = []
    fingerprint = Fingerprints()
    for finding in result.findings:
        path = context.display_path(finding.location.path)
        span = finding.location.span
        print_ = fingerprint(finding.code, path, str(span.line), str(span.column), finding.message)
        issues.append(_issue(finding, path, print_))
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _issue(finding: Finding, path: str, print_: str) -> dict[str, Any]:
    span = finding.location.span
    description = f"{finding.code} {finding.message}"
    if finding.hint:
        description += f" ({finding.hint})"
    return {
        "type": "issue",
        "description": description,
        "check_name": finding.code,
        "fingerprint": print_,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": path, "lines": {"begin": span.line, "end": max(span.end_line, span.line)}},
    }
