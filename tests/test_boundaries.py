"""Boundary tests that pin behaviour a mutant of engine.py, rules/ or edit/ would change unseen
(scripts/mutate.py finds such mutants; each test here kills some). One behaviour per test."""

from __future__ import annotations

from pathlib import Path

from edit_helpers import kngg
from gate_fixtures import complete_region, edit, found, run
from helpers import MINIMAL_REGION, check, only, write_region
from kngg_cli.edit.textedit import EditableFile, TextEditor
from kngg_cli.findings import Severity

UNKNOWN_FIELD = MINIMAL_REGION["organisations.yaml"].rstrip(" ") + "        kleur: blauw\n"  # S005

# R007's messages, by what they say (nl)
R007 = {
    "order": "staat na stap",
    "date_order": "voor de vorige stap",
    "beyond": "maar de regio staat pas bij stap",
    "undated": "heeft geen datum",
}


def _r007(result) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    """(message kind, line) of each R007 finding."""
    kinds = []
    for finding in only(result, "R007"):
        [kind] = [k for k, words in R007.items() if words in finding.message]
        kinds.append((kind, finding.location.span.line))
    return sorted(kinds)


def _region_yaml(progress: str, extra: str = "") -> str:
    return (
        "kngg: 1\nkind: Region\nid: testregio\nname: Regio Test\n"
        "gemeenten:\n  - code: GM0034\n    name: Almere\n" + progress + extra
    )


# -- engine: severity and the order of the families -------------------------------------------------


def test_checks_severity_cannot_soften_an_s_finding(tmp_path: Path) -> None:
    """rules.md: S rules cannot be softened. The S004 says so, and the S005 itself stays an error."""
    region = (
        MINIMAL_REGION["region.yaml"].rstrip(" ") + "        checks:\n          severity: {S005: warning}\n"
    )
    result = check(write_region(tmp_path, {"organisations.yaml": UNKNOWN_FIELD, "region.yaml": region}))
    assert [f.severity for f in only(result, "S005")] == [Severity.ERROR]
    assert ["S-regels kunnen niet" in f.message for f in only(result, "S004")] == [True]
    assert result.exit_code() == 1


def test_a_rules_are_held_back_by_s_errors(tmp_path: Path) -> None:
    files = edit(complete_region(step=3), "people.yaml", "    hours_per_week: 24\n", "")  # A001
    assert found(run(tmp_path / "a", files), "A001")
    broken = edit(files, "organisations.yaml", "kind: Organisation\n", "kind: Organisation\nkleur: blauw\n")
    result = run(tmp_path / "b", broken)
    assert found(result, "S005")
    assert found(result, "A001") == []
    assert result.regions[0].gates_evaluated is False


def test_a_configuration_s004_does_not_hold_the_a_rules_back(tmp_path: Path) -> None:
    files = edit(complete_region(step=3), "people.yaml", "    hours_per_week: 24\n", "")
    files["region.yaml"] += "checks:\n  ignore: [S002]\n"
    result = run(tmp_path, files)
    assert found(result, "S004") and found(result, "A001")
    assert result.regions[0].gates_evaluated is True


# -- rules/references.py ------------------------------------------------------------------------------


def test_r005_compares_gemeente_names_regardless_of_case(tmp_path: Path) -> None:
    lower = MINIMAL_REGION["region.yaml"].replace("name: Almere", "name: almere")
    assert only(check(write_region(tmp_path / "a", {"region.yaml": lower})), "R005") == []
    other = MINIMAL_REGION["region.yaml"].replace("name: Almere", "name: Lelystad")
    [finding] = only(check(write_region(tmp_path / "b", {"region.yaml": other})), "R005")
    assert "Almere" in finding.message and finding.severity is Severity.WARNING


def test_r006_valid_until_equal_to_valid_from_is_a_finding(tmp_path: Path) -> None:
    same = edit(
        complete_region(step=3),
        "agreements/sok-2025.yaml",
        "valid_until: 2027-12-31",
        "valid_until: 2025-04-01",
    )
    assert [f.location.span.line for f in found(run(tmp_path / "a", same), "R006")] == [6]
    day_after = edit(same, "agreements/sok-2025.yaml", "valid_until: 2025-04-01", "valid_until: 2025-04-02")
    assert found(run(tmp_path / "b", day_after), "R006") == []


