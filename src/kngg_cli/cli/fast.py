"""`kngg check` and `kngg status` with plain options, without Typer or Click.

A pre-commit hook or an editor runs `kngg check` on every save; Typer and Click cost more to import
than checking a region does (and Typer builds Pydantic adapters for the parameters). When the
arguments are plain — known options with valid values, at most one PATH — they are parsed here;
anything else (--help, a typo, a missing value, an unknown format) goes to Typer, which gives its
usual (translated) message. Both ways end in the same functions of cli/checking.py.
"""

from __future__ import annotations

from kngg_cli.cli import leading_lang
from kngg_cli.cli.checking import CHECK_FORMATS, STATUS_FORMATS

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: a cache hit runs here
if TYPE_CHECKING:
    from typing import Any

# option -> (parameter, kind); kind: "value", "many" (repeatable), "flag", or a tuple of choices
_COMMON: dict[str, tuple[str, Any]] = {
    "--today": ("today", "value"),
    "--lang": ("lang", "value"),
    "--no-cache": ("no_cache", "flag"),
    "--debug": ("debug", "flag"),
}
_OPTIONS: dict[str, dict[str, tuple[str, Any]]] = {
    "check": {
        **_COMMON,
        "--format": ("output_format", CHECK_FORMATS),
        "-f": ("output_format", CHECK_FORMATS),
        "--output": ("output", "value"),
        "-o": ("output", "value"),
        "--target": ("target", "value"),
        "--strict": ("strict", "flag"),
        "--select": ("select", "many"),
        "--ignore": ("ignore", "many"),
    },
    "status": {
        **_COMMON,
        "--format": ("output_format", STATUS_FORMATS),
        "-f": ("output_format", STATUS_FORMATS),
    },
}


def no_pydantic_plugins() -> None:
    """Pydantic scans every installed package for plugins; a CLI has no use for them.

    With PYDANTIC_DISABLE_PLUGINS=__all__ its loader returns no plugins, but importing the loader
    still imports importlib.metadata and with it the email package: a tenth of a cold `kngg check`.
    When the plugins are off anyway, a loader that returns no plugins stands in for it."""
    import os
    import sys
    import types

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    name = "pydantic.plugin._loader"
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] != "__all__" or name in sys.modules:
        return
    loader = types.ModuleType(name)
    vars(loader).update(get_plugins=lambda: ())  # what pydantic.plugin._schema_validator calls
    sys.modules[name] = loader


def parse(args: list[str]) -> tuple[str, dict[str, Any]] | None:
    """(command, parameters) for plain arguments of check or status; None for anything else."""
    lang, args = leading_lang(args)  # the language may also come before the command
    if not args or args[0] not in _OPTIONS:
        return None
    command, known = args[0], _OPTIONS[args[0]]
    params: dict[str, Any] = {"lang": lang} if lang is not None else {}
    paths: list[str] = []
    rest = args[1:]
    index = 0
    while index < len(rest):
        word = rest[index]
        index += 1
        if not word.startswith("-") or word == "-":
            paths.append(word)
            continue
        name, _, value = word.partition("=") if word.startswith("--") else (word, "", "")
        inline: str | None = value if "=" in word and word.startswith("--") else None
        if name not in known:
            return None
        parameter, kind = known[name]
        if kind == "flag":
            if inline is not None:
                return None
            params[parameter] = True
            continue
        if inline is None:
            if index >= len(rest) or (rest[index].startswith("-") and rest[index] != "-"):
                return None
            inline = rest[index]
            index += 1
        if isinstance(kind, tuple) and inline not in kind:
            return None
        if kind == "many":
            params.setdefault(parameter, []).append(inline)
        else:
            params[parameter] = inline
    if len(paths) > 1 or (paths and not paths[0]):
        return None
    params["path"] = paths[0] if paths else "."  # a plain string: a cache hit imports no pathlib
    return command, params


def run_fast(args: list[str]) -> int | None:
    """Run check or status from plain arguments; None when Typer must parse them."""
    parsed = parse(args)
    if parsed is None:
        return None
    command, params = parsed
    import os

    from kngg_cli.cli.checking import check_command, status_command
    from kngg_cli.cli.running import execute

    debug = bool(params.pop("debug", False))
    params.setdefault("today", os.environ.get("KNGG_TODAY") or None)
    lang = params.get("lang")
    body = check_command if command == "check" else status_command
    return execute(lambda: body(**params), debug, lang)
