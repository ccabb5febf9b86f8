"""The region's dates: one list of dated events that the calendar, the site and documents share.

The region files hold few real dates and many rhythms: a body meets every six weeks, the
monitoring plan is evaluated every six months and reviewed once a year, an agreement runs until a
date (and must be renewed a notice period before it), a role ends. `region_events` turns them into
`RegionEvent`s: an all-day start date and, for a rhythm, a `Recurrence` (what an RRULE says).
`occurrences` expands one within a window, with the same rules the calendar programs use
(dateutil's rrule), so "the coming dates" on a page are the dates a subscribed calendar shows.

The format has no meeting dates, so a series starts on the first date the files give for it (a
body: the day it agreed the monitoring plan) or else on `today`; each event's description says
which, in words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from kngg_cli.durations import calendar_parts, duration_days

if TYPE_CHECKING:
    from collections.abc import Callable

    from kngg_cli.regionview import RegionView

EVENT_KINDS = ("meeting", "evaluation", "review", "agreement_end", "agreement_notice", "role_end")
_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")


@dataclass(frozen=True, slots=True)
class Recurrence:
    """An RRULE: FREQ and INTERVAL (the format's rhythms need nothing more)."""

    freq: str  # DAILY | WEEKLY | MONTHLY | YEARLY
    interval: int = 1

    def as_ical(self) -> dict[str, object]:
        return {"FREQ": self.freq, "INTERVAL": self.interval}


@dataclass(frozen=True, slots=True)
class RegionEvent:
    uid: str  # stable: a subscribed calendar updates the event instead of adding a copy
    kind: str  # one of EVENT_KINDS
    summary: str
    description: str
    start: date  # all-day
    recurrence: Recurrence | None = None


def recurrence(duration: str | None) -> Recurrence | None:
    """P6W → WEEKLY/6, P3M → MONTHLY/3, P1Y → YEARLY, P14D → WEEKLY/2; None for no duration or
    one shorter than a day. A mix of months and weeks or a time part is rounded to whole days."""
    if not duration:
        return None
    parts = calendar_parts(duration)
    if parts is not None:
        years, months, weeks, days = parts
        if (years or months) and not (weeks or days):
            return Recurrence("YEARLY", years) if not months else Recurrence("MONTHLY", 12 * years + months)
        if not (years or months):
            total = 7 * weeks + days
            if total % 7 == 0:
                return Recurrence("WEEKLY", total // 7)
            return Recurrence("DAILY", total)
    days_total = duration_days(duration)
    if days_total is None or round(days_total) < 1:
        return None
    return Recurrence("DAILY", round(days_total))


def add_duration(start: date, duration: str) -> date | None:
    """The first date one rhythm after `start` (the second occurrence of its series)."""
    rule = recurrence(duration)
    if rule is None:
        return None
    following = occurrences(RegionEvent("", "", "", "", start, rule), start + timedelta(days=1), limit=1)
    return following[0] if following else None


def occurrences(
    event: RegionEvent, after: date, before: date | None = None, limit: int | None = None
) -> list[date]:
    """The event's dates from `after` (inclusive) up to `before` (exclusive), at most `limit`."""
    if event.recurrence is None:
        inside = event.start >= after and (before is None or event.start < before)
        return [event.start] if inside and limit != 0 else []
    from datetime import datetime

    from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule

    frequency = {"DAILY": DAILY, "WEEKLY": WEEKLY, "MONTHLY": MONTHLY, "YEARLY": YEARLY}
    rule = rrule(
        frequency[event.recurrence.freq],
        interval=event.recurrence.interval,
        dtstart=datetime.combine(event.start, datetime.min.time()),
    )
    found: list[date] = []
    for moment in rule.xafter(datetime.combine(after, datetime.min.time()), inc=True):
        day = moment.date()
        if (before is not None and day >= before) or (limit is not None and len(found) >= limit):
            break
        found.append(day)
    return found


def upcoming(
    events: list[RegionEvent], today: date, days: int = 365, per_event: int = 2
) -> list[tuple[date, RegionEvent]]:
    """The coming dates: each event's next occurrences within `days` of today, in date order."""
    end = today + timedelta(days=days)
    found = [(day, event) for event in events for day in occurrences(event, today, end, per_event)]
    return sorted(found, key=lambda pair: (pair[0], EVENT_KINDS.index(pair[1].kind), pair[1].summary))


def notice_days(view: RegionView) -> int:
    """The region's `checks.thresholds.agreement_expiry_notice` (kngg's default P90D) in whole days:
    the first day on which G902 warns is the notice date."""
    from kngg_cli.model.region import Thresholds

    region = view.region
    notice = (region.thresholds if region is not None else Thresholds()).agreement_expiry_notice
    return math.floor(duration_days(notice) or 0)


def region_events(view: RegionView, lang: str) -> list[RegionEvent]:
    """Every dated event of the region, in a stable order (bodies, monitoring, agreements, roles)."""
    region = view.region
    if region is None:
        return []
    builder = _Builder(view, lang, region.id)
    builder.meetings()
    builder.monitoring()
    builder.agreements()
    builder.roles()
    return builder.events


class _Builder:
    def __init__(self, view: RegionView, lang: str, region_id: str) -> None:
        from kngg_cli.render.formatting import clean
        from kngg_cli.render.labels import value_label

        self.view = view
        self.lang = lang
        self.t = agenda_text(lang)
        self.region_id = region_id
        self.label: Callable[[str, str | None], str] = lambda group, value: value_label(
            group, value, self.lang
        )
        self.clean = clean  # region text, without the control characters a calendar cannot carry
        self.events: list[RegionEvent] = []
        self._uids: set[str] = set()

    def add(
        self, kind: str, key: str, summary: str, description: str, start: date, rule: Recurrence | None
    ) -> None:
        uid = f"{self.region_id}-{kind.replace('_', '-')}-{key}"
        number = 2
        while uid in self._uids:  # the same role twice for one person: keep both, stably numbered
            uid = f"{self.region_id}-{kind.replace('_', '-')}-{key}-{number}"
            number += 1
        self._uids.add(uid)
        self.events.append(RegionEvent(f"{uid}@kngg", kind, summary, description, start, rule))

    def date(self, value: date) -> str:
        from kngg_cli.render.formatting import long_date

        return long_date(value, self.lang)

    def every(self, duration: str) -> str:
        from kngg_cli.render.formatting import duration_words

        return duration_words(duration, self.lang)

    def meetings(self) -> None:
        agreed: dict[str, date] = {}
        for document in self.view.valid("MonitoringPlan"):
            plan = document.model
            if plan.agreed_by and plan.agreed_on:
                agreed[plan.agreed_by] = min(plan.agreed_on, agreed.get(plan.agreed_by, plan.agreed_on))
        for body in sorted(self.view.bodies.values(), key=lambda b: b.id):
            rule = recurrence(body.frequency)
            if rule is None or body.frequency is None:
                continue
            known = agreed.get(body.id)
            name = self.clean(body.name)
            start = known or self.view.today
            since = (self.t["since_known"] if known else self.t["since_today"]).format(date=self.date(start))
            text = self.t["meeting_text"].format(
                name=name, type=self.label("body_type", body.type), every=self.every(body.frequency)
            )
            self.add(
                "meeting",
                body.id,
                self.t["meeting"].format(name=name),
                f"{text} {since}",
                start,
                rule,
            )

    def monitoring(self) -> None:
        for document in self.view.valid("MonitoringPlan"):
            plan = document.model
            name = self.clean(plan.name or plan.id)
            cycle = recurrence(plan.evaluation_cycle)
            if cycle is not None and plan.evaluation_cycle is not None:
                first = add_duration(plan.agreed_on, plan.evaluation_cycle) if plan.agreed_on else None
                start = first or self.view.today
                since = (
                    self.t["evaluation_from"].format(date=self.date(plan.agreed_on))
                    if first and plan.agreed_on
                    else self.t["since_today"].format(date=self.date(start))
                )
                text = self.t["evaluation_text"].format(name=name, every=self.every(plan.evaluation_cycle))
                self.add(
                    "evaluation",
                    plan.id,
                    self.t["evaluation"].format(name=name),
                    f"{text} {since}",
                    start,
                    cycle,
                )
            last = plan.reviewed_on or plan.agreed_on
            if last is None:  # a plan not yet agreed has no review due (G904 reports it)
                continue
            since = self.t["review_last" if plan.reviewed_on else "review_agreed"].format(
                date=self.date(last)
            )
            self.add(
                "review",
                plan.id,
                self.t["review"].format(name=name),
                f"{self.t['review_text']} {since}",
                add_duration(last, "P1Y") or last,
                Recurrence("YEARLY"),
            )

    def agreements(self) -> None:
        days = notice_days(self.view)
        for _document, agreement in sorted(self.view.agreements(), key=lambda pair: pair[1].id):
            end = agreement.valid_until
            if end is None:
                continue
            title = self.clean(agreement.title)
            self.add(
                "agreement_end",
                agreement.id,
                self.t["agreement_end"].format(title=title),
                self.t["agreement_end_text"].format(title=title, date=self.date(end)),
                end,
                None,
            )
            self.add(
                "agreement_notice",
                agreement.id,
                self.t["agreement_notice"].format(title=title),
                self.t["agreement_notice_text"].format(title=title, date=self.date(end), days=days),
                end - timedelta(days=days),
                None,
            )

    def roles(self) -> None:
        for person in sorted(self.view.people.values(), key=lambda p: p.id):
            for role in person.roles:
                if role.until is None:
                    continue
                organisation = self.view.organisations.get(person.organisation)
                label = self.label("role", role.role)
                person_name = self.clean(person.name)
                self.add(
                    "role_end",
                    f"{person.id}-{role.role.replace('_', '-')}",
                    self.t["role_end"].format(role=label, person=person_name),
                    self.t["role_end_text"].format(
                        person=person_name,
                        organisation=self.clean(organisation.name if organisation else person.organisation),
                        role=label,
                        date=self.date(role.until),
                    ),
                    role.until,
                    None,
                )


def agenda_text(lang: str) -> dict[str, str]:
    """The `agenda.*` texts of catalog/texts.yaml (summaries and descriptions of the events)."""
    from kngg_cli.site.texts import prefixed_texts

    return prefixed_texts("agenda.", lang)
