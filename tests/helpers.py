"""Shared helpers for tests: small region folders written from text, and one-call checks."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from kngg_cli.engine import CheckOptions, CheckResult, check_path
from kngg_cli.findings import Finding

TODAY = date(2026, 11, 23)

# A valid region at step 1: one gemeente, its gemeente organisation. Tests add or replace files.
MINIMAL_REGION: dict[str, str] = {
    "region.yaml": """
        kngg: 1
        kind: Region
        id: testregio
        name: Regio Test
        gemeenten:
          - code: GM0034
            name: Almere
        progress:
          phase: 1
          step: 1
    """,
    "organisations.yaml": """
        kind: Organisation
        id: gemeente-almere
        name: Gemeente Almere
        type: gemeente
        gemeente: GM0034
    """,
}


def write_region(
    root: Path, files: dict[str, str | bytes | None], base: dict[str, str] | None = None
) -> Path:
    """Write a region folder. Texts are dedented; None removes a file of the base."""
    merged: dict[str, str | bytes | None] = {**(MINIMAL_REGION if base is None else base), **files}
    for relative, content in merged.items():
        if content is None:
            continue
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


def check(root: Path, **options: object) -> CheckResult:
    opts = CheckOptions(today=options.pop("today", TODAY), **options)  # type: ignore[arg-type]
    return check_path(root, opts)


def codes(result: CheckResult) -> list[str]:
    return [f.code for f in result.findings]


def only(result: CheckResult, code: str) -> list[Finding]:
    return [f for f in result.findings if f.code == code]


def where(finding: Finding) -> tuple[str, int]:
    """(file name relative to its region, line) of a finding."""
    path = finding.location.path
    return (path.name, finding.location.span.line)
