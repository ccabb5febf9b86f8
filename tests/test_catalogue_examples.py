"""Catalogue contract: every rule's example is a runnable bad/good pair (the ruff/yamllint manner).

Each rule entry in catalog/rules/*.yaml carries `contract: {file, bad, good}` (optional `replace`,
`step`, `phase`). The fragment is applied to a complete, quiet region (tests/gate_fixtures.complete_region):
with `replace` it stands in for that text of `file`; without, it is appended to `file` as one more
YAML document (or becomes `file` when the region has none). The rule must fire on `bad` and be quiet
on `good`. A rule without a pair yet is listed in PENDING with its reason, so the gap stays visible.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gate_fixtures import complete_region
from helpers import check, codes, write_region
from kngg_cli.catalog import catalogue
from kngg_cli.explain import explain_text

# Rules whose example has no runnable pair yet, with the reason.
PENDING: dict[str, str] = {
    "R012": "needs two regions in one workspace; the pair runs on a single region",
    "S009": "needs bytes that are not UTF-8 or a file over 5 MB; a text fragment cannot carry them",
}


def _apply(contract: dict[str, Any], fragment: str) -> dict[str, str]:
    phase = contract.get("phase", 1)
    region = complete_region(step=None if phase == 2 else contract.get("step", 8), phase=phase)
    name = contract["file"]
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
    assert contract is not None
    root = write_region(tmp_path / form, _apply(contract, contract[form]), base={})
    return codes(check(root))


CODES = sorted(catalogue())


@pytest.mark.parametrize("phase", [1, 2])
def test_base_region_is_quiet(tmp_path: Path, phase: int) -> None:
    region = complete_region(step=8 if phase == 1 else None, phase=phase)
    assert codes(check(write_region(tmp_path, region, base={}))) == []


def test_every_rule_has_a_pair_or_is_pending() -> None:
    for code in CODES:
        has_pair = catalogue()[code].contract is not None
        assert has_pair != (code in PENDING), f"{code}: give it a contract or list it as pending, not both"


@pytest.mark.parametrize("code", [c for c in CODES if c not in PENDING])
def test_rule_fires_on_bad(tmp_path: Path, code: str) -> None:
    assert code in _codes(tmp_path, code, "bad")


@pytest.mark.parametrize("code", [c for c in CODES if c not in PENDING])
def test_rule_is_quiet_on_good(tmp_path: Path, code: str) -> None:
    assert code not in _codes(tmp_path, code, "good")


def test_explain_shows_the_pair_as_fout_and_goed() -> None:
    page = explain_text("G602", "nl")
    assert "Fout, in agreements/sok-2025.yaml (kngg meldt dan G602):\n    signed: null\nGoed:\n" in page
    removal = explain_text("A001", "en")
    assert "(the lines under Right are missing)\nRight:\n    hours_per_week: 24" in removal
