"""Gate of step 7 (G701-G707): richt het project in met de juiste mensen en organisaties."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate_fixtures import Case, check_case, complete_region, edit, found, run

GOV = "governance.yaml"
PIETER_ROLE = "  - role: lokale_projectleider\n    since: 2025-05-01\n"

CASES = [
    Case("G701", [(GOV, "type: kerngroep", "type: regiegroep")], ("region.yaml", "kind: Region"), "error"),
    Case(
        "G701",
        [
            (
                GOV,
                "  - organisation: ggd-flevoland\n    level: management",
                "  - organisation: ggd-flevoland",
            ),
            (
                GOV,
                "  - organisation: jgz-flevoland\n    level: management",
                "  - organisation: jgz-flevoland",
            ),
        ],
        (GOV, "members:"),
        "error",
        "GGD of JGZ",
    ),
    Case(
        "G701",
        [
            (
                GOV,
                "  - organisation: gemeente-almere\n    level: management",
                "  - organisation: gemeente-almere",
            )
        ],
        (GOV, "members:"),
        "error",
        "van een gemeente",
    ),
    Case(
        "G702",
        [(GOV, "  - organisation: fysio-flevoland\n    level: uitvoering\n", "")],
        (GOV, "members:"),
        "warning",
        "paramedici",
    ),
    Case(
        "G703", [(GOV, "work_agenda: https://example.org/werkagenda\n", "")], (GOV, "kind: Body"), "warning"
    ),
    Case(
        "G704",
        [("people.yaml", "        level: operationeel\n", "        level: strategisch\n")],
        ("people.yaml", "    tasks:"),
        "warning",
        "operationeel",
    ),
    Case(
        "G704",
        [("people.yaml", "        level: operationeel\n", "")],
        ("people.yaml", "- description: Organiseren van de overleggen"),
        "warning",
        "zonder niveau",
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
    Case("G707", [(GOV, "mandate: besluitvormend\n", "")], (GOV, "kind: Body"), "warning", "mandaat"),
]


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_enforced_after_step_7(tmp_path: Path, case: Case) -> None:
    check_case(tmp_path, case, step=8)


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_open_item_at_step_7(tmp_path: Path, case: Case) -> None:
    check_case(tmp_path, Case(case.code, case.edits, case.where, "info", case.message), step=7)


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_not_evaluated_before_step_7(tmp_path: Path, case: Case) -> None:
    assert found(run(tmp_path, case.files(step=6)), case.code) == []


@pytest.mark.parametrize("code", [f"G70{n}" for n in range(1, 8)])
def test_complete_region_meets_gate_7(tmp_path: Path, code: str) -> None:
    assert found(run(tmp_path, complete_region(step=8)), code) == []


def test_g702_a_domain_in_a_werkgroep_counts(tmp_path: Path) -> None:
    files = edit(
        complete_region(step=8), GOV, "  - organisation: fysio-flevoland\n    level: uitvoering\n", ""
    )
    files[GOV] += (
        "---\nkind: Body\nid: werkgroep-zorg\nname: Werkgroep zorg\ntype: werkgroep\n"
        "members:\n  - organisation: fysio-flevoland\n"
    )
    assert found(run(tmp_path, files), "G702") == []


def test_g702_one_finding_per_missing_domain(tmp_path: Path) -> None:
    files = complete_region(step=8)
    for org in ("fysio-flevoland", "huisartsen-flevoland"):
        files = edit(files, GOV, f"  - organisation: {org}\n    level: uitvoering\n", "")
    assert len(found(run(tmp_path, files), "G702")) == 2


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


def test_g707_every_governing_body(tmp_path: Path) -> None:
    files = complete_region(step=8)
    files[GOV] += "---\nkind: Body\nid: stuurgroep\nname: Stuurgroep\ntype: stuurgroep\n"
    files[GOV] += "---\nkind: Body\nid: werkgroep\nname: Werkgroep\ntype: werkgroep\n"
    assert [f.subject for f in found(run(tmp_path, files), "G707")] == ["stuurgroep"]
