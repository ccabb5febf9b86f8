"""The text format: compiler-style blocks with the source lines and a caret, then a summary per region."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kngg_cli.findings import Finding, Severity
from kngg_cli.report import visible
from kngg_cli.texts import Text, text

if TYPE_CHECKING:
    from kngg_cli.engine import CheckResult, RegionResult
    from kngg_cli.report import ReportContext

_COLORS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", Severity.INFO: "\033[1;36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def report(result: CheckResult, context: ReportContext) -> str:
    lines_by_file = {str(f.path): f.lines for r in result.regions for f in r.view.files}
    blocks = [
        format_finding(f, context, lines_by_file.get(str(f.location.path), []))
        for f in sorted(result.findings, key=_causes_first)
    ]
    summaries = [summary_line(r) for r in result.regions]
    return "".join(block + "\n" for block in blocks) + "\n".join(summaries) + "\n"


# findings that make others meaningless: a file that cannot be read or parsed (cli.md, "text")
_FIRST = ("S001", "S009")


def _causes_first(finding: Finding) -> tuple[bool, tuple[str, int, int, str]]:
    return (finding.code not in _FIRST, finding.sort_key)


def _paint(text: str, style: str, context: ReportContext) -> str:
    return f"{style}{text}{_RESET}" if context.color else text


def format_finding(finding: Finding, context: ReportContext, source_lines: list[str]) -> str:
    span = finding.location.span
    where = f"{visible(context.display_path(finding.location.path))}:{span.line}:{span.column}"
    severity = _paint(
        text(f"severity.{finding.severity.value}", context.lang), _COLORS[finding.severity], context
    )
    head = f"{_paint(where, _BOLD, context)}: {severity} {finding.code} {visible(finding.message)}"
    out = [head, *_excerpt(finding, source_lines, context)]
    if finding.hint:
        out.append(f"   = {text('label.hint', context.lang)}: {visible(finding.hint)}")
    return "\n".join(out)


def _excerpt(finding: Finding, source_lines: list[str], context: ReportContext) -> list[str]:
    span = finding.location.span
    if not source_lines or span.line > len(source_lines):
        return []
    first = max(1, span.line - 1)
    width = len(str(span.line))
    out = []
    for number in range(first, span.line + 1):
        text = visible(source_lines[number - 1].rstrip("\r").expandtabs(1))
        if number < span.line and not text.strip():
            continue
        out.append(_paint(f"{number:>{width + 3}} | ", _DIM, context) + text)
    line_text = source_lines[span.line - 1]
    start = span.column
    end = span.end_column if span.end_line == span.line and span.end_column > start else len(line_text) + 1
    carets = "^" * max(1, min(end, len(line_text) + 1) - start)
    gutter = " " * (width + 3) + " | "
    out.append(
        _paint(gutter, _DIM, context) + " " * (start - 1) + _paint(carets, _COLORS[finding.severity], context)
    )
    return out


def summary_line(region: RegionResult) -> str:
    """`flevoland (stap 7): 1 fout, 2 waarschuwingen, 3 info` in the region's language."""
    return text(
        "summary.line",
        region.lang,
        region=visible(region.id),
        where=where_text(region.phase, region.step),
        errors=Text.counted("count.error", region.summary["error"]),
        warnings=Text.counted("count.warning", region.summary["warning"]),
        infos=Text.counted("count.info", region.summary["info"]),
    )


def where_text(phase: int | None, step: int | None) -> Text:
    """Where a region stands: "stap 7", "fase 2" or "geen voortgang"."""
    if phase == 2:
        return Text("where.phase_2")
    return Text("where.step", step=step) if step else Text("where.no_progress")
