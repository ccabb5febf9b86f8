"""One cause, one finding (cli.md, "text"): a mistake is reported once, at its cause, with a hint
that fixes it: files in another encoding, no people, unclosed quotes, misleading hints, unusable paths."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import MINIMAL_REGION, check, codes, only, where

PEOPLE = """
    kind: Person
    id: sanne-de-vries
    name: Sanne de Vries
    organisation: gemeente-almere
"""
BODY = """
    kind: Body
    id: kerngroep
    name: Kerngroep
    type: kerngroep
    chair: sanne-de-vries
    members:
      - organisation: gemeente-almere
        person: sanne-de-vries
"""


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_file_in_another_unicode_encoding_is_one_finding_naming_it(region, encoding: str) -> None:
    root = region({"people.yaml": PEOPLE.encode(encoding), "governance.yaml": BODY})
    result = check(root)
    assert codes(result) == ["S009"], codes(result)  # no R002 for the people in the unreadable file
    finding = result.findings[0]
    assert where(finding) == ("people.yaml", 1)
    assert encoding.split("-")[0].upper() + "-" + encoding.split("-")[1][:2] in finding.message
    assert "UTF-8" in (finding.hint or "") and "Kladblok" in (finding.hint or "")


def test_notepad_unicode_with_its_byte_order_mark(region) -> None:
    root = region({"people.yaml": "\ufeff".encode("utf-16-le") + PEOPLE.encode("utf-16-le")})
    assert codes(check(root)) == ["S009"]


def test_the_unreadable_file_comes_first_in_the_text_output(region, invoke) -> None:
    root = region({"people.yaml": PEOPLE.encode("utf-16"), "zz.yaml": "kind: Onbekend\nid: x\n"})
    out = invoke("check", str(root)).stdout
    assert out.index("S009") < out.index("S003")


def test_a_missing_people_yaml_is_one_finding_that_says_so(region) -> None:
    root = region({"governance.yaml": BODY})
    r002 = only(check(root), "R002")
    assert len(r002) == 1
    assert "geen people.yaml" in r002[0].message and "2 verwijzingen" in r002[0].message
    assert "people.yaml" in (r002[0].hint or "")


def test_no_person_anywhere_is_one_finding(region) -> None:
    root = region({"governance.yaml": BODY, "people.yaml": "# nog leeg\n"})
    r002 = only(check(root), "R002")
    assert len(r002) == 1 and "geen enkele persoon" in r002[0].message


def test_with_people_an_unknown_person_is_still_reported_one_by_one(region) -> None:
    body = BODY.replace("chair: sanne-de-vries", "chair: sanne-devries")
    root = region({"governance.yaml": body, "people.yaml": PEOPLE})
    (finding,) = only(check(root), "R002")
    assert "`sanne-devries`" in finding.message and "sanne-de-vries" in (finding.hint or "")


# -- syntax: the quote that opened, values starting with ' or @ ----------------------------------


def test_an_unclosed_quote_is_reported_where_it_opened(region) -> None:
    organisations = MINIMAL_REGION["organisations.yaml"].replace(
        "name: Gemeente Almere", 'name: "Gemeente Almere\n        # "een opmerking"\n        website: x'
    )
    root = region({"organisations.yaml": organisations})
    (finding,) = check(root).findings
    assert finding.code == "S001" and where(finding) == ("organisations.yaml", 3)
    assert "aanhalingsteken" in finding.message and "regel 4" in finding.message
    assert "expected" not in finding.message  # no libyaml English
    assert '`name: "Gemeente Almere"`' in (finding.hint or "")


@pytest.mark.parametrize("value", ["'t Menzis", "'s-Hertogenbosch"])
def test_a_value_starting_with_an_apostrophe_gets_the_double_quote_hint(region, value: str) -> None:
    organisations = (
        MINIMAL_REGION["organisations.yaml"]
        + "---\n"
        + MINIMAL_REGION["organisations.yaml"]
        .replace("name: Gemeente Almere", f"name: {value}")
        .replace("id: gemeente-almere", "id: zv")
    )
    root = region({"organisations.yaml": organisations})
    s001 = only(check(root), "S001")
    lines = (root / "organisations.yaml").read_text().splitlines()
    opened = next(number for number, line in enumerate(lines, 1) if value in line)
    assert len(s001) == 1 and where(s001[0]) == ("organisations.yaml", opened)
    assert "apostrof" in s001[0].message and "document indicator" not in s001[0].message
    assert s001[0].hint == f'zet de hele waarde tussen dubbele aanhalingstekens: `name: "{value}"`'


@pytest.mark.parametrize("char", ["@", "`"])
def test_a_value_starting_with_at_or_backtick_gets_the_quote_hint_not_a_tab_hint(region, char: str) -> None:
    organisations = MINIMAL_REGION["organisations.yaml"].replace(
        "name: Gemeente Almere", f"name: {char}Menzis"
    )
    (finding,) = check(region({"organisations.yaml": organisations})).findings
    assert finding.code == "S001" and f"`{char}`" in finding.message
    assert "tab" not in (finding.hint or "") and f'`name: "{char}Menzis"`' in (finding.hint or "")


# -- hints that used to mislead ------------------------------------------------------------------


def test_a_code_written_as_digits_suggests_the_gm_code_not_quotes(region) -> None:
    root = region({"region.yaml": MINIMAL_REGION["region.yaml"].replace("code: GM0034", "code: 0034")})
    finding = only(check(root), "S004")[0]
    assert "GM0034" in finding.message and finding.hint == "schrijf de CBS-code met GM ervoor: `GM0034`"


def test_a_missing_evidence_file_never_suggests_a_hidden_file(region) -> None:
    region_yaml = MINIMAL_REGION["region.yaml"].replace(
        "step: 1",
        "step: 2\n          completed:\n            - step: 1\n              date: 2026-01-05\n"
        "              evidence: documents/besluit.pdf",
    )
    root = region({"region.yaml": region_yaml, "documents/.gitkeep": ""})
    (finding,) = only(check(root), "R008")
    assert ".gitkeep" not in (finding.hint or "")
    (root / "documents" / "besluit-2026.pdf").write_bytes(b"%PDF")
    (finding,) = only(check(root), "R008")
    assert "documents/besluit-2026.pdf" in (finding.hint or "")


@pytest.mark.parametrize(
    ("written", "meant"), [("czv", "centrale_zorgverlener"), ("RC", "regionale_coordinator")]
)
def test_common_names_of_roles_get_a_did_you_mean(region, written: str, meant: str) -> None:
    people = PEOPLE + f"    roles:\n      - role: {written}\n"
    (finding,) = only(check(region({"people.yaml": people})), "S004")
    assert f"bedoel je `{meant}`?" in (finding.hint or "")


# -- never a crash on a referenced path ----------------------------------------------------------


@pytest.mark.parametrize(
    ("evidence", "says"),
    [
        ("documents/" + "a" * 300 + ".pdf", "langer dan het bestandssysteem toestaat"),
        ('"documents/x\\0y.pdf"', "NUL-teken"),
        ("documents/kring", "kring"),
    ],
)
def test_an_unusable_path_is_a_finding_for_that_value(region, invoke, evidence: str, says: str) -> None:
    region_yaml = MINIMAL_REGION["region.yaml"].replace(
        "step: 1",
        "step: 2\n          completed:\n            - step: 1\n              date: 2026-01-05\n"
        f"              evidence: {evidence}",
    )
    root = region({"region.yaml": region_yaml})
    (root / "documents").mkdir()
    (root / "documents" / "kring").symlink_to("kring")
    (finding,) = only(check(root), "R008")
    assert says in finding.message and "\x00" not in finding.message
    for command in (("check",), ("status",), ("render", "plan")):
        result = invoke(
            *command, str(root), *(("--output", str(root.parent / "plan.md")) if "render" in command else ())
        )
        assert result.exit_code in (0, 1) and "interne fout" not in result.output + result.stderr


def test_progress_or_indicators_of_the_wrong_type_are_findings(region) -> None:
    region_yaml = MINIMAL_REGION["region.yaml"].replace(
        "progress:\n          phase: 1\n          step: 1", "progress: [1]"
    )
    monitoring = "kind: MonitoringPlan\nid: m\nindicators: 5\n"
    result = check(region({"region.yaml": region_yaml, "monitoring.yaml": monitoring}))
    assert "S004" in codes(result)


def test_severity_words_are_unchanged_in_json(region, invoke) -> None:
    import json

    root = region({"people.yaml": PEOPLE.encode("utf-16")})
    data = json.loads(invoke("check", str(root), "--format", "json").stdout)
    assert [f["code"] for f in data["findings"]] == ["S009"]
    assert Path(data["findings"][0]["path"]).name == "people.yaml"


def test_advance_with_an_evidence_name_too_long_writes_it_and_r008_reports_it(region, invoke) -> None:
    root = region({"documents/.gitkeep": ""})
    evidence = "documents/" + "a" * 300 + ".pdf"
    result = invoke("advance", str(root), "--evidence", evidence, "--date", "2026-11-01")
    assert result.exit_code == 0 and "interne fout" not in result.output + result.stderr
    assert "langer dan het bestandssysteem toestaat" in result.stdout


def test_without_people_the_rules_that_ask_for_people_wait(region) -> None:
    region_yaml = MINIMAL_REGION["region.yaml"].replace("step: 1", "step: 7")
    root = region({"region.yaml": region_yaml, "governance.yaml": BODY})
    found = codes(check(root))
    assert found.count("R002") == 1
    assert not {"G502", "G503", "G704", "G705", "G706", "G806"} & set(found), found
    (root / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    assert "G502" in codes(check(root))  # with a Person, the people rules speak again


def test_text_after_a_quoted_value_gets_the_whole_value_quoted(region) -> None:
    organisations = MINIMAL_REGION["organisations.yaml"].replace(
        "name: Gemeente Almere", 'name: "Gemeente" Almere   # de naam'
    )
    (finding,) = check(region({"organisations.yaml": organisations})).findings
    assert finding.code == "S001" and "na de waarde tussen aanhalingstekens" in finding.message
    assert finding.hint == 'zet de hele waarde tussen aanhalingstekens: `name: "Gemeente Almere"`'
    assert "inspringing" not in (finding.hint or "")


@pytest.mark.parametrize(
    "broken",
    ["name: Regio Test\n  extra: x\n", "name: [Regio Test\n", "name: Regio Test\n---\n--- x: [\n"],
)
def test_a_syntax_error_is_worded_in_dutch_only(region, broken: str) -> None:
    text = MINIMAL_REGION["organisations.yaml"].replace("name: Gemeente Almere\n", broken)
    s001 = only(check(region({"organisations.yaml": text})), "S001")
    assert s001 and all(not re.search(r"\b(expected|found|allowed|mapping)\b", f.message) for f in s001)
    english = only(check(region({"organisations.yaml": text}), lang="en"), "S001")
    assert english[0].message.startswith("YAML syntax error: ")


def test_a_local_role_of_an_unreadable_organisation_is_no_r011(region) -> None:
    people = PEOPLE.replace("organisation: gemeente-almere", "organisation: ggd-regio") + (
        "    roles:\n      - role: lokale_projectleider\n"
    )
    ggd = "kind: Organisation\nid: ggd-regio\nname: GGD\ntype: ggd\n"
    two = MINIMAL_REGION["region.yaml"].replace(
        "    name: Almere\n", "    name: Almere\n          - code: GM0995\n            name: Lelystad\n"
    )
    lelystad = "kind: Organisation\nid: gemeente-lelystad\nname: Lelystad\ntype: gemeente\ngemeente: GM0995\n"
    root = region(
        {"region.yaml": two, "people.yaml": people, "zorg.yaml": ggd.encode("utf-16"), "l.yaml": lelystad}
    )
    assert codes(check(root)) == ["S009"]
    (root / "zorg.yaml").write_text(ggd, encoding="utf-8")
    assert "R011" in codes(check(root))  # readable: the GGD lists no gemeenten, so the role covers none
