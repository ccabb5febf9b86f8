"""Phase 2, experimenteren en uitvoeren: short evaluation cycles, living agreements, regular meetings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from kngg_cli.durations import DAYS_PER_YEAR, duration_days, months
from kngg_cli.findings import Problem, Severity
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule
from kngg_cli.rules.gates._common import EPSILON, bodies_of_type, key_or_kind, point, sok_documents
from kngg_cli.rules.gates.step8 import monitoring_plans

EVALUATION_CYCLE_MAX = months(6)  # G901
EXPIRY_WARNING_DAYS = 90  # G902
MEETING_INTERVAL_MAX = months(3)  # G903
REVIEW_INTERVAL_MAX = DAYS_PER_YEAR  # G904


@rule("G901")
def evaluation_cycle(view: RegionView) -> Iterator[Problem]:
    for document in monitoring_plans(view):
        plan = document.model
        if plan.evaluation_cycle is None:
            yield Problem(
                "G901", key_or_kind(document, "evaluation_cycle"), "missing", {"plan": plan.id}, plan.id
            )
            continue
        days = duration_days(plan.evaluation_cycle)
        if days is not None and days > EVALUATION_CYCLE_MAX + EPSILON:
            params = {"plan": plan.id, "cycle": plan.evaluation_cycle, "days": round(days)}
            yield Problem("G901", point(document, ("evaluation_cycle",)), "too_long", params, plan.id)


@rule("G902")
def agreement_expiry(view: RegionView) -> Iterator[Problem]:
    agreements = sok_documents(view)
    for document, agreement in agreements:
        end = agreement.valid_until
        if end is None or end > view.today + timedelta(days=EXPIRY_WARNING_DAYS):
            continue
        if any(
            other is not agreement
            and (other.valid_until is None or other.valid_until > end)
            and (other.valid_from is None or other.valid_from <= end + timedelta(days=1))
            for _, other in agreements
        ):
            continue  # a successor keeps the region bound
        params = {"agreement": agreement.id, "date": end.isoformat(), "days": (end - view.today).days}
        location = point(document, ("valid_until",))
        if end < view.today:
            yield Problem("G902", location, "expired", params, agreement.id, Severity.ERROR)
        else:
            yield Problem("G902", location, "expiring", params, agreement.id, Severity.WARNING)


@rule("G903")
def kerngroep_frequency(view: RegionView) -> Iterator[Problem]:
    for body in bodies_of_type(view, "kerngroep"):
        params = {"body": body.model.id, "name": body.model.name}
        if body.model.frequency is None:
            yield Problem("G903", key_or_kind(body, "frequency"), "missing", params, body.model.id)
            continue
        days = duration_days(body.model.frequency)
        if days is not None and days > MEETING_INTERVAL_MAX + EPSILON:
            params = {**params, "frequency": body.model.frequency, "days": round(days)}
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
