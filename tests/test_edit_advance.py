"""`kngg advance`: completes the current step in region.yaml, changing only the lines it must."""

from __future__ import annotations

from pathlib import Path

import pytest

from edit_helpers import TODAY, changes, kngg, snapshot, write
from gate_fixtures import complete_region, edit
from helpers import MINIMAL_REGION, write_region

REGION = """\
# Regio Test — bijgehouden door de regionale coördinator
kngg: 1
kind: Region
id: testregio
name: "Regio Test"            # naam zoals in documenten

gemeenten:
  - {code: GM0034, name: Almere}     # flow-stijl
progress:
  phase: 1        # fase van het stappenplan
  step: 2         # huidige stap

  # opmerking onder de voortgang
vision: >
  Samen gezond opgroeien.
"""

ORGANISATIONS = MINIMAL_REGION["organisations.yaml"]


def region_with(tmp_path: Path, text: str, **options: bool) -> Path:
    root = write_region(tmp_path / "regio", {"region.yaml": None})
    write(root / "region.yaml", text, **options)
    return root


def test_completed_absent_is_created_in_the_files_style(tmp_path: Path) -> None:
    root = region_with(tmp_path, REGION)
    before = (root / "region.yaml").read_bytes()
    code, out, err = kngg("advance", str(root))
    assert code == 0, out + err
    after = (root / "region.yaml").read_bytes()
    assert after.decode() == REGION.replace(
        "  step: 2         # huidige stap\n",
        "  step: 3         # huidige stap\n  completed:\n    - step: 2\n      date: 2026-11-23\n",
    )
    assert changes(before, after)[0] == ["  step: 2         # huidige stap\n"]
    assert "Stap 2 afgerond op 2026-11-23" in out
    assert out.splitlines()[-1].startswith("testregio (stap 3): 0 fouten")


def test_completed_present_gets_one_entry_appended(tmp_path: Path) -> None:
    text = REGION.replace(
        "  step: 2         # huidige stap\n",
        "  step: 2         # huidige stap\n"
        "  completed:     # afgeronde stappen\n"
        "    - step: 1\n"
        "      date: 2026-01-10   # kerngroep\n",
    )
    (tmp_path / "regio" / "documents").mkdir(parents=True)
    (tmp_path / "regio" / "documents" / "verslag.pdf").write_bytes(b"%PDF")
    root = region_with(tmp_path, text)
    before = (root / "region.yaml").read_bytes()
    code, out, err = kngg("advance", str(root), "--date", "2026-11-01", "--evidence", "documents/verslag.pdf")
    assert code == 0, out + err
    assert changes(before, (root / "region.yaml").read_bytes()) == (
        ["  step: 2         # huidige stap\n"],
        [
            "  step: 3         # huidige stap\n",
            "    - step: 2\n",
            "      date: 2026-11-01\n",
            "      evidence: documents/verslag.pdf\n",
        ],
    )


def test_unindented_sequences_and_flow_items_are_followed(tmp_path: Path) -> None:
    text = (
        "kngg: 1\nkind: Region\nid: testregio\nname: Regio Test\n"
        "gemeenten:\n- code: GM0034\n  name: Almere\n"
        "progress:\n    phase: 1\n    step: 3\n    completed:\n    - {step: 1, date: 2026-01-01}\n"
    )
    root = region_with(tmp_path, text)
    code, out, err = kngg("advance", str(root))
    assert code == 0, out + err
    assert (root / "region.yaml").read_text() == text.replace("step: 3\n", "step: 4\n").replace(
        "    - {step: 1, date: 2026-01-01}\n",
        "    - {step: 1, date: 2026-01-01}\n    - {step: 3, date: 2026-11-23}\n",
    )


def test_unindented_sequence_style_for_a_new_completed_key(tmp_path: Path) -> None:
    text = (
        "kngg: 1\nkind: Region\nid: testregio\nname: Regio Test\n"
        "gemeenten:\n- code: GM0034\n  name: Almere\n"
        "progress:\n  phase: 1\n  step: 1\n"
    )
    root = region_with(tmp_path, text)
    assert kngg("advance", str(root))[0] == 0
    assert (
        (root / "region.yaml")
        .read_text()
        .endswith("progress:\n  phase: 1\n  step: 2\n  completed:\n  - step: 1\n    date: 2026-11-23\n")
    )


def test_flow_style_progress_stays_flow(tmp_path: Path) -> None:
    text = REGION.replace(
        "progress:\n  phase: 1        # fase van het stappenplan\n  step: 2         # huidige stap\n",
        "progress: {phase: 1, step: 2}   # voortgang\n",
    )
    root = region_with(tmp_path, text)
    before = (root / "region.yaml").read_bytes()
    assert kngg("advance", str(root))[0] == 0
    assert changes(before, (root / "region.yaml").read_bytes()) == (
        ["progress: {phase: 1, step: 2}   # voortgang\n"],
        ["progress: {phase: 1, step: 3, completed: [{step: 2, date: 2026-11-23}]}   # voortgang\n"],
    )


