# ruff: noqa: E501  (a table of texts: one text a line reads best)
"""The status report's content: what the governing body is asked to decide, first; then how long the
region has been in its step, what changed since the previous report, the open items with owner
and a suggested date, the coming dates and (in phase 2) the learning cycle.

Everything is computed here from the checked region; status.md.j2 / status.html.j2 lay it out.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from kngg_cli.render.agreement import governing_body
from kngg_cli.render.formatting import clean, count, join, period_words

if TYPE_CHECKING:
    from kngg_cli.render.context import ContextBuilder

from kngg_cli.durations import calendar_parts, duration_days
from kngg_cli.model.monitoring import ME_LEVELS

DEFAULT_ITEM_WEEKS = 6  # a suggested date without a meeting rhythm: six weeks out
POSITIVE, PENDING = "#1b6f8a", "#e0a040"  # the map: decided / not (yet) decided

WORDS = {
    "nl": {
        "title": "Voortgangsrapportage voor de {body}",
        "title_none": "Voortgangsrapportage",
        "asked": "Gevraagd besluit",
        "ask_complete": "De {body} wordt gevraagd vast te stellen dat {step} is afgerond, zodat de regio verder kan met {next}.",
        "ask_blocked": "{step} kan nog niet worden afgerond. Daarvoor moet eerst het volgende gebeuren:",
        "ask_blocked_close": "De {body} wordt gevraagd de eigenaren van deze punten om uitvoering vóór {date} te vragen.",
        "ask_phase2": "De regio is in fase 2 ({phase2}). De {body} wordt gevraagd de aandachtspunten hieronder te bespreken{evaluation}.",
        "ask_phase2_evaluation": " en het evaluatiemoment van {date} voor te bereiden",
        "ask_phase2_none": "De regio is in fase 2 ({phase2}); er zijn geen aandachtspunten. De {body} wordt gevraagd kennis te nemen van deze rapportage.",
        "in_step": "De regio staat sinds {date} in {step} ({period}).",
        "in_step_unknown": "De regio staat in {step}; de datum waarop deze stap begon, staat niet in de regiobestanden.",
        "in_phase2": "De regio is sinds {date} in fase 2 ({period}).",
        "changes": "Wat is er veranderd sinds {date}",
        "no_changes": "Sinds {date} is er in de regiobestanden niets gedateerd veranderd.",
        "change_signed": "{party} heeft {title} ondertekend.",
        "change_decision": "De gemeente {name}: besluit {outcome} ({by}){reference}.",
        "change_step": "{step} is afgerond.",
        "change_role_start": "{person} ({organisation}) is begonnen als {role}.",
        "change_role_end": "De rol van {person} als {role} is geëindigd.",
        "change_monitoring": "Het monitoringplan is vastgesteld.",
        "change_review": "Het monitoringplan is herzien.",
        "open": "Open punten",
        "open_phase2": "Aandachtspunten",
        "open_none": "Geen open punten.",
        "item": "Punt",
        "owner": "Eigenaar",
        "before": "Uiterlijk",
        "pending": "Nog geen besluit",
        "pending_text": "Voor de volgende stap (bestuurlijk draagvlak) is een positief besluit van elke gemeente nodig. Nog geen positief besluit: {names}.",
        "decided": "Besluit genomen",
        "coming": "Komende data",
        "coming_none": "Geen data in de komende twaalf maanden.",
        "coming_evaluation": "Evaluatiemoment {name}",
        "coming_review": "Jaarlijkse herziening {name}",
        "coming_notice": "Verlengen of opzeggen: {title}",
        "coming_end": "Einde looptijd {title}",
        "coming_role_end": "Einde rol {role}: {person}",
        "agreements": "Overeenkomsten",
        "agreement_all": "{title}: door alle {n} partijen ondertekend.",
        "agreement_some": "{title}: door {signed} van de {n} partijen ondertekend.",
        "agreement_one": "{title}: door de enige partij ondertekend.",
        "agreement_both": "{title}: door beide partijen ondertekend.",
        "learning": "Leercyclus",
        "learning_last": "Laatste evaluatie of herziening van het monitoringplan: {date}.",
        "learning_next": "Volgend evaluatiemoment: {date}.",
        "learning_none": "Het monitoringplan noemt nog geen evaluatiemomenten.",
        "indicators": "Indicatoren per niveau",
        "level": "Niveau",
        "number": "Aantal",
        "map": "De gemeenten van {region}",
        "in_short": "In het kort",
        "steps": ("stap", "stappen"),
        "organisations": ("organisatie", "organisaties"),
        "people": ("persoon", "personen"),
        "bodies": ("overleg", "overleggen"),
        "counts": "{done} van de {total} afgerond; {organisations}, {people} en {bodies} in de regiobestanden.",
    },
    "en": {
        "title": "Progress report for the {body}",
        "title_none": "Progress report",
        "asked": "Decision requested",
        "ask_complete": "The {body} is asked to confirm that {step} is complete, so that the region can move on to {next}.",
        "ask_blocked": "{step} cannot be completed yet. First the following must happen:",
        "ask_blocked_close": "The {body} is asked to have the owners of these items act before {date}.",
        "ask_phase2": "The region is in phase 2 ({phase2}). The {body} is asked to discuss the points for attention below{evaluation}.",
        "ask_phase2_evaluation": " and to prepare the evaluation of {date}",
        "ask_phase2_none": "The region is in phase 2 ({phase2}); there are no points for attention. The {body} is asked to take note of this report.",
        "in_step": "The region has been in {step} since {date} ({period}).",
        "in_step_unknown": "The region is in {step}; the date this step began is not in the region files.",
        "in_phase2": "The region has been in phase 2 since {date} ({period}).",
        "changes": "What changed since {date}",
        "no_changes": "Nothing dated has changed in the region files since {date}.",
        "change_signed": "{party} signed {title}.",
        "change_decision": "Gemeente {name}: decision {outcome} ({by}){reference}.",
        "change_step": "{step} was completed.",
        "change_role_start": "{person} ({organisation}) started as {role}.",
        "change_role_end": "The role of {person} as {role} ended.",
        "change_monitoring": "The monitoring plan was agreed.",
        "change_review": "The monitoring plan was reviewed.",
        "open": "Open items",
        "open_phase2": "Points for attention",
        "open_none": "No open items.",
        "item": "Item",
        "owner": "Owner",
        "before": "By",
        "pending": "No decision yet",
        "pending_text": "The next step (administrative support) needs a positive decision of every gemeente. No positive decision yet: {names}.",
        "decided": "Decision taken",
        "coming": "Coming dates",
        "coming_none": "No dates in the coming twelve months.",
        "coming_evaluation": "Evaluation {name}",
        "coming_review": "Annual review {name}",
        "coming_notice": "Renew or terminate: {title}",
        "coming_end": "End of term {title}",
        "coming_role_end": "End of role {role}: {person}",
        "agreements": "Agreements",
        "agreement_all": "{title}: signed by all {n} parties.",
        "agreement_some": "{title}: signed by {signed} of the {n} parties.",
        "agreement_one": "{title}: signed by its only party.",
        "agreement_both": "{title}: signed by both parties.",
        "learning": "Learning cycle",
        "learning_last": "Last evaluation or review of the monitoring plan: {date}.",
        "learning_next": "Next evaluation: {date}.",
        "learning_none": "The monitoring plan names no evaluation moments yet.",
        "indicators": "Indicators per level",
        "level": "Level",
        "number": "Number",
        "map": "The gemeenten of {region}",
        "in_short": "In short",
        "steps": ("step", "steps"),
        "organisations": ("organisation", "organisations"),
        "people": ("person", "people"),
        "bodies": ("body", "bodies"),
        "counts": "{done} of {total} completed; {organisations}, {people} and {bodies} in the region files.",
    },
}


def words(lang: str) -> dict[str, Any]:
    return WORDS.get(lang, WORDS["nl"])


def after(start: date, duration: str) -> date | None:
    """The date one ISO-8601 duration after `start` (months as calendar months, clamped at month end)."""
    parts = calendar_parts(duration)
    if parts is None:
        days = duration_days(duration)
        return start + timedelta(days=round(days)) if days and days >= 1 else None
    years, months, weeks, days_part = parts
    total = start.year * 12 + start.month - 1 + 12 * years + months
    year, month = divmod(total, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    moved = date(year, month + 1, min(start.day, last_day))
    result = moved + timedelta(weeks=weeks, days=days_part)
    return result if result > start else None


def notice_period(region: Any) -> str:
    """The region's `checks.thresholds.agreement_expiry_notice`, else P90D (rules.md G902)."""
    checks = getattr(region, "checks", None)
    thresholds = getattr(checks, "thresholds", None) if checks is not None else None
    value = getattr(thresholds, "agreement_expiry_notice", None) if thresholds is not None else None
    return str(value) if value else "P90D"


