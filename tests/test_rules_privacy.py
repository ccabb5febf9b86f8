"""P rules (and X001): triggered by small fixtures (code, file, line, column), quiet on safe text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import MINIMAL_REGION, codes, only, where
from helpers import check as _check
from kngg_cli.rules import privacy
from kngg_cli.rules.privacy import passes_elfproef


def check(root, **options):  # type: ignore[no-untyped-def]
    """Only the families under test here: gate and advice rules have their own tests."""
    return _check(root, select=("S", "R", "P", "X"), **options)


def _org(extra: str) -> dict[str, str]:
    return {
        "organisations.yaml": (
            "kind: Organisation\nid: gemeente-almere\nname: Gemeente Almere\ntype: gemeente\n"
            "gemeente: GM0034\n" + extra
        )
    }


# 111222333: 9+8+7+12+10+8+9+6-3 = 66, a multiple of 11 -> passes the elfproef
BSN_LIKE = "111222333"
NOT_BSN = "123456789"  # 147, not a multiple of 11


def test_elfproef() -> None:
    assert passes_elfproef(BSN_LIKE)
    assert not passes_elfproef(NOT_BSN)
    assert not passes_elfproef("000000000")


# -- P001 bsn -----------------------------------------------------------------------------------


def test_p001_in_a_value(region) -> None:  # type: ignore[no-untyped-def]
    [finding] = only(check(region(_org(f"notes: contact {BSN_LIKE}\n"))), "P001")
    assert where(finding) == ("organisations.yaml", 6)
    span = finding.location.span
    assert (span.column, span.end_column) == (16, 25)
    assert finding.severity.value == "error"
    assert BSN_LIKE not in finding.message  # the finding does not repeat the number


def test_p001_in_a_comment_and_dotted(region) -> None:  # type: ignore[no-untyped-def]
    root = region(_org("# zie 1112.22.333\nx-oud: 111222333\n"))
    assert [where(f) for f in only(check(root), "P001")] == [
        ("organisations.yaml", 6),
        ("organisations.yaml", 7),
    ]


def test_p001_in_a_key(region) -> None:  # type: ignore[no-untyped-def]
    root = region(_org(f"x-{BSN_LIKE}: ja\n"))
    [finding] = only(check(root), "P001")
    assert finding.location.span.column == 3


@pytest.mark.parametrize(
    "text",
    [
        f"notes: {NOT_BSN}",  # fails the elfproef
        "notes: 1111222333",  # ten digits: a longer number, not a BSN
        "notes: 11122233",  # eight digits
        "notes: Collegebesluit 2024-117",
    ],
)
def test_p001_quiet(region, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "P001" not in codes(check(region(_org(text + "\n"))))


# -- P002 private-contact -----------------------------------------------------------------------


def _person(email: str) -> dict[str, str]:
    return {
        "people.yaml": (
            f"kind: Person\nid: sanne\nname: Sanne\norganisation: gemeente-almere\nemail: {email}\n"
        )
    }


def test_p002_private_mail_provider(region) -> None:  # type: ignore[no-untyped-def]
    [finding] = only(check(region(_person("sanne1980@gmail.com"))), "P002")
    assert where(finding) == ("people.yaml", 5)
    assert finding.location.span.column == 8
    assert finding.severity.value == "warning"
    assert "gmail.com" in finding.message


def test_p002_quiet_for_work_address(region) -> None:  # type: ignore[no-untyped-def]
    assert "P002" not in codes(check(region(_person("s.devries@ggd-flevoland.example"))))


# -- P003 child-data ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("notes: kind van 38 kg in groep 5", 17),
        ("notes: BMI 24,5 bij intake", 8),
        ("notes: geb. 12-03-2016", 8),
        ("# geboren op 12 maart 2016", 3),
        ("notes: 'geboortedatum: 2016-03-12'", 9),
    ],
)
def test_p003_child_data_in_text(region, text: str, column: int) -> None:  # type: ignore[no-untyped-def]
    [finding] = only(check(region(_org(text + "\n"))), "P003")
    assert where(finding) == ("organisations.yaml", 6)
    assert finding.location.span.column == column


@pytest.mark.parametrize("key", ["x-bmi", "x-geboortedatum", "x-client-bsn", "x-gewicht"])
def test_p003_child_data_key(region, key: str) -> None:  # type: ignore[no-untyped-def]
    [finding] = only(check(region(_org(f"{key}: onbekend\n"))), "P003")
    assert where(finding) == ("organisations.yaml", 6)
    assert finding.location.span.column == 1


@pytest.mark.parametrize(
    "text",
    [
        "notes: Aanpak voor kinderen met overgewicht en obesitas",
        "notes: Gewicht van de aanpak in de regio neemt toe",
        "notes: Besluit van 12-03-2024",
        "x-submitter: afdeling jeugd",
    ],
)
def test_p003_quiet_on_ordinary_words(region, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "P003" not in codes(check(region(_org(text + "\n"))))


# -- X001 unused-suppression --------------------------------------------------------------------


def test_suppression_silences_a_finding(region) -> None:  # type: ignore[no-untyped-def]
    root = region(_person("sanne@gmail.com  # kngg: ignore[P002] functieadres van de gemeente"))
    result = check(root)
    assert "P002" not in codes(result)
    assert "X001" not in codes(result)


def test_x001_unused_suppression(region) -> None:  # type: ignore[no-untyped-def]
    root = region(_person("s.devries@ggd-flevoland.example  # kngg: ignore[P002]"))
    [finding] = only(check(root), "X001")
    assert where(finding) == ("people.yaml", 5)
    assert finding.severity.value == "info"
    assert "P002" in finding.message


def test_x001_reports_only_the_unused_code(region) -> None:  # type: ignore[no-untyped-def]
    root = region(_person("sanne@gmail.com  # kngg: ignore[P002, R001]"))
    [finding] = only(check(root), "X001")
    assert "R001" in finding.message


def test_structure_findings_cannot_be_suppressed(region) -> None:  # type: ignore[no-untyped-def]
    root = region(_org("nmae: x  # kngg: ignore[S005]\n"))
    assert "S005" in codes(check(root))


# -- the fast forms of the privacy patterns read exactly what the plain forms read ---------------

# The plain form of "nine digits not touching other digits" (rules.md, P001): privacy.py writes it
# to start at the first digit so the regex engine can skip ahead, which must change no match.
_PLAIN_NINE_DIGITS = re.compile(
    r"(?<![0-9])(?:[0-9]{9}(?![0-9])"
    r"|(?<![0-9][ .\-])(?:[0-9]{4}\.[0-9]{2}\.[0-9]{3}|[0-9]{3}([ .\-])[0-9]{3}\1[0-9]{3})"
    r"(?![0-9]|[ .\-][0-9]))"
)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789 .-x\n", max_size=40))
def test_the_fast_nine_digit_pattern_matches_what_the_plain_one_does(text: str) -> None:
    fast = [(m.span(), m.group()) for m in privacy._NINE_DIGITS.finditer(text)]
    assert fast == [(m.span(), m.group()) for m in _PLAIN_NINE_DIGITS.finditer(text)]


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="bBsSnNmMiIkKgGlLoOdDeErRtThH0123 :=\u212a\u017f\u0131\u0130", max_size=30))
def test_the_word_prefilter_never_hides_a_match(text: str) -> None:
    """may_contain says False only where the case-insensitive pattern cannot match (the Kelvin
    sign, long s and Turkish i included, which re.IGNORECASE folds)."""
    for _key, words, pattern in privacy.CHILD_DATA_PATTERNS:
        if pattern.search(text):
            assert privacy.may_contain(text, words)


def test_a_bmi_written_with_a_dotless_i_is_still_child_data(region) -> None:  # type: ignore[no-untyped-def]
    # "BMı" (a Turkish dotless i): re.IGNORECASE reads it as BMI, str.lower() keeps it apart
    root = region(_org("description: 'BM\u0131 31 bij intake'\n"))
    assert "P003" in codes(check(root))


def test_p001_in_an_escaped_value_points_at_the_value(region) -> None:  # type: ignore[no-untyped-def]
    # the file says `\u0032` where the number has a 2: only the decoded value holds the BSN
    root = region(_org('notes: "11122\\u0032333"\n'))
    [finding] = only(check(root), "P001")
    assert where(finding) == ("organisations.yaml", 6)
    assert finding.location.span.column == 8  # the value (its opening quote), not the key


def test_p003_a_child_data_key_in_a_list_item(region) -> None:  # type: ignore[no-untyped-def]
    # the path to the key holds a list index: ("contacts", 0, "x-geboortedatum")
    root = region(_org("x-contacts:\n  - rol: ouder\n    x-geboortedatum: ja\nx-lijst:\n  - x-bmi: ja\n"))
    found = {where(f) for f in only(check(root), "P003")}
    assert ("organisations.yaml", 8) in found and ("organisations.yaml", 10) in found


def test_p003_a_child_data_key_in_an_item_of_a_model_list(region) -> None:  # type: ignore[no-untyped-def]
    # the path to the key is ("gemeenten", 0, "x-geboortedatum"): a list index before the x- key
    region_file = MINIMAL_REGION["region.yaml"].replace(
        "            name: Almere\n", "            name: Almere\n            x-geboortedatum: ja\n"
    )
    [finding] = only(check(region({"region.yaml": region_file})), "P003")
    assert where(finding) == ("region.yaml", 8)
