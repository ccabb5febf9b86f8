"""What every command shares: the date, the language, error handling and writing output."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer

T = TypeVar("T")

TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        envvar="KNGG_TODAY",
        help="De datum die als 'vandaag' geldt (JJJJ-MM-DD), voor reproduceerbare controles.",
        show_default=False,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="Taal van meldingen: nl of en (ook KNGG_LANG).", show_default=False),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Toon bij een interne fout de volledige traceback.")
]
PathArgument = Annotated[
    Path,
    typer.Argument(help="Regiomap, een bestand of map daarin, of een map met regio's.", show_default="."),
]


class CommandError(Exception):
    """A command cannot run as asked: one line on stderr, exit 2."""


def fail(message: str, code: int = 2) -> NoReturn:
    sys.stderr.write(f"kngg: {message}\n")
    raise typer.Exit(code)


def parse_today(value: str | None) -> date:
    if value is None or value == "":
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"ongeldige datum voor --today: '{value}' (verwacht JJJJ-MM-DD)") from None


def parse_lang(value: str | None) -> str | None:
    if value is None:
        return None
    if value not in ("nl", "en"):
        raise CommandError(f"onbekende taal '{value}': kies nl of en")
    return value


def run(action: Callable[[], int], debug: bool = False) -> None:
    """Run a command body; turn every failure into one clear line and the right exit code."""
    from kngg_cli.engine import UsageError
    from kngg_cli.loading.files import NoRegionError

    try:
        code = action()
    except typer.Exit:
        raise
    except (CommandError, UsageError) as error:
        fail(str(error))
    except NoRegionError as error:
        fail(f"geen regio gevonden in of boven '{error}' (geen region.yaml); maak er een met `kngg init`")
    except FileNotFoundError as error:
        fail(f"pad bestaat niet: '{error.filename or error}'")
    except KeyboardInterrupt:
        fail("afgebroken", 130)
    except Exception as error:  # the last line of defence: never a bare traceback
        if debug or os.environ.get("KNGG_DEBUG"):
            traceback.print_exc()
        fail(f"interne fout: {type(error).__name__}: {error} (meld dit; gebruik --debug voor details)")
    raise typer.Exit(code)


def write_output(text: str | bytes, output: str | None) -> None:
    """Standard output for '-' or None; otherwise the file, written whole or not at all."""
    if output in (None, "-"):
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
        return
    from kngg_cli.atomic import write_atomic

    target = Path(output)
    if not target.parent.exists():
        raise CommandError(f"kan '{output}' niet schrijven: map '{target.parent}' bestaat niet")
    try:
        write_atomic(target, text, keep_mode=False)
    except OSError as error:
        raise CommandError(f"kan '{output}' niet schrijven: {error.strerror or error}") from None


def color_enabled(stream: Any = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())