class StatusBuilder:
    def __init__(self, owner: ContextBuilder, since: date | None) -> None:
        self.c = owner
        self.view = owner.view
        self.lang = owner.lang
        self.w = words(self.lang)
        self.today = owner.today
        region = self.view.region
        assert region is not None
        self.region = region
        completed = [c for c in region.progress.completed if c.date]
        self.step_began = max((c.date for c in completed if c.date), default=None)
        self.since = since or self.step_began or (self.today - timedelta(days=90))
        bodies = self.view.bodies
        self.body = governing_body(bodies) or (
            sorted(bodies.values(), key=lambda b: b.name)[0] if bodies else None
        )

    def body_name(self) -> str:
        return clean(self.body.name) if self.body is not None else self.w["title_none"]

    def suggested_date(self) -> date:
        """The governing body's next meeting, as its rhythm gives it; else six weeks out."""
        if self.body is not None and self.body.frequency:
            found = after(self.today, self.body.frequency)
            if found is not None:
                return found
        return self.today + timedelta(weeks=DEFAULT_ITEM_WEEKS)

    # -- sections ------------------------------------------------------------------------------
    def decision(self, progress: dict[str, Any], items: list[dict[str, Any]]) -> dict[str, Any]:
        w = self.w
        body = self.body_name()
        due = self.c.date(self.suggested_date())
        if progress["phase"] == 2:
            evaluation = self.next_evaluation()
            text = w["ask_phase2" if items else "ask_phase2_none"].format(
                phase2=progress["phase2_name"],
                body=body,
                evaluation=w["ask_phase2_evaluation"].format(date=self.c.date(evaluation))
                if evaluation
                else "",
            )
            return {"text": text, "blocking": [], "close": ""}
        number = progress["step"] or 0
        step = f"{self.c.t['step']} {number}"
        step_phrase = step.lower()
        blocking = [item for item in items if item["blocking"]]
        if self.c.result.ready:
            following = (
                f"{self.c.t['step']} {number + 1}".lower()
                if number < len(progress["steps"])
                else f"{self.c.t['phase']} 2".lower()
            )
            text = w["ask_complete"].format(body=body, step=step_phrase, next=following)
            return {"text": text, "blocking": [], "close": ""}
        return {
            "text": w["ask_blocked"].format(step=step),
            "blocking": blocking or items,
            "close": w["ask_blocked_close"].format(body=body, date=due),
        }

    def in_step(self, progress: dict[str, Any]) -> str:
        w = self.w
        if self.step_began is None:
            step = progress["current"]["title"] if progress["current"] else progress["phase2_name"]
            return str(w["in_step_unknown"]).format(step=step[:1].lower() + step[1:])
        period = period_words((self.today - self.step_began).days, self.lang)
        if progress["phase"] == 2:
            return str(w["in_phase2"]).format(date=self.c.date(self.step_began), period=period)
        step = f"{self.c.t['step']} {progress['step']}".lower()
        return str(w["in_step"]).format(date=self.c.date(self.step_began), step=step, period=period)

    def changes(self, progress: dict[str, Any]) -> list[dict[str, str]]:
        """What the files date between --since and today: signatures, decisions, steps, roles, plans."""
        w, found = self.w, []

        def add(day: date | None, text: str) -> None:
            if day is not None and self.since <= day <= self.today:
                found.append((day, text))

        for _document, agreement in self.view.agreements():
            for party in agreement.parties:
                add(
                    party.signed,
                    w["change_signed"].format(
                        party=self.c.organisation_name(party.organisation), title=clean(agreement.title)
                    ),
                )
        for decision in self.region.decisions:
            if decision.gemeente:
                reference = f", {clean(decision.reference)}" if decision.reference else ""
                add(
                    decision.date,
                    w["change_decision"].format(
                        name=self.c.gemeente_name(decision.gemeente),
                        outcome=self.c.label("decision_outcome", decision.outcome),
                        by=self.c.label("decision_by", decision.by),
                        reference=reference,
                    ),
                )
        titles = {s["number"]: s["title"] for s in progress["steps"]}
        for record in self.region.progress.completed:
            add(record.date, w["change_step"].format(step=titles.get(record.step, str(record.step))))
        for person in self.view.people.values():
            for role in person.roles:
                role_label = self.c.label("role", role.role)
                organisation = self.c.organisation_name(person.organisation)
                add(
                    role.since,
                    w["change_role_start"].format(
                        person=clean(person.name), organisation=organisation, role=role_label
                    ),
                )
                add(role.until, w["change_role_end"].format(person=clean(person.name), role=role_label))
        for document in self.view.valid("MonitoringPlan"):
            add(document.model.agreed_on, w["change_monitoring"])
            add(document.model.reviewed_on, w["change_review"])
        return [{"date": self.c.date(day), "text": text} for day, text in sorted(found, key=lambda p: p[0])]

    def pending_gemeenten(self) -> list[str]:
        positive = {d.gemeente for d in self.region.decisions if d.outcome == "positief"}
        return [self.c.gemeente_name(code) for code in self.view.gemeente_codes if code not in positive]

    def coming(self) -> list[dict[str, str]]:
        """The dates of the coming twelve months: evaluations, reviews, agreement ends and notice dates,
        roles that end. (The same facts as the region's calendar, agenda.py, which sits above render.)"""
        w, end, found = self.w, self.today + timedelta(days=365), []

        def add(day: date | None, text: str) -> None:
            if day is not None and self.today <= day < end:
                found.append((day, text))

        for document in self.view.valid("MonitoringPlan"):
            plan = document.model
            name = clean(plan.name or plan.id)
            add(self._next_evaluation(plan), w["coming_evaluation"].format(name=name))
            last = plan.reviewed_on or plan.agreed_on
            review = after(last, "P1Y") if last else None
            while review is not None and review < self.today:
                review = after(review, "P1Y")
            add(review, w["coming_review"].format(name=name))
        notice_days = round(duration_days(notice_period(self.region)) or 90)
        for _document, agreement in self.view.agreements():
            if agreement.valid_until:
                title = clean(agreement.title)
                add(
                    agreement.valid_until - timedelta(days=notice_days),
                    w["coming_notice"].format(title=title),
                )
                add(agreement.valid_until, w["coming_end"].format(title=title))
        for person in self.view.people.values():
            for role in person.roles:
                role_label = self.c.label("role", role.role)
                add(role.until, w["coming_role_end"].format(role=role_label, person=clean(person.name)))
        return [{"date": self.c.date(day), "text": text} for day, text in sorted(found, key=lambda p: p[0])]

    def _next_evaluation(self, plan: Any) -> date | None:
        start = plan.agreed_on or plan.reviewed_on
        if start is None or not plan.evaluation_cycle:
            return None
        following: date | None = start
        while following is not None and following < self.today:
            following = after(following, plan.evaluation_cycle)
        return following

    def next_evaluation(self) -> date | None:
        dates = [self._next_evaluation(doc.model) for doc in self.view.valid("MonitoringPlan")]
        return min((d for d in dates if d is not None), default=None)

    def learning(self) -> dict[str, Any]:
        lasts = [
            d
            for doc in self.view.valid("MonitoringPlan")
            for d in (doc.model.reviewed_on, doc.model.agreed_on)
            if d
        ]
        following = self.next_evaluation()
        lines = []
        if lasts:
            lines.append(self.w["learning_last"].format(date=self.c.date(max(lasts))))
        if following:
            lines.append(self.w["learning_next"].format(date=self.c.date(following)))
        return {"lines": lines or [self.w["learning_none"]]}

    def indicators(self) -> list[dict[str, Any]]:
        from kngg_cli.catalog.reference import me_matrix

        matrix = me_matrix()
        levels = {level: 0 for level in ME_LEVELS}
        for document in self.view.valid("MonitoringPlan"):
            for indicator in document.model.indicators:
                reference = matrix.indicators.get(indicator.ref) if indicator.ref else None
                level = indicator.level or (reference.level if reference else None)
                if level in levels:
                    levels[level] += 1
        return [
            {"code": code, "name": clean(matrix.levels.get(code, code)), "count": amount}
            for code, amount in levels.items()
        ]

    def agreements(self) -> list[str]:
        lines = []
        for _document, agreement in sorted(self.view.agreements(), key=lambda p: p[1].id):
            signed = sum(1 for p in agreement.parties if p.signed is not None)
            total = len(agreement.parties)
            title = clean(agreement.title)
            if total == 1 and signed == 1:
                lines.append(self.w["agreement_one"].format(title=title))
            elif signed == total == 2:
                lines.append(self.w["agreement_both"].format(title=title))
            elif signed == total and total:
                lines.append(self.w["agreement_all"].format(title=title, n=total))
            else:
                lines.append(self.w["agreement_some"].format(title=title, signed=signed, n=total))
        return lines

    def map(self) -> dict[str, Any]:
        from markupsafe import Markup

        from kngg_cli.render.geomap import describe, map_svg

        codes = list(self.view.gemeente_codes)
        pending_codes = [
            c
            for c in codes
            if c not in {d.gemeente for d in self.region.decisions if d.outcome == "positief"}
        ]
        colours = {c: PENDING for c in pending_codes}
        legend = [(POSITIVE, self.w["decided"]), (PENDING, self.w["pending"])] if pending_codes else []
        groups = [(self.w["pending"], pending_codes)] if pending_codes else []
        description = describe(codes, self.lang, groups)
        title = self.w["map"].format(region=clean(self.region.name))
        return {
            "codes": codes,
            "colours": colours,
            "legend": legend,
            "title": title,
            "description": description,
            "svg": Markup(
                map_svg(codes, title=title, description=description, colours=colours, legend=legend)
            ),
        }

    def build(self, progress: dict[str, Any], items: list[dict[str, Any]]) -> dict[str, Any]:
        w = self.w
        due = self.c.date(self.suggested_date())
        for item in items:
            item["before"] = due
        counts = self.c.counts()
        pending = self.pending_gemeenten() if progress["phase"] == 1 and (progress["step"] or 0) <= 5 else []
        return {
            "w": w,
            "title": w["title"].format(body=self.body_name()) if self.body is not None else w["title_none"],
            "decision": self.decision(progress, items),
            "in_step": self.in_step(progress),
            "since": self.c.date(self.since),
            "changes_title": w["changes"].format(date=self.c.date(self.since)),
            "no_changes": w["no_changes"].format(date=self.c.date(self.since)),
            "changes": self.changes(progress),
            "pending_text": w["pending_text"].format(names=join(pending, self.lang)) if pending else "",
            "coming": self.coming(),
            "agreements": self.agreements(),
            "learning": self.learning() if progress["phase"] == 2 else None,
            "indicators": self.indicators() if progress["phase"] == 2 else [],
            "map": self.map(),
            "counts_text": w["counts"].format(
                done=progress["done_count"],
                total=count(progress["total"], *w["steps"]),
                organisations=count(counts["organisations"], *w["organisations"]),
                people=count(counts["people"], *w["people"]),
                bodies=count(counts["bodies"], *w["bodies"]),
            ),
        }
