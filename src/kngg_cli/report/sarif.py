"""The sarif format: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run. `tool.driver.rules` holds the whole catalogue (not only the rules that found something),
so a viewer can show any rule's documentation; each result points at its rule by id and index.
Paths are relative to the working directory, resolved through the `%SRCROOT%` base; columns count
Unicode code points; a region's end column is the column after its last character, as SARIF says.

`partialFingerprints["kngg/v1"]` identifies a finding across runs: a hash of the rule, the file,
the subject, the message and a counter for identical findings. It leaves out the line, so an
alert keeps its identity when lines are added above it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from kngg_cli.catalog import RuleInfo, catalogue, localized
from kngg_cli.findings import Finding
from kngg_cli.report import Fingerprints, message_with_hint
from kngg_cli.texts import text

if TYPE_CHECKING:
    from kngg_cli.engine import CheckResult
    from kngg_cli.report import ReportContext

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
FINGERPRINT = "kngg/v1"


def report(result: CheckResult, context: ReportContext) -> str:
    rules = catalogue()
    index = {code: position for position, code in enumerate(rules)}
    fingerprint = Fingerprints()
    results = []
    for finding in result.findings:
        path = context.display_path(finding.location.path)
        print_ = fingerprint(finding.code, path, finding.subject or "", finding.message)
        results.append(_result(finding, path, index.get(finding.code), print_, context.lang))
    driver: dict[str, Any] = {
        "name": "kngg",
        "fullName": "kngg (Kind naar Gezonder Gewicht)",
        "version": context.version or "0",
        "rules": [_rule(info, context.lang) for info in rules.values()],
    }
    if context.version:
        driver["semanticVersion"] = context.version
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(context.cwd)}},
        "columnKind": "unicodeCodePoints",
        "language": context.lang,
        "invocations": [{"executionSuccessful": True}],
        "results": results,
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _rule(info: RuleInfo, lang: str) -> dict[str, Any]:
    from kngg_cli.explain import explain_text

    help_text = explain_text(info.code, lang)
    family = text(f"family.{info.family}", lang)
    properties: dict[str, Any] = {"family": info.family, "tags": [info.family, family, info.name]}
    if info.step is not None:
        properties["step"] = info.step
    if info.phase is not None:
        properties["phase"] = info.phase
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": localized(info.summary, lang) or info.name},
        "fullDescription": {"text": localized(info.what, lang) or localized(info.summary, lang) or info.name},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS.get(info.severity, "warning")},
        "properties": properties,
    }


def _result(
    finding: Finding, path: str, rule_index: int | None, fingerprint: str, lang: str
) -> dict[str, Any]:
    span = finding.location.span
    text = message_with_hint(finding, lang)
    region = {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": max(span.end_line, span.line),
        "endColumn": span.end_column if span.end_line > span.line else max(span.end_column, span.column),
    }
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity.value],
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(path), "region": region}}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    properties: dict[str, Any] = {}
    if finding.region:
        properties["region"] = finding.region
    if finding.subject:
        properties["subject"] = finding.subject
    if not finding.enforced:
        properties["openItem"] = True  # the current step's to-do list, reported as info
    if properties:
        result["properties"] = properties
    return result


def _artifact(path: str) -> dict[str, str]:
    """A relative path under %SRCROOT%; a path far outside the working directory as a file URI."""
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": SRCROOT}


def _directory_uri(cwd: str) -> str:
    uri = Path(cwd).resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"
