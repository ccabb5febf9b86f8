"""Gate of step 6 (G601-G608): teken de samenwerkingsovereenkomsten."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate_fixtures import Case, check_case, complete_region, edit, found, run

SOK = "agreements/sok-2025.yaml"
GGD_SIGNED = "  - organisation: ggd-flevoland\n    signed: 2025-03-12\n"
LELYSTAD_SIGNED = "  - organisation: gemeente-lelystad\n    signed: 2025-03-11\n"
GGD_RESPONSIBLE = "  - organisation: ggd-flevoland\n    tasks:\n      - Levert inzet voor de aanpak\n"

CASES = [
    Case(
        "G601",
        [(SOK, "type: samenwerkingsovereenkomst", "type: convenant")],
        ("region.yaml", "kind: Region"),
        "error",
        "convenant",
    ),
    Case(
        "G602",
        [(SOK, GGD_SIGNED, "  - organisation: ggd-flevoland\n    signed: null\n")],
        (SOK, "signed: null"),
        "error",
        "ggd-flevoland (GGD Flevoland) heeft de samenwerkingsovereenkomst sok-2025 nog niet getekend",
    ),
    Case(
        "G602",
        [(SOK, GGD_SIGNED, "  - organisation: ggd-flevoland\n")],
        (SOK, "- organisation: ggd-flevoland"),
        "error",
    ),
    Case(
        "G603",
        [(SOK, "  mandaat: De kerngroep besluit binnen de begroting.\n", "")],
        (SOK, "clauses:"),
        "error",
        "regelt nog niet: mandaat",
    ),
    Case("G603", [(SOK, "clauses:\n", "x-clauses:\n")], (SOK, "kind: Agreement"), "error"),
    Case(
        "G604",
        [(SOK, LELYSTAD_SIGNED, "  - organisation: gemeente-lelystad\n    signed:\n")],
        ("region.yaml", "- code: GM0995"),
        "error",
        "gemeente-lelystad, de organisatie van gemeente Lelystad (GM0995), heeft "
        "samenwerkingsovereenkomst sok-2025 nog niet getekend",
    ),
    Case(
        "G604",
        [(SOK, LELYSTAD_SIGNED, "")],
        ("region.yaml", "- code: GM0995"),
        "error",
        "is geen partij",
    ),
    Case(
        "G605",
        [(SOK, GGD_RESPONSIBLE, "")],
        (SOK, "responsibilities:"),
        "warning",
        "ggd-flevoland",
    ),
    Case(
        "G606",
        [("governance.yaml", "type: kerngroep", "type: projectgroep")],
        ("region.yaml", "kind: Region"),
        "error",
    ),
    Case(
        "G606",
        [("governance.yaml", "tasks:\n  - Regionale besluitvorming over inzet en financiering\n", "")],
        ("governance.yaml", "kind: Body"),
        "error",
        "kerngroep",
    ),
    Case(
        "G607",
        [(SOK, "  - organisation: zorgverzekeraar-noord\n    signed: 2025-03-14\n", "")],
        (SOK, "parties:"),
        "warning",
        "zorgverzekeraar",
    ),
    Case(
        "G607",
        [
            (SOK, GGD_SIGNED, "  - organisation: ggd-flevoland\n    signed: null\n"),
            (SOK, "  - organisation: jgz-flevoland\n    signed: 2025-03-13\n", ""),
        ],
        (SOK, "parties:"),
        "warning",
        "ggd of jgz",
    ),
    Case(
        "G608",
        [(SOK, "  opleiding: Alle CZV's volgen de landelijke scholing.\n", "")],
        (SOK, "clauses:"),
        "warning",
        "`opleiding`",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_enforced_after_step_6(tmp_path: Path, case: Case) -> None:
    check_case(tmp_path, case, step=7)


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_open_item_at_step_6(tmp_path: Path, case: Case) -> None:
    check_case(tmp_path, Case(case.code, case.edits, case.where, "info", case.message), step=6)


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_not_evaluated_before_step_6(tmp_path: Path, case: Case) -> None:
    assert found(run(tmp_path, case.files(step=5)), case.code) == []


@pytest.mark.parametrize("code", [f"G60{n}" for n in range(1, 9)])
def test_complete_region_meets_gate_6(tmp_path: Path, code: str) -> None:
    assert found(run(tmp_path, complete_region(step=7)), code) == []


def test_g602_hint_says_how_to_sign(tmp_path: Path) -> None:
    files = edit(
        complete_region(step=7), SOK, GGD_SIGNED, "  - organisation: ggd-flevoland\n    signed: null\n"
    )
    [finding] = found(run(tmp_path, files), "G602")
    assert (
        finding.hint
        == "vul de datum van ondertekening in, of gebruik `kngg sign sok-2025 --party ggd-flevoland`"
    )
    assert finding.subject == "sok-2025"


def test_g603_names_every_missing_clause_once_per_agreement(tmp_path: Path) -> None:
    files = edit(complete_region(step=7), SOK, "  mandaat: De kerngroep besluit binnen de begroting.\n", "")
    files = edit(files, SOK, "  financiering: Gemeenten dragen naar rato bij.\n", "  financiering: ''\n")
    [finding] = found(run(tmp_path, files), "G603")
    assert finding.message == "samenwerkingsovereenkomst sok-2025 regelt nog niet: financiering, mandaat"


def test_g604_g607_g608_count_all_agreements_together(tmp_path: Path) -> None:
    """A party that signed any samenwerkingsovereenkomst counts; a clause in any of them counts."""
    files = edit(complete_region(step=7), SOK, LELYSTAD_SIGNED, "")
    files = edit(files, SOK, "  opleiding: Alle CZV's volgen de landelijke scholing.\n", "")
    files["agreements/aanvulling.yaml"] = (
        "kind: Agreement\nid: aanvulling-2025\ntitle: Aanvulling\ntype: samenwerkingsovereenkomst\n"
        "parties:\n  - organisation: gemeente-lelystad\n    signed: 2025-05-01\n"
        "clauses:\n  opleiding: Scholing via de GGD.\n"
        "  financiering: x\n  mandaat: x\n  monitoring: x\n  besluitvorming: x\n"
        "responsibilities:\n  - organisation: gemeente-lelystad\n    tasks: [Projectleider]\n"
    )
    result = run(tmp_path, files)
    assert [f.code for f in result.findings if f.code.startswith("G6")] == []


def test_g604_a_convenant_signature_does_not_count(tmp_path: Path) -> None:
    files = edit(complete_region(step=7), SOK, LELYSTAD_SIGNED, "")
    files["agreements/convenant.yaml"] = (
        "kind: Agreement\nid: convenant\ntitle: Convenant\ntype: convenant\n"
        "parties:\n  - organisation: gemeente-lelystad\n    signed: 2025-05-01\n"
    )
    assert [f.code for f in found(run(tmp_path, files), "G604")] == ["G604"]


def test_without_agreement_only_g601_speaks(tmp_path: Path) -> None:
    files = {k: v for k, v in complete_region(step=7).items() if k != SOK}
    result = run(tmp_path, files)
    assert sorted({f.code for f in result.findings if f.code.startswith("G6")}) == ["G601"]


def test_g607_one_finding_per_missing_type(tmp_path: Path) -> None:
    files = edit(
        complete_region(step=7), SOK, "  - organisation: zorgverzekeraar-noord\n    signed: 2025-03-14\n", ""
    )
    files = edit(files, SOK, "  - organisation: huisartsen-flevoland\n    signed: 2025-03-15\n", "")
    files = edit(files, SOK, "  - organisation: ziekenhuis-flevoland\n    signed: 2025-03-16\n", "")
    messages = sorted(f.message for f in found(run(tmp_path, files), "G607"))
    assert len(messages) == 3
    assert any("huisartsen" in m for m in messages) and any("ziekenhuis" in m for m in messages)


def test_g608_one_finding_per_missing_clause(tmp_path: Path) -> None:
    files = complete_region(step=7)
    for line in (
        "  rol_rc: De RC coördineert de kerngroep.\n",
        "  communicatie: Maandelijkse nieuwsbrief.\n",
    ):
        files = edit(files, SOK, line, "")
    assert sorted(f.message for f in found(run(tmp_path, files), "G608")) == [
        "geen samenwerkingsovereenkomst regelt `communicatie`",
        "geen samenwerkingsovereenkomst regelt `rol_rc`",
    ]
