"""A small region with one finding of each severity, shared by the reporter tests (test_report_*.py).

organisations.yaml:6 error S005 (unknown field), region.yaml:7 warning R005 (gemeente name),
organisations.yaml:3 info X001 (a suppression that suppresses nothing); agreements/clean.yaml
holds a valid Organisation and no finding, so every format must still show that file.
"""

from __future__ import annotations

from pathlib import Path

from helpers import check, write_region
from kngg_cli.engine import CheckResult
from kngg_cli.report import ReportContext

MIXED: dict[str, str] = {
    "region.yaml": """
        kngg: 1
        kind: Region
        id: testregio
        name: Regio Test
        gemeenten:
          - code: GM0034
            name: Almeer
        progress:
          phase: 1
          step: 1
    """,
    "organisations.yaml": """
        kind: Organisation
        id: gemeente-almere
        name: Gemeente Almere   # kngg: ignore[R001]
        type: gemeente
        gemeente: GM0034
        bogus: 1
    """,
    "agreements/clean.yaml": """
        kind: Organisation
        id: ggd
        name: GGD Test
        type: ggd
    """,
}

# only these families, so that rules added later (advice, gates) do not change the fixture's findings
FAMILIES = ("S", "R", "P", "X")
EXPECTED = {("S005", "error"), ("R005", "warning"), ("X001", "info")}


def mixed_result(tmp_path: Path, files: dict[str, str | bytes | None] | None = None) -> CheckResult:
    """Write the mixed region under tmp_path/regio and check it."""
    root = write_region(tmp_path / "regio", {**MIXED, **(files or {})}, base={})
    return check(root, select=FAMILIES)


def context(tmp_path: Path, lang: str = "nl") -> ReportContext:
    """Paths relative to tmp_path, so they read `regio/…` as from a repository root."""
    return ReportContext(str(tmp_path), color=False, lang=lang, version="0.1.0")
