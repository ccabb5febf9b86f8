"""Catalogue contract: every rule's example is a runnable bad/good pair (the ruff/yamllint manner).

Each rule entry in catalog/rules/*.yaml carries `contract: {file, bad, good}` (optional `replace`,
`step`, `phase`, `region`, `bad_encoding`, `note`): the rule's one example, which `kngg explain`
prints. The fragment is applied to a complete, quiet region (tests/gate_fixtures.complete_region):
with `replace` it stands in for that text of `file`; without, it is appended to `file` as one more
YAML document (or becomes `file` when the region has none). With `region`, `file` belongs to a second
region in that folder beside the complete one, and the folder of both is checked (R012). With
`bad_encoding`, the bad form of the file is saved in that encoding instead of UTF-8 (S009). The rule
must fire on `bad` and be quiet on `good`; every rule has a pair.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gate_fixtures import complete_region
from helpers import check, codes, write_region
from kngg_cli.catalog import RULE_FILES, catalogue, parse_source
from kngg_cli.explain import example_of, explain_text


def _apply(contract: dict[str, Any], fragment: str) -> dict[str, str]:
    phase = contract.get("phase", 1)
    region = complete_region(step=None if phase == 2 else contract.get("step", 8), phase=phase)
    name = contract["file"]
    if "region" in contract:
        return {name: fragment}
    if "replace" in contract:
        assert contract["replace"] in region[name], f"{contract['replace']!r} is not in {name}"
        region[name] = region[name].replace(contract["replace"], fragment, 1)
    elif name in region:
        region[name] = region[name].rstrip("\n") + "\n---\n" + fragment
    else:
        region[name] = fragment
    return region


def _codes(tmp_path: Path, code: str, form: str) -> list[str]:
    contract = catalogue()[code].contract
    files: dict[str, str | bytes | None] = dict(_apply(contract, contract[form]))
    if form == "bad" and "bad_encoding" in contract:
        name = contract["file"]
        files[name] = str(files[name]).encode(contract["bad_encoding"])
    if "region" in contract:  # a second region beside the complete one; the folder of both is checked
        write_region(tmp_path / form / "regio", complete_region(step=8), base={})
        write_region(tmp_path / form / contract["region"], files, base={})
        return codes(check(tmp_path / form))
    return codes(check(write_region(tmp_path / form, files, base={})))


CODES = sorted(catalogue())


@pytest.mark.parametrize("phase", [1, 2])
def test_base_region_is_quiet(tmp_path: Path, phase: int) -> None:
    region = complete_region(step=8 if phase == 1 else None, phase=phase)
    assert codes(check(write_region(tmp_path, region, base={}))) == []


def test_every_rule_has_a_pair_and_no_second_example() -> None:
    """The contract is the example's one home: no rule keeps a free-text `example:` beside it."""
    for name in RULE_FILES:
        raw = (Path(__file__).parent.parent / "src/kngg_cli/catalog/rules" / name).read_bytes()
        for code, entry in parse_source(name, raw).items():
            assert "example" not in entry, f"{code}: the example is the contract; drop `example:`"
            contract = entry.get("contract") or {}
            assert {"file", "bad", "good"} <= set(contract), f"{code}: give it a contract (file, bad, good)"
            note = contract.get("note")
            assert note is None or (note.get("nl") and note.get("en")), f"{code}: a note in nl and en"


@pytest.mark.parametrize("code", CODES)
def test_rule_fires_on_bad(tmp_path: Path, code: str) -> None:
    assert code in _codes(tmp_path, code, "bad")


@pytest.mark.parametrize("code", CODES)
def test_rule_is_quiet_on_good(tmp_path: Path, code: str) -> None:
    assert code not in _codes(tmp_path, code, "good")


def test_explain_shows_the_pair_as_fout_and_goed() -> None:
    page = explain_text("G602", "nl")
    assert "Fout, in agreements/sok-2025.yaml (kngg meldt dan G602):\n    signed: null\nGoed:\n" in page
    removal = explain_text("A001", "en")
    assert "(the lines under Right are missing)\nRight:\n    hours_per_week: 24" in removal


def test_explain_shows_the_note_then_the_pair() -> None:
    page = explain_text("R012", "en")
    example = page.split("## Example\n", 1)[1]
    assert example.startswith("A second region in the same folder")
    assert "\n\nWrong, in buurregio/region.yaml (kngg then reports R012):\n    kngg: 1\n" in example
    encoded = explain_text("S009", "nl")
    assert "Fout, in governance.yaml, opgeslagen als Windows-1252 (kngg meldt dan S009):" in encoded
    assert "Goed, opgeslagen als UTF-8:\n    name: Kerngroep coördinatie KnGG\n" in encoded


def test_rules_json_example_is_the_contract_without_the_harness() -> None:
    assert example_of("G602") == {
        "file": "agreements/sok-2025.yaml",
        "bad": "    signed: null\n",
        "good": "    signed: 2025-03-12\n",
    }
    assert example_of("R012")["file"] == "buurregio/region.yaml"
    assert example_of("S009")["bad_encoding"] == "Windows-1252"
