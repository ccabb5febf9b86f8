"""Shell completion for arguments and options: rule codes, agreement ids and organisation ids.

Typer calls these with the click context, the words typed so far and the word being completed.
They find the region from a PATH given earlier on the command line (the context's `path`
parameter) or else from the working directory, load it quietly (no rules run, nothing printed)
and return the ids that start with what was typed. They never raise: a shell completion that
fails must offer nothing rather than print a traceback into the user's prompt.

Usage in a command (Typer recognises the parameters by their names and types):

    agreement_id: Annotated[str, typer.Argument(autocompletion=complete_agreement_id)]
    party: Annotated[str, typer.Option("--party", autocompletion=complete_organisation_id)]
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# the names under which a command may keep the region path and the agreement id in its context
_PATH_PARAMS = ("path",)
_AGREEMENT_PARAMS = ("agreement_id", "agreement")


def complete_rule_code(ctx: Any = None, args: list[str] | None = None, incomplete: str = "") -> list[str]:
    """Rule codes of the catalogue that start with what was typed (case-insensitive)."""
    try:
        from kngg_cli.catalog import catalogue

        typed = (incomplete or "").strip()
        # keep the case the user typed (`kngg explain g6` → g602): the shell only accepts words
        # that start with what is on the line, and `explain` reads codes case-insensitively
        return [typed + code[len(typed) :] for code in catalogue() if code.startswith(typed.upper())]
    except Exception:
        return []


def complete_agreement_id(ctx: Any = None, args: list[str] | None = None, incomplete: str = "") -> list[str]:
    """Ids of the region's Agreement documents that start with what was typed."""
    try:
        ids = _ids(_region_paths(ctx), "Agreement")
        return _matching(ids, incomplete)
    except Exception:
        return []


def complete_organisation_id(
    ctx: Any = None, args: list[str] | None = None, incomplete: str = ""
) -> list[str]:
    """Ids of the region's Organisation documents that start with what was typed.

    When the command line already names an agreement of the region (the context's
    `agreement_id`), only that agreement's parties are offered, unsigned ones first:
    `kngg sign` never adds parties.
    """
    try:
        roots = _region_paths(ctx)
        agreement = _param(ctx, _AGREEMENT_PARAMS)
        if isinstance(agreement, str) and agreement:
            parties = _parties(roots, agreement)
            if parties:
                return _matching(parties, incomplete, keep_order=True)
        return _matching(_ids(roots, "Organisation"), incomplete)
    except Exception:
        return []


# -- helpers ---------------------------------------------------------------------------------
def _param(ctx: Any, names: Iterable[str]) -> Any:
    """A parameter given earlier on the command line, from the click context (or one of its parents)."""
    while ctx is not None:
        given = {**_leftover_arguments(ctx), **_given_params(ctx)}
        for name in names:
            if given.get(name) not in (None, ""):
                return given[name]
        ctx = getattr(ctx, "parent", None)
    return None


def _given_params(ctx: Any) -> dict[str, Any]:
    """The parsed parameters that the command line set (not their defaults, such as PATH's '.')."""
    params = dict(getattr(ctx, "params", None) or {})
    source = getattr(ctx, "get_parameter_source", None)
    if callable(source):
        for name in list(params):
            try:
                origin = source(name)
            except Exception:
                continue
            if origin is not None and getattr(origin, "name", "") in ("DEFAULT", "DEFAULT_MAP"):
                del params[name]
    return params


def _leftover_arguments(ctx: Any) -> dict[str, Any]:
    """Positional words that completion's lenient parsing left unassigned.

    While the shell completes an option value (`kngg sign sok-2025 regio --party <TAB>`), click
    parses the options but leaves the positional words in `ctx.args`; give them to the command's
    arguments that got no value, in order.
    """
    words = [w for w in (getattr(ctx, "args", None) or []) if isinstance(w, str) and not w.startswith("-")]
    command = getattr(ctx, "command", None)
    if not words or command is None:
        return {}
    given = _given_params(ctx)
    unfilled = [
        p.name
        for p in getattr(command, "params", [])
        if getattr(p, "param_type_name", "") == "argument" and given.get(p.name) in (None, "")
    ]
    return dict(zip(unfilled, words, strict=False))


def _region_paths(ctx: Any) -> list[Path]:
    """The region roots that a PATH given on the command line, or the working directory, leads to."""
    given = _param(ctx, _PATH_PARAMS)
    start = Path(os.fspath(given)) if isinstance(given, (str, os.PathLike)) else Path.cwd()
    return _find_regions(start.resolve())


def _find_regions(start: Path, depth: int = 2) -> list[Path]:
    """Like `find_region_roots`, but never walks a large tree: upwards, then at most two levels down."""
    from kngg_cli.loading.files import REGION_FILE

    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / REGION_FILE).is_file():
            return [candidate]
    found: list[Path] = []
    level = [folder]
    for _ in range(depth):
        level = [child for parent in level for child in _subfolders(parent)]
        found += [child for child in level if (child / REGION_FILE).is_file()]
    return found


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(c for c in folder.iterdir() if c.is_dir() and not c.name.startswith("."))
    except OSError:
        return []


def _documents(roots: list[Path]) -> Iterable[dict[str, Any]]:
    """The parsed documents of the regions as plain mappings: no models, no rules (completion is fast)."""
    from kngg_cli.loading.region import load_region

    for root in roots:
        for source in load_region(root).files:
            for parsed in source.documents:
                if isinstance(parsed.data, dict):
                    yield parsed.data


def _text(document: dict[str, Any], key: str) -> str | None:
    value = document.get(key)
    return value if isinstance(value, str) else None


def _ids(roots: list[Path], kind: str) -> list[str]:
    """Every id of that kind as written, valid or not: a half-written document still completes."""
    found: set[str] = set()
    for document in _documents(roots):
        identifier = _text(document, "id")
        if _text(document, "kind") == kind and identifier:
            found.add(identifier)
    return sorted(found)


def _parties(roots: list[Path], agreement_id: str) -> list[str]:
    """The organisation ids of an agreement's parties, those without a signature date first."""
    unsigned: list[str] = []
    signed: list[str] = []
    for document in _documents(roots):
        if _text(document, "kind") != "Agreement" or _text(document, "id") != agreement_id:
            continue
        parties = document.get("parties")
        for party in parties if isinstance(parties, list) else []:
            organisation = party.get("organisation") if isinstance(party, dict) else None
            if not isinstance(organisation, str) or organisation in unsigned + signed:
                continue
            (signed if party.get("signed") else unsigned).append(organisation)
    return unsigned + signed


def _matching(ids: list[str], incomplete: str | None, keep_order: bool = False) -> list[str]:
    wanted = (incomplete or "").strip().lower()
    matches = [identifier for identifier in ids if identifier.lower().startswith(wanted)]
    return matches if keep_order else sorted(matches)
