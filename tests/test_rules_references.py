"""R rules: each one triggered by a small fixture (code, file, line) and left quiet by a valid one."""

from __future__ import annotations

import pytest

from helpers import check as _check
from helpers import codes, only, where

# A valid region with one document of every kind; each test changes one thing.
BASE: dict[str, str] = {
    "region.yaml": """
        kngg: 1
        kind: Region
        id: testregio
        name: Regio Test
        gemeenten:
          - code: GM0034
            name: Almere
          - code: GM0995
            name: Lelystad
        progress:
          phase: 1
          step: 7
          completed:
            - step: 5
              date: 2024-11-12
              evidence: documents/besluiten.md
            - step: 6
              date: 2025-03-20
        decisions:
          - gemeente: GM0034
            date: 2024-10-01
            outcome: positief
    """,
    "organisations.yaml": """
        kind: Organisation
        id: gemeente-almere
        name: Gemeente Almere
        type: gemeente
        gemeente: GM0034
        ---
        kind: Organisation
        id: gemeente-lelystad
        name: Gemeente Lelystad
        type: gemeente
        gemeente: GM0995
        ---
        kind: Organisation
        id: ggd-test
        name: GGD Test
        type: ggd
        gemeenten: [GM0034, GM0995]
    """,
    "people.yaml": """
        kind: Person
        id: sanne-de-vries
        name: Sanne de Vries
        organisation: ggd-test
        roles:
          - role: regionale_coordinator
            since: 2025-01-01
            until: 2027-12-31
            assignment: https://intranet.example/opdracht-rc
    """,
    "governance.yaml": """
        kind: Body
        id: kerngroep
        name: Kerngroep
        type: kerngroep
        chair: sanne-de-vries
        members:
          - organisation: gemeente-almere
            person: sanne-de-vries
        ---
        kind: Body
        id: werkgroep
        name: Werkgroep
        type: werkgroep
        reports_to: kerngroep
    """,
    "agreements/sok.yaml": """
        kind: Agreement
        id: sok
        title: Samenwerkingsovereenkomst
        type: samenwerkingsovereenkomst
        valid_from: 2025-04-01
        valid_until: 2027-12-31
        parties:
          - organisation: gemeente-almere
            signed: 2025-03-14
          - organisation: ggd-test
            signed: null
    """,
    "monitoring.yaml": """
        kind: MonitoringPlan
        id: monitoring
        agreed_by: kerngroep
        indicators:
          - ref: A.1
            owner: gemeente-almere
          - id: eigen
            name: Eigen indicator
            level: E
            type: resultaat
            owner: sanne-de-vries
    """,
    "communication.yaml": """
        kind: CommunicationPlan
        id: communicatie
        channels:
          - type: nieuwsbrief
            owner: ggd-test
        gemeente_contact: sanne-de-vries
    """,
    "documents/besluiten.md": "# besluiten\n",
}


def replace(relative: str, old: str, new: str) -> dict[str, str]:
    text = BASE[relative]
    assert old in text, old
    return {relative: text.replace(old, new, 1)}


def check(root, **options):  # type: ignore[no-untyped-def]
    """Only the families under test here: gate and advice rules have their own tests."""
    return _check(root, select=("S", "R", "P", "X"), **options)


