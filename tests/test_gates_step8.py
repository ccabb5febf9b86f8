"""Gate of step 8 (G801-G806): ontwikkel de aanpak voor jouw regio.

Step 8 is the last step of phase 1: its gate is enforced in phase 2 (and with `--target 8`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gate_fixtures import Case, check_case, complete_region, edit, found, run

MON = "monitoring.yaml"
OWN_PROCESS_E = "  - id: eigen-e\n    name: Eigen indicator\n    level: E\n    type: proces\n"

CASES = [
    Case("G801", [], ("region.yaml", "kind: Region"), "error", "monitoringplan", remove=(MON,)),
    Case(
        "G801",
        [(MON, "agreed_by: kerngroep", "agreed_by: intervisie-czv")],
        (MON, "agreed_by:"),
        "error",
        "intervisie-czv, een intervisie",
    ),
    Case(
        "G801", [(MON, "agreed_by: kerngroep\n", "")], (MON, "kind: MonitoringPlan"), "error", "`agreed_by`"
    ),
    Case(
        "G801", [(MON, "agreed_on: 2025-06-01\n", "")], (MON, "kind: MonitoringPlan"), "error", "`agreed_on`"
    ),
    Case("G802", [(MON, "  - ref: E.1\n", OWN_PROCESS_E)], (MON, "indicators:"), "error", "resultaat"),
    Case("G803", [(MON, "  - ref: C.3\n", "")], (MON, "indicators:"), "warning", "niveau C"),
    Case("G804", [], ("region.yaml", "kind: Region"), "warning", remove=("communication.yaml",)),
    Case(
        "G804",
        [("communication.yaml", "gemeente_contact: sanne-de-vries\n", "")],
        ("communication.yaml", "kind: CommunicationPlan"),
        "warning",
        "gemeente_contact",
    ),
    Case(
        "G804",
        [
            (
                "communication.yaml",
                "channels:\n  - type: nieuwsbrief\n    audience: Alle netwerkpartners\n"
                "    owner: sanne-de-vries\n",
                "channels: []\n",
            )
        ],
        ("communication.yaml", "channels:"),
        "warning",
        "geen kanalen",
    ),
    Case(
        "G805",
        [("governance.yaml", "type: intervisie", "type: werkgroep")],
        ("region.yaml", "kind: Region"),
        "warning",
    ),
    Case(
        "G806",
        [("people.yaml", "    tasks:\n      - Lokale borging en verwijzing\n", "")],
        ("people.yaml", "- role: lokale_projectleider"),
        "warning",
        "Pieter Bakker",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_enforced_in_phase_2(tmp_path: Path, case: Case) -> None:
    check_case(tmp_path, case, step=None, phase=2)


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_enforced_with_target_8(tmp_path: Path, case: Case) -> None:
    check_case(tmp_path, case, step=8, target="8")


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_open_item_at_step_8(tmp_path: Path, case: Case) -> None:
    check_case(tmp_path, Case(case.code, case.edits, case.where, "info", case.message, case.remove), step=8)


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_not_evaluated_before_step_8(tmp_path: Path, case: Case) -> None:
    assert found(run(tmp_path, case.files(step=7)), case.code) == []


@pytest.mark.parametrize("code", [f"G80{n}" for n in range(1, 7)])
def test_complete_region_meets_gate_8(tmp_path: Path, code: str) -> None:
    assert found(run(tmp_path, complete_region(step=None, phase=2)), code) == []


def test_g802_type_comes_from_the_me_matrix(tmp_path: Path) -> None:
    """D.4 is a result indicator in the matrix; with it, E.1 is not needed for G802."""
    files = edit(complete_region(step=8), MON, "  - ref: E.1\n", "  - ref: D.4\n")
    result = run(tmp_path, files, target="8")
    assert found(result, "G802") == []
    assert [f.message for f in found(result, "G803")] == [
        "monitoringplan monitoring-2025 heeft geen indicator op niveau E (Kind en gezin)"
    ]


def test_g803_one_finding_per_missing_level(tmp_path: Path) -> None:
    files = complete_region(step=8)
    for ref in ("A.1", "B.2", "C.3"):
        files = edit(files, MON, f"  - ref: {ref}\n", "")
    findings = found(run(tmp_path, files, target="8"), "G803")
    assert sorted(f.message[-30:] for f in findings) == sorted(
        [
            m[-30:]
            for m in (
                "geen indicator op niveau A (Netwerkontwikkeling)",
                "geen indicator op niveau B (Professionele samenwerking)",
                "geen indicator op niveau C (Ondersteuning en zorg)",
            )
        ]
    )
    assert all("`- ref: " in (f.hint or "") for f in findings)


def test_g806_an_inactive_project_lead_is_not_asked_for_tasks(tmp_path: Path) -> None:
    files = edit(
        complete_region(step=8),
        "people.yaml",
        "    tasks:\n      - Lokale borging en verwijzing\n",
        "    until: 2025-12-31\n",
    )
    assert found(run(tmp_path, files, target="8"), "G806") == []
