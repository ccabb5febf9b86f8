"""Privacy holds against every encoding (issue #15, rules.md 1.1 P001–P003): decoded values, Unicode
digits, invisible separators, YAML escapes, folded scalars, file names, groupings, the word BSN;
private mail anywhere; child-data keys however they are written. And no false alarms."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import check as _check
from helpers import codes, only, where
from kngg_cli.rules.privacy import is_child_data_key


def check(root, **options):  # type: ignore[no-untyped-def]
    return _check(root, select=("S", "R", "P", "X"), **options)


def _org(extra: str) -> dict[str, str]:
    return {
        "organisations.yaml": (
            "kind: Organisation\nid: gemeente-almere\nname: Gemeente Almere\ntype: gemeente\n"
            "gemeente: GM0034\n" + extra
        )
    }


# 111222333 passes the elfproef (fictional; see test_rules_privacy.py); 123456789 does not
BSN = "111222333"


@pytest.mark.parametrize(
    "text",
    [
        'notes: "11122\\u0032333"',  # a YAML escape for a digit
        'notes: "\\x31\\x31\\x31222333"',
        'notes: "111222\\\n  333"',  # an escaped line break inside double quotes
        "notes: nummer 111222\n  333",  # a plain scalar folded over two lines
        "notes: >\n  111222\n  333",
        "notes: |\n  111222\n  333",  # a literal block: the line break is in the value
        "notes: 11122\u00a02333",  # no-break space between the digits
        "notes: 1112\u200b22333",  # zero-width space
        "notes: 111\u00ad222333",  # soft hyphen
        "notes: \uff11\uff11\uff11\uff12\uff12\uff12\uff13\uff13\uff13",  # full-width digits
        "notes: \u0661\u0661\u0661\u0662\u0662\u0662\u0663\u0663\u0663",  # Arabic-Indic digits
        "notes: 111 222 333",
        "notes: 111.222.333",
        "notes: 111-222-333",
        "notes: 1112.22.333",
        "notes: BSN 123456789",  # the word BSN: nine digits even when the elfproef fails
        "notes: bsn: 123 456 789",
        "notes: Burgerservicenummer=123.456.789",
        "notes: BSN-nummer 123-45-6789",
        "x-client:\n  nummer: 111222333",
    ],
)
def test_p001_catches_every_way_of_writing(region, text: str) -> None:  # type: ignore[no-untyped-def]
    found = only(check(region(_org(text + "\n"))), "P001")
    assert len(found) == 1
    assert where(found[0])[0] == "organisations.yaml" and where(found[0])[1] >= 6


@pytest.mark.parametrize(
    "text",
    [
        "phone: 06-12345678",
        "notes: bel +31 6 12345678 of 088 123 4567",
        "notes: tel 020 123 4567",
        "kvk: '12345678'",
        "notes: IBAN NL91 ABNA 0417 1643 00",
        "notes: rekening NL91ABNA0417164300",
        "notes: postcode 1234 AB",
        "notes: 123 456 789",  # grouped but fails the elfproef
        "notes: 1111 222 333",  # not one of the groupings
        "notes: 111 222 333 444",  # a longer grouped number
        "notes: besluit 2024-111 222",
        "notes: BSN 12345678",  # eight digits after the word
        "notes: geen BSN in deze repository",
        "x-kvk: |2\n  12345679\n  en 5 6",  # a KvK number below a block header: `2` is the header's
    ],
)
def test_p001_stays_quiet(region, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "P001" not in codes(check(region(_org(text + "\n"))))


def test_p001_a_decoded_value_or_key_points_at_itself(region) -> None:  # type: ignore[no-untyped-def]
    """An escaped number is found in the decoded text: at the value, or at the key, that holds it."""
    [value] = only(check(region(_org('notes: "11122\\u0032333"\n'))), "P001")
    assert (value.location.span.line, value.location.span.column) == (6, 8)
    [key] = only(check(region(_org('"x-11122\\u0032333": ja\n'))), "P001")
    assert (key.location.span.line, key.location.span.column) == (6, 1)


def test_p001_in_a_file_name(region) -> None:  # type: ignore[no-untyped-def]
    root = region({f"documents/{BSN}.yaml": "kind: Organisation\nid: x\nname: X\ntype: ggd\n"})
    found = only(check(root), "P001")
    assert [where(f) for f in found] == [(f"{BSN}.yaml", 1)]


def test_p001_points_at_the_digits_in_the_raw_text(region) -> None:  # type: ignore[no-untyped-def]
    [finding] = only(check(region(_org("notes: x 111\u00a0222\u00a0333 y\n"))), "P001")
    span = finding.location.span
    assert (span.line, span.column, span.end_column) == (6, 10, 21)


def test_p001_once_per_line(region) -> None:  # type: ignore[no-untyped-def]
    assert len(only(check(region(_org(f"notes: {BSN}  # {BSN}\n"))), "P001")) == 2  # two places
    assert len(only(check(region(_org('notes: "11122\\u0032333"\n'))), "P001")) == 1


def test_a_very_long_integer_is_no_problem_for_privacy(region) -> None:  # type: ignore[no-untyped-def]
    result = check(region(_org("x-groot: " + "7" * 5000 + "\n")))
    assert "P001" not in codes(result)


# -- P002 anywhere --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "notes: mail naar sanne1980@gmail.com",
        "x-contact: jan@hotmail.nl",
        "x-meer:\n  adres: jan@ziggo.nl",
        "# privé: piet@kpnmail.nl",
        'notes: "jan\\x40outlook.com"',
        "notes: via p@proton.me",
    ],
)
def test_p002_anywhere(region, text: str) -> None:  # type: ignore[no-untyped-def]
    found = only(check(region(_org(text + "\n"))), "P002")
    assert len(found) == 1 and where(found[0])[1] >= 6


@pytest.mark.parametrize(
    ("address", "provider"),
    [
        ("jan@jan.xs4all.nl", "xs4all.nl"),  # a mailbox under a provider's domain
        ("jan@mail.gmx.ch", "mail.gmx.ch"),  # a provider known by name, under a country domain
        ("jan@hotmail.co.uk", "hotmail.co.uk"),
    ],
)
def test_p002_subdomains_and_country_domains(region, address: str, provider: str) -> None:  # type: ignore[no-untyped-def]
    [finding] = only(check(region(_org(f"x-contact: {address}\n"))), "P002")
    assert f"({provider})" in finding.message


def test_p002_quiet_for_work_addresses(region) -> None:  # type: ignore[no-untyped-def]
    text = "notes: s.devries@ggd-flevoland.example, info@gemeente.nl, live@ggd.nl\n"
    assert "P002" not in codes(check(region(_org(text))))


# -- P003 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [
        "x-geboorte-datum",
        "x-dossier-nummer",
        "x-client_nummer",
        "x-weightKg",
        "x-BMI",
        "X-Gewicht",
        "x-dateOfBirth",
        "x-kind_bsn",
    ],
)
def test_p003_key_names_however_written(region, key: str) -> None:  # type: ignore[no-untyped-def]
    assert is_child_data_key(key)
    [finding] = only(check(region(_org(f"{key}: onbekend\n"))), "P003")
    assert where(finding) == ("organisations.yaml", 6)


def test_p003_nested_keys_under_an_x_map(region) -> None:  # type: ignore[no-untyped-def]
    [finding] = only(check(region(_org("x-casus:\n  leeftijd: acht\n  gewicht: onbekend\n"))), "P003")
    assert where(finding) == ("organisations.yaml", 8)


def test_p003_an_x_key_inside_a_list_item(region) -> None:  # type: ignore[no-untyped-def]
    person = (
        "kind: Person\nid: sanne\nname: Sanne\norganisation: gemeente-almere\n"
        "roles:\n  - role: contactpersoon\n    x-gewicht: onbekend\n"
    )
    [finding] = only(check(region({"people.yaml": person})), "P003")
    assert where(finding) == ("people.yaml", 7)


def test_p003_keys_outside_x_fields_are_the_schemas(region) -> None:  # type: ignore[no-untyped-def]
    """rules.md: P003 names `x-` keys; an unknown key elsewhere is S005, not also P003 (one cause)."""
    result = check(region(_org("gewicht: onbekend\n")))
    assert [f.code for f in result.findings] == ["S005"]


@pytest.mark.parametrize(
    "key", ["x-submitter", "x-gewichtsklasse-beleid", "x-dossierbeheer", "x-website", "x-bijdrage"]
)
def test_p003_quiet_on_ordinary_keys(key: str) -> None:
    assert not is_child_data_key(key)


@pytest.mark.parametrize(
    "text",
    [
        "notes: BMI-score 31 bij start",
        "notes: woog 38 kilogram",
        "notes: geb 12-03-2016",
        "notes: geb.datum 12-03-2016",
        "notes: 'geb.datum: 12-03-2016'",
        "notes: DOB 2016-03-12",
        "notes: 'DOB: 12 March 2016'",
        "# born on 12-03-2016",
        'notes: "BMI\\x2031"',
    ],
)
def test_p003_wider_text_patterns(region, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(only(check(region(_org(text + "\n"))), "P003")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "notes: Aanpak voor kinderen met overgewicht en obesitas",
        "notes: Gewicht van de aanpak neemt toe",
        "notes: Besluit van 12-03-2024",
        "notes: gebouw 12-03-2024 opgeleverd",
        "notes: de BMI-norm van het RIVM",
        "notes: 38 kinderen in 2026",
    ],
)
def test_p003_quiet(region, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "P003" not in codes(check(region(_org(text + "\n"))))


def test_render_never_prints_an_escaped_bsn(invoke, region) -> None:  # type: ignore[no-untyped-def]
    root: Path = region(_org('notes: "11122\\u0032333"\n'))
    result = invoke("render", "plan", str(root))
    assert result.exit_code == 1 and BSN not in result.stdout
