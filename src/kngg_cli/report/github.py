"""The github format: workflow commands that GitHub Actions turns into annotations on the diff.

One line per finding, in the order of the other formats (file, line, column):

    ::error file=agreements/sok.yaml,line=14,col=13,endLine=14,endColumn=16,title=G602::message

`error`, `warning` and `notice` for the severities error, warning and info. The message carries the
hint on a second line (an escaped newline), so the annotation says what to write. Escaping follows
the Actions toolkit: in the message `%`, CR and LF; in property values also `:` and `,`.

Columns: `col` is the first character, `endColumn` the last one (inclusive) and only given when
the finding lies on one line, as GitHub's annotations only take columns on a single line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kngg_cli.findings import Finding, Severity
from kngg_cli.report import message_with_hint, visible

if TYPE_CHECKING:
    from kngg_cli.engine import CheckResult
    from kngg_cli.report import ReportContext

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def report(result: CheckResult, context: ReportContext) -> str:
    return "".join(annotation(finding, context) + "\n" for finding in result.findings)


def annotation(finding: Finding, context: ReportContext) -> str:
    span = finding.location.span
    properties: list[tuple[str, object]] = [
        ("file", visible(context.display_path(finding.location.path))),
        ("line", span.line),
        ("col", span.column),
        ("endLine", max(span.end_line, span.line)),
    ]
    if span.end_line == span.line:
        properties.append(("endColumn", max(span.column, span.end_column - 1)))
    properties.append(("title", finding.code))
    text = visible(message_with_hint(finding, context.lang), keep_breaks=True)
    joined = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(text)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
