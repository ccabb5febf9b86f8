"""The engine's own promises: where a region stands is known even when region.yaml has a mistake,
and a syntax error at the end of a file points at a line that exists."""

from __future__ import annotations

import gc
from pathlib import Path

from helpers import MINIMAL_REGION, TODAY, check, codes, only, where, write_region
from kngg_cli.engine import CheckOptions, check_loaded, check_roots
from kngg_cli.loading.region import load_region


def test_phase_and_step_come_from_the_text_when_region_yaml_is_invalid(region) -> None:  # type: ignore[no-untyped-def]
    broken = MINIMAL_REGION["region.yaml"].replace("step: 1", "step: 3\n          colour: blue")
    result = check(region({"region.yaml": broken}))
    assert only(result, "S005")
    assert (result.regions[0].phase, result.regions[0].step) == (1, 3)


def test_a_phase_written_as_true_is_no_phase(region) -> None:  # type: ignore[no-untyped-def]
    """As written in an invalid region.yaml, `true` (a boolean, which Python counts as 1) is no phase."""
    broken = MINIMAL_REGION["region.yaml"].replace("phase: 1", "phase: true\n          colour: blue")
    result = check(region({"region.yaml": broken}))
    assert only(result, "S005")
    assert (result.regions[0].phase, result.regions[0].step, result.regions[0].ready) == (None, None, None)


def test_unexpected_end_of_file_points_at_the_last_line(region) -> None:  # type: ignore[no-untyped-def]
    result = check(region({"people.yaml": "kind: Person\nid: [\n"}))
    [finding] = only(result, "S001")
    assert where(finding) == ("people.yaml", 2)
    assert finding.location.span.column == len("id: [") + 1


def test_ready_is_unknown_while_phase_1_has_no_step(region) -> None:  # type: ignore[no-untyped-def]
    """Phase 1 needs a step (S004 when it is left out): until it is there, `ready` cannot say."""
    text = MINIMAL_REGION["region.yaml"].replace("          step: 1\n", "")
    result = check(region({"region.yaml": text}))
    assert codes(result) == ["S004"]
    assert (result.regions[0].phase, result.regions[0].step, result.regions[0].ready) == (1, None, None)


def test_a_check_leaves_the_garbage_collector_as_it_found_it(region) -> None:  # type: ignore[no-untyped-def]
    """The engine pauses the cyclic collector while it loads; a caller that paused it itself (the
    command line does) finds it paused afterwards, and an enabled one enabled again."""
    root = region()
    gc.disable()
    try:
        check(root)
        assert not gc.isenabled()
    finally:
        gc.enable()
    check(root)
    assert gc.isenabled()


def test_a_slim_result_keeps_only_the_files_that_findings_point_into(region) -> None:  # type: ignore[no-untyped-def]
    unknown_field = MINIMAL_REGION["organisations.yaml"].rstrip(" ") + "        kleur: blauw\n"
    root = region({"organisations.yaml": unknown_field})
    result = check_roots([root], CheckOptions(today=TODAY), slim=True)
    assert only(result, "S005")
    lines = {source.relative: source.lines for source in result.regions[0].view.files}
    assert any("kleur" in line for line in lines["organisations.yaml"])  # for the reporters' excerpt
    assert "region.yaml" not in lines  # a file no finding points into is dropped
    assert "region.yaml" in result.regions[0].file_names  # but still named (junit lists every file)


def test_malformed_gemeenten_in_a_folder_of_regions_are_findings_not_a_crash(tmp_path: Path) -> None:
    """R012 reads every region's gemeenten as written, before validation: entries that are not a
    mapping, or whose code is not text, are left to S004."""
    for name, entries in (("a", "  - GM0034\n"), ("b", "  - code: [GM0034]\n    name: Almere\n")):
        text = f"kngg: 1\nkind: Region\nid: {name}\nname: Regio {name}\ngemeenten:\n{entries}"
        write_region(tmp_path / name, {"region.yaml": text + "progress:\n  phase: 1\n  step: 1\n"})
    result = check(tmp_path)
    assert len(result.regions) == 2
    assert all("S004" in [f.code for f in r.findings] for r in result.regions)
    assert "R012" not in codes(result)


def test_a_region_loaded_by_the_caller_is_checked_alike(region) -> None:  # type: ignore[no-untyped-def]
    """The language server checks a region it holds in memory, without other regions (no R012)."""
    root = region({"organisations.yaml": None})
    result = check_loaded(load_region(root, None), CheckOptions(today=TODAY))
    assert [(f.code, f.location.span.line) for f in result.findings] == [
        (f.code, f.location.span.line) for f in check(root).findings
    ]
    assert "R010" in [f.code for f in result.findings]


def test_a_gemeente_without_its_organisation_is_reported_when_every_file_reads(region) -> None:  # type: ignore[no-untyped-def]
    """R010 stays quiet only while some file cannot be read (it may hold the organisation)."""
    [finding] = only(check(region({"organisations.yaml": None})), "R010")
    assert where(finding) == ("region.yaml", 6)
    assert codes(check(region({"organisations.yaml": b"kind: Organisation\nname: Gemeente \xe9\n"}))) == [
        "S009"
    ]
