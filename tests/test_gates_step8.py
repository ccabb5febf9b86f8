"""Gate of step 8 (G801-G807, and G705/G706 since 1.1): ontwikkel de aanpak voor jouw regio.

Step 8 is the last step of phase 1: its gate is enforced in phase 2 (and with `--target 8`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gate_fixtures import Case, check_case, complete_region, edit, found, run

MON = "monitoring.yaml"
OWN_PROCESS_E = "  - id: eigen-e\n    name: Eigen indicator\n    level: E\n    type: proces\n"

PIETER_ROLE = "  - role: lokale_projectleider\n    since: 2025-05-01\n"
WELZIJN_MEMBER = "  - organisation: welzijn-flevoland\n    level: uitvoering\n"
WELZIJN_PARTY = "  - organisation: welzijn-flevoland\n    signed: 2025-03-18\n"

CASES = [
    Case("G801", [], ("region.yaml", "kind: Region"), "error", "monitoringplan", remove=(MON,)),
    Case(
        "G801",
        [(MON, "agreed_by: kerngroep", "agreed_by: intervisie-czv")],
        (MON, "agreed_by:"),
        "error",
        "intervisie-czv (intervisie), niet door het sturende overleg Kerngroep KnGG Test",
    ),
    Case(
        "G801", [(MON, "agreed_by: kerngroep\n", "")], (MON, "kind: MonitoringPlan"), "error", "welk overleg"
    ),
    Case(
        "G801",
        [(MON, "agreed_on: 2025-06-01\n", "")],
        (MON, "kind: MonitoringPlan"),
        "error",
        "datum van vaststelling",
    ),
    Case("G802", [(MON, "  - ref: E.1\n", OWN_PROCESS_E)], (MON, "indicators:"), "error", "resultaat"),
    Case(
        "G803", [(MON, "  - ref: C.3\n    frequency: P6M\n", "")], (MON, "indicators:"), "warning", "niveau C"
    ),
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
                "    owner: sanne-de-vries\n  - type: netwerkbijeenkomst\n"
                "    audience: Professionals en netwerkpartners\n    frequency: P3M\n",
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
    Case(
        "G705",
        [("people.yaml", PIETER_ROLE, PIETER_ROLE + "    until: 2025-12-31\n")],
        ("region.yaml", "- code: GM0034"),
        "error",
        "Almere (GM0034)",
    ),
    Case(
        "G706",
        [("people.yaml", "gemeenten: [GM0034, GM0995]", "gemeenten: [GM0034]")],
        ("region.yaml", "- code: GM0995"),
        "error",
        "Lelystad (GM0995)",
    ),
    Case(
        "G807",
        [("governance.yaml", WELZIJN_MEMBER, ""), ("agreements/sok-2025.yaml", WELZIJN_PARTY, "")],
        ("governance.yaml", "members:"),
        "warning",
        "sociaal domein",
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
        files = edit(files, MON, f"  - ref: {ref}\n    frequency: P6M\n", "")
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


def test_g705_g706_one_person_may_combine_both_roles(tmp_path: Path) -> None:
    files = edit(complete_region(step=8), "people.yaml", "gemeenten: [GM0034, GM0995]", "gemeenten: [GM0034]")
    files = edit(
        files,
        "people.yaml",
        "organisation: gemeente-lelystad\nroles:\n",
        "organisation: gemeente-lelystad\nroles:\n  - role: centrale_zorgverlener\n",
    )
    result = run(tmp_path, files)
    assert found(result, "G705") == [] and found(result, "G706") == []


def test_g705_role_scope_defaults_to_the_gemeente_of_the_organisation(tmp_path: Path) -> None:
    """Pieter works for gemeente-almere: his role covers GM0034 only, not Lelystad."""
    files = edit(
        complete_region(step=8),
        "people.yaml",
        "organisation: gemeente-lelystad",
        "organisation: gemeente-almere",
    )
    [finding] = found(run(tmp_path, files), "G705")
    assert "GM0995" in finding.message


def test_g705_g706_belong_to_the_gate_of_step_8(tmp_path: Path) -> None:
    """1.1: at step 8 a missing projectleider is the to-do list, not an error that blocks step 7."""
    files = edit(complete_region(step=8), "people.yaml", "gemeenten: [GM0034, GM0995]", "gemeenten: [GM0034]")
    [finding] = found(run(tmp_path, files), "G706")
    assert finding.severity.value == "info" and not finding.enforced


def test_a_local_role_without_gemeenten_no_longer_covers_the_whole_region(tmp_path: Path) -> None:
    """One CZV at the JGZ without `gemeenten:` used to count as local in every gemeente."""
    files = edit(complete_region(step=8), "people.yaml", "    gemeenten: [GM0034, GM0995]\n", "")
    result = run(tmp_path, files, target="8")
    assert sorted(f.message.split(" heeft")[0] for f in found(result, "G706")) == [
        "gemeente Almere (GM0034)",
        "gemeente Lelystad (GM0995)",
    ]
    [r011] = found(result, "R011")
    assert r011.severity.value == "warning" and r011.location.path.name == "people.yaml"
    assert "centrale zorgverlener" in r011.message


def test_a_local_role_takes_the_gemeenten_its_organisation_lists(tmp_path: Path) -> None:
    files = edit(complete_region(step=8), "people.yaml", "    gemeenten: [GM0034, GM0995]\n", "")
    files = edit(
        files,
        "organisations.yaml",
        "id: jgz-flevoland\nname: JGZ Flevoland\ntype: jgz\n",
        "id: jgz-flevoland\nname: JGZ Flevoland\ntype: jgz\ngemeenten: [GM0995]\n",
    )
    result = run(tmp_path, files, target="8")
    assert [f.message.split(" heeft")[0] for f in found(result, "G706")] == ["gemeente Almere (GM0034)"]
    assert found(result, "R011") == []


def test_in_a_one_gemeente_region_a_local_role_covers_it(tmp_path: Path) -> None:
    files = edit(complete_region(step=8), "people.yaml", "    gemeenten: [GM0034, GM0995]\n", "")
    files = edit(files, "region.yaml", "  - code: GM0995\n    name: Lelystad\n", "")
    result = run(tmp_path, files, target="8")
    assert found(result, "G706") == [] and found(result, "R011") == []


def test_g807_a_signed_sociaal_party_is_enough(tmp_path: Path) -> None:
    files = edit(complete_region(step=8), "governance.yaml", WELZIJN_MEMBER, "")
    assert found(run(tmp_path, files, target="8"), "G807") == []


def test_g807_a_gemeente_counts_for_neither_domain(tmp_path: Path) -> None:
    files = edit(complete_region(step=8), "governance.yaml", WELZIJN_MEMBER, "")
    files = edit(files, "agreements/sok-2025.yaml", WELZIJN_PARTY, "")
    files = edit(
        files,
        "organisations.yaml",
        "id: gemeente-almere\nname: Gemeente Almere\ntype: gemeente\n",
        "id: gemeente-almere\nname: Gemeente Almere\ntype: gemeente\ndomain: beide\n",
    )
    # a gemeente that states `domain: beide` does count: the default is none, not a ban
    assert found(run(tmp_path / "a", files, target="8"), "G807") == []
    files = edit(files, "organisations.yaml", "type: gemeente\ndomain: beide\n", "type: gemeente\n")
    assert [f.message for f in found(run(tmp_path / "b", files, target="8"), "G807")] == [
        "geen organisatie uit het sociaal domein zit aan tafel "
        "(in het sturende overleg, een werkgroep of als ondertekenaar)"
    ]
