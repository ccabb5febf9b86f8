"""Gate of step 5 (G501-G504): the end of the verkenningsfase."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate_fixtures import Case, check_case, complete_region, edit, found, run

RC_ROLE = "  - role: regionale_coordinator\n    since: 2025-01-01\n"
RC_TASKS = (
    "    tasks:\n      - description: Coördinatie van de kerngroep\n        level: strategisch\n"
    "      - description: Organiseren van de overleggen\n        level: operationeel\n"
)
LELYSTAD_DECISION = "  - gemeente: GM0995\n    date: 2024-10-08\n    outcome: positief\n    by: raad\n"

CASES = [
    Case(
        "G501",
        [("region.yaml", LELYSTAD_DECISION, "")],
        ("region.yaml", "- code: GM0995"),
        "error",
        "Lelystad (GM0995)",
    ),
    Case(
        "G501",
        [("region.yaml", "2024-10-08\n    outcome: positief", "2024-10-08\n    outcome: aangehouden")],
        ("region.yaml", "- code: GM0995"),
        "error",
        "aangehouden",
    ),
    Case(
        "G502",
        [("people.yaml", RC_ROLE, RC_ROLE + "    until: 2025-06-30\n")],
        ("region.yaml", "kind: Region"),
        "error",
        "de regio heeft geen actieve regionale coördinator",  # not "only a kwartiermaker": there is none
    ),
    Case(
        "G503",
        [("people.yaml", "    assignment: https://example.org/opdracht-rc.pdf\n", "")],
        ("people.yaml", "- role: regionale_coordinator"),
        "warning",
        "de rol regionale coördinator van Sanne de Vries",
    ),
    Case(
        "G503",
        [("people.yaml", RC_TASKS, "")],
        ("people.yaml", "- role: regionale_coordinator"),
        "warning",
        "taakbeschrijving",
    ),
    Case(
        "G504",
        [
            (
                "region.yaml",
                "vision: |\n  Samen zorgen we dat ieder kind in de regio gezond kan opgroeien.\n",
                "",
            )
        ],
        ("region.yaml", "kind: Region"),
        "warning",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_enforced_after_step_5(tmp_path: Path, case: Case) -> None:
    check_case(tmp_path, case, step=6)


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_open_item_at_step_5(tmp_path: Path, case: Case) -> None:
    info = Case(case.code, case.edits, case.where, "info", case.message)
    check_case(tmp_path, info, step=5)


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_not_evaluated_before_step_5(tmp_path: Path, case: Case) -> None:
    result = run(tmp_path, case.files(step=4))
    assert found(result, case.code) == []


@pytest.mark.parametrize("code", ["G501", "G502", "G503", "G504"])
def test_complete_region_meets_gate_5(tmp_path: Path, code: str) -> None:
    assert found(run(tmp_path, complete_region(step=6)), code) == []


def test_g501_latest_decision_counts(tmp_path: Path) -> None:
    files = edit(
        complete_region(step=6),
        "region.yaml",
        LELYSTAD_DECISION,
        LELYSTAD_DECISION.replace("positief", "negatief").replace("2024-10-08", "2024-03-01")
        + LELYSTAD_DECISION,
    )
    assert found(run(tmp_path, files), "G501") == []
    files = edit(
        complete_region(step=6),
        "region.yaml",
        LELYSTAD_DECISION,
        LELYSTAD_DECISION * 1
        + LELYSTAD_DECISION.replace("positief", "negatief").replace("2024-10-08", "2025-01-10"),
    )
    assert [f.message for f in found(run(tmp_path / "b", files), "G501")] == [
        "het laatste besluit van gemeente Lelystad (GM0995) is negatief, niet positief"
    ]


def test_g501_the_latest_decision_by_date_not_by_place_in_the_file(tmp_path: Path) -> None:
    newer = LELYSTAD_DECISION.replace("positief", "negatief").replace("2024-10-08", "2025-01-10")
    files = edit(complete_region(step=6), "region.yaml", LELYSTAD_DECISION, newer + LELYSTAD_DECISION)
    [finding] = found(run(tmp_path, files), "G501")
    assert "negatief" in finding.message


def test_g501_an_undated_decision_counts_as_the_oldest(tmp_path: Path) -> None:
    undated = LELYSTAD_DECISION.replace("positief", "negatief").replace("    date: 2024-10-08\n", "")
    files = edit(complete_region(step=6), "region.yaml", LELYSTAD_DECISION, LELYSTAD_DECISION + undated)
    assert found(run(tmp_path, files), "G501") == []
    files = edit(complete_region(step=6), "region.yaml", LELYSTAD_DECISION, undated)
    [finding] = found(run(tmp_path / "b", files), "G501")
    assert "negatief" in finding.message


def test_g502_a_kwartiermaker_will_do_up_to_step_5(tmp_path: Path) -> None:
    files = edit(complete_region(step=5), "people.yaml", "role: regionale_coordinator", "role: kwartiermaker")
    result = run(tmp_path, files, target="5")
    assert found(result, "G502") == []
    assert found(result, "G503") == []  # the kwartiermaker's assignment and tasks are there


def test_g502_from_step_6_only_a_rc_counts(tmp_path: Path) -> None:
    """1.1: the kwartiermaker guides the first steps; from step 6 on the gate of step 5 asks a RC."""
    files = edit(complete_region(step=6), "people.yaml", "role: regionale_coordinator", "role: kwartiermaker")
    result = run(tmp_path, files)
    [finding] = found(result, "G502")
    assert finding.severity.value == "error" and "kwartiermaker" in finding.message
    assert found(result, "G503") == []  # the role G503 would look at is the missing RC: no cascade
    assert found(result, "G704") == []


def test_g502_kwartiermaker_in_phase_2_does_not_count(tmp_path: Path) -> None:
    files = edit(
        complete_region(None, phase=2), "people.yaml", "role: regionale_coordinator", "role: kwartiermaker"
    )
    assert len(found(run(tmp_path, files), "G502")) == 1


def test_g503_is_a_warning_that_does_not_stop_advance(tmp_path: Path) -> None:
    files = edit(
        complete_region(step=6), "people.yaml", "    assignment: https://example.org/opdracht-rc.pdf\n", ""
    )
    result = run(tmp_path, files, target="next")
    assert [f.severity.value for f in found(result, "G503")] == ["warning"]
    assert result.exit_code() == 0


def test_g502_a_future_rc_does_not_count(tmp_path: Path) -> None:
    files = edit(complete_region(step=6), "people.yaml", "since: 2025-01-01", "since: 2027-01-01")
    assert len(found(run(tmp_path, files), "G502")) == 1


def test_g503_reports_each_missing_part(tmp_path: Path) -> None:
    files = edit(complete_region(step=6), "people.yaml", RC_TASKS, "")
    files = edit(files, "people.yaml", "    assignment: https://example.org/opdracht-rc.pdf\n", "")
    findings = found(run(tmp_path, files), "G503")
    assert len(findings) == 2 and all(f.subject == "sanne-de-vries" for f in findings)


def test_g504_empty_vision_points_at_the_key(tmp_path: Path) -> None:
    files = edit(
        complete_region(step=6),
        "region.yaml",
        "vision: |\n  Samen zorgen we dat ieder kind in de regio gezond kan opgroeien.\n",
        "vision: ''\n",
    )
    [finding] = found(run(tmp_path, files), "G504")
    assert finding.location.span.line == files["region.yaml"].splitlines().index("vision: ''") + 1
