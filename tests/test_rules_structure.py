"""S rules: each one triggered by a small fixture (code, file, line) and left quiet by a valid one."""

from __future__ import annotations

from pathlib import Path

from helpers import MINIMAL_REGION, codes, only, where
from helpers import check as _check

ORG_FILE = "organisations.yaml"


def check(root, **options):  # type: ignore[no-untyped-def]
    """Only the families under test here: gate and advice rules have their own tests."""
    return _check(root, select=("S", "R", "P", "X"), **options)


def _s(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [c for c in codes(result) if c.startswith("S")]


def test_valid_minimal_region_has_no_structure_findings(region) -> None:  # type: ignore[no-untyped-def]
    assert _s(check(region())) == []


# -- S001 yaml-syntax ---------------------------------------------------------------------------


def test_s001_points_at_the_parsers_mark(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "people.yaml": """
                kind: Person
                id: sanne
                name: Overleg: kerngroep
                organisation: gemeente-almere
            """
        }
    )
    [finding] = only(check(root), "S001")
    assert where(finding) == ("people.yaml", 3)
    assert finding.location.span.column == 14  # the second colon
    assert "dubbele punt" in finding.message
    assert finding.hint and "aanhalingstekens" in finding.hint


def test_s001_quiet_when_the_colon_is_quoted(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "people.yaml": """
                kind: Person
                id: sanne
                name: "Overleg: kerngroep"
                organisation: gemeente-almere
            """
        }
    )
    assert _s(check(root)) == []


def test_s001_unclosed_flow_sequence(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"extra.yaml": "kind: Organisation\nid: x\nname: X\ntype: ggd\ngemeenten: [GM0034\n"})
    [finding] = only(check(root), "S001")
    assert finding.location.path.name == "extra.yaml"
    assert finding.location.span.line >= 5


def test_s001_file_that_does_not_parse_gives_exit_1_not_a_crash(region) -> None:  # type: ignore[no-untyped-def]
    result = check(region({"region.yaml": "kngg: 1\nkind: Region\n  id: x\n"}))
    assert "S001" in codes(result)
    assert result.exit_code() == 1


# -- S002 duplicate-key -------------------------------------------------------------------------


def test_s002_reports_the_second_occurrence(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            ORG_FILE: """
                kind: Organisation
                id: gemeente-almere
                name: Gemeente Almere
                type: gemeente
                name: Gemeente Almere-Stad
                gemeente: GM0034
            """
        }
    )
    [finding] = only(check(root), "S002")
    assert where(finding) == (ORG_FILE, 5)
    assert finding.location.span.column == 1
    assert "name" in finding.message


def test_s002_nested_duplicate(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "people.yaml": """
                kind: Person
                id: sanne
                name: Sanne
                organisation: gemeente-almere
                roles:
                  - role: bestuurder
                    since: 2025-01-01
                    since: 2025-02-01
            """
        }
    )
    [finding] = only(check(root), "S002")
    assert where(finding) == ("people.yaml", 8)
    assert finding.location.span.column == 5


def test_s002_same_key_in_different_mappings_is_fine(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "people.yaml": """
                kind: Person
                id: sanne
                name: Sanne
                organisation: gemeente-almere
                roles:
                  - role: bestuurder
                  - role: beleidsadviseur
            """
        }
    )
    assert _s(check(root)) == []


# -- S003 unknown-kind --------------------------------------------------------------------------


def test_s003_unknown_kind_with_did_you_mean(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"extra.yaml": "kind: Organisatie\nid: x\nname: X\ntype: ggd\n"})
    [finding] = only(check(root), "S003")
    assert where(finding) == ("extra.yaml", 1)
    assert finding.location.span.column == 7
    assert finding.hint and "Organisation" in finding.hint
    # "kind" is not a Dutch word for it (it reads as "child")
    assert finding.message == "onbekend soort document `Organisatie`"


def test_s003_missing_kind_points_at_the_document(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"extra.yaml": "# toelichting\nid: x\nname: X\n"})
    [finding] = only(check(root), "S003")
    assert where(finding) == ("extra.yaml", 2)


def test_s003_document_that_is_not_a_mapping(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"extra.yaml": "- a\n- b\n"})
    [finding] = only(check(root), "S003")
    assert where(finding) == ("extra.yaml", 1)


def test_s003_quiet_for_known_kinds(region) -> None:  # type: ignore[no-untyped-def]
    assert "S003" not in codes(check(region()))


# -- S004 invalid-value -------------------------------------------------------------------------


def test_s004_wrong_choice_points_at_value_with_suggestion(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            ORG_FILE: """
                kind: Organisation
                id: gemeente-almere
                name: Gemeente Almere
                type: gemeentes
                gemeente: GM0034
            """
        }
    )
    [finding] = only(check(root), "S004")
    assert where(finding) == (ORG_FILE, 4)
    assert finding.location.span.column == 7
    assert finding.hint and "gemeente" in finding.hint


