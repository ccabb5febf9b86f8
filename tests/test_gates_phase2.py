"""Phase 2 rules (G901-G906): only in phase 2; dates against `--today`; durations by days."""

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
        [(MON, "evaluation_cycle: P6M", "evaluation_cycle: P13M")],
        (MON, "evaluation_cycle:"),
        "warning",
        "P13M",
    ),
    Case("G901", [(MON, "evaluation_cycle: P6M\n", "")], (MON, "kind: MonitoringPlan"), "warning"),
    Case(
        "G902",
        [(SOK, "valid_until: 2027-12-31", "valid_until: 2027-01-15")],
        (SOK, "valid_until:"),
        "warning",
        "over 53 dagen",
    ),
    Case("G903", [(GOV, "frequency: P6W", "frequency: P4M")], (GOV, "frequency: P4M"), "warning", "P4M"),
    Case("G903", [(GOV, "frequency: P6W\n", "")], (GOV, "kind: Body"), "warning", "hoe vaak"),
    Case(
        "G905",
        [(MON, "  - ref: A.1\n    frequency: P6M\n", "  - ref: A.1\n    frequency: P18M\n")],
        (MON, "frequency: P18M"),
        "warning",
        "A.1",
    ),
    Case(
        "G905",
        [(MON, "  - ref: B.2\n    frequency: P6M\n", "  - ref: B.2\n")],
        (MON, "- ref: B.2"),
        "warning",
    ),
    Case(
        "G906",
        [("communication.yaml", "    frequency: P3M\n", "")],
        ("communication.yaml", "- type: netwerkbijeenkomst"),
        "warning",
    ),
    Case(
        "G906",
        [("communication.yaml", "type: netwerkbijeenkomst", "type: overleg")],
        ("communication.yaml", "channels:"),
        "warning",
        "netwerkbijeenkomsten",
    ),
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


@pytest.mark.parametrize("code", ["G901", "G902", "G903", "G904", "G905", "G906"])
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


STEP_8_DONE = "progress:\n  phase: 2\n  completed:\n    - step: 8\n      date: {date}\n"


def _phase_2_since(day: str, cycle: str) -> dict[str, str]:
    files = edit(
        complete_region(step=None, phase=2), MON, "evaluation_cycle: P6M", f"evaluation_cycle: {cycle}"
    )
    return edit(files, "region.yaml", "progress:\n  phase: 2\n", STEP_8_DONE.format(date=day))


@pytest.mark.parametrize(
    ("cycle", "reported"), [("P26W", False), ("P6M", False), ("P183D", True), ("P1Y", True)]
)
def test_g901_six_months_by_days_in_the_first_year(tmp_path: Path, cycle: str, reported: bool) -> None:
    files = _phase_2_since("2026-06-01", cycle)  # TODAY 2026-11-23: the first year of phase 2
    findings = found(run(tmp_path, files), "G901")
    assert bool(findings) is reported
    assert all("eerste jaar van fase 2 (tot 2027-06-01)" in f.message for f in findings)


@pytest.mark.parametrize(
    ("cycle", "reported"), [("P6M", False), ("P1Y", False), ("P12M", False), ("P53W", True)]
)
def test_g901_twelve_months_after_the_first_year(tmp_path: Path, cycle: str, reported: bool) -> None:
    files = _phase_2_since("2025-06-01", cycle)
    assert bool(found(run(tmp_path, files), "G901")) is reported


def test_g901_first_year_edge(tmp_path: Path) -> None:
    """The first year ends on the anniversary of step 8's completion (TODAY is 2026-11-23)."""
    files = _phase_2_since("2025-11-24", "P1Y")
    assert len(found(run(tmp_path / "a", files), "G901")) == 1  # the first year until 2026-11-24
    files = _phase_2_since("2025-11-23", "P1Y")
    assert found(run(tmp_path / "b", files), "G901") == []  # the anniversary: the second year


def test_g901_only_the_date_of_step_8_starts_the_first_year(tmp_path: Path) -> None:
    """Step 7 completed recently and step 8 completed without a date: the first year of phase 2
    cannot be placed, so twelve months apply (and the undated step 8 is no crash)."""
    files = edit(complete_region(step=None, phase=2), MON, "evaluation_cycle: P6M", "evaluation_cycle: P9M")
    completed = "    - step: 7\n      date: 2026-06-01\n    - step: 8\n"
    files = edit(
        files, "region.yaml", "progress:\n  phase: 2\n", f"progress:\n  phase: 2\n  completed:\n{completed}"
    )
    result = run(tmp_path, files)
    assert [f.code for f in result.findings if f.code.startswith("S")] == []
    assert found(result, "G901") == []


def test_g901_without_a_dated_step_8_twelve_months_apply(tmp_path: Path) -> None:
    files = edit(complete_region(step=None, phase=2), MON, "evaluation_cycle: P6M", "evaluation_cycle: P9M")
    assert found(run(tmp_path, files), "G901") == []


