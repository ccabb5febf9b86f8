"""Gate of step 5: the end of the verkenningsfase (bestuurlijk draagvlak, a RC, a shared vision)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kngg_cli.findings import Problem
from kngg_cli.model.region import Decision
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule
from kngg_cli.rules.gates._common import filled, gemeente_label, key_or_kind, role_entry, role_params


def _latest(decisions: list[Decision]) -> Decision:
    """A gemeente's current decision: the latest by date (an undated one counts as the oldest)."""
    ordered = sorted(enumerate(decisions), key=lambda item: (item[1].date or date.min, item[0]))
    return ordered[-1][1]


@rule("G501")
def positive_decisions(view: RegionView) -> Iterator[Problem]:
    region = view.region
    if region is None:
        return
    for code in view.checked_gemeente_codes:
        decisions = [d for d in region.decisions if d.gemeente == code]
        params = {"gemeente": gemeente_label(view, code), "code": code}
        if not decisions:
            yield Problem("G501", view.gemeente_entry(code), "default", params, view.region_id)
            continue
        latest = _latest(decisions)
        if latest.outcome is None:
            yield Problem("G501", view.gemeente_entry(code), "no_outcome", params, view.region_id)
        elif latest.outcome != "positief":
            params["outcome"] = latest.outcome
            yield Problem("G501", view.gemeente_entry(code), "not_positive", params, view.region_id)


@rule("G502")
def coordinator_appointed(view: RegionView) -> Iterator[Problem]:
    if view.region is None or view.coordinator_roles():
        return
    if not view.kwartiermaker_counts and view.roles("kwartiermaker"):
        # from step 6 on a kwartiermaker no longer stands in for the RC: say so, not "nobody"
        yield Problem("G502", view.region_location(), "kwartiermaker_only", {}, view.region_id)
    else:
        yield Problem("G502", view.region_location(), "default", {}, view.region_id)


@rule("G503")
def coordinator_assignment(view: RegionView) -> Iterator[Problem]:
    for ref in view.coordinator_roles():
        params = role_params(ref)
        if not filled(ref.role.assignment):
            yield Problem("G503", role_entry(ref), "no_assignment", params, ref.person.id)
        if not ref.role.tasks:
            yield Problem("G503", role_entry(ref), "no_tasks", params, ref.person.id)


@rule("G504")
def shared_vision(view: RegionView) -> Iterator[Problem]:
    region = view.region
    document = view.region_document
    if region is not None and document is not None and not filled(region.vision):
        yield Problem("G504", key_or_kind(document, "vision"), "default", {}, view.region_id)
