"""One duration grammar (durations.py) and one date reader (dates.py): every reader agrees."""

from __future__ import annotations

from datetime import date

import pytest

from kngg_cli.agenda import Recurrence, recurrence
from kngg_cli.dates import date_from_text
from kngg_cli.durations import CalendarParts, calendar_parts, duration_days, duration_parts, single_unit
from kngg_cli.render.formatting import duration_words
from kngg_cli.render.status_report import after


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("P1Y2M", CalendarParts(1, 2, 0, 0)),
        ("P1M2W3D", CalendarParts(0, 1, 2, 3)),
        ("P0D", CalendarParts(0, 0, 0, 0)),
        (" p6w ", None),  # the format's grammar only: the model refused it, no reader reads it
        ("P", None),
        ("PT36H", None),
        ("P1DT1H", None),
        ("P1.5M", None),
        ("P2W1M", None),
    ],
)
def test_calendar_parts(text: str, parts: CalendarParts | None) -> None:
    assert calendar_parts(text) == parts


# The boundary of the one grammar: what the model accepts is exactly what the readers read.
ACCEPTED = [
    "P6W",
    "P1Y",
    "P1Y2M",
    "P1M2W3D",
    "P1Y2M3W4D",
    "P0D",
    "PT36H",
    "PT1H30M",
    "PT1S",
    "P1DT1H",
    "P12M",
]
REFUSED = [
    "P",
    "PT",
    "P1DT",
    "T1H",
    "6W",
    "p6w",
    "P6w",
    " P6W",
    "P6W ",
    "P6W\n",
    "P1.5M",
    "P1,5M",
    "P-1D",
    "P2W1M",
    "P1M1M",
    "P1D1Y",
    "PT30M1H",
    "PT1H1H",
    "P1H",
    "PT1D",
    "P1MT",
    "",
    "P6W6",
]


@pytest.mark.parametrize("text", ACCEPTED + REFUSED)
def test_the_model_and_every_reader_share_one_grammar(text: str) -> None:
    from pydantic import TypeAdapter, ValidationError

    from kngg_cli.model.common import Duration

    try:
        TypeAdapter(Duration).validate_python(text)
        accepted = True
    except ValidationError:
        accepted = False
    assert accepted == (text in ACCEPTED)
    assert (duration_parts(text) is not None) == accepted
    assert (duration_days(text) is not None) == accepted


def test_duration_parts_and_days() -> None:
    assert duration_parts("P1Y2MT3H") == ({"Y": 1, "M": 2}, {"H": 3})
    assert duration_days("P26W") == 182  # within six months: 182.64 days (rules.md)
    assert duration_days("P6M") == pytest.approx(182.64)
    assert duration_days("P1Y") == 365.25
    assert duration_days("PT36H") == 1.5
    assert duration_days("P1DT12H30M") == pytest.approx(1.5 + 30 / 1440)


def test_single_unit_is_one_unit_as_written() -> None:
    assert single_unit("P6W") == (6, "W")
    assert single_unit("P1Y2M") is None
    assert single_unit("p6w") is None  # shown as written, not read
    assert duration_words("P1Y2M", "nl") == "P1Y2M"
    assert duration_words("P6W", "nl") != "P6W"


def test_calendar_and_documents_step_by_the_same_parts() -> None:
    assert recurrence("P3M") == Recurrence("MONTHLY", 3)
    assert recurrence("P14D") == Recurrence("WEEKLY", 2)
    assert after(date(2025, 1, 31), "P1M") == date(2025, 2, 28)
    assert after(date(2025, 1, 1), "PT48H") == date(2025, 1, 3)


def test_date_from_text() -> None:
    assert date_from_text("2025-03-14") == date(2025, 3, 14)
    assert date_from_text("2025-02-30") is None
    assert date_from_text("morgen") is None
    assert date_from_text(20250314) is None


def test_every_date_option_names_itself_in_its_error(invoke) -> None:  # type: ignore[no-untyped-def]
    refused = invoke("render", "status", "--since", "gisteren")
    assert refused.exit_code == 2
    assert "--since" in refused.stderr