def test_s004_missing_required_field_points_at_nearest_ancestor(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "people.yaml": """
                kind: Person
                id: sanne
                name: Sanne
                roles:
                  - since: 2025-01-01
            """
        }
    )
    found = only(check(root), "S004")
    lines = sorted(where(f) for f in found)
    # `organisation` is missing on the document: the kind line; `role` is missing in the entry: its line
    assert lines == [("people.yaml", 1), ("people.yaml", 5)]


def test_s004_bad_id_date_and_code(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "people.yaml": """
                kind: Person
                id: Sanne_de_Vries
                name: Sanne
                organisation: gemeente-almere
                roles:
                  - role: bestuurder
                    since: 2025-02-30
                    gemeenten: [GM34]
            """
        }
    )
    assert sorted(where(f)[1] for f in only(check(root), "S004")) == [2, 7, 8]


def test_s004_gemeente_organisation_needs_its_code(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            ORG_FILE: """
                kind: Organisation
                id: gemeente-almere
                name: Gemeente Almere
                type: gemeente
            """
        }
    )
    [finding] = only(check(root), "S004")
    assert where(finding) == (ORG_FILE, 1)


def test_s004_phase_1_needs_a_step(region) -> None:  # type: ignore[no-untyped-def]
    text = MINIMAL_REGION["region.yaml"].replace("          step: 1\n", "")
    [finding] = only(check(region({"region.yaml": text})), "S004")
    assert where(finding) == ("region.yaml", 8)  # the `progress:` key


def test_s004_structure_rules_cannot_be_ignored(region) -> None:  # type: ignore[no-untyped-def]
    text = MINIMAL_REGION["region.yaml"].rstrip(" ") + "        checks:\n          ignore: [S005]\n"
    [finding] = only(check(region({"region.yaml": text})), "S004")
    assert where(finding) == ("region.yaml", 12)  # the `S005` in the list


def test_s004_quiet_on_valid_values(region) -> None:  # type: ignore[no-untyped-def]
    assert "S004" not in codes(check(region()))


# -- S005 unknown-field -------------------------------------------------------------------------


def test_s005_unknown_field_at_key_with_did_you_mean(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            ORG_FILE: """
                kind: Organisation
                id: gemeente-almere
                nmae: Gemeente Almere
                name: Gemeente Almere
                type: gemeente
                gemeente: GM0034
            """
        }
    )
    [finding] = only(check(root), "S005")
    assert where(finding) == (ORG_FILE, 3)
    assert (finding.location.span.column, finding.location.span.end_column) == (1, 5)
    assert finding.hint and "name" in finding.hint


def test_s005_nested_unknown_field(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "people.yaml": """
                kind: Person
                id: sanne
                name: Sanne
                organisation: gemeente-almere
                roles:
                  - role: bestuurder
                    untill: 2027-01-01
            """
        }
    )
    [finding] = only(check(root), "S005")
    assert where(finding) == ("people.yaml", 7)
    assert finding.location.span.column == 5
    assert finding.hint and "until" in finding.hint


def test_s005_x_fields_are_free(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            ORG_FILE: """
                kind: Organisation
                id: gemeente-almere
                name: Gemeente Almere
                type: gemeente
                gemeente: GM0034
                x-kenmerk: ABC
                x-contact: {team: jeugd}
            """
        }
    )
    assert _s(check(root)) == []


# -- S006 duplicate-id --------------------------------------------------------------------------


def test_s006_duplicate_id_names_both_places(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "more.yaml": """
                kind: Organisation
                id: gemeente-almere
                name: Nog een Almere
                type: ggd
            """
        }
    )
    [finding] = only(check(root), "S006")
    # files are read in name order: more.yaml comes first, so organisations.yaml holds the repeat
    assert where(finding) == ("organisations.yaml", 2)
    assert "more.yaml:2" in finding.message


def test_s006_same_id_different_kind_is_fine(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "people.yaml": """
                kind: Person
                id: gemeente-almere
                name: Iemand
                organisation: gemeente-almere
            """
        }
    )
    assert "S006" not in codes(check(root))


# -- S007 region-file ---------------------------------------------------------------------------


def test_s007_region_in_another_file(region) -> None:  # type: ignore[no-untyped-def]
    extra = MINIMAL_REGION["region.yaml"].replace("id: testregio", "id: tweede")
    [finding] = only(check(region({"sub/other.yaml": extra})), "S007")
    assert where(finding) == ("other.yaml", 2)


def test_s007_region_yaml_without_a_region(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"region.yaml": "kind: Organisation\nid: x\nname: X\ntype: ggd\n"})
    findings = only(check(root), "S007")
    assert [where(f) for f in findings] == [("region.yaml", 1)]


def test_s007_two_regions_in_region_yaml(region) -> None:  # type: ignore[no-untyped-def]
    text = MINIMAL_REGION["region.yaml"].rstrip(" ")
    second = text.replace("id: testregio", "id: tweede")
    [finding] = only(check(region({"region.yaml": text + "        ---\n" + second})), "S007")
    assert where(finding) == ("region.yaml", 14)  # kind: of the second (a blank line follows ---)