def _r(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [c for c in codes(result) if c[0] in "SRP"]


def test_base_is_clean(region) -> None:  # type: ignore[no-untyped-def]
    assert _r(check(region(base=BASE))) == []


# -- R001 unknown-organisation ------------------------------------------------------------------


def test_r001_unknown_organisation_with_did_you_mean(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("people.yaml", "organisation: ggd-test", "organisation: ggd-tset"), base=BASE)
    [finding] = only(check(root), "R001")
    assert where(finding) == ("people.yaml", 4)
    assert finding.location.span.column == 15
    assert finding.hint and "ggd-test" in finding.hint
    assert finding.subject == "sanne-de-vries"


def test_r001_in_a_nested_list(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        replace("agreements/sok.yaml", "- organisation: ggd-test", "- organisation: ggd-x"), base=BASE
    )
    [finding] = only(check(root), "R001")
    assert where(finding) == ("sok.yaml", 10)


# -- R002 unknown-person ------------------------------------------------------------------------


def test_r002_unknown_chair(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("governance.yaml", "chair: sanne-de-vries", "chair: sanne-devries"), base=BASE)
    [finding] = only(check(root), "R002")
    assert where(finding) == ("governance.yaml", 5)
    assert finding.hint and "sanne-de-vries" in finding.hint


def test_r002_unknown_member_person_and_gemeente_contact(region) -> None:  # type: ignore[no-untyped-def]
    files = {
        **replace("governance.yaml", "person: sanne-de-vries", "person: piet"),
        **replace("communication.yaml", "gemeente_contact: sanne-de-vries", "gemeente_contact: klaas"),
    }
    found = sorted(where(f) for f in only(check(region(files, base=BASE)), "R002"))
    assert found == [("communication.yaml", 6), ("governance.yaml", 8)]


def test_r002_owner_may_be_an_organisation_but_not_unknown(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("monitoring.yaml", "owner: sanne-de-vries", "owner: niemand"), base=BASE)
    [finding] = only(check(root), "R002")
    assert where(finding) == ("monitoring.yaml", 11)


# -- R003 unknown-body --------------------------------------------------------------------------


def test_r003_unknown_reports_to_and_agreed_by(region) -> None:  # type: ignore[no-untyped-def]
    files = {
        **replace("governance.yaml", "reports_to: kerngroep", "reports_to: kerngroup"),
        **replace("monitoring.yaml", "agreed_by: kerngroep", "agreed_by: stuurgroep"),
    }
    found = only(check(region(files, base=BASE)), "R003")
    assert sorted(where(f) for f in found) == [("governance.yaml", 14), ("monitoring.yaml", 3)]
    hinted = next(f for f in found if f.location.path.name == "governance.yaml")
    assert hinted.hint and "kerngroep" in hinted.hint


def test_r003_reporting_cycle_reported_once(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        replace("governance.yaml", "type: kerngroep", "type: kerngroep\n        reports_to: werkgroep"),
        base=BASE,
    )
    [finding] = only(check(root), "R003")
    assert finding.location.path.name == "governance.yaml"
    assert "→" in finding.message


# -- R004 gemeente-not-in-region ----------------------------------------------------------------


def test_r004_code_not_in_region(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        replace("organisations.yaml", "gemeenten: [GM0034, GM0995]", "gemeenten: [GM0034, GM0303]"), base=BASE
    )
    [finding] = only(check(root), "R004")
    assert where(finding) == ("organisations.yaml", 17)
    assert finding.location.span.column == 21
    assert "Dronten" in finding.message


def test_r004_decision_for_other_gemeente(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("region.yaml", "- gemeente: GM0034", "- gemeente: GM0050"), base=BASE)
    [finding] = only(check(root), "R004")
    assert where(finding) == ("region.yaml", 20)


def test_r004_suggests_a_code_of_the_region_as_r001_suggests_an_id(region) -> None:  # type: ignore[no-untyped-def]
    """The shared unknown-reference helper: the region's nearest code, in R001's words."""
    root = region(
        replace("organisations.yaml", "gemeenten: [GM0034, GM0995]", "gemeenten: [GM0034, GM0965]"), base=BASE
    )
    [finding] = only(check(root), "R004")
    assert finding.message == "gemeente GM0965 (Simpelveld) hoort niet bij de regio"
    assert finding.hint == "bedoel je `GM0995`?"


# -- R005 unknown-gemeente-code -----------------------------------------------------------------


def test_r005_unknown_code(region) -> None:  # type: ignore[no-untyped-def]
    files = {
        **replace("region.yaml", "code: GM0995", "code: GM9999"),
        "organisations.yaml": BASE["organisations.yaml"].replace("GM0995", "GM9999"),
    }
    found = only(check(region(files, base=BASE)), "R005")
    assert [where(f) for f in found] == [("region.yaml", 8)]
    assert found[0].severity.value == "error"  # 1.1: a typo in a code breaks the region
    assert found[0].hint == "bedoel je `GM0995` (Lelystad)?"  # the name is known: its code is suggested


def test_r005_suggests_by_a_close_name_and_by_code(region) -> None:  # type: ignore[no-untyped-def]
    files = replace("region.yaml", "code: GM0995", "code: GM9995")
    files["region.yaml"] = files["region.yaml"].replace("name: Lelystad", "name: Lelijstad")
    [finding] = only(check(region(files, base=BASE)), "R005")
    assert finding.hint == "bedoel je `GM0995` (Lelystad)?"
    files = replace("region.yaml", "code: GM0995", "code: GM0959")
    files["region.yaml"] = files["region.yaml"].replace("name: Lelystad", "name: Onbekendstad")
    [finding] = only(check(region(files, base=BASE)), "R005")
    assert finding.hint == "bedoel je `GM1959` (Altena)?"  # by code when the name says nothing


def test_r005_one_cause_one_finding(region) -> None:  # type: ignore[no-untyped-def]
    """#11: a mistyped code in gemeenten: is one finding, not R004 at every correct reference."""
    root = region(replace("region.yaml", "code: GM0995", "code: GM0959"), base=BASE)
    result = _check(root, target="8")
    assert [f.code for f in result.findings if f.code[0] in "SRP"] == ["R005"]
    [finding] = only(result, "R005")
    assert "GM0995" in (finding.hint or "")  # and not a hint to change Almere's correct code
    for quiet in ("R004", "R010", "G501", "G604", "G705", "G706"):
        assert all("GM0959" not in f.message for f in only(result, quiet)), quiet
    assert only(result, "R004") == []


def test_r005_lowered_for_a_merger_keeps_the_rules_about_the_gemeente(region) -> None:  # type: ignore[no-untyped-def]
    files = {
        **replace("region.yaml", "code: GM0995", "code: GM1999"),
        "organisations.yaml": BASE["organisations.yaml"].replace("GM0995", "GM1999"),
    }
    files["region.yaml"] = (
        files["region.yaml"].rstrip(" ") + "        checks:\n          severity: {R005: warning}\n"
    )
    result = _check(region(files, base=BASE), target="8")
    assert [f.severity.value for f in only(result, "R005")] == ["warning"]
    assert any("GM1999" in f.message for f in only(result, "G706"))


def test_r005_name_does_not_match_code(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("region.yaml", "name: Lelystad", "name: Lelijstad"), base=BASE)
    [finding] = only(check(root), "R005")
    assert where(finding) == ("region.yaml", 9)
    assert "Lelystad" in finding.message


def test_r005_cbs_spelling_is_required(region) -> None:  # type: ignore[no-untyped-def]
    files = {
        "region.yaml": BASE["region.yaml"].replace("GM0995", "GM0687").replace("Lelystad", "Middelburg"),
        "organisations.yaml": BASE["organisations.yaml"].replace("GM0995", "GM0687"),
    }
    [finding] = only(check(region(files, base=BASE)), "R005")
    assert "Middelburg (Z.)" in finding.message


def test_r005_unknown_code_and_name_did_you_mean(region) -> None:  # type: ignore[no-untyped-def]
    files = {
        "region.yaml": BASE["region.yaml"].replace("GM0995", "GM9998").replace("Lelystad", "Lelystat"),
        "organisations.yaml": BASE["organisations.yaml"].replace("GM0995", "GM9998"),
    }
    [finding] = only(check(region(files, base=BASE)), "R005")
    assert where(finding) == ("region.yaml", 8)
    assert "GM9998" in finding.message and "Lelystat" in finding.message
    assert finding.hint and "Lelystad" in finding.hint and "GM0995" in finding.hint


# -- R006 date-order ----------------------------------------------------------------------------


def test_r006_valid_until_before_valid_from(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        replace("agreements/sok.yaml", "valid_until: 2027-12-31", "valid_until: 2024-12-31"), base=BASE
    )
    [finding] = only(check(root), "R006")
    assert where(finding) == ("sok.yaml", 6)


def test_r006_until_before_since(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("people.yaml", "until: 2027-12-31", "until: 2024-12-31"), base=BASE)
    [finding] = only(check(root), "R006")
    assert where(finding) == ("people.yaml", 8)


def test_r006_signature_decision_and_step_in_the_future(region) -> None:  # type: ignore[no-untyped-def]
    files = {
        **replace("agreements/sok.yaml", "signed: 2025-03-14", "signed: 2026-12-01"),
        "region.yaml": BASE["region.yaml"]
        .replace("date: 2024-10-01", "date: 2027-01-01")
        .replace("date: 2025-03-20", "date: 2026-11-24"),
    }
    found = sorted(where(f) for f in only(check(region(files, base=BASE)), "R006"))
    assert found == [("region.yaml", 18), ("region.yaml", 21), ("sok.yaml", 9)]


def test_r006_today_itself_is_not_the_future(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("agreements/sok.yaml", "signed: 2025-03-14", "signed: 2026-11-23"), base=BASE)
    assert "R006" not in codes(check(root))


# -- R007 progress ------------------------------------------------------------------------------


def test_r007_step_out_of_range(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("region.yaml", "step: 7", "step: 9"), base=BASE)
    [finding] = [f for f in only(check(root), "R007") if where(f) == ("region.yaml", 12)]
    assert finding.location.span.column == 9


def test_r007_completed_beyond_current_and_out_of_order(region) -> None:  # type: ignore[no-untyped-def]
    text = BASE["region.yaml"].replace("    - step: 6\n", "    - step: 7\n")
    found = only(check(region({"region.yaml": text}, base=BASE)), "R007")
    assert [where(f) for f in found] == [("region.yaml", 17)]
    order = BASE["region.yaml"].replace("    - step: 6\n", "    - step: 4\n")
    found = only(check(region({"region.yaml": order}, base=BASE)), "R007")
    assert [where(f) for f in found] == [("region.yaml", 17)]


def test_r007_phase_2_has_no_step(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("region.yaml", "phase: 1", "phase: 2"), base=BASE)
    [finding] = only(check(root), "R007")
    assert where(finding) == ("region.yaml", 12)


# -- R008 missing-document ----------------------------------------------------------------------


def test_r008_missing_file_with_did_you_mean(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("region.yaml", "documents/besluiten.md", "documents/besluit.md"), base=BASE)
    [finding] = only(check(root), "R008")
    assert where(finding) == ("region.yaml", 16)
    assert finding.severity.value == "warning"
    assert finding.hint and "documents/besluiten.md" in finding.hint


def test_r008_urls_are_not_checked(region) -> None:  # type: ignore[no-untyped-def]
    assert "R008" not in codes(check(region(base=BASE)))


def test_r008_path_leaving_the_region(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("region.yaml", "documents/besluiten.md", "../../etc/passwd"), base=BASE)
    [finding] = only(check(root), "R008")
    assert where(finding) == ("region.yaml", 16)


# -- R009 unknown-indicator ---------------------------------------------------------------------


def test_r009_unknown_ref_with_did_you_mean(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("monitoring.yaml", "ref: A.1", "ref: A.10"), base=BASE)
    [finding] = only(check(root), "R009")
    assert where(finding) == ("monitoring.yaml", 5)
    assert finding.location.span.column == 10
    assert finding.hint == "bedoel je `A.1`?"  # R001's words, from the shared unknown-reference helper
    assert finding.message == "`A.10` is geen indicator van de KnGG M&E-matrix"


def test_r009_unknown_ref_without_a_near_one_names_the_matrix(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("monitoring.yaml", "ref: A.1", "ref: Z.99"), base=BASE)
    [finding] = only(check(root), "R009")
    assert finding.hint == "de matrix heeft A.1-A.5, B.1-B.5, C.1-C.5, D.1-D.5 en E.1-E.5"


def test_unknown_references_share_one_did_you_mean_wording() -> None:
    from kngg_cli.catalog import catalogue

    rules = catalogue()
    wordings = {
        code: rules[code].hints["default_suggest"] for code in ("R001", "R002", "R003", "R004", "R009")
    }
    assert set(map(str, wordings.values())) == {str(wordings["R001"])}


def test_r009_own_indicator_incomplete(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("monitoring.yaml", "            level: E\n", ""), base=BASE)
    [finding] = only(check(root), "R009")
    assert where(finding) == ("monitoring.yaml", 7)
    assert "level" in finding.message


# -- R010 gemeente-organisation -----------------------------------------------------------------


def test_r010_gemeente_without_organisation_points_at_its_entry(region) -> None:  # type: ignore[no-untyped-def]
    text = BASE["organisations.yaml"].replace("gemeente: GM0995", "gemeente: GM0034")
    found = only(check(region({"organisations.yaml": text}, base=BASE)), "R010")
    assert sorted(where(f) for f in found) == [("organisations.yaml", 11), ("region.yaml", 8)]


def test_r010_quiet_when_each_gemeente_has_one(region) -> None:  # type: ignore[no-untyped-def]
    assert "R010" not in codes(check(region(base=BASE)))


# -- cascades -----------------------------------------------------------------------------------


def test_one_typo_gives_one_finding(region) -> None:  # type: ignore[no-untyped-def]
    """A mistyped organisation id: one finding per reference to it, each with the fix; no R010."""
    root = region(replace("organisations.yaml", "id: gemeente-almere", "id: gemeente-almer"), base=BASE)
    found = [f for f in check(root).findings if f.code[0] in "SRP"]
    # the member of the kerngroep, the party of the agreement, the owner of an indicator
    assert sorted((f.code, *where(f)) for f in found) == [
        ("R001", "governance.yaml", 7),
        ("R001", "sok.yaml", 8),
        ("R002", "monitoring.yaml", 6),
    ]
    assert all(f.hint and "gemeente-almer" in f.hint for f in found)


def test_no_unknown_reference_cascade_from_a_file_that_does_not_parse(region) -> None:  # type: ignore[no-untyped-def]
    """The ids in a broken file may exist: only the S001, no R001/R002 for every reference to them."""
    broken_people = BASE["people.yaml"].replace("name: Sanne de Vries", "name: Sanne: de Vries")
    broken_orgs = "foo: [\n" + BASE["organisations.yaml"]
    for files in ({"people.yaml": broken_people}, {"organisations.yaml": broken_orgs}):
        result = check(region(files, base=BASE))
        assert [c for c in codes(result) if c[0] in "SRP"] == ["S001"], files


def test_no_cascade_from_a_file_that_is_not_utf8(region) -> None:  # type: ignore[no-untyped-def]
    import textwrap

    text = textwrap.dedent(BASE["organisations.yaml"]).lstrip().replace("GGD Test", "GGD T\xe9st")
    result = check(region({"organisations.yaml": text.encode("latin-1")}, base=BASE))
    assert [c for c in codes(result) if c[0] in "SRP"] == ["S009"]


def test_no_cascade_from_a_document_of_unknown_kind(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("people.yaml", "kind: Person", "kind: Persoon"), base=BASE)
    assert [c for c in codes(check(root)) if c[0] in "SRP"] == ["S003"]


def _lelystad(old: str, new: str) -> dict[str, str]:
    text = BASE["organisations.yaml"]
    block = "kind: Organisation\n        id: gemeente-lelystad\n        name: Gemeente Lelystad\n"
    block += "        type: gemeente\n        gemeente: GM0995\n"
    assert block in text and old in block
    return {"organisations.yaml": text.replace(block, block.replace(old, new))}


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("type: gemeente", "type: gemeentee", "S004"),  # a mistyped type
        ("GM0995", "GM995", "S004"),  # a mistyped code
        ("kind: Organisation", "kind: Organisatie", "S003"),  # a mistyped kind
    ],
)
def test_no_r010_cascade_from_a_broken_gemeente_organisation(region, old: str, new: str, code: str) -> None:  # type: ignore[no-untyped-def]
    result = check(region(_lelystad(old, new), base=BASE))
    assert [c for c in codes(result) if c[0] in "SRP"] == [code]


