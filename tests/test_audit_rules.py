"""Regressions found by auditing the rules against rules.md with a grader's own region folders."""

from __future__ import annotations

from pathlib import Path

from gate_fixtures import at, complete_region, edit, found, line_of, run
from helpers import check, only, where

SOK = "agreements/sok-2025.yaml"


def test_unknown_kind_suggests_the_kind_meant(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"organisations.yaml": "kind: organisation\nid: gemeente-almere\nname: x\ntype: ggd\n"})
    [finding] = only(check(root, lang="en"), "S003")
    assert where(finding) == ("organisations.yaml", 1)
    assert finding.hint == "did you mean `Organisation`?"


def test_date_messages_are_in_the_run_language(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "people.yaml": """
                kind: Person
                id: sanne
                name: Sanne
                organisation: gemeente-almere
                roles:
                  - role: contactpersoon
                    since: 01-04-2025
                    until: 2025-13-01
            """
        }
    )
    findings = only(check(root, lang="en"), "S004")
    assert [where(f) for f in findings] == [("people.yaml", 7), ("people.yaml", 8)]
    assert "expected YYYY-MM-DD, not `01-04-2025`" in findings[0].message
    assert "`2025-13-01` does not exist" in findings[1].message
    for finding in findings:
        assert "datum" not in finding.message and "{" not in finding.message
    dutch = only(check(root), "S004")
    assert "verwacht JJJJ-MM-DD" in dutch[0].message and "bestaat niet" in dutch[1].message


def test_decision_without_outcome_is_named_in_english(tmp_path: Path) -> None:
    files = edit(complete_region(5), "region.yaml", "    outcome: positief\n    by: raad\n", "    by: raad\n")
    [finding] = found(run(tmp_path, files, target="5", lang="en"), "G501")
    assert at(finding) == ("region.yaml", line_of(files, "region.yaml", "- code: GM0995"))
    assert finding.severity.value == "error"
    assert "has no outcome" in finding.message and "zonder" not in finding.message


def test_missing_responsibility_points_at_responsibilities(tmp_path: Path) -> None:
    files = complete_region(6)
    files = edit(
        files, SOK, "  - organisation: ggd-flevoland\n    tasks:\n      - Levert inzet voor de aanpak\n", ""
    )
    [finding] = found(run(tmp_path, files, target="6"), "G605")
    assert at(finding) == (SOK, line_of(files, SOK, "responsibilities:"))
    assert finding.subject == "sok-2025"


def test_missing_responsibilities_list_points_at_kind(tmp_path: Path) -> None:
    files = complete_region(6)
    text = files[SOK]
    files = {**files, SOK: text[: text.index("responsibilities:")]}
    findings = found(run(tmp_path, files, target="6"), "G605")
    assert findings and {at(f) for f in findings} == {(SOK, 1)}


def test_unknown_indicator_does_not_cascade_into_levels_and_types(tmp_path: Path) -> None:
    files = edit(complete_region(phase=2), "monitoring.yaml", "  - ref: E.1\n", "  - ref: E.9\n")
    result = run(tmp_path, files)
    assert [at(f) for f in found(result, "R009")] == [
        ("monitoring.yaml", line_of(files, "monitoring.yaml", "E.9"))
    ]
    assert not found(result, "G803") and not found(result, "G802")


def test_own_indicator_without_level_does_not_cascade(tmp_path: Path) -> None:
    own = "  - id: eigen\n    name: Eigen indicator\n    type: resultaat\n"
    files = edit(complete_region(phase=2), "monitoring.yaml", "  - ref: E.1\n", own)
    result = run(tmp_path, files)
    assert len(found(result, "R009")) == 1
    assert not found(result, "G803") and not found(result, "G802")


def test_indicator_levels_still_checked(tmp_path: Path) -> None:
    files = edit(complete_region(phase=2), "monitoring.yaml", "  - ref: E.1\n    frequency: P12M\n", "")
    [finding] = found(run(tmp_path, files), "G803")
    assert at(finding) == ("monitoring.yaml", line_of(files, "monitoring.yaml", "indicators:"))


def test_child_data_key_is_one_finding(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "organisations.yaml": """
                kind: Organisation
                id: gemeente-almere
                name: Gemeente Almere
                type: gemeente
                gemeente: GM0034
                x-geboortedatum: 2016-01-01
                x-bmi: 24
            """
        }
    )
    findings = only(check(root), "P003")
    assert [(where(f), f.location.span.column) for f in findings] == [
        (("organisations.yaml", 6), 1),
        (("organisations.yaml", 7), 1),
    ]


def test_text_findings_name_their_document(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "people.yaml": """
                kind: Person
                id: sanne
                name: Sanne
                organisation: gemeente-almere
                ---
                kind: Person
                id: pieter
                name: Pieter
                organisation: gemeente-almere
                notes: kind geb. 12-03-2016, BSN 111222333
                name: Pieter B.
            """
        }
    )
    result = check(root)
    assert [(where(f), f.subject) for f in only(result, "P001")] == [(("people.yaml", 10), "pieter")]
    assert [(where(f), f.subject) for f in only(result, "P003")] == [(("people.yaml", 10), "pieter")]
    assert [(where(f), f.subject) for f in only(result, "S002")] == [(("people.yaml", 11), "pieter")]


def test_step_that_does_not_exist_is_one_finding(region) -> None:  # type: ignore[no-untyped-def]
    text = """
        kngg: 1
        kind: Region
        id: testregio
        name: Regio Test
        gemeenten:
          - code: GM0034
            name: Almere
        progress:
          phase: 1
          step: 0
          completed:
            - step: 5
              date: 2024-11-12
    """
    findings = only(check(region({"region.yaml": text})), "R007")
    assert [where(f) for f in findings] == [("region.yaml", 10)]


def test_private_mail_providers_in_any_country(region) -> None:  # type: ignore[no-untyped-def]
    person = """
        kind: Person
        id: sanne
        name: Sanne
        organisation: gemeente-almere
        email: {email}
    """
    for email in ("sanne@hotmail.be", "sanne@yahoo.co.uk", "sanne@live.nl", "sanne@gmail.com"):
        root = region({"people.yaml": person.replace("{email}", email)})
        assert [where(f) for f in only(check(root), "P002")] == [("people.yaml", 5)], email
    root = region({"people.yaml": person.replace("{email}", "sanne@ggdflevoland.nl")})
    assert not only(check(root), "P002")


def test_file_larger_than_five_megabytes(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"notes.yaml": b"# " + b"x" * 5_100_000 + b"\n"})
    [finding] = only(check(root, lang="en"), "S009")
    assert where(finding) == ("notes.yaml", 1)
    assert finding.message == "file is 5.2 MB; the limit is 5 MB"
