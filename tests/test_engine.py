"""The engine's own promises: where a region stands is known even when region.yaml has a mistake,
and a syntax error at the end of a file points at a line that exists."""

from __future__ import annotations

from helpers import MINIMAL_REGION, check, only, where


def test_phase_and_step_come_from_the_text_when_region_yaml_is_invalid(region) -> None:  # type: ignore[no-untyped-def]
    broken = MINIMAL_REGION["region.yaml"].replace("step: 1", "step: 3\n          colour: blue")
    result = check(region({"region.yaml": broken}))
    assert only(result, "S005")
    assert (result.regions[0].phase, result.regions[0].step) == (1, 3)


def test_unexpected_end_of_file_points_at_the_last_line(region) -> None:  # type: ignore[no-untyped-def]
    result = check(region({"people.yaml": "kind: Person\nid: [\n"}))
    [finding] = only(result, "S001")
    assert where(finding) == ("people.yaml", 2)
    assert finding.location.span.column == len("id: [") + 1