def test_r010_still_reported_when_the_other_organisations_are_fine(region) -> None:  # type: ignore[no-untyped-def]
    """A broken non-gemeente Organisation does not hide a gemeente that has none."""
    text = (
        BASE["organisations.yaml"]
        .replace("type: ggd", "type: ggdd")
        .replace("gemeente: GM0995", "gemeente: GM0034")
    )
    found = [(f.code, *where(f)) for f in check(region({"organisations.yaml": text}, base=BASE)).findings]
    assert ("R010", "region.yaml", 8) in found


# -- the shared unknown-reference helper (R001/R002/R003) ------------------------------------------


def test_r002_owner_has_its_own_message_and_suggests_an_organisation(region) -> None:  # type: ignore[no-untyped-def]
    owner = region(replace("monitoring.yaml", "owner: gemeente-almere", "owner: gemeente-almre"), base=BASE)
    [by_owner] = only(check(owner), "R002")
    assert by_owner.hint and "gemeente-almere" in by_owner.hint
    chair = region(replace("governance.yaml", "chair: sanne-de-vries", "chair: gemeente-almre"), base=BASE)
    [by_chair] = only(check(chair), "R002")
    assert by_owner.message != by_chair.message  # 'owner' key: a person or an organisation


def test_r003_stays_quiet_for_a_body_in_a_broken_file(region) -> None:  # type: ignore[no-untyped-def]
    broken = BASE["governance.yaml"].replace("name: Kerngroep", "name: Kern: groep")
    found = codes(check(region({"governance.yaml": broken}, base=BASE)))
    assert "R003" not in found and any(code.startswith("S") for code in found)