def test_an_empty_completed_key_is_an_error_and_refused(tmp_path: Path) -> None:
    text = REGION.replace("  step: 2         # huidige stap\n", "  step: 2\n  completed:   # nog niets\n")
    root = region_with(tmp_path, text)
    before = snapshot(root)
    code, out, err = kngg("advance", str(root))
    assert code == 1 and "S004" in out and "stap 2 kan nog niet worden afgerond" in err
    assert snapshot(root) == before


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    root = region_with(tmp_path, REGION, crlf=True, bom=True)
    before = (root / "region.yaml").read_bytes()
    assert kngg("advance", str(root))[0] == 0
    after = (root / "region.yaml").read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and not after.startswith(b"\xef\xbb\xbf" * 2)
    assert after.count(b"\n") == after.count(b"\r\n")
    assert changes(before[3:], after[3:]) == (
        ["  step: 2         # huidige stap\r\n"],
        [
            "  step: 3         # huidige stap\r\n",
            "  completed:\r\n",
            "    - step: 2\r\n",
            "      date: 2026-11-23\r\n",
        ],
    )


# -- the gates ---------------------------------------------------------------------------------


def test_step_5_to_6_when_the_gate_is_met(tmp_path: Path) -> None:
    root = write_region(tmp_path / "regio", complete_region(step=5), base={})
    before = (root / "region.yaml").read_bytes()
    code, out, err = kngg("advance", str(root), "--evidence", "https://example.org/besluiten.pdf")
    assert code == 0, out + err
    assert changes(before, (root / "region.yaml").read_bytes()) == (
        ["  step: 5\n"],
        [
            "  step: 6\n",
            "  completed:\n",
            "    - step: 5\n",
            "      date: 2026-11-23\n",
            "      evidence: https://example.org/besluiten.pdf\n",
        ],
    )


def test_step_5_refused_with_the_open_gate_items(tmp_path: Path) -> None:
    files = edit(
        complete_region(step=5),
        "region.yaml",
        "    outcome: positief\n    by: raad",
        "    outcome: aangehouden\n    by: raad",
    )
    files = edit(
        files,
        "region.yaml",
        "vision: |\n  Samen zorgen we dat ieder kind in de regio gezond kan opgroeien.\n",
        "",
    )
    root = write_region(tmp_path / "regio", files, base={})
    before = snapshot(root)
    code, out, err = kngg("advance", str(root))
    assert code == 1
    assert "G501" in out and "fout G501" in out
    assert "G504" not in out  # a warning does not block, and only errors are listed
    assert "stap 5 kan nog niet worden afgerond: 1 fout" in err
    assert "Traceback" not in out + err
    assert snapshot(root) == before


def test_step_8_moves_to_phase_2_and_removes_the_step_line(tmp_path: Path) -> None:
    files = edit(complete_region(step=8), "region.yaml", "  step: 8\n", "  step: 8   # laatste stap\n")
    root = write_region(tmp_path / "regio", files, base={})
    before = (root / "region.yaml").read_bytes()
    code, out, err = kngg("advance", str(root))
    assert code == 0, out + err
    assert changes(before, (root / "region.yaml").read_bytes()) == (
        ["  phase: 1\n", "  step: 8   # laatste stap\n"],
        ["  phase: 2\n", "  completed:\n", "    - step: 8\n", "      date: 2026-11-23\n"],
    )
    assert "fase 2" in out


def test_phase_2_is_refused(tmp_path: Path) -> None:
    root = write_region(tmp_path / "regio", complete_region(step=None, phase=2), base={})
    before = snapshot(root)
    code, _out, err = kngg("advance", str(root))
    assert code == 1
    assert "al in fase 2" in err
    assert snapshot(root) == before


def test_an_r_error_is_refused_and_printed(tmp_path: Path) -> None:
    root = region_with(tmp_path, REGION)
    write(root / "people.yaml", "kind: Person\nid: sanne\nname: Sanne\norganisation: gemeente-almer\n")
    before = snapshot(root)
    code, out, err = kngg("advance", str(root))
    assert code == 1
    assert "R001" in out and "people.yaml:4:15" in out
    assert err.count("\n") == 1 and err.startswith("kngg: stap 2 kan nog niet worden afgerond")
    assert snapshot(root) == before


def test_a_syntax_error_in_region_yaml_is_refused_with_s001(tmp_path: Path) -> None:
    root = region_with(tmp_path, REGION.replace("  step: 2 ", "  step: [2 "))
    before = snapshot(root)
    code, _out, err = kngg("advance", str(root))
    assert code == 1
    assert "S001" in err and "region.yaml:" in err
    assert snapshot(root) == before


# -- options -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "exit_code", "message"),
    [("2026-11-24", 1, "ligt na vandaag"), ("24-11-2026", 2, "ongeldige datum voor --date")],
)
def test_bad_dates_write_nothing(tmp_path: Path, date: str, exit_code: int, message: str) -> None:
    root = region_with(tmp_path, REGION)
    before = snapshot(root)
    code, _out, err = kngg("advance", str(root), "--date", date)
    assert code == exit_code and message in err
    assert snapshot(root) == before


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    root = region_with(tmp_path, REGION)
    before = snapshot(root)
    code, out, _err = kngg("advance", str(root), "--dry-run")
    assert code == 0
    assert "-  step: 2         # huidige stap\n+  step: 3         # huidige stap\n" in out
    assert "+  completed:\n" in out and "--dry-run" in out
    assert snapshot(root) == before


