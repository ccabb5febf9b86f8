"""`kngg calendar`: the region's dates as RFC 5545, read back by two independent parsers."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from helpers import TODAY
from kngg_cli.agenda import Recurrence, recurrence

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def parse(data: bytes):  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    return Calendar.from_ical(data)


def events_by_uid(data: bytes) -> dict[str, object]:
    return {str(event["UID"]): event for event in parse(data).walk("VEVENT")}


def rrule_text(event: object) -> str:
    return event["RRULE"].to_ical().decode()  # type: ignore[index]


@pytest.mark.parametrize(
    ("duration", "expected"),
    [
        ("P6W", Recurrence("WEEKLY", 6)),
        ("P1M", Recurrence("MONTHLY", 1)),
        ("P3M", Recurrence("MONTHLY", 3)),
        ("P1Y", Recurrence("YEARLY", 1)),
        ("P1Y6M", Recurrence("MONTHLY", 18)),
        ("P14D", Recurrence("WEEKLY", 2)),
        ("P10D", Recurrence("DAILY", 10)),
        ("P1M2W", Recurrence("DAILY", 44)),
        ("PT1H", None),
        (None, None),
    ],
)
def test_frequency_becomes_an_rrule(duration: str | None, expected: Recurrence | None) -> None:
    assert recurrence(duration) == expected


def test_zeeland_calendar_holds_the_expected_recurring_events(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "zeeland.ics"
    result = invoke("calendar", str(EXAMPLES / "regio-zeeland"), "--output", str(target))
    assert result.exit_code == 0, result.output
    events = events_by_uid(target.read_bytes())
    kerngroep = events["zeeland-meeting-kerngroep@kngg"]
    assert rrule_text(kerngroep) == "FREQ=WEEKLY;INTERVAL=6"
    # no meeting dates in the format: the series starts on the day the kerngroep agreed the plan
    assert kerngroep["DTSTART"].dt == date(2024, 9, 16)  # type: ignore[index]
    assert "vaststelling van het monitoringplan" in str(kerngroep["DESCRIPTION"])  # type: ignore[index]
    bestuurlijk = events["zeeland-meeting-bestuurlijk-overleg@kngg"]
    assert rrule_text(bestuurlijk) == "FREQ=MONTHLY;INTERVAL=3"
    assert bestuurlijk["DTSTART"].dt == TODAY  # type: ignore[index]
    assert "de dag waarop deze agenda is gemaakt" in str(bestuurlijk["DESCRIPTION"])  # type: ignore[index]
    evaluation = events["zeeland-evaluation-monitoring-2024@kngg"]
    assert rrule_text(evaluation) == "FREQ=MONTHLY;INTERVAL=6"
    review = events["zeeland-review-monitoring-2024@kngg"]
    assert rrule_text(review) == "FREQ=YEARLY;INTERVAL=1"
    end = events["zeeland-agreement-end-sok-2024@kngg"]
    assert end["DTSTART"].dt == date(2029, 12, 31)  # type: ignore[index]
    assert "RRULE" not in end  # type: ignore[operator]
    notice = events["zeeland-agreement-notice-sok-2024@kngg"]
    assert notice["DTSTART"].dt == date(2029, 10, 2)  # 90 days before, kngg's default  # type: ignore[index]
    assert str(notice["SUMMARY"]).startswith("Verlengen of opzeggen")  # type: ignore[index]


def test_calendar_has_the_amsterdam_time_zone_and_all_day_events(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "f.ics"
    invoke("calendar", str(EXAMPLES / "regio-flevoland"), "--output", str(target))
    calendar = parse(target.read_bytes())
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Amsterdam"
    assert str(calendar["X-WR-CALNAME"]) == "Regio Flevoland: KnGG-agenda"
    for event in calendar.walk("VEVENT"):
        assert type(event["DTSTART"].dt) is date  # all day: the format has no times


def test_second_parser_expands_the_series(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ical = pytest.importorskip("ical.calendar_stream")
    target = tmp_path / "z.ics"
    invoke("calendar", str(EXAMPLES / "regio-zeeland"), "--output", str(target))
    calendar = ical.IcsCalendarStream.calendar_from_ics(target.read_text(encoding="utf-8"))
    assert calendar.timezones[0].tz_id == "Europe/Amsterdam"
    kerngroep = [
        event.dtstart
        for event in calendar.timeline.included(date(2027, 1, 1), date(2027, 3, 1))
        if event.uid == "zeeland-meeting-kerngroep@kngg"
    ]
    # every six weeks from 16 September 2024
    assert kerngroep == [date(2027, 1, 4), date(2027, 2, 15)]


def test_same_files_same_bytes_and_stable_uids(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, second, later = tmp_path / "1.ics", tmp_path / "2.ics", tmp_path / "3.ics"
    example = str(EXAMPLES / "regio-drenthe")
    invoke("calendar", example, "--output", str(first))
    invoke("calendar", example, "--output", str(second))
    invoke("calendar", example, "--output", str(later), "--today", "2027-01-05")
    assert first.read_bytes() == second.read_bytes()
    assert set(events_by_uid(first.read_bytes())) == set(events_by_uid(later.read_bytes()))
    role_end = events_by_uid(first.read_bytes())["drenthe-role-end-jeroen-wolters-kwartiermaker@kngg"]
    assert role_end["DTSTART"].dt == date(2027, 6, 30)  # type: ignore[index]


def test_english_summaries(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "en.ics"
    invoke("calendar", str(EXAMPLES / "regio-zeeland"), "--output", str(target), "--lang", "en")
    events = events_by_uid(target.read_bytes())
    assert str(events["zeeland-meeting-kerngroep@kngg"]["SUMMARY"]) == "Meeting Kerngroep KnGG Zeeland"  # type: ignore[index]
    assert "meets every 6 weeks" in str(events["zeeland-meeting-kerngroep@kngg"]["DESCRIPTION"])  # type: ignore[index]


def test_stdout_by_default(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("calendar", str(EXAMPLES / "regio-drenthe"))
    assert result.exit_code == 0
    assert result.stdout.startswith("BEGIN:VCALENDAR")


def test_folder_of_regions_is_a_usage_error(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("calendar", str(EXAMPLES))
    assert result.exit_code == 2
    assert "werkt op één regio" in result.stderr


def test_region_with_privacy_error_is_refused(invoke, region, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {"people.yaml": "kind: Person\nid: a\nname: A\norganisation: gemeente-almere\nnotes: BSN 111222333\n"}
    )
    target = tmp_path / "out.ics"
    result = invoke("calendar", str(root), "--output", str(target))
    assert result.exit_code == 1
    assert not target.exists()


def test_body_without_frequency_has_no_series(region) -> None:  # type: ignore[no-untyped-def]
    from helpers import check
    from kngg_cli.agenda import region_events

    root = region({"governance.yaml": "kind: Body\nid: kg\nname: KG\ntype: kerngroep\n"})
    view = check(root).regions[0].view
    assert [e.kind for e in region_events(view, "nl")] == []


def test_notice_date_follows_the_regions_threshold(region) -> None:  # type: ignore[no-untyped-def]
    from helpers import MINIMAL_REGION, check
    from kngg_cli.agenda import region_events

    base = MINIMAL_REGION["region.yaml"].rstrip() + "\n"
    settings = "checks:\n  thresholds:\n    agreement_expiry_notice: P3M\n"
    root = region(
        {
            "region.yaml": textwrap.dedent(base) + settings,
            "agreements/sok.yaml": "kind: Agreement\nid: sok\ntitle: SOK\ntype: convenant\n"
            "valid_until: 2027-12-31\nparties:\n  - organisation: gemeente-almere\n",
        }
    )
    result = check(root).regions[0]
    assert not result.has_errors("S"), [f.message for f in result.findings]
    notice = [e for e in region_events(result.view, "nl") if e.kind == "agreement_notice"]
    assert [e.start for e in notice] == [date(2027, 10, 1)]  # P3M: 91 days before (91.32 by days)
    assert "Over 91 dagen" in notice[0].description


def test_a_calendar_program_imports_every_event(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """calcurse (Debian's console calendar, its own C parser) where the machine has it."""
    import shutil
    import subprocess

    if shutil.which("calcurse") is None:
        pytest.skip("calcurse is not installed")
    target = tmp_path / "z.ics"
    invoke("calendar", str(EXAMPLES / "regio-zeeland"), "--output", str(target))
    home = tmp_path / "calcurse"
    home.mkdir()
    imported = subprocess.run(
        ["calcurse", "-D", str(home), "-i", str(target)], capture_output=True, text=True, timeout=60
    )
    assert "8 events / 0 todos / 0 skipped" in imported.stdout
    shown = subprocess.run(
        ["calcurse", "-D", str(home), "-Q", "--from", "01/01/2027", "--to", "02/28/2027"],
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "01/04/27:\n * Overleg Kerngroep KnGG Zeeland" in shown
    assert "02/15/27:\n * Overleg Kerngroep KnGG Zeeland" in shown
