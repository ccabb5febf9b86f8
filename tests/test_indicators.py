"""`kngg indicators [--level A-E] [--format text|json]`: the M&E matrix that `ref:` can name."""

from __future__ import annotations

import json


def test_every_indicator_grouped_by_level(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("indicators")
    assert result.exit_code == 0
    out = result.stdout
    assert "Niveau A: Netwerkontwikkeling" in out and "Niveau E: Kind en gezin" in out
    assert "A.1   proces     Continuïteit financiering" in out
    assert out.rstrip().endswith("bijvoorbeeld `- ref: A.1`.")


def test_one_level_in_json(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("indicators", "--level", "b", "--format", "json")
    data = json.loads(result.stdout)
    assert {entry["level"] for entry in data} == {"B"} and len(data) == 5
    assert set(data[0]) == {"code", "name", "level", "level_name", "type"}
    assert data[0]["level_name"] == "Professionele samenwerking"


def test_english_headings(invoke) -> None:  # type: ignore[no-untyped-def]
    assert "Level D: Casusregie en logistiek" in invoke("indicators", "--level", "D", "--lang", "en").stdout


def test_an_unknown_level_is_one_line_and_exit_2(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("indicators", "--level", "F")
    assert result.exit_code == 2
    assert result.stderr == "kngg: onbekend niveau 'F' voor --level: kies uit A, B, C, D, E\n"
