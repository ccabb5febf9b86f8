"""The finding: what every rule produces and every reporter reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Span:
    """A 1-based, inclusive-start, exclusive-end stretch of a file."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column + 1)


FILE_START = Span(1, 1, 1, 1)


@dataclass(frozen=True, slots=True)
class Location:
    path: Path
    span: Span = FILE_START


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule reports: language-free; the engine turns it into a Finding."""

    code: str
    location: Location
    message_key: str = "default"
    params: dict[str, Any] = field(default_factory=dict)
    subject: str | None = None
    severity: Severity | None = None  # only for rules whose severity depends on the case (G902)


@dataclass(slots=True)
class Finding:
    code: str
    severity: Severity
    message: str
    location: Location
    hint: str | None = None
    region: str | None = None
    subject: str | None = None
    enforced: bool = True  # False for the current step's to-do items reported as info
    gate_severity: Severity | None = None  # an open item's severity once its gate is enforced
    suggestions: tuple[str, ...] = ()  # did-you-mean values (an editor offers them as quick fixes)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        span = self.location.span
        return (str(self.location.path), span.line, span.column, self.code)


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = {s.value: 0 for s in Severity}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts
