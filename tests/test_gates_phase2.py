"""Phase 2 rules (G901-G904): only in phase 2; dates against `--today`; durations by days."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gate_fixtures import Case, check_case, complete_region, edit, found, run
from kngg_cli.durations import duration_days

MON = "monitoring.yaml"
SOK = "agreements/sok-2025.yaml"
GOV = "governance.yaml"

CASES = [
    Case(
        "G901",
        [(MON, "evaluation_cycle: P6M", "evaluation_cycle: P7M")],
        (MON, "evaluation_cycle:"),
        "warning",
        "P7M",
    ),
    Case("G901", [(MON, "evaluation_cycle: P6M\n", "")], (MON, "kind: MonitoringPlan"), "warning"),
    Case(
        "G902",
        [(SOK, "valid_until: 2027-12-31", "valid_until: 2026-10-01")],
        (SOK, "valid_until:"),
        "error",
        "verlopen op 2026-10-01",
    ),
    Case(
        "G902",
        [(SOK, "valid_until: 2027-12-31", "valid_until: 2027-01-15")],
        (SOK, "valid_until:"),
        "warning",
        "over 53 dagen",
    ),
    Case("G903", [(GOV, "frequency: P6W", "frequency: P4M")], (GOV, "frequency: P4M"), "warning", "P4M"),
    Case("G903", [(GOV, "frequency: P6W\n", "")], (GOV, "kind: Body"), "warning", "frequency"),
    Case(
        "G904",
        [(MON, "reviewed_on: 2026-05-15", "reviewed_on: 2025-10-01")],
        (MON, "reviewed_on:"),
        "warning",
        "2025-10-01",
    ),
    Case("G904", [(MON, "reviewed_on: 2026-05-15\n", "")], (MON, "agreed_on:"), "warning", "2025-06-01"),
]


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_enforced_in_phase_2(tmp_path: Path, case: Case) -> None:
    check_case(tmp_path, case, step=None, phase=2)


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_not_evaluated_in_phase_1(tmp_path: Path, case: Case) -> None:
    assert found(run(tmp_path, case.files(step=8)), case.code) == []
    assert found(run(tmp_path / "b", case.files(step=8), target="fase-2"), case.code) == []


@pytest.mark.parametrize("code", ["G901", "G902", "G903", "G904"])
def test_complete_region_meets_phase_2(tmp_path: Path, code: str) -> None:
    assert found(run(tmp_path, complete_region(step=None, phase=2)), code) == []


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("P6W", 42),
        ("P1M", 30.44),
        ("P3M", 91.32),
        ("P6M", 182.64),
        ("P1Y", 365.25),
        ("P26W", 182),
        ("PT36H", 1.5),
    ],
)
def test_durations_in_days(text: str, days: float) -> None:
    assert duration_days(text) == pytest.approx(days)


@pytest.mark.parametrize(
    ("cycle", "reported"), [("P26W", False), ("P6M", False), ("P183D", True), ("P1Y", True)]
)
def test_g901_six_months_by_days(tmp_path: Path, cycle: str, reported: bool) -> None:
    files = edit(
        complete_region(step=None, phase=2), MON, "evaluation_cycle: P6M", f"evaluation_cycle: {cycle}"
    )
    assert bool(found(run(tmp_path, files), "G901")) is reported


@pytest.mark.parametrize(("frequency", "reported"), [("P3M", False), ("P13W", False), ("P92D", True)])
def test_g903_three_months_by_days(tmp_path: Path, frequency: str, reported: bool) -> None:
    files = edit(complete_region(step=None, phase=2), GOV, "frequency: P6W", f"frequency: {frequency}")
    assert bool(found(run(tmp_path, files), "G903")) is reported


def test_g902_depends_on_today(tmp_path: Path) -> None:
    files = complete_region(step=None, phase=2)
    assert found(run(tmp_path, files, today=date(2027, 10, 2)), "G902")[0].severity.value == "warning"
    assert found(run(tmp_path / "b", files, today=date(2028, 1, 1)), "G902")[0].severity.value == "error"
    assert found(run(tmp_path / "c", files, today=date(2027, 10, 1)), "G902") == []  # 91 days ahead


def test_g902_a_successor_agreement_keeps_the_region_bound(tmp_path: Path) -> None:
    files = edit(
        complete_region(step=None, phase=2), SOK, "valid_until: 2027-12-31", "valid_until: 2026-10-01"
    )
    files["agreements/sok-2026.yaml"] = (
        files[SOK]
        .replace("id: sok-2025", "id: sok-2026")
        .replace(
            "valid_from: 2025-04-01\nvalid_until: 2026-10-01",
            "valid_from: 2026-10-02\nvalid_until: 2029-12-31",
        )
    )
    assert found(run(tmp_path, files), "G902") == []


def test_g902_an_open_ended_agreement_never_expires(tmp_path: Path) -> None:
    files = edit(complete_region(step=None, phase=2), SOK, "valid_until: 2027-12-31\n", "")
    assert found(run(tmp_path, files, today=date(2040, 1, 1)), "G902") == []


def test_g904_without_any_date(tmp_path: Path) -> None:
    files = edit(complete_region(step=None, phase=2), MON, "reviewed_on: 2026-05-15\n", "")
    files = edit(files, MON, "agreed_on: 2025-06-01\n", "")
    [finding] = found(run(tmp_path, files), "G904")
    assert finding.location.span.line == 1 and "geen datum" in finding.message


def test_g904_within_a_year(tmp_path: Path) -> None:
    files = complete_region(step=None, phase=2)
    assert found(run(tmp_path, files, today=date(2027, 5, 15)), "G904") == []
    assert len(found(run(tmp_path / "b", files, today=date(2027, 5, 17)), "G904")) == 1