# -- what counts as a reference -------------------------------------------------------------------


def test_an_explicit_null_is_no_reference(region) -> None:  # type: ignore[no-untyped-def]
    files = {
        **replace("governance.yaml", "chair: sanne-de-vries", "chair: null"),
        **replace(
            "agreements/sok.yaml",
            "type: samenwerkingsovereenkomst",
            "type: samenwerkingsovereenkomst\n        document: null",
        ),
    }
    files["governance.yaml"] = files["governance.yaml"].replace("reports_to: kerngroep", "reports_to: null")
    assert _r(check(region(files, base=BASE))) == []


def test_values_under_an_x_field_are_not_checked(region) -> None:  # type: ignore[no-untyped-def]
    """`x-…` fields are the region's own notes (format.md): no ids or GM codes are looked up there."""
    notes = "\n        x-notities:\n          organisation: ergens-anders\n          gemeente: GM0303\n"
    root = region({"people.yaml": BASE["people.yaml"].rstrip(" ") + notes}, base=BASE)
    assert _r(check(root)) == []


def test_an_id_of_another_kind_is_no_person(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("governance.yaml", "chair: sanne-de-vries", "chair: kerngroep"), base=BASE)
    [finding] = only(check(root), "R002")
    assert where(finding) == ("governance.yaml", 5)


