"""S rules: structure. The loader and the model stage find most of these; the rules report them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kngg_cli.findings import Location, Problem
from kngg_cli.loading.files import REGION_FILE
from kngg_cli.loading.syntax import syntax_params
from kngg_cli.model.document import Document
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule
from kngg_cli.suggest import did_you_mean


def _load_issues(view: RegionView, code: str) -> Iterator[Problem]:
    for source in view.files:
        for issue in source.issues:
            if issue.code != code:
                continue
            params = (
                syntax_params(issue.params)
                if code == "S001" and issue.message_key == "default"
                else issue.params
            )
            # A duplicate key stands in a document that was read; a syntax error may end the last one.
            document = view.document_at(source.path, issue.span.line) if code == "S002" else None
            subject = document.id if document is not None else None
            yield Problem(code, Location(source.path, issue.span), issue.message_key, params, subject)


def _model_issues(view: RegionView, code: str) -> Iterator[Problem]:
    for document in view.documents:
        for issue in document.issues:
            if issue.code != code:
                continue
            yield Problem(
                code, _issue_location(document, issue), issue.message_key, _suggest(issue.params), document.id
            )


def _issue_location(document: Document, issue: Any) -> Location:
    if issue.at_key:
        return document.key_at(issue.path)
    if issue.message_key in ("missing", "missing_gemeente", "indicator_identity"):
        return document.entry_at(issue.path if issue.message_key == "indicator_identity" else issue.path[:-1])
    return document.value_at(issue.path)


def _suggest(params: dict[str, Any]) -> dict[str, Any]:
    """Add a did-you-mean to a parameter set that names what was written and what may be."""
    choices = params.get("choices")
    written = params.get("field") if "input" not in params else params.get("input")
    if choices and isinstance(written, str):
        return {**params, **did_you_mean(written, choices)}
    return params


@rule("S001")
def yaml_syntax(view: RegionView) -> Iterator[Problem]:
    yield from _load_issues(view, "S001")


@rule("S002")
def duplicate_key(view: RegionView) -> Iterator[Problem]:
    yield from _load_issues(view, "S002")


@rule("S003")
def unknown_kind(view: RegionView) -> Iterator[Problem]:
    for document in view.documents:
        for issue in document.issues:
            if issue.code == "S003":
                location = (
                    document.value_at(("kind",))
                    if issue.message_key == "default"
                    else document.kind_location()
                )
                yield Problem("S003", location, issue.message_key, _suggest(issue.params), document.id)


@rule("S004")
def invalid_value(view: RegionView) -> Iterator[Problem]:
    yield from _load_issues(view, "S004")
    yield from _model_issues(view, "S004")
    yield from _configuration_issues(view)
    yield from _on_behalf_of_issues(view)


def _on_behalf_of_issues(view: RegionView) -> Iterator[Problem]:
    """Only a gemeente signs for other gemeenten (format.md, `on_behalf_of`): a cross-document S004."""
    organisations = view.organisations
    for document, agreement in view.agreements():
        for index, party in enumerate(agreement.parties):
            organisation = organisations.get(party.organisation)
            if party.on_behalf_of and organisation is not None and organisation.type != "gemeente":
                params = {"organisation": party.organisation, "type": organisation.type}
                at = document.key_at(("parties", index, "on_behalf_of"))
                yield Problem("S004", at, "on_behalf_of_not_gemeente", params, document.id)


def _configuration_issues(view: RegionView) -> Iterator[Problem]:
    """`checks:` may not ignore or soften S rules, and names only rules that exist."""
    from kngg_cli.catalog import catalogue

    document, region = view.region_document, view.region
    if document is None or region is None or region.checks is None:
        return
    known = [code for code in catalogue() if not code.startswith("S")]
    entries: list[tuple[str, tuple[str | int, ...], bool]] = [
        (code, ("checks", "ignore", index), True) for index, code in enumerate(region.checks.ignore)
    ]
    entries += [(code, ("checks", "severity", code), False) for code in region.checks.severity]
    for code, path, is_ignore in entries:
        at = document.value_at(path) if is_ignore else document.key_at(path)
        if code.startswith("S"):
            if not is_ignore and region.checks.severity[code] == "error":
                continue  # not softened: an S rule is an error anyway
            yield Problem("S004", at, "config_structure_rule", {"rule": code}, region.id)
        elif code not in known:
            yield Problem(
                "S004",
                at,
                "config_unknown_rule",
                _suggest({"rule": code, "input": code, "choices": known}),
                region.id,
            )


@rule("S005")
def unknown_field(view: RegionView) -> Iterator[Problem]:
    yield from _model_issues(view, "S005")


@rule("S006")
def duplicate_id(view: RegionView) -> Iterator[Problem]:
    first: dict[tuple[str, str], Document] = {}
    for document in view.documents:
        kind, identifier = document.raw_kind, document.id
        if kind is None or identifier is None:
            continue
        earlier = first.setdefault((kind, identifier), document)
        if earlier is document:
            continue
        line = earlier.positions.value_span(("id",)).line
        other = f"{earlier.source.relative}:{line}"
        yield Problem(
            "S006",
            document.value_at(("id",)),
            "default",
            {"kind": kind, "id": identifier, "other": other},
            identifier,
        )


@rule("S007")
def region_file(view: RegionView) -> Iterator[Problem]:
    region_source = next((s for s in view.files if s.relative == REGION_FILE), None)
    regions_in_file = [
        d for d in view.documents if d.source.relative == REGION_FILE and d.raw_kind == "Region"
    ]
    if region_source is not None and region_source.readable and not regions_in_file:
        first = next((d for d in view.documents if d.source is region_source), None)
        at = first.kind_location() if first is not None else Location(region_source.path)
        yield Problem("S007", at, "default")
    for extra in regions_in_file[1:]:
        yield Problem("S007", extra.kind_location(), "several", {}, extra.id)
    for document in view.documents:
        if document.raw_kind == "Region" and document.source.relative != REGION_FILE:
            yield Problem(
                "S007", document.kind_location(), "elsewhere", {"file": document.source.relative}, document.id
            )


@rule("S008")
def format_version(view: RegionView) -> Iterator[Problem]:
    yield from _model_issues(view, "S008")


@rule("S009")
def unreadable_file(view: RegionView) -> Iterator[Problem]:
    yield from _load_issues(view, "S009")
