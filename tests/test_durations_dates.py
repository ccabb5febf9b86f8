"""One duration grammar (durations.py) and one date reader (dates.py): every reader agrees."""

from __future__ import annotations

from datetime import date

import pytest

from kngg_cli.agenda import Recurrence, recurrence
from kngg_cli.dates import date_from_text
from kngg_cli.durations import CalendarParts, calendar_parts, single_unit
from kngg_cli.render.formatting import duration_words
from kngg_cli.render.status_report import after


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("P1Y2M", CalendarParts(1, 2, 0, 0)),
        (" p6w ", CalendarParts(0, 0, 6, 0)),
        ("P1M2W3D", CalendarParts(0, 1, 2, 3)),
        ("P", None),
        ("PT36H", None),
        ("P1.5M", None),
        ("P2W1M", None),
    ],
)
def test_calendar_parts(text: str, parts: CalendarParts | None) -> None:
    assert calendar_parts(text) == parts


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
