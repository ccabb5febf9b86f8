"""format.md release 1.1: new fields, checks.thresholds, checks.exclude (model and loader)."""

from __future__ import annotations

import textwrap

from helpers import check, only, where
from kngg_cli.loading.region import is_excluded
from kngg_cli.model import CLAUSE_KEYS
from kngg_cli.model.region import Thresholds
from kngg_cli.model.schema import json_schema


def problems(result) -> list[str]:  # type: ignore[no-untyped-def]
    """Codes of errors and warnings (the advice of a minimal region is info)."""
    return [f.code for f in result.findings if f.severity.value != "info"]


GGD = """
    kind: Organisation
    id: ggd
    name: GGD Test
    type: ggd
"""


def test_organisation_address_and_kvk_are_accepted(region):
    root = region({"ggd.yaml": GGD + '    address: Boomgaardweg 4, 1326 AC Almere\n    kvk: "01234567"\n'})
    assert problems(check(root)) == []


def test_kvk_must_be_eight_digits_as_text(region):
    root = region({"ggd.yaml": GGD + '    kvk: "1234567"\n'})
    (finding,) = only(check(root), "S004")
    assert "KvK" in finding.message and where(finding) == ("ggd.yaml", 5)


def test_kvk_written_as_a_number_asks_for_quotes(region):
    root = region({"ggd.yaml": GGD + "    kvk: 12345678\n"})
    (finding,) = only(check(root), "S004")
    assert "aanhalingstekens" in (finding.hint or "")


def test_person_phone_is_accepted_and_email_must_look_like_an_address(region):
    person = """
        kind: Person
        id: anna
        name: Anna de Boer
        organisation: gemeente-almere
        phone: "088 002 9920"
        email: {email}
    """
    assert problems(check(region({"people.yaml": person.format(email="a.deboer@almere.nl")}))) == []
    (finding,) = only(check(region({"people.yaml": person.format(email="a.deboer bij almere")})), "S004")
    assert "e-mailadres" in finding.message and where(finding) == ("people.yaml", 6)


AGREEMENT = """
    kind: Agreement
    id: sok
    title: Samenwerkingsovereenkomst
    type: samenwerkingsovereenkomst
    parties:
      - organisation: {party}
        authority: krachtens volmacht van de burgemeester
        on_behalf_of: [{code}]
    clauses:
      toetreding_en_uittreding: Nieuwe partijen treden toe met instemming van de kerngroep.
      aansprakelijkheid: Ieder draagt de eigen aansprakelijkheid.
      geschillen: Geschillen gaan eerst naar de kerngroep.
"""
TWO_GEMEENTEN = {
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
          step: 1
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
    """,
}


def test_new_clause_keys_and_party_fields(region):
    assert {"toetreding_en_uittreding", "aansprakelijkheid", "geschillen"} <= set(CLAUSE_KEYS)
    files = {**TWO_GEMEENTEN, "sok.yaml": AGREEMENT.format(party="gemeente-almere", code="GM0995")}
    assert problems(check(region(files))) == []


def test_on_behalf_of_names_gemeenten_of_the_region(region):
    files = {**TWO_GEMEENTEN, "sok.yaml": AGREEMENT.format(party="gemeente-almere", code="GM0363")}
    (finding,) = only(check(region(files)), "R004")
    assert where(finding) == ("sok.yaml", 8)


def test_on_behalf_of_only_on_a_gemeente_party(region):
    files = {
        **TWO_GEMEENTEN,
        "ggd.yaml": GGD,
        "sok.yaml": AGREEMENT.format(party="ggd", code="GM0995"),
    }
    (finding,) = only(check(region(files)), "S004")
    assert where(finding) == ("sok.yaml", 8) and "gemeente" in finding.message


def _with_checks(checks: str) -> dict[str, str]:
    return {
        "region.yaml": textwrap.dedent(
            """
            kngg: 1
            kind: Region
            id: testregio
            name: Regio Test
            gemeenten:
              - code: GM0034
                name: Almere
            progress:
              phase: 1
              step: 1
            checks:
            """
        ).lstrip("\n")
        + checks
    }


def test_thresholds_have_kngg_defaults_and_can_be_set(region):
    defaults = Thresholds()
    assert (defaults.governing_body_meets_every, defaults.agreement_expiry_notice) == ("P3M", "P90D")
    assert defaults.rc_split_above_gemeenten == 8
    root = region(_with_checks("  thresholds:\n    rc_split_above_gemeenten: 12\n"))
    result = check(root)
    assert problems(result) == []
    region_model = result.regions[0].view.region
    assert region_model is not None and region_model.thresholds.rc_split_above_gemeenten == 12
    assert region_model.thresholds.agreement_expiry_notice == "P90D"


def test_unknown_threshold_is_s005_with_did_you_mean(region):
    root = region(_with_checks("  thresholds:\n    governing_body_meet_every: P1M\n"))
    (finding,) = only(check(root), "S005")
    assert "governing_body_meets_every" in (finding.hint or "") and where(finding) == ("region.yaml", 13)


def test_bad_threshold_value_is_s004(region):
    root = region(_with_checks("  thresholds:\n    agreement_expiry_notice: 90 dagen\n"))
    (finding,) = only(check(root), "S004")
    assert where(finding) == ("region.yaml", 13)
    root = region(_with_checks("  thresholds:\n    rc_split_above_gemeenten: 0\n"))
    assert problems(check(root)) == ["S004"]


def test_exclude_skips_files_that_are_no_region_documents(region):
    files = {
        **_with_checks("  exclude: [mkdocs.yml, 'site/**']\n"),
        "mkdocs.yml": "site_name: Regio Test\n",
        "site/a/b/page.yaml": "title: x\n",
    }
    root = region(files)
    result = check(root)
    assert problems(result) == []
    assert result.regions[0].files == 2  # region.yaml and organisations.yaml


def test_without_exclude_such_files_are_s003(region):
    root = region({"mkdocs.yml": "site_name: Regio Test\n"})
    assert problems(check(root)) == ["S003"]


def test_exclude_globs():
    assert is_excluded("mkdocs.yml", ("mkdocs.yml",))
    assert is_excluded("docs/mkdocs.yml", ("mkdocs.yml",))  # a name without / matches in any folder
    assert is_excluded("site/a/b.yaml", ("site/**",))
    assert not is_excluded("sites/a.yaml", ("site/**",))
    assert is_excluded("x/y/z.tmp.yaml", ("**/*.tmp.yaml",))
    assert not is_excluded("organisations.yaml", ("site/*.yaml", "mkdocs.yml"))
    assert not is_excluded("site/a/b.yaml", ("site/*.yaml",))  # * stays within one folder


def test_region_yaml_is_never_excluded(region):
    root = region(_with_checks("  exclude: ['*.yaml']\n"))
    result = check(root)
    assert result.regions[0].view.region is not None


def test_schema_follows_the_models():
    definitions = json_schema()["$defs"]
    assert {"address", "kvk"} <= set(definitions["Organisation"]["properties"])
    assert {"phone", "email"} <= set(definitions["Person"]["properties"])
    assert {"authority", "on_behalf_of"} <= set(definitions["Party"]["properties"])
    assert {"exclude", "thresholds"} <= set(definitions["Checks"]["properties"])
    assert set(definitions["Thresholds"]["properties"]) == set(Thresholds.model_fields)
