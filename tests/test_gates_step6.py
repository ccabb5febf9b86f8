"""Gate of step 6 (G601-G609): teken de samenwerkingsovereenkomsten."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate_fixtures import Case, check_case, complete_region, edit, found, line_of, run

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
        "GGD Flevoland heeft samenwerkingsovereenkomst sok-2025 nog niet getekend",
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
        "gemeente Lelystad (GM0995) heeft nog niet getekend: haar partij Gemeente Lelystad in "
        "samenwerkingsovereenkomst sok-2025 (agreements/sok-2025.yaml, regel 11)",
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
        "partij GGD Flevoland",
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
            (SOK, GGD_SIGNED, ""),
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


@pytest.mark.parametrize("code", [f"G60{n}" for n in range(1, 10)])
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
        "geen overeenkomst die geldt regelt `communicatie`",
        "geen overeenkomst die geldt regelt `rol_rc`",
    ]


# -- release 1.1 -----------------------------------------------------------------------------------
ALMERE_SIGNED = "  - organisation: gemeente-almere\n    signed: 2025-03-10\n"
LELYSTAD_UNSIGNED = "  - organisation: gemeente-lelystad\n    signed: null\n"


def test_g604_a_mandaatgemeente_signs_on_behalf_of_others(tmp_path: Path) -> None:
    files = edit(complete_region(step=7), SOK, LELYSTAD_SIGNED, "")
    assert len(found(run(tmp_path / "a", files), "G604")) == 1
    files = edit(files, SOK, ALMERE_SIGNED, ALMERE_SIGNED + "    on_behalf_of: [GM0995]\n")
    assert found(run(tmp_path / "b", files), "G604") == []


def test_g604_on_behalf_of_counts_only_once_signed(tmp_path: Path) -> None:
    files = edit(complete_region(step=7), SOK, LELYSTAD_SIGNED, "")
    files = edit(
        files,
        SOK,
        ALMERE_SIGNED,
        "  - organisation: gemeente-almere\n    on_behalf_of: [GM0995]\n    signed:\n",
    )
    assert sorted(f.message.split(" heeft")[0] for f in found(run(tmp_path, files), "G604")) == [
        "gemeente Almere (GM0034)",
        "gemeente Lelystad (GM0995)",
    ]


def test_one_unsigned_gemeente_is_one_finding_at_its_entry(tmp_path: Path) -> None:
    """#11: not G602 at the party, G604 at the gemeente and G607 for the type as well."""
    files = edit(complete_region(step=7), SOK, LELYSTAD_SIGNED, LELYSTAD_UNSIGNED)
    findings = [f for f in run(tmp_path, files).findings if f.code.startswith("G6")]
    assert [(f.code, f.location.path.name, f.location.span.line) for f in findings] == [
        ("G604", "region.yaml", 9)
    ]


def test_no_gemeente_signed_is_g604_per_gemeente_and_no_g607(tmp_path: Path) -> None:
    files = edit(complete_region(step=7), SOK, LELYSTAD_SIGNED, LELYSTAD_UNSIGNED)
    files = edit(files, SOK, ALMERE_SIGNED, "  - organisation: gemeente-almere\n    signed: null\n")
    codes = sorted(f.code for f in run(tmp_path, files).findings if f.code.startswith("G6"))
    assert codes == ["G604", "G604"]


def test_ignore_g602_on_a_gemeente_party_is_explained(tmp_path: Path) -> None:
    """The signature of a gemeente is G604's, at the gemeente: an ignore[G602] at the party is unused
    (X001), and G604 names the party's line so the coordinator sees why it still fails."""
    files = edit(
        complete_region(step=7),
        SOK,
        LELYSTAD_SIGNED,
        "  - organisation: gemeente-lelystad\n    signed: null  # kngg: ignore[G602] tekent later\n",
    )
    result = run(tmp_path, files)
    [g604] = found(result, "G604")
    assert "regel 11" in g604.message and "on_behalf_of" in (g604.hint or "")
    assert [f.code for f in result.findings if f.code in ("G602", "X001")] == ["X001"]


def test_g607_says_which_organisation_to_add_when_it_is_no_party(tmp_path: Path) -> None:
    files = edit(
        complete_region(step=7), SOK, "  - organisation: zorgverzekeraar-noord\n    signed: 2025-03-14\n", ""
    )
    [finding] = found(run(tmp_path, files), "G607")
    assert "- organisation: zorgverzekeraar-noord" in (finding.hint or "")


def test_g607_quiet_for_a_type_whose_party_has_not_signed_yet(tmp_path: Path) -> None:
    files = edit(
        complete_region(step=7),
        SOK,
        "  - organisation: zorgverzekeraar-noord\n    signed: 2025-03-14\n",
        "  - organisation: zorgverzekeraar-noord\n    signed: null\n",
    )
    result = run(tmp_path, files)
    assert found(result, "G607") == [] and len(found(result, "G602")) == 1


