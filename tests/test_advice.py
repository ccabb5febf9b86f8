"""A rules (A001-A005): advice from the Leidraad, info by default, at every step."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate_fixtures import Case, check_case, complete_region, edit, found, run
from helpers import check, write_region

CASES = [
    Case(
        "A001",
        [("people.yaml", "    hours_per_week: 24\n", "")],
        ("people.yaml", "- role: regionale_coordinator"),
        "info",
        "Sanne de Vries",
    ),
    Case(
        "A002",
        [("region.yaml", "related_approaches: [kansrijke_start, gli]\n", "")],
        ("region.yaml", "kind: Region"),
        "info",
    ),
    Case(
        "A002",
        [("region.yaml", "related_approaches: [kansrijke_start, gli]", "related_approaches: []")],
        ("region.yaml", "related_approaches:"),
        "info",
    ),
    Case("A003", [("region.yaml", "iza_region: Flevoland\n", "")], ("region.yaml", "kind: Region"), "info"),
    Case(
        "A005",
        [("people.yaml", "    jogg_roles: [netwerker, coordinator]\n", "")],
        ("people.yaml", "- role: regionale_coordinator"),
        "info",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=repr)
@pytest.mark.parametrize("step", [1, 5, 8])
def test_advice_at_every_step(tmp_path: Path, case: Case, step: int) -> None:
    check_case(tmp_path, case, step=step)


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_advice_in_phase_2(tmp_path: Path, case: Case) -> None:
    check_case(tmp_path, case, step=None, phase=2)


@pytest.mark.parametrize("code", ["A001", "A002", "A003", "A004", "A005"])
def test_complete_region_needs_no_advice(tmp_path: Path, code: str) -> None:
    assert found(run(tmp_path, complete_region(step=8)), code) == []


def test_advice_can_be_raised(tmp_path: Path) -> None:
    files = edit(complete_region(step=3), "people.yaml", "    hours_per_week: 24\n", "")
    files["region.yaml"] += "checks:\n  severity: {A001: warning}\n"
    result = run(tmp_path, files)
    assert [f.severity.value for f in found(result, "A001")] == ["warning"]
    assert result.exit_code() == 0 and result.exit_code(strict=True) == 1


NINE = [
    ("GM0034", "Almere"),
    ("GM0995", "Lelystad"),
    ("GM0050", "Zeewolde"),
    ("GM0171", "Noordoostpolder"),
    ("GM0184", "Urk"),
    ("GM0303", "Dronten"),
    ("GM0014", "Groningen"),
    ("GM0363", "Amsterdam"),
    ("GM0599", "Rotterdam"),
]


def _nine_gemeenten(tmp_path: Path, coordinators: int) -> Path:
    gemeenten = "".join(f"  - code: {code}\n    name: {name}\n" for code, name in NINE)
    organisations = "---\n".join(
        f"kind: Organisation\nid: gemeente-{name.lower()}\nname: Gemeente {name}\n"
        f"type: gemeente\ngemeente: {code}\n"
        for code, name in NINE
    )
    people = "---\n".join(
        f"kind: Person\nid: rc-{n}\nname: RC {n}\norganisation: gemeente-almere\nroles:\n"
        f"  - role: regionale_coordinator\n    hours_per_week: 20\n    jogg_roles: [netwerker]\n"
        for n in range(coordinators)
    )
    return write_region(
        tmp_path / "regio",
        {
            "region.yaml": "kngg: 1\nkind: Region\nid: groot\nname: Grote regio\niza_region: Noord\n"
            "related_approaches: [gli]\ngemeenten:\n" + gemeenten + "progress:\n  phase: 1\n  step: 1\n",
            "organisations.yaml": organisations,
            "people.yaml": people,
        },
        base={},
    )


def test_a004_one_rc_for_more_than_eight_gemeenten(tmp_path: Path) -> None:
    result = check(_nine_gemeenten(tmp_path, 1))
    [finding] = found(result, "A004")
    assert finding.severity.value == "info" and "9 gemeenten" in finding.message
    assert (finding.location.path.name, finding.location.span.line) == (
        "people.yaml",
        6,
    )  # its `- role:` line
    assert [f.code for f in result.findings] == ["A004"]


def test_a004_two_rcs_share_the_role(tmp_path: Path) -> None:
    assert found(check(_nine_gemeenten(tmp_path, 2)), "A004") == []


def test_a004_eight_gemeenten_are_fine(tmp_path: Path) -> None:
    root = _nine_gemeenten(tmp_path, 1)
    text = (root / "region.yaml").read_text().replace("  - code: GM0599\n    name: Rotterdam\n", "")
    (root / "region.yaml").write_text(text)
    organisations = (root / "organisations.yaml").read_text()
    rotterdam = (
        "---\nkind: Organisation\nid: gemeente-rotterdam\nname: Gemeente Rotterdam\n"
        "type: gemeente\ngemeente: GM0599\n"
    )
    (root / "organisations.yaml").write_text(organisations.replace(rotterdam, ""))
    result = check(root)
    assert found(result, "A004") == []
    assert [f.code for f in result.findings] == []


def test_a004_follows_the_regions_own_threshold(tmp_path: Path) -> None:
    """checks.thresholds.rc_split_above_gemeenten replaces the default of 8 (format.md)."""
    root = _nine_gemeenten(tmp_path, 1)
    text = (root / "region.yaml").read_text()
    (root / "region.yaml").write_text(text + "checks:\n  thresholds:\n    rc_split_above_gemeenten: 9\n")
    assert found(check(root), "A004") == []
    (root / "region.yaml").write_text(text + "checks:\n  thresholds:\n    rc_split_above_gemeenten: 3\n")
    [finding] = found(check(root), "A004")
    assert "9 gemeenten" in finding.message