def test_a_folder_of_several_regions_is_a_usage_error(tmp_path: Path) -> None:
    write_region(tmp_path / "all" / "a", {})
    write_region(tmp_path / "all" / "b", {})
    code, _out, err = kngg("advance", str(tmp_path / "all"))
    assert code == 2 and "2 regio's" in err


def test_today_is_the_default_date(tmp_path: Path) -> None:
    root = region_with(tmp_path, REGION)
    kngg("advance", str(root))
    assert f"date: {TODAY}" in (root / "region.yaml").read_text()


def test_english_messages(tmp_path: Path) -> None:
    root = region_with(tmp_path, REGION)
    code, out, _err = kngg("advance", str(root), "--lang", "en")
    assert code == 0 and "Step 2 completed on 2026-11-23; testregio is now at step 3." in out


def test_an_interrupted_write_leaves_region_yaml_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    root = region_with(tmp_path, REGION)
    before = snapshot(root)

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    code, _out, err = kngg("advance", str(root))
    assert code == 2 and "niet schrijven" in err and "ongewijzigd" in err
    assert snapshot(root) == before


def test_quiet_shows_the_change_and_the_summary_only(tmp_path: Path) -> None:
    root = region_with(tmp_path, REGION)
    code, out, err = kngg("advance", str(root), "--quiet")
    assert code == 0, out + err
    assert out.splitlines()[1:] == ["testregio (stap 3): 0 fouten, 0 waarschuwingen, 2 info"]


def test_an_expired_agreement_stops_advance_at_a_later_step(tmp_path: Path) -> None:
    """1.1, G609: the gate of step 6 is enforced at step 8; an agreement that expired yesterday stops
    `advance` (one that expires today still holds)."""
    files = edit(
        complete_region(step=8),
        "agreements/sok-2025.yaml",
        "valid_until: 2027-12-31",
        "valid_until: 2026-11-22",
    )
    root = write_region(tmp_path / "regio", files, base={})
    before = snapshot(root)
    code, out, _err = kngg("advance", str(root))
    assert code == 1 and "G609" in out
    assert snapshot(root) == before
    files = edit(files, "agreements/sok-2025.yaml", "valid_until: 2026-11-22", "valid_until: 2026-11-23")
    root = write_region(tmp_path / "vandaag", files, base={})
    code, out, err = kngg("advance", str(root))
    assert code == 0, out + err


# -- what mutation testing found unpinned ---------------------------------------------------------

ADVANCED = REGION.replace(
    "  step: 2         # huidige stap\n",
    "  step: 3         # huidige stap\n  completed:\n    - step: 2\n      date: 2026-11-23\n",
)


@pytest.mark.parametrize(
    "before",
    [
        "---\n---\n",  # an empty document first
        "kind: Organisation\nid: ggd-test\nname: GGD Test\ntype: ggd\n---\n",  # another kind first
    ],
)
def test_the_region_document_is_edited_wherever_it_stands_in_region_yaml(tmp_path: Path, before: str) -> None:
    root = region_with(tmp_path, before + REGION)
    code, out, err = kngg("advance", str(root))
    assert code == 0, out + err
    assert (root / "region.yaml").read_text() == before + ADVANCED


def test_evidence_naming_the_region_folder_itself_is_written_as_dot(tmp_path: Path) -> None:
    root = region_with(tmp_path, REGION)
    code, out, err = kngg("advance", str(root), "--evidence", f"{root}/")
    assert code == 0, out + err
    assert (root / "region.yaml").read_text() == ADVANCED.replace(
        "      date: 2026-11-23\n", "      date: 2026-11-23\n      evidence: .\n"
    )


def test_evidence_naming_a_folder_keeps_its_slash(tmp_path: Path) -> None:
    root = region_with(tmp_path, REGION)
    (root / "documents").mkdir(exist_ok=True)
    code, out, err = kngg("advance", str(root), "--evidence", f"{root}/documents/")
    assert code == 0, out + err
    assert (root / "region.yaml").read_text() == ADVANCED.replace(
        "      date: 2026-11-23\n", "      date: 2026-11-23\n      evidence: documents/\n"
    )


def test_the_regions_language_is_used_without_lang(tmp_path: Path) -> None:
    root = region_with(tmp_path, REGION.replace("kind: Region\n", "kind: Region\nlanguage: en\n"))
    code, out, err = kngg("advance", str(root))
    assert code == 0, out + err
    assert "Step 2 completed on 2026-11-23; testregio is now at step 3." in out
    code, out, err = kngg("advance", str(root), "--lang", "nl")
    assert code == 0, out + err
    assert "Stap 3 afgerond op 2026-11-23; testregio staat nu op stap 4." in out