def test_s007_other_documents_may_follow_the_region(region) -> None:  # type: ignore[no-untyped-def]
    text = MINIMAL_REGION["region.yaml"].rstrip(" ") + "        ---\n" + MINIMAL_REGION["organisations.yaml"]
    root = region({"region.yaml": text, ORG_FILE: None}, base={})
    assert _s(check(root)) == []


# -- S008 format-version ------------------------------------------------------------------------


def test_s008_unknown_format_version(region) -> None:  # type: ignore[no-untyped-def]
    text = MINIMAL_REGION["region.yaml"].replace("kngg: 1", "kngg: 2")
    [finding] = only(check(region({"region.yaml": text})), "S008")
    assert where(finding) == ("region.yaml", 1)
    assert finding.location.span.column == 7
    assert "1" in finding.message


def test_s008_quiet_for_version_1(region) -> None:  # type: ignore[no-untyped-def]
    assert "S008" not in codes(check(region()))


# -- S009 unreadable-file (more in test_loader.py) ---------------------------------------------


def test_s009_not_utf8(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"extra.yaml": "kind: Organisation\nname: Gemeente Sm\xe9\n".encode("latin-1")})
    [finding] = only(check(root), "S009")
    assert where(finding) == ("extra.yaml", 2)


def test_s009_quiet_for_utf8(region) -> None:  # type: ignore[no-untyped-def]
    assert "S009" not in codes(check(region()))


def test_structure_error_stops_gates_and_advice(region, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = region({"extra.yaml": "kind: [\n"})
    assert not any(c[0] in "GA" for c in codes(check(root)))


# -- where a finding points, and whom it is about ----------------------------------------------------


def test_s002_names_its_document_and_s001_names_none(region) -> None:  # type: ignore[no-untyped-def]
    duplicate = MINIMAL_REGION[ORG_FILE].rstrip(" ") + "        name: Gemeente Almere-Stad\n"
    [finding] = only(check(region({ORG_FILE: duplicate})), "S002")
    assert finding.subject == "gemeente-almere"
    broken = MINIMAL_REGION[ORG_FILE].replace("name: Gemeente Almere", "name: Gemeente: Almere")
    [finding] = only(check(region({ORG_FILE: broken})), "S001")
    assert finding.subject is None


def test_s004_an_indicator_without_ref_or_id_points_at_its_entry(region) -> None:  # type: ignore[no-untyped-def]
    plan = "kind: MonitoringPlan\nid: monitoring\nindicators:\n"
    plan += "  - name: Eigen\n    level: E\n    type: resultaat\n"
    found = only(check(region({"monitoring.yaml": plan})), "S004")
    assert [(where(f), f.location.span.column) for f in found] == [(("monitoring.yaml", 4), 5)]


def test_s004_an_enumeration_given_a_number(region) -> None:  # type: ignore[no-untyped-def]
    text = MINIMAL_REGION[ORG_FILE].replace("type: gemeente", "type: 5")
    [finding] = only(check(region({ORG_FILE: text})), "S004")
    assert where(finding) == (ORG_FILE, 4)


_ON_BEHALF = """
    kind: Agreement
    id: sok
    title: Samenwerkingsovereenkomst
    type: samenwerkingsovereenkomst
    parties:
      - organisation: {party}
        on_behalf_of: [GM0034]
"""
_GGD = "---\nkind: Organisation\nid: ggd\nname: GGD\ntype: ggd\n"


def test_s004_only_a_gemeente_signs_on_behalf_of_others(region) -> None:  # type: ignore[no-untyped-def]
    orgs = MINIMAL_REGION[ORG_FILE].rstrip(" ") + "".join("        " + line for line in _GGD.splitlines(True))
    [finding] = only(check(region({ORG_FILE: orgs, "sok.yaml": _ON_BEHALF.format(party="ggd")})), "S004")
    assert where(finding) == ("sok.yaml", 7)
    assert _s(check(region({ORG_FILE: orgs, "sok.yaml": _ON_BEHALF.format(party="gemeente-almere")}))) == []
    unknown = check(region({ORG_FILE: orgs, "sok.yaml": _ON_BEHALF.format(party="onbekend")}))
    assert [c for c in codes(unknown) if c[0] in "SR"] == ["R001"]


def test_s006_documents_without_an_id_or_kind_are_no_duplicates(region) -> None:  # type: ignore[no-untyped-def]
    person = "kind: Person\nname: {}\norganisation: gemeente-almere\n"
    no_id = person.format("A") + "---\n" + person.format("B")
    assert "S006" not in codes(check(region({"people.yaml": no_id})))
    no_kind = "id: zelfde\nname: A\n---\nid: zelfde\nname: B\n"
    assert "S006" not in codes(check(region({"people.yaml": no_kind})))


def test_s007_points_at_the_first_documents_kind_or_at_the_file(region) -> None:  # type: ignore[no-untyped-def]
    other = "# de regio staat elders\n\nkind: Organisation\nid: x\nname: X\ntype: ggd\n"
    [finding] = only(check(region({"region.yaml": other})), "S007")
    assert where(finding) == ("region.yaml", 3)
    [finding] = only(check(region({"region.yaml": "# nog leeg\n"})), "S007")
    assert where(finding) == ("region.yaml", 1)