DVO = (
    "kind: Agreement\nid: dvo-czv\ntitle: Dienstverleningsovereenkomst CZV\n"
    "type: dienstverleningsovereenkomst\nvalid_from: 2025-04-01\nvalid_until: {until}\n"
    "parties:\n  - organisation: jgz-flevoland\n    signed: 2025-03-20\n"
    "  - organisation: gemeente-almere\n    signed: 2025-03-21\n"
    "clauses:\n  indirecte_uren_czv: Vier uur per week per CZV, door de gemeenten betaald.\n"
)
CZV_CLAUSE = "  indirecte_uren_czv: Vier uur per week per CZV.\n"


def test_g608_a_dienstverleningsovereenkomst_in_force_counts(tmp_path: Path) -> None:
    files = edit(complete_region(step=7), SOK, CZV_CLAUSE, "")
    assert len(found(run(tmp_path / "a", files), "G608")) == 1
    files["agreements/dvo.yaml"] = DVO.format(until="2027-12-31")
    assert found(run(tmp_path / "b", files), "G608") == []


def test_g608_an_expired_agreement_does_not_count(tmp_path: Path) -> None:
    files = edit(complete_region(step=7), SOK, CZV_CLAUSE, "")
    files["agreements/dvo.yaml"] = DVO.format(until="2025-12-31")
    [finding] = found(run(tmp_path, files), "G608")
    assert "indirecte_uren_czv" in finding.message


def _sok_until(until: str) -> dict[str, str]:
    return edit(complete_region(step=8), SOK, "valid_until: 2027-12-31", f"valid_until: {until}")


def test_g609_expires_today_is_still_in_force(tmp_path: Path) -> None:
    assert found(run(tmp_path, _sok_until("2026-11-23")), "G609") == []  # TODAY is 2026-11-23


def test_g609_expired_yesterday_stops_the_next_step(tmp_path: Path) -> None:
    files = _sok_until("2026-11-22")
    result = run(tmp_path, files, target="next")
    [finding] = found(result, "G609")
    assert finding.severity.value == "error" and finding.enforced
    assert (finding.location.path.name, finding.location.span.line) == ("sok-2025.yaml", 6)
    assert result.exit_code() == 1 and result.regions[0].ready is False


def test_g609_in_phase_2(tmp_path: Path) -> None:
    files = edit(complete_region(None, phase=2), SOK, "valid_until: 2027-12-31", "valid_until: 2026-01-31")
    assert [f.severity.value for f in found(run(tmp_path, files), "G609")] == ["error"]
    assert found(run(tmp_path / "b", files), "G902") == []  # expired is G609's, not G902's


def test_g609_not_started_points_at_kind(tmp_path: Path) -> None:
    files = edit(complete_region(step=7), SOK, "valid_from: 2025-04-01", "valid_from: 2027-01-01")
    [finding] = found(run(tmp_path, files), "G609")
    assert finding.location.span.line == 1 and "2027-01-01" in finding.message


def test_g609_a_successor_in_force_is_enough(tmp_path: Path) -> None:
    files = _sok_until("2026-06-30")
    files["agreements/sok-2026.yaml"] = (
        files[SOK]
        .replace("id: sok-2025", "id: sok-2026")
        .replace("valid_until: 2026-06-30", "valid_until: 2029-06-30")
    )
    assert found(run(tmp_path, files), "G609") == []


def test_g609_open_item_at_step_6(tmp_path: Path) -> None:
    files = edit(complete_region(step=6), SOK, "valid_until: 2027-12-31", "valid_until: 2026-01-31")
    [finding] = found(run(tmp_path, files), "G609")
    assert finding.severity.value == "info" and finding.gate_severity is not None


def test_g608_quiet_for_clauses_of_a_samenwerkingsovereenkomst_waiting_for_a_signature(
    tmp_path: Path,
) -> None:
    """One unsigned gemeente is G604; the clauses of its agreement are not also G608 (one cause)."""
    files = edit(complete_region(step=7), SOK, LELYSTAD_SIGNED, LELYSTAD_UNSIGNED)
    files["agreements/dvo.yaml"] = DVO.format(until="2027-12-31")
    result = run(tmp_path, files)
    assert [f.code for f in result.findings if f.code.startswith("G6")] == ["G604"]


def test_g608_an_unsigned_dienstverleningsovereenkomst_does_not_count(tmp_path: Path) -> None:
    files = edit(complete_region(step=7), SOK, CZV_CLAUSE, "")
    files["agreements/dvo.yaml"] = DVO.format(until="2027-12-31").replace("    signed: 2025-03-21\n", "")
    [finding] = found(run(tmp_path, files), "G608")
    assert "indirecte_uren_czv" in finding.message


