"""The agreement draft as a lawyer expects it: parties, considerations, numbered articles with
numbered leden ("3.1", "3.2"), one signature block per party, and the list of model texts.

The structure is built here, not in the templates, so that Markdown, HTML and Word number the
same way and tests can read the numbering without parsing a document. An intentieverklaring gets
the lighter structure: points instead of binding articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kngg_cli.model.body import GOVERNING_BODY_TYPES
from kngg_cli.render import labels
from kngg_cli.render.formatting import clean, duration_words, join
from kngg_cli.render.model_texts import AGREEMENT, ARTICLE_ORDER, MODEL_CLAUSES

if TYPE_CHECKING:
    from kngg_cli.model import Agreement, Body
    from kngg_cli.render.context import ContextBuilder

# words in a privacy clause that show it already settles the AVG roles
_AVG_ROLES = re.compile(r"verwerkingsverantwoordelijke|verwerker|controller|processor", re.IGNORECASE)
# a signatory whose function is wethouder needs a volmacht to represent a gemeente (art. 171 Gemeentewet)
_WETHOUDER = re.compile(r"\bwethouder\b", re.IGNORECASE)


@dataclass
class Article:
    number: int
    title: str
    leden: list[str] = field(default_factory=list)
    model: bool = False  # kngg's standard text, not the region's
    intro: str = ""  # a sentence before the leden (Begripsbepalingen)

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "model": self.model,
            "intro": self.intro,
            "leden": [{"number": f"{self.number}.{i}", "text": text} for i, text in enumerate(self.leden, 1)],
        }


def governing_body(bodies: dict[str, Body]) -> Body | None:
    """The kerngroep, else the regiegroep, else the stuurgroep (the first by name of that type)."""
    for kind in GOVERNING_BODY_TYPES:
        found = sorted((b for b in bodies.values() if b.type == kind), key=lambda b: b.name)
        if found:
            return found[0]
    return None


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", clean(text)) if p.strip()]


def split_signatory(signatory: str) -> tuple[str, str]:
    """'P. Lievense, wethouder' → ('P. Lievense', 'wethouder')."""
    name, _, function = signatory.partition(",")
    return name.strip(), function.strip()


class AgreementBuilder:
    """The document structure of one agreement, for the agreement template."""

    def __init__(self, owner: ContextBuilder, agreement: Agreement) -> None:
        self.c = owner
        self.agreement = agreement
        self.lang = owner.lang
        self.w = AGREEMENT.get(self.lang, AGREEMENT["nl"])
        self.title = clean(agreement.title)
        self.intent = agreement.type == "intentieverklaring"
        # a samenwerkingsovereenkomst settles every clause (G603, G608); other kinds what they hold
        self.every_clause = agreement.type == "samenwerkingsovereenkomst"
        self.models: list[str] = []

    def missing(self, label: str) -> str:
        return self.c.gaps.missing(label, self.title)

    # -- parties ----------------------------------------------------------------------------
    def parties(self) -> list[dict[str, Any]]:
        rows = []
        view = self.c.view
        for party in self.agreement.parties:
            organisation = view.organisations.get(party.organisation)
            name = self.c.organisation_name(party.organisation)
            where = f"{name}, {self.title}"
            details = []
            if organisation is not None and getattr(organisation, "address", None):
                details.append(self.w["address"].format(address=clean(organisation.address)))
            if organisation is not None and getattr(organisation, "kvk", None):
                details.append(self.w["kvk"].format(kvk=clean(organisation.kvk)))
            signatory = clean(party.signatory) if party.signatory else ""
            who: str = signatory or self.c.gaps.missing(labels.MISSING[self.lang]["signatory"], where)
            authority = clean(getattr(party, "authority", None) or "")
            is_gemeente = organisation is not None and organisation.type == "gemeente"
            volmacht = ""
            if is_gemeente and signatory and not authority and _WETHOUDER.search(signatory):
                volmacht = self.c.gaps.missing(self.w["volmacht"], where)
            representation = self.w["represented"].format(who=who)
            on_behalf = [self.c.gemeente_name(code) for code in getattr(party, "on_behalf_of", None) or []]
            person, function = split_signatory(signatory) if signatory else ("", "")
            rows.append(
                {
                    "id": party.organisation,
                    "name": name,
                    "type": self.c.label("organisation_type", organisation.type if organisation else None),
                    "details": details,
                    "representation": representation,
                    "authority": authority,
                    "volmacht": volmacht,
                    "on_behalf_of": self.w["on_behalf_of"].format(names=join(on_behalf, self.lang))
                    if on_behalf
                    else "",
                    "person": person or who,
                    "function": function,
                    "signed": party.signed is not None,
                    "signed_on": self.c.date(party.signed) if party.signed else "",
                }
            )
        return rows

    # -- considerations ------------------------------------------------------------------------
    def considerations(self) -> list[str]:
        region = self.c.view.region
        assert region is not None
        items = [self.w["c_approach"], self.w["c_leidraad"]]
        vision = " ".join(_paragraphs(region.vision)) if region.vision else ""
        if vision:
            items.append(self.w["c_vision"].format(vision=vision.rstrip(".") + ";"))
        else:
            items.append(
                self.w["c_vision"].format(
                    vision=self.c.gaps.missing(labels.MISSING[self.lang]["vision"], self.title)
                )
                + ";"
            )
        decisions = {d.gemeente: d for d in region.decisions if d.gemeente and d.outcome == "positief"}
        party_gemeenten = []
        for party in self.agreement.parties:
            organisation = self.c.view.organisations.get(party.organisation)
            if organisation is not None and organisation.type == "gemeente" and organisation.gemeente:
                party_gemeenten.append(organisation.gemeente)
            party_gemeenten.extend(getattr(party, "on_behalf_of", None) or [])
        for code in dict.fromkeys(party_gemeenten):
            name = self.c.gemeente_name(code)
            decision = decisions.get(code)
            if decision is None:
                items.append(self.missing(self.w["decision_missing"].format(name=name)) + ";")
                continue
            reference = (
                self.w["c_reference"].format(reference=clean(decision.reference))
                if decision.reference
                else ""
            )
            by = self.w.get(f"by_{decision.by or 'college'}", self.w["by_college"])
            date_text = self.c.date(decision.date) if decision.date else self.missing(self.c.t["date"])
            items.append(self.w["c_decision"].format(by=by, name=name, date=date_text, reference=reference))
        items.append(self.w["intent_record" if self.intent else "c_record"])
        return items

    # -- articles ------------------------------------------------------------------------------
    def clause_text(self, key: str) -> list[str]:
        clauses = self.agreement.clauses
        value = getattr(clauses, key, None) if clauses is not None else None
        return _paragraphs(value) if value else []

    def articles(self) -> list[dict[str, Any]]:
        titles = labels.CLAUSE_TITLES[self.lang]
        articles: list[Article] = []
        order = [(kind, key) for kind, key in ARTICLE_ORDER if self._included(kind, key)]
        numbers = {key: index for index, (_kind, key) in enumerate(order, 1)}
        body = governing_body(self.c.view.bodies)
        body_name = (
            self.w["the_body"].format(name=clean(body.name)) if body is not None else self.w["body_fallback"]
        )
        for kind, key in order:
            number = len(articles) + 1
            if kind == "model":
                article = self._model_article(key, number, numbers, body)
            elif kind == "roles":
                article = self._roles(number)
            elif kind == "governance":
                article = self._governance(number, body)
            else:
                own = self.clause_text(key)
                article = Article(number, titles[key], own)
                if not own and key in MODEL_CLAUSES:
                    fields = {"body": body_name, "termination": numbers.get("looptijd_en_opzegging", "")}
                    article.leden = [self.w[k].format(**fields) for k in MODEL_CLAUSES[key]]
                    article.model = True
                elif not own:
                    article.leden = [self.missing(key.replace("_", " "))]
                if key == "privacy":
                    if not own:
                        article.leden = [self.w["privacy_model"], *article.leden]
                    if not any(_AVG_ROLES.search(text) for text in own):
                        article.leden.append(
                            self.w["privacy_roles"].format(roles=self.missing(self.w["avg_roles"]))
                        )
            article.number = number
            articles.append(article)
        self.models = [f"{self.w['article']} {a.number}. {a.title}" for a in articles if a.model]
        return [a.as_dict() for a in articles]

    def _included(self, kind: str, key: str) -> bool:
        """Every article in a samenwerkingsovereenkomst; in other kinds the clauses they hold."""
        if kind != "clause" or self.every_clause or key in MODEL_CLAUSES:
            return True
        return key in ("privacy", "looptijd_en_opzegging") or bool(self.clause_text(key))

    def _model_article(self, key: str, number: int, numbers: dict[str, int], body: Body | None) -> Article:
        w = self.w
        region = self.c.view.region
        assert region is not None
        if key == "definitions":
            gemeenten = join([self.c.gemeente_name(code) for code in self.c.view.gemeente_codes], self.lang)
            leden = [w["d_approach"], w["d_leidraad"], w["d_region"].format(gemeenten=gemeenten)]
            leden += [w["d_rc"], w["d_czv"], w["d_pl"]]
            if body is not None:
                kind = self.c.label("body_type", body.type)
                leden.append(
                    w["d_body"].format(
                        type=kind[:1].upper() + kind[1:],
                        name=clean(body.name),
                        article=numbers.get("governance", ""),
                    )
                )
            return Article(number, w["t_definitions"], leden, model=True, intro=w["d_intro"])
        if key == "purpose":
            leden = [w["purpose"].format(region=clean(region.name))]
            if region.ambitions:
                ambitions = " ".join(clean(a).rstrip(".;") + "." for a in region.ambitions)
                leden.append(w["purpose_ambitions"].format(ambitions=ambitions))
            return Article(number, w["t_purpose"], leden, model=True)
        if key == "term":
            missing = labels.MISSING[self.lang]
            start = self.c.date(self.agreement.valid_from) or self.missing(missing["valid_from"])
            end = self.c.date(self.agreement.valid_until) or self.missing(missing["valid_until"])
            return Article(
                number, w["t_term"], [w["term_start"].format(start=start, end=end), w["term_extend"]]
            )
        if key == "change":
            return Article(number, w["t_change"], [w["change_1"], w["change_2"]], model=True)
        return Article(
            number,
            w["t_final"],
            [w["final_1"], w["final_2"], w["final_3"].format(title=self.title)],
            model=True,
        )

    def _roles(self, number: int) -> Article:
        tasks: dict[str, list[str]] = {}
        for entry in self.agreement.responsibilities:
            if entry.organisation:
                tasks.setdefault(entry.organisation, []).extend(clean(t).rstrip(".;") for t in entry.tasks)
        leden = []
        for party in self.agreement.parties:
            name = self.c.organisation_name(party.organisation)
            listed = tasks.get(party.organisation, [])
            text = (
                "; ".join(listed) + "."
                if listed
                else self.c.gaps.missing(
                    labels.MISSING[self.lang]["responsibilities"], f"{name}, {self.title}"
                )
            )
            leden.append(self.w["roles_party"].format(party=name, tasks=text))
        for key in ("rol_rc", "rol_projectleider"):
            own = self.clause_text(key)
            if own:
                leden.extend(own)
            elif self.every_clause:
                leden.append(self.missing(key.replace("_", " ")))
        return Article(number, self.w["t_roles"], leden)

    def _governance(self, number: int, body: Body | None) -> Article:
        w = self.w
        leden: list[str] = []
        if body is None:
            leden.append(self.missing(w["governing_missing"]))
        else:
            name = clean(body.name)
            mandate = self.c.label("mandate", body.mandate)
            leden.append(
                w["gov_body"].format(
                    name=name,
                    type=self.c.label("body_type", body.type),
                    mandate=w["gov_mandate"].format(mandate=mandate) if mandate else "",
                )
            )
            members = []
            for member in body.members:
                organisation = self.c.organisation_name(member.organisation)
                person = self.c.person_name(member.person) if member.person else ""
                members.append(
                    w["member"].format(person=person, organisation=organisation) if person else organisation
                )
            if members:
                leden.append(w["gov_members"].format(name=name, members=join(members, self.lang)))
            if body.frequency:
                chair = self.c.person_name(body.chair) if body.chair else ""
                leden.append(
                    w["gov_meets"].format(
                        name=name,
                        frequency=duration_words(body.frequency, self.lang),
                        chair=w["gov_chair"].format(chair=chair) if chair else "",
                    )
                )
            parent = self.c.view.bodies.get(body.reports_to) if body.reports_to else None
            if parent is not None:
                leden.append(w["gov_reports"].format(name=name, parent=clean(parent.name)))
        own = self.clause_text("besluitvorming")
        if own:
            leden.extend(own)
        elif self.every_clause:
            leden.append(self.missing("besluitvorming"))
        return Article(number, w["t_governance"], leden)

    # -- intentieverklaring ------------------------------------------------------------------------
    def intent_points(self) -> list[str]:
        region = self.c.view.region
        assert region is not None
        missing = labels.MISSING[self.lang]
        points = [self.w["intent_purpose"].format(region=clean(region.name))]
        tasks: dict[str, list[str]] = {}
        for entry in self.agreement.responsibilities:
            if entry.organisation:
                tasks.setdefault(entry.organisation, []).extend(clean(t).rstrip(".;") for t in entry.tasks)
        for organisation, listed in tasks.items():
            points.append(f"{self.c.organisation_name(organisation)}: {'; '.join(listed)}.")
        titles = labels.CLAUSE_TITLES[self.lang]
        for key in titles:
            for paragraph in self.clause_text(key):
                points.append(f"{titles[key]}: {paragraph}")
        start = self.c.date(self.agreement.valid_from) or self.missing(missing["valid_from"])
        end = self.c.date(self.agreement.valid_until) or self.missing(missing["valid_until"])
        points.append(self.w["intent_term"].format(start=start, end=end))
        points.append(self.w["intent_not_binding"])
        return points

    # -- the whole document ------------------------------------------------------------------------
    def build(self) -> dict[str, Any]:
        parties = self.parties()
        considerations = self.considerations()
        articles = [] if self.intent else self.articles()
        points = self.intent_points() if self.intent else []
        signed = sum(1 for p in parties if p["signed"])
        for party in parties:  # the signature blocks close the document
            if not party["signed"]:
                party["signed_on"] = self.c.gaps.missing(
                    labels.MISSING[self.lang]["signed"], f"{party['name']}, {self.title}"
                )
        return {
            "title": self.title,
            "type": self.c.label("agreement_type", self.agreement.type),
            "intent": self.intent,
            "concept": signed < len(parties) or not parties,
            "parties": parties,
            "considerations": considerations,
            "articles": articles,
            "points": points,
            "models": self.models,
            "w": self.w,
            "signed_count": signed,
            "party_count": len(parties),
        }
