"""R rules: references between documents, and consistency with the CBS list and the calendar."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from kngg_cli.findings import Problem, Severity
from kngg_cli.loading.positions import NodePath
from kngg_cli.model.document import Document
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule
from kngg_cli.suggest import did_you_mean


def _references(view: RegionView, field: str) -> Iterator[tuple[Document, NodePath, str]]:
    """Every value of `field` anywhere in a valid document, with its path."""
    yield from _reference_index(view).get(field, ())


def _reference_index(view: RegionView) -> dict[str, list[tuple[Document, NodePath, str]]]:
    """Text values of valid documents by the key they stand under: the documents are walked once."""
    index = view.extra.get("references")
    if index is None:
        index = {}
        for document in view.documents:
            if document.model is None:
                continue
            for path, value in document.nodes(extensions=False):
                if path and isinstance(value, str) and isinstance(path[-1], str):
                    index.setdefault(path[-1], []).append((document, path, value))
        view.extra["references"] = index
    return index


_ID_LINE = re.compile(r"^\s*(?:-\s+)?id:\s*[\"']?([a-z0-9][a-z0-9-]{0,62})[\"']?\s*(?:#.*)?$")


def _maybe_defined(view: RegionView) -> frozenset[str]:
    """Ids that may exist but could not be read: not reported as unknown (no cascades).

    A file that does not parse loses its documents from the error on, and a document of an
    unknown kind has no kind to look its id up under; references to their ids stay quiet.
    """
    cached = view.extra.get("maybe_defined")
    if cached is None:
        found: set[str] = set()
        for document in view.documents:
            if document.kind is None and document.id is not None:
                found.add(document.id)
        for source in view.files:
            if not source.readable:
                for line in _text_of(source).splitlines():
                    match = _ID_LINE.match(line)
                    if match:
                        found.add(match.group(1))
        cached = view.extra["maybe_defined"] = frozenset(found)
    return cached


def _text_of(source: Any) -> str:
    if source.text:
        return str(source.text)
    from kngg_cli.loading.files import MAX_FILE_BYTES, text_encoding

    try:  # not UTF-8: read it leniently, only to find ids
        path = source.path
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return ""
        raw = path.read_bytes()
        text: str = raw.decode(text_encoding(raw) or "utf-8", errors="replace")
        return text
    except OSError:
        return ""


def _unknown(
    code: str,
    references: Iterable[tuple[Document, NodePath, str]],
    known: Collection[str],
    quiet: Collection[str] = (),
    key: str = "default",
    params: Callable[[str], dict[str, Any]] = lambda ref: {"ref": ref},
) -> Iterator[Problem]:
    """The one home of 'an unknown reference': `code`'s finding on every reference that is not in
    `known` (nor in `quiet`, whose findings would be a cascade), with the did-you-mean among `known`
    (the `_suggest` hint, one wording for R001-R004 and R009)."""
    for document, path, ref in references:
        if ref not in known and ref not in quiet:
            found = {**params(ref), **did_you_mean(ref, known)}
            yield Problem(code, document.value_at(path), key, found, document.id)


def _unknown_references(
    view: RegionView, code: str, fields: tuple[str, ...], known: Collection[str], key: str = "default"
) -> Iterator[Problem]:
    """`code`'s finding on every value under `fields` that is not an id in `known`; ids that may
    stand in a file that could not be read stay quiet (no cascades)."""
    references = (reference for field in fields for reference in _references(view, field))
    yield from _unknown(code, references, known, _maybe_defined(view), key)


@rule("R001")
def unknown_organisation(view: RegionView) -> Iterator[Problem]:
    yield from _unknown_references(view, "R001", ("organisation",), view.ids.get("Organisation", {}))


# R002's one finding for a region without any Person, and the rules that ask for people: while
# there is none, those wait (one cause, one finding; cli.md), as the G rules wait for S errors.
NO_PEOPLE_KEYS = frozenset({"no_people", "no_people_file"})
PEOPLE_RULES = frozenset({"G502", "G503", "G704", "G705", "G706", "G806"})


@rule("R002")
def unknown_person(view: RegionView) -> Iterator[Problem]:
    people = view.ids.get("Person", {})
    owners = {**view.ids.get("Organisation", {}), **people}
    unknown = [
        *_unknown_references(view, "R002", ("chair", "person", "gemeente_contact"), people),
        *_unknown_references(view, "R002", ("owner",), owners, "owner"),
    ]
    if unknown and not people and not _person_documents(view):
        # one cause, one finding: without any Person every reference is unknown; say that once
        if view.unreadable:
            return  # the people may be in the file that could not be read: its S finding says what to do
        first = min(unknown, key=lambda problem: (str(problem.location.path), problem.location.span.line))
        refs = sorted({str(problem.params["ref"]) for problem in unknown})
        params = {"count": len(unknown), "refs": ", ".join(f"`{ref}`" for ref in refs[:4])}
        key = "no_people" if (view.root / "people.yaml").exists() else "no_people_file"
        yield Problem("R002", first.location, key, params, first.subject)
        return
    yield from unknown


def _person_documents(view: RegionView) -> bool:
    """Whether any document says `kind: Person` (valid or not): then the people are there."""
    return any(document.raw_kind == "Person" for document in view.documents)


@rule("R003")
def unknown_body(view: RegionView) -> Iterator[Problem]:
    yield from _unknown_references(view, "R003", ("reports_to", "agreed_by"), view.ids.get("Body", {}))
    yield from _reporting_cycles(view)


def _reporting_cycles(view: RegionView) -> Iterator[Problem]:
    """Each reports_to cycle once, at its first body in file order. Linear in the number of bodies
    (each body is walked once), so a national set of long chains stays fast."""
    parent = {body.id: body.reports_to for body in view.bodies.values() if body.reports_to}
    on_cycle = _cycle_members(parent)
    reported: set[str] = set()
    for document in view.valid("Body"):
        start = document.model.id
        if start not in on_cycle or start in reported:
            continue
        chain = [start]
        current = parent[start]
        while current != start:
            chain.append(current)
            current = parent[current]
        reported.update(chain)
        params = {"id": start, "chain": " → ".join([*chain, start])}
        yield Problem("R003", document.value_at(("reports_to",)), "cycle", params, start)


def _cycle_members(parent: dict[str, str]) -> set[str]:
    """The ids that lie on a cycle of `parent` links (each id visited once)."""
    done: set[str] = set()
    members: set[str] = set()
    for start in parent:
        path: dict[str, int] = {}  # the current walk, in order (dicts keep insertion order)
        current: str | None = start
        while current is not None and current not in done and current not in path:
            path[current] = len(path)
            current = parent.get(current)
        if current is not None and current in path:
            members.update(list(path)[path[current] :])
        done.update(path)
    return members


def _gemeente_references(view: RegionView) -> list[tuple[Document, NodePath, str]]:
    """Every GM code used, with where it stands (R004 and R005 both read it: computed once)."""
    found = view.extra.get("gemeente_references")
    if found is None:
        found = view.extra["gemeente_references"] = list(_find_gemeente_references(view))
    return found


GEMEENTE_LISTS = ("gemeenten", "on_behalf_of")  # lists of GM codes outside region.yaml


def _find_gemeente_references(view: RegionView) -> Iterator[tuple[Document, NodePath, str]]:
    for document in view.documents:
        if document.model is None:
            continue
        if document.kind == "Region":
            yield from _decision_codes(document)
            continue
        for path, value in document.nodes(extensions=False):
            if (
                isinstance(value, str)
                and path
                and (path[-1] == "gemeente" or (len(path) >= 2 and path[-2] in GEMEENTE_LISTS))
            ):
                yield document, path, value


def _decision_codes(document: Document) -> Iterator[tuple[Document, NodePath, str]]:
    for index, decision in enumerate(document.model.decisions):
        if decision.gemeente:
            yield document, ("decisions", index, "gemeente"), decision.gemeente


@rule("R004")
def gemeente_not_in_region(view: RegionView) -> Iterator[Problem]:
    if view.region is None:
        return
    catalogue = _cbs()
    # While R005 reports a mistyped code in gemeenten:, the code it suggests is what the region
    # means: a reference to it elsewhere is right, not R004 (one cause, one finding).
    meant = {code for code in view.unknown_gemeenten.values() if code is not None}

    def params(code: str) -> dict[str, Any]:
        return {"code": code, "name": f" ({catalogue[code].name})" if code in catalogue else ""}

    yield from _unknown("R004", _gemeente_references(view), view.gemeente_codes, meant, params=params)


def _cbs() -> dict[str, Any]:
    from kngg_cli.catalog.reference import gemeenten

    return gemeenten()


@rule("R005")
def unknown_gemeente_code(view: RegionView) -> Iterator[Problem]:
    from kngg_cli.catalog.reference import GEMEENTE_LIST_LABEL, gemeente_codes_by_name, gemeente_suggestion

    document, region = view.region_document, view.region
    if document is None or region is None:
        return
    catalogue, by_name = _cbs(), gemeente_codes_by_name()
    for index, entry in enumerate(region.gemeenten):
        known = catalogue.get(entry.code)
        if known is None:
            params = {"code": entry.code, "name": entry.name, "year": GEMEENTE_LIST_LABEL}
            key = "default" if entry.name.casefold() in by_name else "unknown_both"
            yield Problem(
                "R005",
                document.value_at(("gemeenten", index, "code")),
                key,
                params | _suggested(gemeente_suggestion(entry.code, entry.name)),
                region.id,
            )
        elif known.name.casefold() != entry.name.casefold():
            other = by_name.get(entry.name.casefold())
            code_hint = f" (`{entry.name}` is {other})" if other else ""
            params = {"code": entry.code, "name": entry.name, "expected": known.name, "code_hint": code_hint}
            name_at = document.value_at(("gemeenten", index, "name"))
            yield Problem("R005", name_at, "name_mismatch", params, region.id, Severity.WARNING)
    for ref_document, path, code in _gemeente_references(view):
        if code not in catalogue and code not in view.gemeente_codes:
            params = {
                "code": code,
                "name": "",
                "year": GEMEENTE_LIST_LABEL,
                **_suggested(gemeente_suggestion(code)),
            }
            yield Problem("R005", ref_document.value_at(path), "default", params, ref_document.id)


def _suggested(code: str | None) -> dict[str, Any]:
    if code is None:
        return {}
    return {"suggestion": code, "suggestion_name": _cbs()[code].name}


@rule("R006")
def date_order(view: RegionView) -> Iterator[Problem]:
    today = view.today
    for document, agreement in view.agreements():
        if agreement.valid_from and agreement.valid_until and agreement.valid_until <= agreement.valid_from:
            yield _order(
                document,
                ("valid_until",),
                "valid_from",
                agreement.valid_from,
                "valid_until",
                agreement.valid_until,
            )
        for index, party in enumerate(agreement.parties):
            if party.signed and party.signed > today:
                signed_at: NodePath = ("parties", index, "signed")
                yield _future(view, document, signed_at, "future_signature", party.organisation, party.signed)
    for ref in view.roles(active_only=False):
        role = ref.role
        if role.since and role.until and role.until < role.since:
            yield _order(ref.document, (*ref.path, "until"), "since", role.since, "until", role.until)
    region_document, region = view.region_document, view.region
    if region_document is None or region is None:
        return
    for index, decision in enumerate(region.decisions):
        if decision.date and decision.date > today:
            decided_at: NodePath = ("decisions", index, "date")
            yield _future(
                view, region_document, decided_at, "future_decision", decision.gemeente, decision.date
            )
    for index, completed in enumerate(region.progress.completed):
        if completed.date and completed.date > today:
            completed_at: NodePath = ("progress", "completed", index, "date")
            yield _future(view, region_document, completed_at, "future_step", completed.step, completed.date)


def _order(
    document: Document, path: NodePath, earlier: str, earlier_date: date, later: str, later_date: date
) -> Problem:
    params = {
        "earlier": earlier,
        "earlier_date": earlier_date.isoformat(),
        "later": later,
        "later_date": later_date.isoformat(),
    }
    return Problem("R006", document.value_at(path), "default", params, document.id)


def _future(
    view: RegionView, document: Document, path: NodePath, key: str, who: object, when: date
) -> Problem:
    params = {"who": who, "date": when.isoformat(), "today": view.today.isoformat()}
    return Problem("R006", document.value_at(path), key, params, document.id)


@rule("R007")
def progress(view: RegionView) -> Iterator[Problem]:
    from kngg_cli.catalog import step_plan

    document, region = view.region_document, view.region
    if document is None or region is None:
        return
    last = step_plan().last_step
    state = region.progress
    if state.phase == 1 and state.step is not None and not 1 <= state.step <= last:
        yield Problem(
            "R007", document.value_at(("progress", "step")), "default", {"step": state.step}, region.id
        )
    if state.phase == 2 and state.step is not None:
        yield Problem("R007", document.key_at(("progress", "step")), "phase2_step", {}, region.id)
    # In phase 1 the current step is not completed yet; in phase 2 every step may be. A step that
    # does not exist is the finding: measuring `completed` against it would only repeat it.
    current = state.step if state.phase == 1 and state.step is not None else last + 1
    known_step = state.phase != 1 or 1 <= current <= last
    previous_step: int | None = None
    previous_date: date | None = None
    for index, completed in enumerate(state.completed):
        path = ("progress", "completed", index)
        if previous_step is not None and completed.step <= previous_step:
            yield Problem(
                "R007",
                document.value_at((*path, "step")),
                "order",
                {"step": completed.step, "previous": previous_step},
                region.id,
            )
        if known_step and completed.step >= current:
            yield Problem(
                "R007",
                document.value_at((*path, "step")),
                "beyond",
                {"step": completed.step, "current": current},
                region.id,
            )
        if completed.date is None:
            yield Problem("R007", document.entry_at(path), "undated", {"step": completed.step}, region.id)
        elif previous_date is not None and completed.date < previous_date:
            params = {
                "step": completed.step,
                "date": completed.date.isoformat(),
                "previous_date": previous_date.isoformat(),
            }
            yield Problem("R007", document.value_at((*path, "date")), "date_order", params, region.id)
        previous_step = completed.step
        previous_date = completed.date or previous_date


FILE_FIELDS = ("evidence", "assignment", "document", "work_agenda", "stakeholder_map")


@rule("R008")
def missing_document(view: RegionView) -> Iterator[Problem]:
    root = view.root.resolve()
    for field in FILE_FIELDS:
        for document, path, ref in _references(view, field):
            if "://" in ref or ref.startswith("mailto:"):
                continue
            try:
                target = (view.root / ref).resolve()
                outside = PurePosixPath(ref).is_absolute() or not target.is_relative_to(root)
                missing = not outside and not target.exists()
            except (OSError, ValueError, RuntimeError) as error:
                # too long a name, a NUL byte, a symlink loop: a finding for this value, never a crash
                key, params = _path_problem(error)
                yield Problem(
                    "R008", document.value_at(path), key, {"ref": _shown_ref(ref), **params}, document.id
                )
                continue
            if outside:
                yield Problem("R008", document.value_at(path), "outside", {"ref": ref}, document.id)
            elif missing:
                yield Problem(
                    "R008",
                    document.value_at(path),
                    "default",
                    {"ref": ref, **_nearby_file(view, ref)},
                    document.id,
                )


def _shown_ref(ref: str) -> str:
    """The path as text to show: shortened, control characters written as escapes."""
    shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in ref[:80])
    return shown if len(ref) <= 80 else shown[:77] + "..."


def _path_problem(error: Exception) -> tuple[str, dict[str, Any]]:
    """The message key (and parameters) for a path the operating system cannot use."""
    import errno

    if isinstance(error, ValueError):
        return "path_nul", {}
    if isinstance(error, RuntimeError) or getattr(error, "errno", None) == errno.ELOOP:
        return "path_loop", {}
    if getattr(error, "errno", None) == errno.ENAMETOOLONG:
        return "path_too_long", {}
    return "path_unusable", {"problem": getattr(error, "strerror", None) or type(error).__name__}


def _nearby_file(view: RegionView, ref: str) -> dict[str, Any]:
    """A file beside the missing one with a similar name; never a hidden one (`.gitkeep`)."""
    folder = (view.root / ref).parent
    try:
        if not folder.is_dir():
            return {}
        files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    except OSError:
        return {}
    by_name = {p.name: p.relative_to(view.root).as_posix() for p in files}
    found = did_you_mean(PurePosixPath(ref).name, by_name)
    return {"suggestion": by_name[found["suggestion"]]} if found else {}


@rule("R009")
def unknown_indicator(view: RegionView) -> Iterator[Problem]:
    from kngg_cli.catalog.reference import me_matrix

    plans = [
        (document, index, indicator)
        for document in view.valid("MonitoringPlan")
        for index, indicator in enumerate(document.model.indicators)
    ]
    refs = [
        (document, ("indicators", index, "ref"), i.ref) for document, index, i in plans if i.ref is not None
    ]
    yield from _unknown("R009", refs, me_matrix().indicators)
    for document, index, indicator in plans:
        missing = [f"`{name}`" for name in ("name", "level", "type") if getattr(indicator, name) is None]
        if indicator.ref is None and missing:
            params = {"id": indicator.id, "missing": ", ".join(missing)}
            yield Problem(
                "R009", document.entry_at(("indicators", index)), "own_incomplete", params, document.id
            )


@rule("R010")
def gemeente_organisation(view: RegionView) -> Iterator[Problem]:
    if view.region is None:
        return
    by_code: dict[str, list[Document]] = {}
    # Whether a gemeente may have its Organisation in a document that could not be read or
    # validated: then its absence is not reported (the S finding comes first; no cascade).
    unsure = view.unreadable
    for document in view.documents:  # as written: an Organisation with another mistake still counts here
        data = document.data
        # an Organisation, or a document whose kind is unknown (it may be a mistyped Organisation)
        if not isinstance(data, dict) or (document.raw_kind != "Organisation" and document.kind is not None):
            continue
        code, broken = data.get("gemeente"), document.model is None
        if isinstance(code, str) and (data.get("type") == "gemeente" or broken):
            by_code.setdefault(code, []).append(document)
        if broken and data.get("type") == "gemeente" and code not in view.gemeente_codes:
            unsure = True  # a gemeente organisation with a mistyped code: which gemeente it is, is unknown
    for code in view.gemeente_codes:
        found = by_code.get(code, [])
        if not found and not unsure and code not in view.unknown_gemeenten:
            params = {"code": code, "name": view.gemeente_names.get(code, "")}
            yield Problem("R010", view.gemeente_entry(code), "default", params, view.region_id)
        for extra in found[1:]:
            first = found[0]  # by its id, or where it stands when it has none (S004 says so)
            other = first.id or f"{first.source.relative}:{first.kind_location().span.line}"
            params = {"code": code, "other": other}
            yield Problem("R010", extra.value_at(("gemeente",)), "several", params, extra.id)


@rule("R011")
def local_role_scope(view: RegionView) -> Iterator[Problem]:
    """A local role that covers no gemeente (format.md, the scope of a role): it would count nowhere."""
    from kngg_cli.model import LOCAL_ROLES

    if view.region is None:
        return
    for ref in view.roles(*sorted(LOCAL_ROLES), active_only=False):
        if ref.role.until is not None and ref.role.until < view.today:
            continue  # a role that has ended covers nothing on purpose
        if ref.role.gemeenten is None and ref.person.organisation not in view.organisations:
            continue  # the scope comes from an organisation that is unknown or unreadable: R001/S009 say so
        if not view.role_gemeenten(ref.person, ref.role):
            params = {"person": ref.person.name, "id": ref.person.id, "role": ref.role.role}
            yield Problem("R011", ref.document.entry_at(ref.path), ref.role.role, params, ref.person.id)


@rule("R012")
def gemeente_in_two_regions(view: RegionView) -> Iterator[Problem]:
    """When a folder of regions is checked, the engine tells each region which gemeenten the other
    regions list (view.extra["other_regions"]: code → the other regions' names)."""
    others: dict[str, list[str]] = view.extra.get("other_regions", {})
    for code in view.gemeente_codes:  # none without a valid region
        for other in others.get(code, []):
            params = {"code": code, "gemeente": view.gemeente_names.get(code, code), "other": other}
            yield Problem("R012", view.gemeente_entry(code), "default", params, view.region_id)