def test_a_typo_in_a_party_id_is_r001_only(tmp_path: Path) -> None:
    """Not also G607 (its type seems missing) and G605 (its responsibilities seem missing)."""
    files = edit(
        complete_region(step=7),
        SOK,
        "  - organisation: huisartsen-flevoland\n    signed:",
        "  - organisation: huisarts-flevoland\n    signed:",
    )
    result = run(tmp_path, files)
    assert [f.code for f in result.findings if f.code[0] in "GR"] == ["R001"]


def test_g605_a_responsibility_without_tasks_does_not_count(tmp_path: Path) -> None:
    files = edit(complete_region(step=7), SOK, GGD_RESPONSIBLE, "  - organisation: ggd-flevoland\n")
    [finding] = found(run(tmp_path, files), "G605")
    assert "partij GGD Flevoland" in finding.message


def test_g607_gemeente_when_no_participating_gemeente_is_checked(tmp_path: Path) -> None:
    """G604 speaks for each participating gemeente; when R005 takes the only code listed, nobody
    would say that no gemeente is a party: G607 does."""
    files = edit(
        complete_region(step=7),
        "region.yaml",
        "  - code: GM0034\n    name: Almere\n  - code: GM0995\n    name: Lelystad\n",
        "  - code: GM9998\n    name: Nergens\n",
    )
    files = edit(files, SOK, "  - organisation: gemeente-almere\n    signed: 2025-03-10\n", "")
    files = edit(files, SOK, LELYSTAD_SIGNED, "")
    result = run(tmp_path, files)
    assert [f.code for f in result.findings if f.code == "R005"] == ["R005"]
    [finding] = found(result, "G607")
    assert "type gemeente" in finding.message


def test_g608_points_at_the_samenwerkingsovereenkomst_before_other_agreements(tmp_path: Path) -> None:
    files = edit(complete_region(step=7), SOK, "  opleiding: Alle CZV's volgen de landelijke scholing.\n", "")
    files["agreements/dvo.yaml"] = DVO.format(until="2027-12-31")  # in force, first in file order
    [finding] = found(run(tmp_path, files), "G608")
    assert (finding.location.path.name, finding.location.span.line) == (
        "sok-2025.yaml",
        line_of(files, SOK, "clauses:"),
    )


def _two_soks(first: str, second: str) -> dict[str, str]:
    """sok-2025 and sok-2026, both signed by every party, with these `valid_from`/`valid_until` lines."""
    files = complete_region(step=8)
    dates = "valid_from: 2025-04-01\nvalid_until: 2027-12-31\n"
    files["agreements/sok-2026.yaml"] = (
        files[SOK].replace("id: sok-2025", "id: sok-2026").replace(dates, second)
    )
    return edit(files, SOK, dates, first)


def test_g609_points_at_the_agreement_that_ends_last(tmp_path: Path) -> None:
    files = _two_soks(
        "valid_from: 2025-04-01\nvalid_until: 2026-06-30\n",  # ends last, started first
        "valid_from: 2025-06-01\nvalid_until: 2025-12-31\n",
    )
    [finding] = found(run(tmp_path, files), "G609")
    assert (finding.location.path.name, finding.location.span.line) == ("sok-2025.yaml", 6)
    assert "verlopen op 2026-06-30" in finding.message


def test_g609_an_open_ended_agreement_that_has_not_started_is_the_latest(tmp_path: Path) -> None:
    files = _two_soks(
        "valid_from: 2025-04-01\nvalid_until: 2026-06-30\n",  # expired
        "valid_from: 2027-01-01\n",  # starts next year, no end
    )
    [finding] = found(run(tmp_path, files), "G609")
    assert (finding.location.path.name, finding.location.span.line) == ("sok-2026.yaml", 1)
    assert "gaat pas in op 2027-01-01" in finding.message


def test_g609_of_two_that_have_not_started_the_later_start(tmp_path: Path) -> None:
    files = _two_soks("valid_from: 2027-01-01\n", "valid_from: 2027-06-01\n")
    [finding] = found(run(tmp_path, files), "G609")
    assert (finding.location.path.name, finding.location.span.line) == ("sok-2026.yaml", 1)
    assert "gaat pas in op 2027-06-01" in finding.message


def test_g609_same_end_the_later_start_an_absent_start_counts_as_the_earliest(tmp_path: Path) -> None:
    files = _two_soks("valid_until: 2026-06-30\n", "valid_from: 2025-06-01\nvalid_until: 2026-06-30\n")
    [finding] = found(run(tmp_path, files), "G609")
    assert (finding.location.path.name, finding.location.span.line) == ("sok-2026.yaml", 6)


def test_g602_an_empty_signed_points_at_its_key(tmp_path: Path) -> None:
    """rules.md: at the value that is wrong; with no value written, at its key."""
    files = edit(complete_region(step=7), SOK, GGD_SIGNED, "  - organisation: ggd-flevoland\n    signed:\n")
    [finding] = found(run(tmp_path, files), "G602")
    span = finding.location.span
    line = line_of(files, SOK, "signed:", 3)  # the third party, the GGD
    assert (span.line, span.column, span.end_line, span.end_column) == (line, 5, line, 11)
