"""The render context: everything a document shows, computed once from the models and the check.

Templates only lay this out. Names are resolved, dates written out in full ("14 maart 2025"),
durations put in words, the governance diagram laid out, and every fact a document needs but the
region files lack becomes a `Placeholder` (`[IN TE VULLEN: financiering]`) that is also listed in
`placeholders`, so that nothing is invented and nothing missing goes unnoticed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from kngg_cli.findings import Severity
from kngg_cli.model.body import GOVERNING_BODY_TYPES
from kngg_cli.render import labels
from kngg_cli.render.diagram import build_diagram
from kngg_cli.render.formatting import clean, duration_words, long_date, number
from kngg_cli.render.labels import value_label

if TYPE_CHECKING:
    from kngg_cli.engine import RegionResult
    from kngg_cli.findings import Finding
    from kngg_cli.model import Agreement, Body
    from kngg_cli.regionview import RegionView

# roles an agreement's responsibilities assign to an organisation: words as written → abbreviation
OWNED_ROLES = {
    "centrale zorgverlener": " czv",
    "regionale coördinator": " rc ",
    "lokale projectleider": "projectleider",
}
PROVIDING = ("levert", "stelt beschikbaar", "zet in", "wijst aan", "provides", "supplies")


class Placeholder(str):
    """A marked gap in a document: `[IN TE VULLEN: label]`. Templates show it as it is."""

    label: str

    def __new__(cls, label: str, lang: str) -> Placeholder:
        instance = super().__new__(
            cls, f"[{labels.PLACEHOLDER.get(lang, labels.PLACEHOLDER['nl'])}: {label}]"
        )
        instance.label = label
        return instance


def is_placeholder(value: object) -> bool:
    return isinstance(value, Placeholder)


@dataclass
class _Gaps:
    """Collects the placeholders of one document, in the order they appear."""

    lang: str
    found: list[dict[str, str]] = field(default_factory=list)

    def missing(self, label: str, where: str) -> Placeholder:
        placeholder = Placeholder(label, self.lang)
        entry = {"text": str(placeholder), "label": label, "where": where}
        if entry not in self.found:
            self.found.append(entry)
        return placeholder


class ContextBuilder:
    """Builds the context of one document from a checked region."""

    def __init__(
        self, result: RegionResult, document: str, target: str, today: date, since: date | None = None
    ) -> None:
        self.since = since
        self.result = result
        self.view: RegionView = result.view
        self.lang = result.lang if result.lang in labels.TEXT else "nl"
        self.t = labels.text(self.lang)
        self.document = document
        self.target = target
        self.today = today
        self.gaps = _Gaps(self.lang)

    # -- small helpers -------------------------------------------------------------------
    def date(self, value: date | None) -> str:
        return long_date(value, self.lang)

    def label(self, group: str, value: str | None) -> str:
        return value_label(group, value, self.lang)

    def organisation_name(self, identifier: str | None) -> str:
        if identifier is None:
            return ""
        organisation = self.view.organisations.get(identifier)
        return clean(organisation.name) if organisation is not None else clean(identifier)

    def person_name(self, identifier: str | None) -> str:
        if identifier is None:
            return ""
        person = self.view.people.get(identifier)
        return clean(person.name) if person is not None else clean(identifier)

    def owner_name(self, identifier: str | None) -> str:
        """An `owner`: a Person or an Organisation id."""
        if identifier is None:
            return ""
        if identifier in self.view.people:
            return self.person_name(identifier)
        return self.organisation_name(identifier)

    def gemeente_name(self, code: str) -> str:
        return clean(self.view.gemeente_names.get(code, code))

    # -- sections ------------------------------------------------------------------------
    def region(self) -> dict[str, Any]:
        region = self.view.region
        assert region is not None
        vision = clean(region.vision).strip() if region.vision else ""
        return {
            "id": clean(region.id),
            "name": clean(region.name),
            "iza_region": clean(region.iza_region) if region.iza_region else "",
            "vision": vision or self.gaps.missing(labels.MISSING[self.lang]["vision"], self.t["vision"]),
            "vision_paragraphs": [p.strip() for p in re.split(r"\n\s*\n", vision) if p.strip()],
            "ambitions": [clean(a) for a in region.ambitions],
            "related_approaches": [self.label("approach", a) for a in region.related_approaches],
        }

    def gemeenten(self) -> list[dict[str, Any]]:
        region = self.view.region
        assert region is not None
        decisions = {d.gemeente: d for d in region.decisions if d.gemeente}
        rows = []
        for entry in region.gemeenten:
            decision = decisions.get(entry.code)
            decision_text = self.t["no_decision"]
            if decision is not None:
                parts = [self.label("decision_outcome", decision.outcome)]
                if decision.by:
                    parts.append(self.label("decision_by", decision.by))
                if decision.date:
                    parts.append(self.date(decision.date))
                decision_text = ", ".join(p for p in parts if p)
                if decision.reference:
                    decision_text += f" ({clean(decision.reference)})"
            organisation = self.view.gemeente_organisation(entry.code)
            rows.append(
                {
                    "code": entry.code,
                    "name": clean(entry.name),
                    "organisation": clean(organisation.name) if organisation else "",
                    "role": self.label("gemeente_role", entry.role),
                    "subregion": clean(entry.subregion) if entry.subregion else "",
                    "decision": decision_text,
                }
            )
        return rows

    def progress(self) -> dict[str, Any]:
        from kngg_cli.catalog import localized, step_plan

        plan = step_plan()
        region = self.view.region
        assert region is not None
        phase = region.progress.phase
        current = region.progress.step if phase == 1 else None
        completed = {c.step: c for c in region.progress.completed}
        steps: list[dict[str, Any]] = []
        for step in plan.steps:
            state = plan.step_state(step.number, phase, current)
            record = completed.get(step.number)
            steps.append(
                {
                    "number": step.number,
                    "name": clean(localized(step.name, self.lang)),
                    "title": _step_title(self.t["step"], step.number, clean(localized(step.name, self.lang))),
                    "description": clean(localized(step.description, self.lang)),
                    "stage": clean(localized(plan.stage_names[step.stage], self.lang)),
                    "state": state,
                    "state_label": self.t[state],
                    "completed_on": self.date(record.date) if record and record.date else "",
                    "evidence": clean(record.evidence) if record and record.evidence else "",
                }
            )
        current_step = steps[current - 1] if current is not None and 1 <= current <= len(steps) else None
        stages = []
        for stage_id, name in plan.stage_names.items():
            members = [s for s, raw in zip(steps, plan.steps, strict=True) if raw.stage == stage_id]
            stages.append({"id": stage_id, "name": clean(localized(name, self.lang)), "steps": members})
        done = [s for s in steps if s["state"] == "done"]
        phase_name = clean(localized(plan.phase_names[phase], self.lang))
        if current_step is not None:
            position = f"{self.t['phase']} 1, {current_step['title'][0].lower()}{current_step['title'][1:]}"
        else:
            position = f"{self.t['phase']} {phase}: {phase_name}"
        return {
            "phase": phase,
            "phase_name": phase_name,
            "phase1_name": clean(localized(plan.phase_names[1], self.lang)),
            "phase2_name": clean(localized(plan.phase_names[2], self.lang)),
            "phase2_description": clean(localized(plan.phase2_description, self.lang)),
            "phase2_state": "current" if phase == 2 else "ahead",
            "step": current,
            "current": current_step,
            "position": position,
            "steps": steps,
            "stages": stages,
            "done": done,
            "done_count": len(done),
            "total": len(steps),
            "edition": clean(plan.edition),
        }

    def bodies(self) -> list[dict[str, Any]]:
        rows = []
        for body in self._sorted_bodies():
            mandate: str = self.label("mandate", body.mandate)
            if not mandate and body.type in GOVERNING_BODY_TYPES:
                mandate = self.gaps.missing(f"{labels.MISSING[self.lang]['mandate']}", clean(body.name))
            parent = self.view.bodies.get(body.reports_to) if body.reports_to else None
            rows.append(
                {
                    "id": body.id,
                    "name": clean(body.name),
                    "type": self.label("body_type", body.type),
                    "mandate": mandate,
                    "frequency": duration_words(body.frequency, self.lang),
                    "chair": self.person_name(body.chair),
                    "reports_to": clean(parent.name) if parent else clean(body.reports_to or ""),
                    "tasks": [clean(t) for t in body.tasks],
                    "work_agenda": self.t["recorded"] if body.work_agenda else self.t["not_recorded"],
                    "members": [
                        {
                            "organisation": self.organisation_name(m.organisation),
                            "person": self.person_name(m.person),
                            "level": self.label("member_level", m.level),
                        }
                        for m in body.members
                    ],
                }
            )
        return rows

    def _sorted_bodies(self) -> list[Body]:
        # the governing bodies first, listed from stuurgroep down: the reverse of their preference
        order = {kind: index for index, kind in enumerate(reversed(GOVERNING_BODY_TYPES))}
        return sorted(self.view.bodies.values(), key=lambda b: (order.get(b.type, 9), b.name))

    def diagram(self) -> dict[str, Any]:
        """The bodies as a tree by `reports_to` (render/diagram.py lays it out)."""
        bodies = {b.id: b for b in self._sorted_bodies()}
        return build_diagram(bodies, lambda kind: self.label("body_type", kind), self.t)

    def people_roles(self) -> list[dict[str, Any]]:
        rows = []
        for person in sorted(self.view.people.values(), key=lambda p: p.name):
            for role in person.roles:
                covered = self.view.role_gemeenten(person, role)
                if set(covered) == set(self.view.gemeente_codes) and len(covered) > 1:
                    scope = self.t["whole_region"]
                else:
                    scope = ", ".join(self.gemeente_name(c) for c in self.view.gemeente_codes if c in covered)
                period = ""
                if role.since or role.until:
                    period = f"{self.date(role.since) or '…'} – {self.date(role.until) or '…'}"
                rows.append(
                    {
                        "person": clean(person.name),
                        "organisation": self.organisation_name(person.organisation),
                        "role": self.label("role", role.role),
                        "gemeenten": scope,
                        "hours": number(role.hours_per_week, self.lang),
                        "period": period,
                        "tasks": [
                            clean(task.description or "")
                            + (f" ({self.label('task_level', task.level)})" if task.level else "")
                            for task in role.tasks
                        ],
                    }
                )
        return rows

    def task_division(self) -> list[dict[str, Any]]:
        """Organisations × responsibilities: what each organisation does, where it sits, who it sends."""
        responsibilities: dict[str, list[str]] = {}
        for _document, agreement in self.view.agreements():
            for entry in agreement.responsibilities:
                if entry.organisation:
                    responsibilities.setdefault(entry.organisation, []).extend(clean(t) for t in entry.tasks)
        sits_in: dict[str, list[str]] = {}
        for body in self._sorted_bodies():
            for member in body.members:
                level = self.label("member_level", member.level)
                text = clean(body.name) + (f" ({level})" if level else "")
                if text not in sits_in.setdefault(member.organisation, []):
                    sits_in[member.organisation].append(text)
        people: dict[str, list[str]] = {}
        for person in sorted(self.view.people.values(), key=lambda p: p.name):
            roles = ", ".join(self.label("role", r.role) for r in person.roles)
            people.setdefault(person.organisation, []).append(
                clean(person.name) + (f" ({roles})" if roles else "")
            )
        rows = []
        for organisation in sorted(
            self.view.organisations.values(), key=lambda o: (o.type != "gemeente", o.name)
        ):
            rows.append(
                {
                    "id": organisation.id,
                    "name": clean(organisation.name),
                    "type": self.label("organisation_type", organisation.type),
                    "responsibilities": _unique(responsibilities.get(organisation.id, [])),
                    "sits_in": sits_in.get(organisation.id, []),
                    "people": people.get(organisation.id, []),
                }
            )
        return rows

    def agreement(self, document_id: str, agreement: Agreement, full: bool = False) -> dict[str, Any]:
        """An agreement; `full` for the agreement document itself, whose articles show every clause.

        Placeholders are made in the order the document shows them, so that the list at its end reads
        in the same order.
        """
        missing = labels.MISSING[self.lang]
        # a samenwerkingsovereenkomst settles every clause (G603, G608); other agreements what they hold
        every_clause = full and agreement.type == "samenwerkingsovereenkomst"
        always = ("privacy", "looptijd_en_opzegging")
        title = clean(agreement.title)
        parties: list[dict[str, Any]] = []
        for party in agreement.parties:
            organisation = self.view.organisations.get(party.organisation)
            name = self.organisation_name(party.organisation)
            signed = party.signed is not None
            row: dict[str, Any] = {
                "id": party.organisation,
                "name": name,
                "where": f"{name}, {title}",
                "type": self.label("organisation_type", organisation.type if organisation else None),
                "signatory": clean(party.signatory)
                if party.signatory
                else self.gaps.missing(missing["signatory"], f"{name}, {title}"),
                "signed": signed,
                "signed_on": self.date(party.signed),
                "status": f"{self.t['signed']} {self.date(party.signed)}" if signed else self.t["not_signed"],
            }
            if not signed and not full:  # the plan shows signatory and signature side by side
                row["signed_on"] = self.gaps.missing(missing["signed"], row["where"])
            parties.append(row)
        valid_from = self.date(agreement.valid_from) or self.gaps.missing(missing["valid_from"], title)
        valid_until = self.date(agreement.valid_until) or self.gaps.missing(missing["valid_until"], title)
        tasks_by_party: dict[str, list[str]] = {}
        for entry in agreement.responsibilities:
            if entry.organisation:
                tasks_by_party.setdefault(entry.organisation, []).extend(clean(t) for t in entry.tasks)
        responsibilities = []
        for row in parties:
            tasks = tasks_by_party.get(row["id"], [])
            responsibilities.append(
                {
                    "organisation": row["name"],
                    "tasks": tasks,
                    "missing": self.gaps.missing(missing["responsibilities"], row["where"])
                    if full and not tasks
                    else "",
                }
            )
        clauses_model = agreement.clauses
        clause_titles = labels.CLAUSE_TITLES[self.lang]
        clauses = {}
        for key in clause_titles:
            value = getattr(clauses_model, key, None) if clauses_model is not None else None
            text = clean(value).strip() if value else ""
            wanted = full and (every_clause or key in always)
            clauses[key] = {
                "key": key,
                "title": clause_titles[key],
                "text": text,
                "shown": bool(text) or wanted,
                "wanted": wanted,
                "paragraphs": [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()] if text else [],
                "present": bool(text),
            }
        # the articles: the clauses in order, then privacy, then wijziging en opzegging
        for key in [k for k in clauses if k not in always] + list(always):
            clause = clauses[key]
            if clause["wanted"] and not clause["present"]:
                clause["text"] = self.gaps.missing(key.replace("_", " "), title)
        if full:  # the signature table closes the document
            for row in parties:
                if not row["signed"]:
                    row["signed_on"] = self.gaps.missing(missing["signed"], row["where"])
        signed_count = sum(1 for p in parties if p["signed"])
        return {
            "id": document_id,
            "title": title,
            "type": self.label("agreement_type", agreement.type),
            "valid_from": valid_from,
            "valid_until": valid_until,
            "document": clean(agreement.document) if agreement.document else "",
            "parties": parties,
            "signed_count": signed_count,
            "party_count": len(parties),
            "all_signed": signed_count == len(parties),
            "clauses": clauses,
            "clause_list": [c for c in clauses.values() if c["shown"] and c["key"] not in always],
            "responsibilities": responsibilities,
        }

    def agreements(self) -> list[dict[str, Any]]:
        found = sorted(self.view.agreements(), key=lambda pair: (pair[1].valid_from or date.min, pair[1].id))
        return [self.agreement(model.id, model) for _document, model in found]

    def monitoring(self) -> list[dict[str, Any]]:
        from kngg_cli.catalog.reference import me_matrix
        from kngg_cli.model.monitoring import ME_LEVELS

        matrix = me_matrix()
        missing = labels.MISSING[self.lang]
        plans = []
        for document in self.view.valid("MonitoringPlan"):
            plan = document.model
            name = clean(plan.name or plan.id)
            levels: dict[str, list[dict[str, str]]] = {level: [] for level in ME_LEVELS}
            for indicator in plan.indicators:
                reference = matrix.indicators.get(indicator.ref) if indicator.ref else None
                level, kind = indicator.facts()
                levels.setdefault(level or "?", []).append(
                    {
                        "ref": clean(indicator.ref or ""),
                        "name": clean(indicator.name or (reference.name if reference else "")),
                        "type": self.label("indicator_type", kind),
                        "owner": self.owner_name(indicator.owner),
                        "frequency": duration_words(indicator.frequency, self.lang),
                        "instrument": clean(indicator.instrument or ""),
                    }
                )
            body = self.view.bodies.get(plan.agreed_by) if plan.agreed_by else None
            plans.append(
                {
                    "id": plan.id,
                    "name": name,
                    "agreed_by": clean(body.name)
                    if body
                    else (
                        clean(plan.agreed_by)
                        if plan.agreed_by
                        else self.gaps.missing(missing["agreed_by"], name)
                    ),
                    "agreed_on": self.date(plan.agreed_on) or self.gaps.missing(missing["agreed_on"], name),
                    "reviewed_on": self.date(plan.reviewed_on),
                    "evaluation_cycle": duration_words(plan.evaluation_cycle, self.lang),
                    "levels": [
                        {"code": code, "name": clean(matrix.levels.get(code, code)), "indicators": items}
                        for code, items in levels.items()
                        if code in ME_LEVELS or items
                    ],
                }
            )
        return plans

    def communication(self) -> list[dict[str, Any]]:
        missing = labels.MISSING[self.lang]
        plans = []
        for document in self.view.valid("CommunicationPlan"):
            plan = document.model
            name = clean(plan.name or plan.id)
            plans.append(
                {
                    "id": plan.id,
                    "name": name,
                    "stakeholder_map": self.t["recorded"] if plan.stakeholder_map else "",
                    "gemeente_contact": self.person_name(plan.gemeente_contact)
                    if plan.gemeente_contact
                    else self.gaps.missing(missing["gemeente_contact"], name),
                    "channels": [
                        {
                            "type": self.label("channel_type", channel.type),
                            "audience": clean(channel.audience or ""),
                            "owner": self.owner_name(channel.owner),
                            "frequency": duration_words(channel.frequency, self.lang),
                        }
                        for channel in plan.channels
                    ],
                }
            )
        return plans

    def open_items(self) -> list[dict[str, Any]]:
        items = []
        findings = self.result.open_items
        if self.result.phase == 2:  # every gate is enforced: what still needs attention is in the G findings
            findings = [f for f in self.result.findings if f.code.startswith("G")]
        for finding in sorted(findings, key=lambda f: (f.code, f.sort_key)):
            items.append(
                {
                    "code": finding.code,
                    "blocking": Severity.ERROR in (finding.severity, finding.gate_severity),
                    "message": clean(finding.message),
                    "hint": clean(finding.hint or ""),
                    "owner": self._owner_of(finding),
                    "where": self._where(finding),
                }
            )
        return items

    def _where(self, finding: Finding) -> str:
        path = finding.location.path
        try:
            relative = path.relative_to(self.view.root).as_posix()
        except ValueError:
            relative = path.name
        return f"{relative}:{finding.location.span.line}"

    def _owner_of(self, finding: Finding) -> str:
        """Who picks an open item up: the one it is about, a gemeente's projectleider, else the RC."""
        by_agreement = self._owner_by_agreement(finding)
        if by_agreement:
            return by_agreement
        subject = finding.subject
        if subject in self.view.people:
            return self.person_name(subject)
        if subject in self.view.organisations:
            return self.organisation_name(subject)
        if subject in self.view.bodies:
            chair = self.view.bodies[subject].chair
            if chair:
                return self.person_name(chair)
        code = self._gemeente_of(finding)
        if code is not None:
            leads = [
                ref.person.name
                for ref in self.view.roles("lokale_projectleider")
                if code in self.view.role_gemeenten(ref.person, ref.role)
            ]
            if leads:
                return clean(", ".join(sorted(leads)))
        coordinators = self.view.coordinator_roles()
        if coordinators:
            role = self.label("role", coordinators[0].role.role)
            return f"{clean(coordinators[0].person.name)} ({role})"
        return self.gaps.missing(labels.MISSING[self.lang]["owner"], f"{finding.code}")

    def _owner_by_agreement(self, finding: Finding) -> str:
        """The organisations whose responsibilities in the agreements name the role the finding is about
        (a missing centrale zorgverlener is the party's that provides them, not the gemeente's)."""
        message = finding.message.lower()
        roles = [r for r in OWNED_ROLES if r in message or OWNED_ROLES[r] in message]
        if not roles:
            return ""
        naming: list[str] = []  # organisations whose task names the role
        providing: list[str] = []  # … and provides it ("Levert per gemeente een centrale zorgverlener")
        for _document, agreement in self.view.agreements():
            for entry in agreement.responsibilities:
                for task in entry.tasks:
                    text = task.lower()
                    if entry.organisation and any(r in text or OWNED_ROLES[r] in text for r in roles):
                        naming.append(self.organisation_name(entry.organisation))
                        if any(verb in text for verb in PROVIDING):
                            providing.append(self.organisation_name(entry.organisation))
        return clean(", ".join(_unique(providing or naming)))

    def _gemeente_of(self, finding: Finding) -> str | None:
        region_document = self.view.region_document
        if region_document is None or finding.location.path != region_document.source.path:
            return None
        for code in self.view.gemeente_codes:
            if self.view.gemeente_entry(code) == finding.location:
                return code
        return None

    def counts(self) -> dict[str, int]:
        agreements = [a for _d, a in self.view.agreements()]
        parties = [p for a in agreements for p in a.parties]
        return {
            "organisations": len(self.view.organisations),
            "people": len(self.view.people),
            "bodies": len(self.view.bodies),
            "agreements": len(agreements),
            "agreements_signed": sum(1 for a in agreements if a.fully_signed),
            "signatures": sum(1 for p in parties if p.signed),
            "parties": len(parties),
        }

    # -- the documents -------------------------------------------------------------------
    def base(self) -> dict[str, Any]:
        return {
            "t": self.t,
            "lang": self.lang,
            "document": self.document,
            "target": self.target,
            "today": self.date(self.today),
            "region": self.region(),
            "colophon": self.t["colophon"].format(today=self.date(self.today)),
        }

    def plan(self) -> dict[str, Any]:
        from kngg_cli.render.status_report import StatusBuilder

        context = self.base()
        progress = self.progress()
        items = self.open_items()
        report = StatusBuilder(self, self.since)
        context.update(
            gemeenten=self.gemeenten(),
            progress=progress,
            map=report.map(),
            bodies=self.bodies(),
            diagram=self.diagram(),
            task_division=self.task_division(),
            people_roles=self.people_roles(),
        )
        context["summary"] = report.build(progress, items)
        context.update(
            financing=self.clause_sections("financiering"),
            training=self.clause_sections("opleiding"),
            czv=self.czv_hours(),
            agreements=self.agreements(),
            monitoring=self.monitoring(),
            communication=self.communication(),
            planning=self.planning(progress, report),
            open_items=items,
        )
        missing = labels.MISSING[self.lang]
        if not context["monitoring"]:
            context["monitoring_missing"] = self.gaps.missing(
                missing["monitoring_plan"], self.t["monitoring"]
            )
        if not context["communication"]:
            context["communication_missing"] = self.gaps.missing(
                missing["communication_plan"], self.t["communication"]
            )
        context["placeholders"] = self.gaps.found
        return context

    def clause_sections(self, key: str) -> dict[str, Any]:
        """What the agreements say about one subject (financiering, opleiding …), per agreement."""
        found = []
        for _document, agreement in sorted(self.view.agreements(), key=lambda p: p[1].id):
            value = getattr(agreement.clauses, key, None) if agreement.clauses is not None else None
            if value:
                paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", clean(value)) if p.strip()]
                found.append({"title": clean(agreement.title), "paragraphs": paragraphs})
        title = labels.CLAUSE_TITLES[self.lang][key]
        return {
            "texts": found,
            "missing": "" if found else self.gaps.missing(key.replace("_", " "), title),
        }

    def czv_hours(self) -> dict[str, Any]:
        """The centrale zorgverleners with their hours and gemeenten, and what the agreements say about
        their indirect hours (overleg, scholing, registratie)."""
        rows = []
        for person in sorted(self.view.people.values(), key=lambda p: p.name):
            for role in person.roles:
                if role.role != "centrale_zorgverlener":
                    continue
                covered = self.view.role_gemeenten(person, role)
                rows.append(
                    {
                        "person": clean(person.name),
                        "organisation": self.organisation_name(person.organisation),
                        # in the region's order: a role's scope is a set
                        "gemeenten": ", ".join(
                            self.gemeente_name(c) for c in self.view.gemeente_codes if c in covered
                        ),
                        "hours": number(role.hours_per_week, self.lang),
                    }
                )
        return {"rows": rows, "clause": self.clause_sections("indirecte_uren_czv")}

    def planning(self, progress: dict[str, Any], report: Any) -> dict[str, Any]:
        """The coming twelve months: the steps ahead, and the dated events of the region's calendar."""
        ahead = [s["title"] for s in progress["steps"] if s["state"] == "ahead"]
        return {"steps_ahead": ahead, "events": report.coming()}

    def agreement_document(self, agreement_id: str) -> dict[str, Any]:
        from kngg_cli.render.agreement import AgreementBuilder

        context = self.base()
        chosen = next(model for _d, model in self.view.agreements() if model.id == agreement_id)
        context["agreement"] = AgreementBuilder(self, chosen).build()
        context["placeholders"] = self.gaps.found
        return context

    def status(self) -> dict[str, Any]:
        from kngg_cli.render.status_report import StatusBuilder

        context = self.base()
        progress = self.progress()
        items = self.open_items()
        context.update(progress=progress, open_items=items)
        context["report"] = StatusBuilder(self, self.since).build(progress, items)
        context["placeholders"] = self.gaps.found
        return context


def build_context(
    result: RegionResult,
    document: str,
    target: str,
    today: date,
    agreement_id: str | None = None,
    since: date | None = None,
) -> dict[str, Any]:
    """The context of one document ("plan", "agreement", "status") for one output format."""
    builder = ContextBuilder(result, document, target, today, since)
    if document == "plan":
        return builder.plan()
    if document == "agreement":
        assert agreement_id is not None
        return builder.agreement_document(agreement_id)
    if document == "status":
        return builder.status()
    raise ValueError(f"unknown document {document!r}")


def _step_title(word: str, number: int, name: str) -> str:
    """'Stap 6: Teken de …', but 'Stap 1 (verkenningsfase)' stays as it is."""
    prefix = f"{word} {number}"
    return name if name.startswith(prefix) else f"{prefix}: {name}"


def _unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
