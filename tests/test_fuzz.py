"""The command-line fuzzer, a small derandomised sample (seconds): whatever is done to the example
regions, every command answers with exit 0, 1 or 2, no traceback and no internal error, and a
refusal leaves every file as it was. `scripts/fuzz.py` runs the same cases long."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings

import fuzzkit


@settings(
    max_examples=30,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(fuzzkit.cases)
def test_no_crash_and_no_change_after_a_refusal(case: dict[str, Any]) -> None:
    fuzzkit.run_case(case)


def test_the_harness_mutates_what_it_says() -> None:
    text = "kind: Organisation\nid: a\nname: A\n"
    assert fuzzkit.mutate_text(text, ("duplicate_line", 1)).count("id: a") == 2
    assert "id: a" not in fuzzkit.mutate_text(text, ("delete_line", 1))
    assert fuzzkit.mutate_text(text, ("encode", "utf-16")) == text.encode("utf-16")
    assert "name: 5" in str(fuzzkit.mutate_text(text, ("set", [0, 2], 5)))
    assert "onbekend: x" in str(fuzzkit.mutate_text(text, ("add_key", [0], "onbekend", "x")))
