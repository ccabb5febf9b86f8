"""Release 1.1 across rules: R012 between regions, R011's edges, A004's threshold, and the catalogue's
`basis` with what `kngg explain` says about whose numbers these are."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate_fixtures import complete_region, edit, elsewhere, found, run
from helpers import check, write_region
from kngg_cli.catalog import catalogue
from kngg_cli.explain import explain_text
from kngg_cli.rules import registered_rules


# -- R012 gemeente-in-two-regions -------------------------------------------------------------------
def test_r012_one_finding_in_each_region_naming_the_other(tmp_path: Path) -> None:
    folder = tmp_path / "landelijk"
    write_region(folder / "noord", complete_region(step=7), base={})
    zuid = edit(elsewhere(complete_region(step=7), 0), "region.yaml", "name: Regio Test", "name: Regio Zuid")
    # Zuid also lists Almere (GM0034), which Regio Test lists
    zuid = edit(
        zuid, "region.yaml", "  - code: GM0344\n", "  - code: GM0034\n    name: Almere\n  - code: GM0344\n"
    )
    write_region(folder / "zuid", zuid, base={})
    result = check(folder)
    findings = [f for f in result.findings if f.code == "R012"]
    assert sorted((f.location.path.parent.name, f.location.span.line, f.message) for f in findings) == [
        ("noord", 7, "gemeente Almere (GM0034) staat ook in de regio Regio Zuid"),
        ("zuid", 9, "gemeente Almere (GM0034) staat ook in de regio Regio Test"),
    ]
    assert all(f.severity.value == "error" for f in findings)


def test_r012_only_when_a_folder_of_regions_is_checked(tmp_path: Path) -> None:
    root = write_region(tmp_path / "regio", complete_region(step=7), base={})
    assert [f for f in check(root).findings if f.code == "R012"] == []


def test_r012_distinct_regions_are_quiet(tmp_path: Path) -> None:
    folder = tmp_path / "landelijk"
    write_region(folder / "a", complete_region(step=7), base={})
    write_region(folder / "b", elsewhere(complete_region(step=7), 0), base={})
    assert [f for f in check(folder).findings if f.code == "R012"] == []


# -- R011 local-role-scope ----------------------------------------------------------------------------
NO_SCOPE = ("    gemeenten: [GM0034, GM0995]\n", "")


def test_r011_an_ended_role_is_not_asked_for_gemeenten(tmp_path: Path) -> None:
    files = edit(complete_region(step=8), "people.yaml", *NO_SCOPE)
    files = edit(
        files,
        "people.yaml",
        "  - role: centrale_zorgverlener\n    since: 2025-05-01\n",
        "  - role: centrale_zorgverlener\n    since: 2025-05-01\n    until: 2026-01-01\n",
    )
    assert found(run(tmp_path, files), "R011") == []


def test_r011_a_regional_role_covers_the_whole_region(tmp_path: Path) -> None:
    """Only the three local roles have the new scope rule; the RC covers every gemeente."""
    result = run(tmp_path, complete_region(step=8))
    assert found(result, "R011") == []


# -- A004 and its threshold ---------------------------------------------------------------------------
NINE = "".join(
    f"  - code: GM{code}\n    name: {name}\n"
    for code, name in [
        ("0303", "Dronten"),
        ("0050", "Zeewolde"),
        ("0171", "Noordoostpolder"),
        ("0184", "Urk"),
        ("0034", "Almere"),
        ("0995", "Lelystad"),
        ("0344", "Utrecht"),
        ("0363", "Amsterdam"),
        ("0014", "Groningen"),
    ]
)


def _nine_gemeenten() -> dict[str, str]:
    files = complete_region(step=3)
    return edit(
        files,
        "region.yaml",
        "  - code: GM0034\n    name: Almere\n  - code: GM0995\n    name: Lelystad\n",
        NINE,
    )


def test_a004_above_kngg_default_of_eight(tmp_path: Path) -> None:
    [finding] = found(run(tmp_path, _nine_gemeenten(), select=("A004",)), "A004")
    assert "9 gemeenten" in finding.message and "boven 8 gemeenten" in (finding.hint or "")


def test_a004_threshold_set_in_region_yaml(tmp_path: Path) -> None:
    files = _nine_gemeenten()
    files["region.yaml"] += "checks:\n  thresholds:\n    rc_split_above_gemeenten: 9\n"
    assert found(run(tmp_path / "a", files, select=("A004",)), "A004") == []
    files["region.yaml"] = files["region.yaml"].replace(
        "rc_split_above_gemeenten: 9", "rc_split_above_gemeenten: 5"
    )
    files = edit(files, "region.yaml", NINE, NINE.split("  - code: GM0344")[0])  # six gemeenten
    [finding] = found(run(tmp_path / "b", files, select=("A004",)), "A004")
    assert "boven 5 gemeenten" in (finding.hint or "")


# -- basis and explain --------------------------------------------------------------------------------
def test_every_r_g_a_entry_states_its_basis() -> None:
    for code in registered_rules():
        if code[0] in "RGA":
            assert catalogue()[code].basis in ("leidraad", "me-matrix", "kngg"), code


@pytest.mark.parametrize(
    ("code", "basis", "threshold"),
    [
        ("G901", "M&E-matrix", None),
        ("G902", "eigen keuze van kngg", "agreement_expiry_notice"),
        ("G903", "eigen keuze van kngg", "governing_body_meets_every"),
        ("A004", "eigen keuze van kngg", "rc_split_above_gemeenten"),
    ],
)
def test_explain_says_whose_number_it_is_and_how_to_change_it(
    code: str, basis: str, threshold: str | None
) -> None:
    text = explain_text(code, "nl")
    assert basis in text
    if threshold:
        assert f"Drempel: `{threshold}`" in text and "checks:\n      thresholds:" in text
        assert f"Threshold: `{threshold}`" in explain_text(code, "en")
    else:
        assert "Drempel" not in text


def test_explain_of_a_leidraad_rule_says_so() -> None:
    assert "uit de Leidraad regionale implementatiefase" in explain_text("G604", "nl")
