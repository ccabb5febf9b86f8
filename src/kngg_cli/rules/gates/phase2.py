"""Phase 2, experimenteren en uitvoeren: short evaluation cycles, living agreements, regular meetings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from kngg_cli.durations import DAYS_PER_YEAR, duration_days, months
from kngg_cli.findings import Problem
from kngg_cli.model.region import Thresholds
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule
from kngg_cli.rules.gates._common import (
    EPSILON,
    body_params,
    governing_body,
    key_or_kind,
    point,
    sok_documents,
)
from kngg_cli.rules.gates.step8 import monitoring_plans

LAST_STEP = 8  # phase 2's first year counts from the completion of phase 1's last step

# The M&E guidance: evaluate and measure about twice a year at the start, then once a year.
FIRST_YEAR_CYCLE_MAX = months(6)  # G901, during the first year of phase 2
CYCLE_MAX = months(12)  # G901 after it, G905
REVIEW_INTERVAL_MAX = DAYS_PER_YEAR  # G904
# G902 and G903 are kngg's own numbers: the region's `checks.thresholds` (model/region.py) hold them.


@rule("G901")
def evaluation_cycle(view: RegionView) -> Iterator[Problem]:
    limit, first_year_until = _evaluation_limit(view)
    for document in monitoring_plans(view):
        plan = document.model
        if plan.evaluation_cycle is None:
            yield Problem(
                "G901", key_or_kind(document, "evaluation_cycle"), "missing", {"plan": plan.id}, plan.id
            )
            continue
        days = duration_days(plan.evaluation_cycle)
        if days is not None and days > limit + EPSILON:
            params = {"plan": plan.id, "cycle": plan.evaluation_cycle, "days": round(days)}
            if first_year_until is not None:
                params["until"] = first_year_until.isoformat()
                yield Problem("G901", point(document, ("evaluation_cycle",)), "first_year", params, plan.id)
            else:
                yield Problem("G901", point(document, ("evaluation_cycle",)), "too_long", params, plan.id)


def _evaluation_limit(view: RegionView) -> tuple[float, date | None]:
    """Six months during the first year of phase 2, counted from the date step 8 was completed; twelve
    after it. Without a dated completion of step 8 the first year cannot be placed: twelve."""
    region = view.region
    if region is None:
        return CYCLE_MAX, None
    completed = [c.date for c in region.progress.completed if c.step == LAST_STEP and c.date is not None]
    if not completed:
        return CYCLE_MAX, None
    first_year_until = _a_year_after(completed[-1])
    if view.today < first_year_until:
        return FIRST_YEAR_CYCLE_MAX, first_year_until
    return CYCLE_MAX, None


def _a_year_after(day: date) -> date:
    """The same date a year later (29 February: 1 March)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return date(day.year + 1, 3, 1)


def _thresholds(view: RegionView) -> Thresholds:
    region = view.region
    return region.thresholds if region is not None else Thresholds()


@rule("G902")
def agreement_expiry(view: RegionView) -> Iterator[Problem]:
    """Only "expires soon": an agreement that has expired is G609 (gate of step 6)."""
    notice = _thresholds(view).agreement_expiry_notice
    notice_days = duration_days(notice) or 0.0
    agreements = sok_documents(view)
    for document, agreement in agreements:
        end = agreement.valid_until
        if end is None or not agreement.in_force_on(view.today):
            continue
        if (end - view.today).days > notice_days + EPSILON:
            continue
        if any(
            other is not agreement
            and (other.valid_until is None or other.valid_until > end)
            and (other.valid_from is None or other.valid_from <= end + timedelta(days=1))
            for _, other in agreements
        ):
            continue  # a successor keeps the region bound
        params = {
            "agreement": agreement.id,
            "date": end.isoformat(),
            "days": (end - view.today).days,
            "notice": notice,
        }
        yield Problem("G902", point(document, ("valid_until",)), "expiring", params, agreement.id)


@rule("G903")
def governing_body_frequency(view: RegionView) -> Iterator[Problem]:
    body = governing_body(view)
    if body is None:
        return  # G606
    params = body_params(body)
    if body.model.frequency is None:
        yield Problem("G903", key_or_kind(body, "frequency"), "missing", params, body.model.id)
        return
    threshold = _thresholds(view).governing_body_meets_every
    days, limit = duration_days(body.model.frequency), duration_days(threshold)
    if days is not None and limit is not None and days > limit + EPSILON:
        params |= {"frequency": body.model.frequency, "days": round(days), "threshold": threshold}
        yield Problem("G903", point(body, ("frequency",)), "too_rare", params, body.model.id)


@rule("G904")
def monitoring_review(view: RegionView) -> Iterator[Problem]:
    for document in monitoring_plans(view):
        plan = document.model
        last, field = (plan.reviewed_on, "reviewed_on") if plan.reviewed_on else (plan.agreed_on, "agreed_on")
        if last is None:
            yield Problem("G904", document.kind_location(), "missing", {"plan": plan.id}, plan.id)
            continue
        age = (view.today - last).days
        if age > REVIEW_INTERVAL_MAX:
            params = {"plan": plan.id, "date": last.isoformat(), "field": field, "days": age}
            yield Problem("G904", point(document, (field,)), "stale", params, plan.id)


@rule("G905")
def indicator_frequency(view: RegionView) -> Iterator[Problem]:
    for document in monitoring_plans(view):
        for index, indicator in enumerate(document.model.indicators):
            path = ("indicators", index)
            params = {"plan": document.model.id, "indicator": indicator.ref or indicator.id or str(index + 1)}
            if indicator.frequency is None:
                yield Problem("G905", document.entry_at(path), "missing", params, document.model.id)
                continue
            days = duration_days(indicator.frequency)
            if days is not None and days > CYCLE_MAX + EPSILON:
                params |= {"frequency": indicator.frequency, "days": round(days)}
                yield Problem(
                    "G905", point(document, (*path, "frequency")), "too_rare", params, document.model.id
                )


NETWORK_MEETING = "netwerkbijeenkomst"  # G906


@rule("G906")
def network_meetings(view: RegionView) -> Iterator[Problem]:
    plans = sorted(view.valid("CommunicationPlan"), key=lambda d: (d.source.relative, d.index))
    if not plans:
        return  # G804 asks for the communication plan
    meetings = [
        (document, index, channel)
        for document in plans
        for index, channel in enumerate(document.model.channels)
        if channel.type == NETWORK_MEETING
    ]
    if any(channel.frequency for _, _, channel in meetings):
        return
    if meetings:
        document, index, _ = meetings[0]
        params = {"plan": document.model.id}
        yield Problem(
            "G906", document.entry_at(("channels", index)), "no_frequency", params, document.model.id
        )
    else:
        document = plans[0]
        params = {"plan": document.model.id}
        yield Problem("G906", key_or_kind(document, "channels"), "default", params, document.model.id)
