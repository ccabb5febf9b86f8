"""What every Typer command shares: its options, and running its body (cli/running.py, which the
commands also import their helpers from: dates, language, output, the result cache)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from kngg_cli.cli.running import (
    _fail,
    cached_run,
    color_enabled,
    execute,
    parse_date,
    parse_lang,
    parse_today,
    write_output,
)

__all__ = [
    "DebugOption",
    "LangOption",
    "NoCacheOption",
    "PathArgument",
    "TodayOption",
    "cached_run",
    "color_enabled",
    "execute",
    "fail",
    "parse_date",
    "parse_lang",
    "parse_today",
    "run",
    "write_output",
]

TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        envvar="KNGG_TODAY",
        metavar="DATE",
        help="help.today",
        show_default=False,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", metavar="nl|en", help="help.lang", show_default=False),
]
DebugOption = Annotated[bool, typer.Option("--debug", help="help.debug")]
PathArgument = Annotated[
    Path,
    typer.Argument(metavar="PATH", help="help.path", show_default=False),
]


def fail(message: str, code: int = 2) -> NoReturn:
    _fail(message)
    raise typer.Exit(code)


def run(
    action: Callable[[], int], debug: bool = False, lang: str | None = None, region: Path | None = None
) -> None:
    """Run a command body (see running.execute) and exit with its code, as Typer expects."""
    raise typer.Exit(execute(action, debug, lang, region, passthrough=(typer.Exit,)))


NoCacheOption = Annotated[
    bool,
    typer.Option("--no-cache", help="help.no_cache"),
]
