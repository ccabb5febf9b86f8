"""What every command shares: the date, the language, error handling and writing output."""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from kngg_cli.language import choose_language

if TYPE_CHECKING:
    from kngg_cli.cache import CachedRun

T = TypeVar("T")

TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        envvar="KNGG_TODAY",
        metavar="DATE",
        help="De datum die als 'vandaag' geldt (JJJJ-MM-DD), voor reproduceerbare controles.",
        show_default=False,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang", metavar="nl|en", help="Taal van meldingen: nl of en (ook KNGG_LANG).", show_default=False
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Toon bij een interne fout de volledige traceback.")
]
PathArgument = Annotated[
    Path,
    typer.Argument(
        metavar="PATH", help="Regiomap, een bestand of map daarin, of een map met regio's.", show_default="."
    ),
]


class CommandError(Exception):
    """A command cannot run as asked: one line on stderr, exit 2. `en` is the English wording."""

    def __init__(self, message: str, en: str | None = None) -> None:
        super().__init__(message)
        self.en = en


def fail(message: str, code: int = 2) -> NoReturn:
    message = " ".join(part.strip() for part in message.splitlines() if part.strip())  # one line
    sys.stderr.write(f"kngg: {message}\n")
    raise typer.Exit(code)


def parse_today(value: str | None) -> date:
    if value is None or value == "":
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"ongeldige datum voor --today: '{value}' (verwacht JJJJ-MM-DD)",
            f"invalid date for --today: '{value}' (expected YYYY-MM-DD)",
        ) from None


def parse_lang(value: str | None) -> str | None:
    if value is None:
        return None
    if value not in ("nl", "en"):
        raise CommandError(
            f"onbekende taal '{value}': kies nl of en", f"unknown language '{value}': choose nl or en"
        )
    return value


def run(action: Callable[[], int], debug: bool = False, lang: str | None = None) -> None:
    """Run a command body; turn every failure into one clear line and the right exit code.

    The line is in English with `--lang en` (lang) or KNGG_LANG=en."""
    from kngg_cli.engine import UsageError
    from kngg_cli.loading.files import NoRegionError

    english = choose_language(lang) == "en"
    try:
        code = action()
    except typer.Exit:
        raise
    except (CommandError, UsageError) as error:
        en = getattr(error, "en", None)
        fail(en if english and en else str(error))
    except NoRegionError as error:
        if english:
            fail(f"no region found in or above '{error}' (no region.yaml); make one with `kngg init`")
        fail(f"geen regio gevonden in of boven '{error}' (geen region.yaml); maak er een met `kngg init`")
    except FileNotFoundError as error:
        fail(f"{'path does not exist' if english else 'pad bestaat niet'}: '{error.filename or error}'")
    except BrokenPipeError:
        # the reader went away (`kngg rules | head`): the output could not be written, but that
        # is no fault to report; point stdout at /dev/null so that the exit flush stays quiet
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        fail("interrupted" if english else "afgebroken", 130)
    except Exception as error:  # the last line of defence: never a bare traceback
        if debug or os.environ.get("KNGG_DEBUG"):
            traceback.print_exc()
        if english:
            fail(f"internal error: {type(error).__name__}: {error} (please report it; --debug shows details)")
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

    if not output.strip():
        raise CommandError(
            "--output is leeg: geef een bestandsnaam, of '-' voor standaarduitvoer",
            "--output is empty: give a file name, or '-' for standard output",
        )
    target = Path(output)
    if not target.parent.exists():
        raise CommandError(
            f"kan '{output}' niet schrijven: map '{target.parent}' bestaat niet",
            f"cannot write '{output}': folder '{target.parent}' does not exist",
        )
    try:
        write_atomic(target, text, keep_mode=False)
    except OSError as error:
        reason = error.strerror or error
        raise CommandError(
            f"kan '{output}' niet schrijven: {reason}", f"cannot write '{output}': {reason}"
        ) from None


def color_enabled(stream: Any = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


NoCacheOption = Annotated[
    bool,
    typer.Option("--no-cache", help="Gebruik en bewaar geen opgeslagen resultaat; controleer opnieuw."),
]


def cached_run(
    command: str,
    path: Path,
    options: dict[str, Any],
    use_cache: bool,
    compute: Callable[[list[Path]], CachedRun],
) -> CachedRun:
    """The command's output from the result cache when nothing changed, else computed (and kept).

    `options` must hold everything besides the files that changes the output."""
    from kngg_cli.cache import ResultCache
    from kngg_cli.loading.files import find_region_roots

    roots = find_region_roots(path)
    if not use_cache:
        return compute(roots)
    cache = ResultCache(command, path.resolve(), roots, {**options, "path": str(path)})
    hit = cache.get()
    if hit is not None:
        return hit
    produced = compute(roots)
    cache.put(produced)
    return produced