def test_a_linked_file_outside_the_region_lends_no_ids(region, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """kngg never reads a file outside the region through a link: its ids are unknown (S009, R001)."""
    import textwrap

    outside = tmp_path / "elders.yaml"
    outside.write_text(textwrap.dedent(BASE["organisations.yaml"]).lstrip(), encoding="utf-8")
    root = region({"organisations.yaml": None}, base=BASE)
    (root / "organisations.yaml").symlink_to(outside)
    found = codes(check(root))
    assert "S009" in found and "R001" in found


def test_no_cascade_from_a_utf16_file(region) -> None:  # type: ignore[no-untyped-def]
    """A file saved as UTF-16 (Notepad's "Unicode") is S009; the ids in it still count as there."""
    import textwrap

    text = textwrap.dedent(BASE["organisations.yaml"]).lstrip()
    result = check(region({"organisations.yaml": text.encode("utf-16")}, base=BASE))
    assert _r(result) == ["S009"]


def test_no_cascade_from_a_non_utf8_file_of_exactly_the_size_limit(region) -> None:  # type: ignore[no-untyped-def]
    """S009 starts above 5 MB; a file of exactly 5 MB that is not UTF-8 still lends its ids."""
    import textwrap

    from kngg_cli.loading.files import MAX_FILE_BYTES

    text = textwrap.dedent(BASE["organisations.yaml"]).lstrip().replace("GGD Test", "GGD T\xe9st")
    raw = text.encode("latin-1") + b"# "
    raw += b"x" * (MAX_FILE_BYTES - len(raw) - 1) + b"\n"
    assert len(raw) == MAX_FILE_BYTES
    result = check(region({"organisations.yaml": raw}, base=BASE))
    assert _r(result) == ["S009"]


def test_r002_without_any_person_is_one_finding(region) -> None:  # type: ignore[no-untyped-def]
    [missing] = only(check(region({"people.yaml": None}, base=BASE)), "R002")
    assert "geen people.yaml" in missing.message
    [empty] = only(check(region({"people.yaml": "# nog niemand\n"}, base=BASE)), "R002")
    assert "geen enkele persoon" in empty.message


def test_r004_an_organisations_own_gemeente(region) -> None:  # type: ignore[no-untyped-def]
    text = BASE["organisations.yaml"].replace("gemeente: GM0995", "gemeente: GM0303")
    found = only(check(region({"organisations.yaml": text}, base=BASE)), "R004")
    assert [where(f) for f in found] == [("organisations.yaml", 11)]


# -- R006 and R007 at their edges -----------------------------------------------------------------


def test_r006_a_role_of_one_day_is_fine(region) -> None:  # type: ignore[no-untyped-def]
    """A role is active from `since` up to and including `until` (format.md): one day is a role."""
    text = (
        BASE["people.yaml"]
        .replace("since: 2025-01-01", "since: 2025-06-01")
        .replace("until: 2027-12-31", "until: 2025-06-01")
    )
    assert "R006" not in codes(check(region({"people.yaml": text}, base=BASE)))


def test_r006_a_decision_without_a_date(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("region.yaml", "\n            date: 2024-10-01", ""), base=BASE)
    assert _r(check(root)) == []


def test_r007_phase_2_measures_completed_steps_against_no_current_step(region) -> None:  # type: ignore[no-untyped-def]
    """In phase 2 every step may be completed: a leftover `step: 3` is one finding, not a finding at
    each completed step after it."""
    text = BASE["region.yaml"].replace("phase: 1", "phase: 2").replace("step: 7", "step: 3")
    found = only(check(region({"region.yaml": text}, base=BASE)), "R007")
    assert [where(f) for f in found] == [("region.yaml", 12)]


@pytest.mark.parametrize("step", [1, 8])
def test_r007_the_current_step_is_not_completed_yet_at_the_first_and_last_step(region, step: int) -> None:  # type: ignore[no-untyped-def]
    text = BASE["region.yaml"].replace("step: 7", f"step: {step}")
    text = text.replace("    - step: 5\n", f"    - step: {step}\n")
    found = only(check(region({"region.yaml": text}, base=BASE)), "R007")
    [at_14] = [f for f in found if where(f) == ("region.yaml", 14)]
    assert f"stap {step} staat als afgerond, maar de regio staat pas bij stap {step}" in at_14.message


# -- R008 paths ------------------------------------------------------------------------------------


def test_r008_an_absolute_path_is_outside_even_into_the_region(region, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Paths are relative to the region folder: an absolute one is `outside`, wherever it points."""
    inside = str(tmp_path / "regio" / "documents" / "besluiten.md")
    for ref in (inside, "../../etc/passwd"):
        root = region(replace("region.yaml", "documents/besluiten.md", ref), base=BASE)
        [finding] = only(check(root), "R008")
        assert "wijst naar buiten de regiomap" in finding.message, ref


def test_r008_a_nul_in_a_path_of_80_characters_is_shown_whole(region) -> None:  # type: ignore[no-untyped-def]
    ref = "documents/" + "a" * 65 + "\\0.pdf"  # 80 characters once YAML reads the \0
    root = region(replace("region.yaml", "documents/besluiten.md", f'"{ref}"'), base=BASE)
    [finding] = only(check(root), "R008")
    assert "a" * 65 + "\\x00.pdf` is geen bruikbaar pad" in finding.message


def test_r008_a_link_loop_and_a_name_too_long(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("region.yaml", "documents/besluiten.md", "documents/kring.md"), base=BASE)
    (root / "documents" / "kring.md").symlink_to("kring.md")
    [finding] = only(check(root), "R008")
    assert "in een kring naar elkaar" in finding.message
    root = region(
        replace("region.yaml", "documents/besluiten.md", "documents/" + "a" * 300 + ".md"), base=BASE
    )
    [finding] = only(check(root), "R008")
    assert "langer dan het bestandssysteem toestaat" in finding.message


@pytest.mark.parametrize(
    ("error", "key", "problem"),
    [
        (ValueError("embedded null byte"), "path_nul", None),
        (RuntimeError("Symlink loop"), "path_loop", None),
        (OSError(40, "Too many levels of symbolic links"), "path_loop", None),
        (OSError(36, "File name too long"), "path_too_long", None),
        (OSError(13, "Permission denied"), "path_unusable", "Permission denied"),
        (OSError(), "path_unusable", "OSError"),
    ],
)
def test_r008_the_message_for_a_path_the_system_cannot_use(
    error: Exception, key: str, problem: str | None
) -> None:
    """The operating system's refusal, by errno (Linux numbers), as the key of R008's message."""
    from kngg_cli.rules.references import _path_problem

    assert _path_problem(error) == (key, {} if problem is None else {"problem": problem})


def test_r008_suggests_no_folder_and_no_hidden_file(region) -> None:  # type: ignore[no-untyped-def]
    root = region(replace("region.yaml", "documents/besluiten.md", "documents/besluitn.md"), base=BASE)
    (root / "documents" / "besluiten.md").unlink()
    (root / "documents" / "besluiten.md").mkdir()
    (root / "documents" / ".besluiten.md").write_text("verborgen\n", encoding="utf-8")
    [finding] = only(check(root), "R008")
    assert "besluiten" not in (finding.hint or "")


# -- R010 and R011 -----------------------------------------------------------------------------


def _without_lelystad() -> str:
    block = "        ---\n        kind: Organisation\n        id: gemeente-lelystad\n"
    block += "        name: Gemeente Lelystad\n        type: gemeente\n        gemeente: GM0995\n"
    assert block in BASE["organisations.yaml"]
    return BASE["organisations.yaml"].replace(block, "")


def test_r010_a_person_that_names_a_gemeente_is_no_organisation(region) -> None:  # type: ignore[no-untyped-def]
    people = BASE["people.yaml"].rstrip(" ") + "        type: gemeente\n        gemeente: GM0995\n"
    found = only(
        check(region({"organisations.yaml": _without_lelystad(), "people.yaml": people}, base=BASE)), "R010"
    )
    assert [where(f) for f in found] == [("region.yaml", 8)]


def test_r010_another_organisation_with_a_gemeente_field_is_no_gemeente_organisation(region) -> None:  # type: ignore[no-untyped-def]
    text = _without_lelystad().replace("type: ggd\n", "type: ggd\n        gemeente: GM0995\n")
    found = only(check(region({"organisations.yaml": text}, base=BASE)), "R010")
    assert [where(f) for f in found] == [("region.yaml", 8)]


def test_r010_documents_that_are_no_mapping_or_have_a_list_for_a_code(region) -> None:  # type: ignore[no-untyped-def]
    text = BASE["organisations.yaml"].rstrip(" ") + "        ---\n        - een lijst\n"
    assert "R010" not in codes(check(region({"organisations.yaml": text}, base=BASE)))
    text = BASE["organisations.yaml"].replace("gemeente: GM0995", "gemeente: [GM0995]")
    assert "S004" in codes(check(region({"organisations.yaml": text}, base=BASE)))


def test_r010_several_names_the_first_organisation(region) -> None:  # type: ignore[no-untyped-def]
    text = BASE["organisations.yaml"].replace("gemeente: GM0995", "gemeente: GM0034")
    found = only(check(region({"organisations.yaml": text}, base=BASE)), "R010")
    several = [f for f in found if f.subject != "testregio"]  # the other one: Lelystad has none
    assert [f.subject for f in several] == ["gemeente-lelystad"]
    assert "gemeente-almere" in several[0].message
    nameless = "kind: Organisation\nname: Gemeente A\ntype: gemeente\ngemeente: GM0034\n---\n"
    root = region({"organisations.yaml": nameless + textwrap_dedent(BASE["organisations.yaml"])}, base=BASE)
    several = [f for f in only(check(root), "R010") if f.subject == "gemeente-almere"]
    assert [f.message for f in several] == [
        "gemeente GM0034 heeft meer dan één gemeente-organisatie (ook `organisations.yaml:1`)"
    ]


def textwrap_dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text).lstrip()


LOCAL_ROLE = """
        ---
        kind: Person
        id: lp-welzijn
        name: Lokale Projectleider
        organisation: {organisation}
        roles:
          - role: lokale_projectleider
{extra}"""


def _local_role(organisation: str = "welzijn-test", extra: str = "") -> dict[str, str]:
    welzijn = (
        "        ---\n        kind: Organisation\n        id: welzijn-test\n        name: Welzijn Test\n"
    )
    welzijn += "        type: welzijn\n"
    people = BASE["people.yaml"].rstrip(" ") + LOCAL_ROLE.format(organisation=organisation, extra=extra)
    return {"organisations.yaml": BASE["organisations.yaml"].rstrip(" ") + welzijn, "people.yaml": people}


@pytest.mark.parametrize(
    "extra",
    [
        "",
        "            since: 2027-01-01\n",  # not begun yet: it will cover nothing either
        "            until: 2027-12-31\n",
        "            until: 2026-11-23\n",  # ends today: still a role today
        "            gemeenten: []\n",
    ],
)
def test_r011_a_local_role_that_covers_no_gemeente(region, extra: str) -> None:  # type: ignore[no-untyped-def]
    [finding] = only(check(region(_local_role(extra=extra), base=BASE)), "R011")
    assert finding.subject == "lp-welzijn" and finding.location.path.name == "people.yaml"


def test_r011_an_own_empty_scope_counts_even_at_an_unknown_organisation(region) -> None:  # type: ignore[no-untyped-def]
    """Only a scope that would come from the organisation waits for R001: `gemeenten: []` is the role's."""
    found = _r(check(region(_local_role("onbekend-welzijn", "            gemeenten: []\n"), base=BASE)))
    assert sorted(found) == ["R001", "R011"]


@pytest.mark.parametrize(
    ("organisation", "extra", "other"),
    [
        ("welzijn-test", "            until: 2026-11-22\n", None),  # ended yesterday
        ("welzijn-test", "            gemeenten: [GM0034]\n", None),
        ("onbekend-welzijn", "", "R001"),  # the scope comes from an organisation R001 reports
    ],
)
def test_r011_quiet(region, organisation: str, extra: str, other: str | None) -> None:  # type: ignore[no-untyped-def]
    found = _r(check(region(_local_role(organisation, extra), base=BASE)))
    assert found == ([other] if other else [])