def test_r007_a_step_completed_twice_is_out_of_order(tmp_path: Path) -> None:
    progress = (
        "progress:\n  phase: 1\n  step: 4\n  completed:\n"
        "    - step: 2\n      date: 2025-01-10\n    - step: 2\n      date: 2025-02-10\n"
    )
    result = check(write_region(tmp_path, {"region.yaml": _region_yaml(progress)}))
    assert _r007(result) == [("order", 14)]


def test_r007_an_undated_completed_step(tmp_path: Path) -> None:
    progress = (
        "progress:\n  phase: 1\n  step: 4\n  completed:\n"
        "    - step: 2\n    - step: 3\n      date: 2025-02-10\n"
    )
    result = check(write_region(tmp_path, {"region.yaml": _region_yaml(progress)}))
    assert _r007(result) == [("undated", 12)]


def test_r007_dates_must_not_go_back(tmp_path: Path) -> None:
    progress = (
        "progress:\n  phase: 1\n  step: 4\n  completed:\n"
        "    - step: 2\n      date: 2025-02-10\n    - step: 3\n      date: 2025-01-10\n"
    )
    result = check(write_region(tmp_path, {"region.yaml": _region_yaml(progress)}))
    assert _r007(result) == [("date_order", 15)]
    same_day = progress.replace("2025-01-10", "2025-02-10")
    assert only(check(write_region(tmp_path / "b", {"region.yaml": _region_yaml(same_day)})), "R007") == []


def test_r007_an_undated_step_does_not_reset_the_date_order(tmp_path: Path) -> None:
    progress = (
        "progress:\n  phase: 1\n  step: 5\n  completed:\n"
        "    - step: 2\n      date: 2025-03-10\n    - step: 3\n    - step: 4\n      date: 2025-01-10\n"
    )
    result = check(write_region(tmp_path, {"region.yaml": _region_yaml(progress)}))
    assert [kind for kind, _line in _r007(result)] == ["date_order", "undated"]


def test_r008_mailto_and_urls_are_not_files(tmp_path: Path) -> None:
    progress = (
        "progress:\n  phase: 1\n  step: 4\n  completed:\n"
        "    - step: 2\n      date: 2025-01-10\n      evidence: mailto:secretariaat@example.org\n"
        "    - step: 3\n      date: 2025-02-10\n      evidence: https://example.org/besluit.pdf\n"
    )
    result = check(write_region(tmp_path, {"region.yaml": _region_yaml(progress)}))
    assert only(result, "R008") == []
    missing = progress.replace("mailto:secretariaat@example.org", "besluiten/besluit.pdf")
    assert only(check(write_region(tmp_path / "b", {"region.yaml": _region_yaml(missing)})), "R008")


# -- edit/ ----------------------------------------------------------------------------------------------


def test_advance_reads_a_quoted_step_as_its_number(tmp_path: Path) -> None:
    """YAML `step: "3"` is read as step 3 (the model coerces it); advance writes the number."""
    root = write_region(tmp_path, {"region.yaml": _region_yaml('progress:\n  phase: 1\n  step: "3"\n')})
    code, out, err = kngg("advance", str(root), "--date", "2026-11-20")
    assert code == 0, out + err
    text = (root / "region.yaml").read_text(encoding="utf-8")
    assert text.endswith("  step: 4\n  completed:\n    - step: 3\n      date: 2026-11-20\n")


