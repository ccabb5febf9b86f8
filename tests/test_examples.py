"""The three example regions: each passes `kngg check` with no error, at its stated place in the plan."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from helpers import codes
from kngg_cli.catalog.reference import gemeenten
from kngg_cli.engine import CheckOptions, check_path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TODAY = date(2026, 11, 23)
NAMES = ["regio-drenthe", "regio-flevoland", "regio-zeeland"]


def _check(name: str, **options: object):  # type: ignore[no-untyped-def]
    return check_path(EXAMPLES / name, CheckOptions(today=TODAY, **options))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", NAMES)
def test_example_has_no_error_or_warning(name: str) -> None:
    result = _check(name)
    bad = [
        f"{f.location.path.name}:{f.location.span.line} {f.code} {f.message}"
        for f in result.findings
        if f.severity.value != "info"
    ]
    assert bad == []
    assert result.exit_code(strict=True) == 0


@pytest.mark.parametrize(
    ("name", "phase", "step"),
    [("regio-drenthe", 1, 4), ("regio-flevoland", 1, 7), ("regio-zeeland", 2, None)],
)
def test_example_stands_where_it_says(name: str, phase: int, step: int | None) -> None:
    [region] = _check(name).regions
    assert (region.phase, region.step) == (phase, step)


def test_flevoland_meets_the_gates_of_steps_5_and_6_entirely() -> None:
    result = _check("regio-flevoland", target="6")
    assert [c for c in codes(result) if c[:2] in ("G5", "G6")] == []
    # its step-7 items are open, and only shown as info
    open_items = result.regions[0].open_items
    assert open_items and all(f.code.startswith("G7") for f in open_items)
    assert all(f.severity.value == "info" for f in open_items)


def test_zeeland_meets_every_gate() -> None:
    result = _check("regio-zeeland")
    assert [c for c in codes(result) if c.startswith("G")] == []


def test_drenthe_is_not_yet_ready_for_step_5() -> None:
    result = _check("regio-drenthe", target="5")
    assert {f.code for f in result.findings if f.severity.value == "error"} == {"G501"}


def test_examples_folder_checks_three_regions() -> None:
    result = check_path(EXAMPLES, CheckOptions(today=TODAY))
    assert [r.id for r in result.regions] == ["drenthe", "flevoland", "zeeland"]
    assert result.exit_code() == 0


@pytest.mark.parametrize("name", NAMES)
def test_example_gemeenten_are_real_cbs_gemeenten(name: str) -> None:
    [region] = _check(name).regions
    catalogue = gemeenten()
    assert region.view.region is not None
    for entry in region.view.region.gemeenten:
        assert catalogue[entry.code].name == entry.name


@pytest.mark.parametrize("name", NAMES)
def test_example_has_only_fictional_addresses(name: str) -> None:
    for path in (EXAMPLES / name).rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            for address in re.findall(r"[\w.+-]+@([\w.-]+)", text):
                assert address.endswith(".example"), (path, address)
            for url in re.findall(r"https?://([\w.-]+)", text):
                assert url.endswith(".example"), (path, url)


@pytest.mark.parametrize("name", NAMES)
def test_example_has_the_documented_layout(name: str) -> None:
    root = EXAMPLES / name
    for relative in (
        "region.yaml",
        "organisations.yaml",
        "people.yaml",
        "governance.yaml",
        "monitoring.yaml",
        "communication.yaml",
    ):
        assert (root / relative).is_file(), relative
    assert list((root / "agreements").glob("*.yaml"))
    assert list((root / "documents").iterdir())
