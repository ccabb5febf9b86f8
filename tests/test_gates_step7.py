"""Gate of step 7 (G701-G704, G707): richt het project in met de juiste mensen en organisaties."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate_fixtures import Case, check_case, complete_region, edit, found, line_of, run

GOV = "governance.yaml"

CASES = [
    Case(
        "G701",
        [
            (
                GOV,
                f"  - organisation: {org}\n    level: {level}",
                f"  - organisation: {org}\n    level: uitvoering",
            )
            for org, level in (
                ("gemeente-lelystad", "bestuurlijk"),
                ("ggd-flevoland", "management"),
                ("jgz-flevoland", "management"),
                ("zorgverzekeraar-noord", "management"),
                ("ziekenhuis-flevoland", "management"),
            )
        ],
        (GOV, "members:"),
        "error",
        "van 1 organisatie(s), niet van minstens 2",
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
        "zonder niveau: Organiseren van de overleggen",
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


@pytest.mark.parametrize("code", ["G701", "G702", "G703", "G704", "G707"])
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


def test_g707_every_governing_body(tmp_path: Path) -> None:
    files = complete_region(step=8)
    files[GOV] += "---\nkind: Body\nid: stuurgroep\nname: Stuurgroep\ntype: stuurgroep\n"
    files[GOV] += "---\nkind: Body\nid: werkgroep\nname: Werkgroep\ntype: werkgroep\n"
    assert [f.subject for f in found(run(tmp_path, files), "G707")] == ["stuurgroep"]


def test_g701_bestuurlijk_counts_as_much_as_management(tmp_path: Path) -> None:
    """1.1: management OR bestuurlijk, from two organisations; no gemeente + GGD/JGZ composition."""
    files = complete_region(step=8)
    files[GOV] = files[GOV].replace("level: management", "level: uitvoering")
    files = edit(
        files,
        GOV,
        "  - organisation: ggd-flevoland\n    level: uitvoering",
        "  - organisation: ggd-flevoland\n    level: bestuurlijk",
    )
    assert found(run(tmp_path / "a", files), "G701") == []  # gemeente-lelystad and ggd: bestuurlijk
    files = edit(
        files,
        GOV,
        "  - organisation: gemeente-lelystad\n    level: bestuurlijk",
        "  - organisation: gemeente-lelystad\n    level: uitvoering",
    )
    assert len(found(run(tmp_path / "b", files), "G701")) == 1


def test_governing_body_is_kerngroep_else_regiegroep_else_stuurgroep(tmp_path: Path) -> None:
    """G606/G701/G703/G801/G903 read the same body: with no kerngroep, the regiegroep."""
    files = edit(complete_region(step=8), GOV, "type: kerngroep", "type: regiegroep")
    result = run(tmp_path / "a", files)
    assert [f.code for f in result.findings if f.code in ("G606", "G701", "G703", "G801")] == []
    files = edit(complete_region(step=8), GOV, "type: kerngroep", "type: stuurgroep")
    files = edit(files, GOV, "work_agenda: https://example.org/werkagenda\n", "")
    files[GOV] += (
        "---\nkind: Body\nid: regiegroep\nname: Regiegroep Test\ntype: regiegroep\nmandate: adviserend\n"
    )
    result = run(tmp_path / "b", files)
    [g606] = found(result, "G606")
    assert g606.subject == "regiegroep"  # the regiegroep comes before the stuurgroep
    assert [f.subject for f in found(result, "G703")] == ["regiegroep"]


def test_g701_quiet_without_a_governing_body(tmp_path: Path) -> None:
    files = edit(complete_region(step=8), GOV, "type: kerngroep", "type: projectgroep")
    result = run(tmp_path, files)
    assert found(result, "G701") == [] and len(found(result, "G606")) == 1


def test_g704_a_task_without_description_or_level(tmp_path: Path) -> None:
    files = edit(
        complete_region(step=8),
        "people.yaml",
        "      - description: Organiseren van de overleggen\n        level: operationeel\n",
        "      - description: null\n",
    )
    [finding] = [f for f in found(run(tmp_path, files), "G704") if "zonder niveau" in f.message]
    assert finding.message == "taak van Sanne de Vries zonder niveau: "


def test_g701_a_member_of_an_unknown_organisation_does_not_count(tmp_path: Path) -> None:
    """Only the organisations of the region count; the unknown id itself is R001's finding."""
    files = complete_region(step=8)
    files[GOV] = files[GOV].replace("level: bestuurlijk", "level: uitvoering")
    files[GOV] = files[GOV].replace("level: management", "level: uitvoering")
    files = edit(
        files,
        GOV,
        "  - organisation: ggd-flevoland\n    level: uitvoering",
        "  - organisation: ggd-flevoland\n    level: management\n"
        "  - organisation: ziekenhuis-onbekend\n    level: management",
    )
    result = run(tmp_path, files)
    assert len(found(result, "R001")) == 1
    [finding] = found(result, "G701")
    assert "van 1 organisatie(s), niet van minstens 2" in finding.message


WERKGROEP = (
    "kind: Body\nid: werkgroep-jeugd\nname: Werkgroep jeugd\ntype: werkgroep\n"
    "members:\n  - organisation: ggd-flevoland\n"
)
NO_FYSIO = ("  - organisation: fysio-flevoland\n    level: uitvoering\n", "")


def test_g702_points_at_the_governing_body_even_when_another_body_comes_first(tmp_path: Path) -> None:
    files = edit(complete_region(step=8), GOV, *NO_FYSIO)
    files[GOV] = WERKGROEP + "---\n" + files[GOV]
    [finding] = found(run(tmp_path, files), "G702")
    assert (finding.subject, finding.location.span.line) == ("kerngroep", line_of(files, GOV, "members:", 2))


def test_g702_without_a_governing_body_at_the_first_body(tmp_path: Path) -> None:
    files = edit(complete_region(step=8), GOV, *NO_FYSIO)
    files = edit(files, GOV, "type: kerngroep", "type: projectgroep")
    [finding] = found(run(tmp_path, files), "G702")
    assert (finding.subject, finding.location.span.line) == ("kerngroep", line_of(files, GOV, "members:"))