def test_remove_key_from_a_flow_mapping(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text("a: {x: 1, y: 2, z: 3}   # flow\nb: 1\n", encoding="utf-8")
    middle = TextEditor(EditableFile.read(path))
    middle.remove_key(("a",), "y")
    assert middle.new_text() == "a: {x: 1, z: 3}   # flow\nb: 1\n"
    first = TextEditor(EditableFile.read(path))
    first.remove_key(("a",), "x")
    assert first.new_text() == "a: {y: 2, z: 3}   # flow\nb: 1\n"
    last = TextEditor(EditableFile.read(path))
    last.remove_key(("a",), "z")
    assert last.new_text() == "a: {x: 1, y: 2}   # flow\nb: 1\n"
    for editor in (middle, first, last):
        editor.verify(editor.new_text())


# -- engine: ready, has_errors, progress as written, the families' order ------------------------------

NO_CZV_LELYSTAD = ("gemeenten: [GM0034, GM0995]", "gemeenten: [GM0034]")  # G706, gate of step 8


def test_ready_at_each_boundary(tmp_path: Path) -> None:
    assert check(write_region(tmp_path / "clean", {})).regions[0].ready is True
    broken = check(write_region(tmp_path / "s", {"organisations.yaml": UNKNOWN_FIELD})).regions[0]
    assert (broken.ready, broken.gates_evaluated) == (False, False)
    open_item = run(tmp_path / "open", edit(complete_region(step=8), "people.yaml", *NO_CZV_LELYSTAD))
    [item] = found(open_item, "G706")
    assert item.severity is Severity.INFO and item.gate_severity is Severity.ERROR
    assert open_item.regions[0].ready is False
    assert run(tmp_path / "done", complete_region(step=8)).regions[0].ready is True
    assert run(tmp_path / "phase2", complete_region(phase=2)).regions[0].ready is None


def test_has_errors_by_family(tmp_path: Path) -> None:
    other = MINIMAL_REGION["region.yaml"].replace("name: Almere", "name: Lelystad")  # R005 warning
    warned = check(write_region(tmp_path / "w", {"region.yaml": other})).regions[0]
    assert not warned.has_errors()
    unknown = MINIMAL_REGION["region.yaml"].replace("code: GM0034", "code: GM9999")  # R005 error
    region = check(write_region(tmp_path / "e", {"region.yaml": unknown})).regions[0]
    assert region.has_errors() and region.has_errors("SRP") and region.has_errors("R")
    assert not region.has_errors("SP") and not region.has_errors("G")


def test_progress_as_written_when_region_yaml_is_invalid(tmp_path: Path) -> None:
    """An S error in region.yaml keeps the gates back, but reports still say where the region is."""
    extra = "language: en\nkleur: blauw\n"
    result = check(
        write_region(
            tmp_path / "a", {"region.yaml": _region_yaml("progress:\n  phase: 1\n  step: 3\n", extra)}
        )
    )
    region = result.regions[0]
    assert only(result, "S005") and (region.phase, region.step, region.lang) == (1, 3, "en")
    flag = _region_yaml("progress:\n  phase: 1\n  step: true\n", "kleur: blauw\n")
    region = check(write_region(tmp_path / "b", {"region.yaml": flag})).regions[0]
    assert (region.phase, region.step, region.lang) == (1, None, "nl")
    phase2 = _region_yaml("progress:\n  phase: 2\n  step: 3\n", "kleur: blauw\n")
    region = check(write_region(tmp_path / "c", {"region.yaml": phase2})).regions[0]
    assert (region.phase, region.step) == (2, None)
    unknown_phase = _region_yaml("progress:\n  phase: 3\n  step: 3\n", "kleur: blauw\n")
    region = check(write_region(tmp_path / "d", {"region.yaml": unknown_phase})).regions[0]
    assert (region.phase, region.step) == (None, None)


def test_r_and_p_rules_still_run_when_s_errors_hold_g_and_a_back(tmp_path: Path) -> None:
    unknown = MINIMAL_REGION["region.yaml"].replace("code: GM0034", "code: GM9999")
    result = check(write_region(tmp_path, {"region.yaml": unknown, "organisations.yaml": UNKNOWN_FIELD}))
    assert only(result, "S005") and only(result, "R005")


def test_a_gemeente_in_two_regions_names_the_other_one(tmp_path: Path) -> None:
    def region_named(identifier: str, code: str, name: str) -> str:
        text = MINIMAL_REGION["region.yaml"].replace("id: testregio", f"id: {identifier}")
        return text.replace("name: Regio Test", f"name: {name}").replace("code: GM0034", f"code: {code}")

    write_region(tmp_path / "a", {"region.yaml": region_named("a", "GM0034", "Regio Een")})
    write_region(tmp_path / "b", {"region.yaml": region_named("b", "GM0034", "Regio Twee")})
    lelystad = region_named("c", "GM0995", "Regio Drie").replace("name: Almere", "name: Lelystad")
    write_region(tmp_path / "c", {"region.yaml": lelystad})
    result = check(tmp_path)
    by_region = {
        r.view.region_id: [f.message for f in r.findings if f.code == "R012"] for r in result.regions
    }
    assert [("Regio Twee" in m) for m in by_region["a"]] == [True]
    assert [("Regio Een" in m) for m in by_region["b"]] == [True]
    assert by_region["c"] == []


# -- edit/textedit.py: scalars, diffs, syntax wording -----------------------------------------------


def test_render_scalar_quotes_exactly_what_would_not_read_back() -> None:
    from kngg_cli.edit.textedit import render_scalar

    plain = {"Almere": "Almere", "a, b": "a, b", "2026-11-23 x": "2026-11-23 x"}
    quoted = {
        "true": '"true"',
        "12": '"12"',
        " x": '" x"',
        "a: b": '"a: b"',
        "x #y": '"x #y"',
        "k:": '"k:"',
        "a\tb": '"a\\tb"',
        "": '""',
    }
    for value, text in {**plain, **quoted}.items():
        assert render_scalar(value) == text, value
    assert render_scalar("a, b", flow=True) == '"a, b"'
    assert render_scalar("it's", quote="'") == "'it''s'"
    assert render_scalar("a\x01b", quote="'") == '"a\\u0001b"'  # a control character needs double quotes


def test_diff_marks_a_missing_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text("a: 1\nb: 2", encoding="utf-8")
    editable = EditableFile.read(path)
    diff = editable.diff("a: 1\nb: 3")
    assert diff.count("\\ No newline at end of file") == 2
    assert "-b: 2\n" in diff and "+b: 3\n" in diff
    assert "No newline" not in editable.diff("a: 1\nb: 3\n").split("+b: 3")[1]


def test_a_syntax_refusal_words_libyaml_in_dutch(tmp_path: Path) -> None:
    from kngg_cli.edit.textedit import describe_issue
    from kngg_cli.loading.yamlnodes import parse_yaml

    [issue] = parse_yaml("a: 1\n\tb: 2\n").issues
    assert (
        describe_issue("x.yaml", issue) == "x.yaml:2:1: error S001 YAML-syntaxfout: een tab als inspringing"
    )
    assert "tab" in describe_issue("x.yaml", issue, "en")


# -- rules/references.py: dates against today, and the range of steps --------------------------------


def test_r006_today_is_not_in_the_future_tomorrow_is(tmp_path: Path) -> None:
    def region_on(day: str) -> str:
        decisions = (
            f"decisions:\n  - gemeente: GM0034\n    date: {day}\n    outcome: positief\n    by: college\n"
        )
        completed = f"progress:\n  phase: 1\n  step: 3\n  completed:\n    - step: 2\n      date: {day}\n"
        return _region_yaml(completed, decisions)

    today = check(write_region(tmp_path / "a", {"region.yaml": region_on("2026-11-23")}))
    assert only(today, "R006") == []
    tomorrow = check(write_region(tmp_path / "b", {"region.yaml": region_on("2026-11-24")}))
    assert sorted(f.location.span.line for f in only(tomorrow, "R006")) == [13, 16]


def test_r007_the_range_of_steps(tmp_path: Path) -> None:
    from kngg_cli.catalog import step_plan

    last = step_plan().last_step
    for step, findings in ((0, 1), (1, 0), (last, 0), (last + 1, 1)):
        progress = f"progress:\n  phase: 1\n  step: {step}\n"
        result = check(write_region(tmp_path / str(step), {"region.yaml": _region_yaml(progress)}))
        assert len(only(result, "R007")) == findings, step
    phase2 = check(
        write_region(tmp_path / "p2", {"region.yaml": _region_yaml("progress:\n  phase: 2\n  step: 3\n")})
    )
    assert len(only(phase2, "R007")) == 1


def test_r007_the_current_step_is_not_completed_yet(tmp_path: Path) -> None:
    def completed(step: int) -> str:
        return f"progress:\n  phase: 1\n  step: 4\n  completed:\n    - step: {step}\n      date: 2025-01-10\n"

    assert (
        only(check(write_region(tmp_path / "a", {"region.yaml": _region_yaml(completed(3))})), "R007") == []
    )
    [beyond] = only(check(write_region(tmp_path / "b", {"region.yaml": _region_yaml(completed(4))})), "R007")
    assert R007["beyond"] in beyond.message
    phase2 = "progress:\n  phase: 2\n  completed:\n    - step: 8\n      date: 2025-01-10\n"
    assert only(check(write_region(tmp_path / "c", {"region.yaml": _region_yaml(phase2)})), "R007") == []
