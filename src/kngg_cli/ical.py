"""The region's dates as an iCalendar file (RFC 5545), written with the icalendar library.

Every event is all-day (the format has dates, never times); the calendar still carries the
region's time zone, Europe/Amsterdam, as a VTIMEZONE and X-WR-TIMEZONE, so that a program that
shows it in another zone keeps the days on their Dutch dates. UIDs come from the region's ids and
so stay the same from one build to the next: a subscribed calendar updates its events instead of
adding copies. DTSTAMP is `today` at midnight UTC, so that the same files give the same bytes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from kngg_cli import __version__
from kngg_cli.agenda import RegionEvent, agenda_text

if TYPE_CHECKING:
    from icalendar import Calendar, Timezone

TIME_ZONE = "Europe/Amsterdam"
PRODID = f"-//kngg//kngg {__version__}//NL"


def calendar_ics(
    events: list[RegionEvent],
    region_name: str,
    lang: str,
    today: date,
    url: str | None = None,
) -> bytes:
    """The .ics bytes of one region's events; `url`: where the feed is published (--base-url)."""
    ics: bytes = build_calendar(events, region_name, lang, today, url).to_ical()
    return ics


def build_calendar(
    events: list[RegionEvent],
    region_name: str,
    lang: str,
    today: date,
    url: str | None = None,
) -> Calendar:
    from icalendar import Calendar, Event

    texts = agenda_text(lang)
    stamp = datetime.combine(today, datetime.min.time(), tzinfo=UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = texts["calendar_name"].format(region=region_name)
    description = texts["calendar_description"].format(region=region_name)
    calendar.add("name", name)  # RFC 7986
    calendar.add("x-wr-calname", name)  # what Google, Apple and Outlook read
    calendar.add("description", description)
    calendar.add("x-wr-caldesc", description)
    calendar.add("x-wr-timezone", TIME_ZONE)
    calendar.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    if url:
        calendar.add("url", url)
        calendar.add("source", url, parameters={"VALUE": "URI"})
    calendar.add_component(amsterdam())
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start)  # a date: VALUE=DATE, all day
        event.add("dtend", item.start + timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("categories", [f"KnGG-{item.kind.replace('_', '-')}"])
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy block in anyone's day
        event.add("class", "PUBLIC")
        if item.recurrence is not None:
            event.add("rrule", item.recurrence.as_ical())
        calendar.add_component(event)
    return calendar


def amsterdam() -> Timezone:
    """Europe/Amsterdam with the EU's yearly rules (last Sunday of March and of October), as
    calendar programs write it: short, and valid for every year rather than a list of dates."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", TIME_ZONE)
    zone.add("x-lic-location", TIME_ZONE)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("dtstart", datetime(1981, 3, 29, 2, 0, 0))
    daylight.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 3, "BYDAY": "-1SU"})
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("dtstart", datetime(1996, 10, 27, 3, 0, 0))
    standard.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 10, "BYDAY": "-1SU"})
    zone.add_component(daylight)
    zone.add_component(standard)
    return zone
