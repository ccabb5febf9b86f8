"""Reference data shipped with kngg: the CBS list of gemeenten and the KnGG M&E matrix."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from functools import cache
from typing import Any

# CBS gemeentelijke indeling on 1 January 2025 (unchanged on 1 January 2026); CBS open data, CC BY 4.0.
GEMEENTE_LIST_YEAR = 2025
GEMEENTE_LIST_LABEL = "CBS-indeling 1 januari 2025"


@dataclass(frozen=True, slots=True)
class Gemeente:
    code: str
    name: str
    province: str


def _data_text(name: str) -> str:
    """A file of kngg_cli/data, by path (as the catalogue reads its files, see catalog/__init__.py)."""
    folder = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
    with open(os.path.join(folder, name), encoding="utf-8") as handle:
        return handle.read()


@cache
def gemeenten() -> dict[str, Gemeente]:
    text = _data_text("gemeenten-2025.csv")
    rows = csv.DictReader(text.splitlines())
    return {row["code"]: Gemeente(row["code"], row["name"], row["province"]) for row in rows}


@cache
def gemeente_codes_by_name() -> dict[str, str]:
    return {g.name.casefold(): g.code for g in gemeenten().values()}


def gemeente_suggestion(code: str, name: str | None = None) -> str | None:
    """The CBS code someone most likely meant: by the name written beside it (exact, then close),
    else by the code itself (did-you-mean on codes and names, R005)."""
    from kngg_cli.suggest import closest

    catalogue, by_name = gemeenten(), gemeente_codes_by_name()
    if name:
        if name.casefold() in by_name:
            return by_name[name.casefold()]
        close_name = closest(name.casefold(), by_name)
        if close_name is not None:
            return by_name[close_name]
    return closest(code, catalogue)


@dataclass(frozen=True, slots=True)
class MatrixIndicator:
    ref: str
    name: str
    level: str
    type: str


@dataclass(frozen=True, slots=True)
class MeMatrix:
    levels: dict[str, str]
    indicators: dict[str, MatrixIndicator]


@cache
def me_matrix() -> MeMatrix:
    from kngg_cli.loading.yamlnodes import parse_yaml

    text = _data_text("me-matrix.yaml")
    data: Any = parse_yaml(text).documents[0].data
    indicators = {
        ref: MatrixIndicator(ref, entry["name"], ref.split(".")[0], entry["type"])
        for ref, entry in data["indicators"].items()
    }
    return MeMatrix(levels=dict(data["levels"]), indicators=indicators)
