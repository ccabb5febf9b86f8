"""The json format of cli.md: stable, field for field, for other tools to read."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kngg_cli.engine import CheckResult
    from kngg_cli.report import ReportContext


def report(result: CheckResult, context: ReportContext) -> str:
    document: dict[str, Any] = {
        "kngg_version": context.version,
        "today": result.today.isoformat(),
        "regions": [
            {
                "id": region.id,
                "path": context.display_path(region.root),
                "phase": region.phase,
                "step": region.step,
                "summary": region.summary,
            }
            for region in result.regions
        ],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "region": f.region,
                "path": context.display_path(f.location.path),
                "line": f.location.span.line,
                "column": f.location.span.column,
                "end_line": f.location.span.end_line,
                "end_column": f.location.span.end_column,
                "message": f.message,
                "hint": f.hint,
                "subject": f.subject,
            }
            for f in result.findings
        ],
        "summary": result.summary,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
