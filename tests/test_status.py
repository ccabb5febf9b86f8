"""`kngg status`: one region (steps, open items with file:line, counts, ready?) and several regions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gate_fixtures import complete_region, edit, elsewhere, line_of
from helpers import write_region
from kngg_cli.cli.app import build_app

TODAY = "2026-11-23"
COMPLETED = "  completed:\n    - step: 5\n      date: 2024-11-12\n    - step: 6\n      date: 2025-03-20\n"


LEADING_MEMBERS = [
    ("gemeente-lelystad", "bestuurlijk"),
    ("ggd-flevoland", "management"),
    ("jgz-flevoland", "management"),
    ("zorgverzekeraar-noord", "management"),
    ("ziekenhuis-flevoland", "management"),
]


def _step7(tmp_path: Path, *, broken: bool = True) -> tuple[Path, dict[str, str]]:
    files = complete_region(step=7)
    files = edit(files, "region.yaml", "  step: 7\n", "  step: 7\n" + COMPLETED)
    if broken:  # G701: management or bestuurlijk from one organisation only
        for org, level in LEADING_MEMBERS:
            files = edit(
                files, "governance.yaml", f"{org}\n    level: {level}", f"{org}\n    level: uitvoering"
            )
        files = edit(files, "governance.yaml", "mandate: besluitvormend\n", "")  # G707
    return write_region(tmp_path / "regio", files, base={}), files


def status(*args: str) -> tuple[int, str]:
    outcome = CliRunner().invoke(build_app(), ["status", *args, "--today", TODAY], catch_exceptions=False)
    return outcome.exit_code, outcome.stdout


def test_json_for_one_region(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _root, files = _step7(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out = status("regio", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["today"] == TODAY and data["summary"] == {
        "regions": 1,
        "ready": 0,
        "error": 0,
        "warning": 0,
        "info": 2,
    }
    [region] = data["regions"]
    assert (region["id"], region["phase"], region["step"], region["stage"]) == (
        "testregio",
        1,
        7,
        "implementatiefase",
    )
    assert region["path"] == "regio"
    assert region["step_name"] == "Richt het project in met de juiste mensen en organisaties"
    states = [(s["number"], s["state"], s["date"]) for s in region["steps"]]
    assert states[4:] == [
        (5, "done", "2024-11-12"),
        (6, "done", "2025-03-20"),
        (7, "current", None),
        (8, "ahead", None),
    ]
    assert states[0] == (1, "done", None)
    assert region["phase2"]["state"] == "ahead"
    items = {i["code"]: i for i in region["open_items"]}
    assert set(items) == {"G701", "G707"}
    assert items["G701"]["path"] == "regio/governance.yaml"
    assert items["G701"]["line"] == line_of(files, "governance.yaml", "members:")
    assert (items["G701"]["severity"], items["G701"]["gate_severity"]) == ("info", "error")
    assert items["G707"]["gate_severity"] == "warning" and items["G707"]["path"] == "regio/governance.yaml"
    assert region["counts"] == {
        "gemeenten": 2,
        "organisations": 9,
        "people": 4,
        "bodies": 2,
        "agreements": {"signed": 1, "total": 1},
        "indicators": {"A": 1, "B": 1, "C": 1, "D": 1, "E": 1},
    }
    assert region["ready"] is False and region["blocking"] == ["G701"]
    assert region["gates_evaluated"] is True


def test_text_for_one_region(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _root, files = _step7(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out = status("regio")
    assert code == 0
    assert "\x1b[" not in out  # NO_COLOR is set by conftest
    assert "Regio Test (testregio): fase 1, stap 7" in out
    assert "✓ afgerond 2024-11-12" in out and "▶ huidige stap" in out and "· nog niet" in out
    assert "Open punten van stap 7 (2)" in out
    assert f"regio/governance.yaml:{line_of(files, 'governance.yaml', 'members:')}" in out
    assert "van 1 organisatie(s), niet van minstens 2" in out
    assert "overeenkomsten getekend 1/1" in out and "A 1  B 1  C 1  D 1  E 1" in out
    assert "Klaar om stap 7 af te ronden: nee; eerst oplossen: G701" in out
    assert all(line == line.rstrip() for line in out.splitlines())


def test_ready_region_in_english(tmp_path: Path) -> None:
    root, _ = _step7(tmp_path, broken=False)
    code, out = status(str(root), "--lang", "en")
    assert code == 0
    assert "No open items for step 7." in out
    assert "Ready to complete step 7: yes" in out


def _without_leading_members(files: dict[str, str]) -> dict[str, str]:
    """G701: management or bestuurlijk from one organisation only."""
    for org, level in LEADING_MEMBERS:
        files = edit(files, "governance.yaml", f"{org}\n    level: {level}", f"{org}\n    level: uitvoering")
    return files


def test_exit_code_follows_check(tmp_path: Path) -> None:
    files = _without_leading_members(complete_region(step=8))
    root = write_region(tmp_path / "regio", files, base={})
    code, out = status(str(root))
    assert code == 1
    assert "Klaar om stap 8 af te ronden: nee; eerst oplossen: G701" in out


def test_structure_errors_hold_the_gates_back(tmp_path: Path) -> None:
    files = edit(complete_region(step=7), "governance.yaml", "type: kerngroep", "type: kerngroepp")
    root = write_region(tmp_path / "regio", files, base={})
    code, out = status(str(root), "--format", "json")
    region = json.loads(out)["regions"][0]
    assert code == 1 and region["gates_evaluated"] is False and region["ready"] is False
    assert region["blocking"] == ["S004"]
    assert "structuurfouten" in status(str(root))[1]


def test_phase_2_region(tmp_path: Path) -> None:
    root = write_region(tmp_path / "regio", complete_region(step=None, phase=2), base={})
    code, out = status(str(root), "--format", "json")
    region = json.loads(out)["regions"][0]
    assert code == 0 and region["ready"] is None and region["step"] is None
    assert {s["state"] for s in region["steps"]} == {"done"} and region["phase2"]["state"] == "current"
    assert "De regio is in fase 2" in status(str(root))[1]


def _several(tmp_path: Path) -> Path:
    folder = tmp_path / "landelijk"
    write_region(folder / "a-ready", complete_region(step=7), base={})
    broken = _without_leading_members(complete_region(step=8))
    broken = elsewhere(edit(broken, "region.yaml", "id: testregio", "id: noord"), 0)
    write_region(folder / "b-broken", broken, base={})
    phase2 = elsewhere(
        edit(complete_region(step=None, phase=2), "region.yaml", "id: testregio", "id: zuid"), 1
    )
    write_region(folder / "c-fase2", phase2, base={})
    return folder


def test_several_regions_text(tmp_path: Path) -> None:
    code, out = status(str(_several(tmp_path)))
    assert code == 1
    rows = [
        line.split()
        for line in out.splitlines()
        if "(testregio)" in line or "(noord)" in line or "(zuid)" in line
    ]
    assert len(rows) == 3
    assert rows[0][-6:] == ["1,", "stap", "7", "0", "0", "ja"]
    assert rows[1][-6:] == ["1,", "stap", "8", "1", "0", "nee"]
    assert rows[2][-5:] == ["fase", "2", "0", "0", "n.v.t."]
    assert "3 regio's, 1 klaar om hun stap af te ronden" in out


def test_several_regions_json(tmp_path: Path) -> None:
    code, out = status(str(_several(tmp_path)), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert [(r["id"], r["ready"], r["summary"]["error"]) for r in data["regions"]] == [
        ("testregio", True, 0),
        ("noord", False, 1),
        ("zuid", None, 0),
    ]
    assert data["summary"]["regions"] == 3 and data["summary"]["ready"] == 1


def test_colour_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, _ = _step7(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in status(str(root))[1]
    assert "\x1b[" not in status(str(root), "--format", "json")[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in status(str(root))[1]


def test_no_region_is_a_usage_error(tmp_path: Path) -> None:
    assert status(str(tmp_path))[0] == 2


def test_unknown_progress(tmp_path: Path) -> None:
    root = write_region(
        tmp_path / "regio", {"region.yaml": "kngg: 1\nkind: Region\nid: x\nname: X\ngemeenten: []\n"}, base={}
    )
    code, out = status(str(root))
    assert code == 1 and "region.yaml is niet geldig, dus is niet bekend waar de regio staat" in out
    region = json.loads(status(str(root), "--format", "json")[1])["regions"][0]
    assert region["ready"] is None and {s["state"] for s in region["steps"]} == {"ahead"}


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("nl", "Regio Test (testregio): fase 1, stap 4 (verkenningsfase)"),
        ("en", "Regio Test (testregio): phase 1, step 4 ("),
    ],
)
def test_a_step_without_a_name_of_its_own_is_named_once(tmp_path: Path, lang: str, title: str) -> None:
    """Steps 1-5 are called 'Stap N (verkenningsfase)': not 'stap 4, Stap 4 (verkenningsfase)'."""
    files = edit(complete_region(step=7), "region.yaml", "  step: 7\n", "  step: 4\n")
    root = write_region(tmp_path / "regio", files, base={})
    _code, out = status(str(root), "--lang", lang)
    first_line = out.splitlines()[0]
    assert first_line.startswith(title)
    assert first_line.lower().count("4") == 1


def test_json_has_exactly_the_typed_shape(tmp_path: Path) -> None:
    """The TypedDicts in status.py are the documented JSON shape: every key printed is declared
    and every declared key is printed, at each level."""
    from kngg_cli.status import RegionCounts, RegionStatus, StatusData, StatusItem, StatusSummary, StepStatus

    root, _files = _step7(tmp_path)
    data = json.loads(status(str(root), "--format", "json")[1])
    assert set(data) == set(StatusData.__annotations__)
    assert set(data["summary"]) == set(StatusSummary.__annotations__)
    [region] = data["regions"]
    assert set(region) == set(RegionStatus.__annotations__)
    assert set(region["counts"]) == set(RegionCounts.__annotations__)
    assert {frozenset(step) for step in region["steps"]} == {frozenset(StepStatus.__annotations__)}
    assert region["open_items"] and all(
        set(item) == set(StatusItem.__annotations__) for item in region["open_items"]
    )