@pytest.mark.parametrize(("frequency", "reported"), [("P3M", False), ("P13W", False), ("P92D", True)])
def test_g903_three_months_by_days(tmp_path: Path, frequency: str, reported: bool) -> None:
    files = edit(complete_region(step=None, phase=2), GOV, "frequency: P6W", f"frequency: {frequency}")
    assert bool(found(run(tmp_path, files), "G903")) is reported


def test_g902_depends_on_today(tmp_path: Path) -> None:
    files = complete_region(step=None, phase=2)
    assert found(run(tmp_path, files, today=date(2027, 10, 2)), "G902")[0].severity.value == "warning"
    assert found(run(tmp_path / "c", files, today=date(2027, 10, 1)), "G902") == []  # 91 days ahead
    assert found(run(tmp_path / "d", files, today=date(2027, 12, 31)), "G902") != []  # last day
    # expired: G609 (an error in the gate of step 6), no longer G902
    expired = run(tmp_path / "b", files, today=date(2028, 1, 1))
    assert found(expired, "G902") == [] and found(expired, "G609")[0].severity.value == "error"


def test_g902_notice_is_a_threshold_of_the_region(tmp_path: Path) -> None:
    files = complete_region(step=None, phase=2)
    files["region.yaml"] += "checks:\n  thresholds:\n    agreement_expiry_notice: P6M\n"
    [finding] = found(run(tmp_path, files, today=date(2027, 7, 15)), "G902")
    assert "P6M" in (finding.hint or "")
    assert found(run(tmp_path / "b", files, today=date(2027, 6, 15)), "G902") == []


def test_g903_frequency_is_a_threshold_of_the_region(tmp_path: Path) -> None:
    files = edit(complete_region(step=None, phase=2), GOV, "frequency: P6W", "frequency: P4M")
    assert len(found(run(tmp_path / "a", files), "G903")) == 1
    files["region.yaml"] += "checks:\n  thresholds:\n    governing_body_meets_every: P6M\n"
    assert found(run(tmp_path / "b", files), "G903") == []
    files = edit(files, GOV, "frequency: P4M", "frequency: P7M")
    [finding] = found(run(tmp_path / "c", files), "G903")
    assert "P6M" in finding.message


def test_g903_reads_the_governing_body(tmp_path: Path) -> None:
    files = edit(complete_region(step=None, phase=2), GOV, "type: kerngroep", "type: stuurgroep")
    files = edit(files, GOV, "frequency: P6W", "frequency: P4M")
    assert [f.subject for f in found(run(tmp_path, files), "G903")] == ["kerngroep"]


def _with_next_agreement(dates: str) -> dict[str, str]:
    """sok-2025 ends on 2026-10-01; sok-2026 has the same parties and clauses and `dates`."""
    files = edit(
        complete_region(step=None, phase=2), SOK, "valid_until: 2027-12-31", "valid_until: 2026-10-01"
    )
    files["agreements/sok-2026.yaml"] = (
        files[SOK]
        .replace("id: sok-2025", "id: sok-2026")
        .replace("valid_from: 2025-04-01\nvalid_until: 2026-10-01\n", dates)
    )
    return files


BEFORE_THE_END = date(2026, 9, 15)  # sok-2025 (until 2026-10-01) is in force and ends within 90 days


@pytest.mark.parametrize(
    "dates",
    [
        "valid_from: 2026-10-02\nvalid_until: 2029-12-31\n",  # starts the day after the end
        "valid_from: 2026-06-01\nvalid_until: 2029-12-31\n",  # overlaps
        "valid_until: 2029-12-31\n",  # no start date
        "valid_from: 2026-10-02\n",  # open-ended
        "",  # neither date
    ],
)
def test_g902_a_successor_agreement_keeps_the_region_bound(tmp_path: Path, dates: str) -> None:
    result = run(tmp_path, _with_next_agreement(dates), today=BEFORE_THE_END)
    assert [f.code for f in result.findings if f.code.startswith("S")] == []
    assert found(result, "G902") == []


@pytest.mark.parametrize(
    "dates",
    [
        "valid_from: 2026-10-03\nvalid_until: 2029-12-31\n",  # a day without an agreement
        "valid_from: 2025-04-01\nvalid_until: 2026-10-01\n",  # ends on the same day: no successor
        "valid_from: 2025-04-01\nvalid_until: 2026-09-30\n",  # ends earlier
    ],
)
def test_g902_an_agreement_that_does_not_follow_on_is_no_successor(tmp_path: Path, dates: str) -> None:
    findings = found(run(tmp_path, _with_next_agreement(dates), today=BEFORE_THE_END), "G902")
    [finding] = [f for f in findings if f.subject == "sok-2025"]
    assert "verloopt op 2026-10-01, over 16 dagen" in finding.message


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


def test_g903_points_at_the_value(tmp_path: Path) -> None:
    files = edit(complete_region(step=None, phase=2), GOV, "frequency: P6W", "frequency: P4M")
    [finding] = found(run(tmp_path, files), "G903")
    span = finding.location.span
    assert (span.line, span.column, span.end_column) == (6, 12, 15)  # `P4M`, not `frequency`
