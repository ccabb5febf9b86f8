"""The body of a command, without Typer: error handling, dates, language, output, the result cache.

`kngg check` and `kngg status` run from here without importing Typer or Click at all (cli/fast.py
parses their options when they are plain); the Typer commands call the same functions.
"""

from __future__ import annotations

import errno
import os
import sys

from kngg_cli.language import choose_language, region_language
from kngg_cli.texts import KnggError, Text, text

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing or pathlib: a cache hit runs here
if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from pathlib import Path
    from typing import Any

    from kngg_cli.cache import CachedRun


def _fail(message: str) -> None:
    message = " ".join(part.strip() for part in message.splitlines() if part.strip())  # one line
    sys.stderr.write(f"kngg: {message}\n")


def parse_date(value: str | None, option: str) -> date | None:
    """A date option (--today, --date, --since; KNGG_TODAY arrives as --today): None when not
    given, one clear error line (exit 2) when it is not a date."""
    from kngg_cli.dates import date_from_text

    if value is None or value == "":
        return None
    parsed = date_from_text(value)
    if parsed is None:
        raise KnggError("cli.bad_date", option=option, value=value)
    return parsed


def parse_today(value: str | None) -> date:
    from datetime import date

    return parse_date(value, "--today") or date.today()


def today_text(value: str | None) -> str:
    """--today as written, or today's date (local time, as date.today()) as YYYY-MM-DD: the key of a
    cached run, made without the datetime module. The text is read as a date (parse_today, exit 2
    when it is none) only when the run is computed: a text that is no date is never in the cache."""
    if value:
        return value
    import time

    year, month, day = time.localtime()[:3]
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_lang(value: str | None) -> str | None:
    if value is None:
        return None
    if value not in ("nl", "en"):
        raise KnggError("cli.bad_lang", value=value)
    return value


def execute(
    action: Callable[[], int],
    debug: bool = False,
    lang: str | None = None,
    region: Path | None = None,
    passthrough: tuple[type[BaseException], ...] = (),
) -> int:
    """Run a command body and return its exit code; turn every failure into one clear line.

    The line is in the language of --lang (lang), KNGG_LANG, or the `language:` of the region at
    `region` (for commands that work on one region), else Dutch. Exceptions in `passthrough` (the
    command-line library's own exit) are not ours to handle."""

    def language() -> str:
        if lang not in (None, "nl", "en"):
            return choose_language(None)
        return choose_language(lang, region_language(region) if region is not None else None)

    try:
        code = action()
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not as a warning at exit
        return code
    except passthrough:
        raise
    except KnggError as error:
        for detail in error.details:
            sys.stdout.write(detail.rstrip("\n") + "\n")
        sys.stdout.flush()
        _fail(error.message(language()))
        return error.exit_code
    except FileNotFoundError as error:
        _fail(text("cli.path_missing", language(), path=error.filename or error))
        return 2
    except BrokenPipeError:
        # the reader went away (`kngg rules | head`): the output could not be written, but that
        # is no fault to report; point stdout at /dev/null so that the exit flush stays quiet
        import contextlib

        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 2
    except OverflowError as error:  # a date at the end of the calendar (9999-12-31) plus a period
        _fail(text("cli.date_out_of_range", language(), error=str(error)))
        return 2
    except OSError as error:
        if error.errno not in (errno.ENOSPC, errno.EDQUOT):
            return _internal(error, debug, language())
        where = error.filename or text("cli.standard_output", language())
        _fail(text("cli.disk_full", language(), path=where))
        return 2
    except KeyboardInterrupt:
        _fail(text("cli.interrupted", language()))
        return 130
    except Exception as error:  # the last line of defence: never a bare traceback
        return _internal(error, debug, language())


def _internal(error: Exception, debug: bool, lang: str) -> int:
    if debug or os.environ.get("KNGG_DEBUG"):
        import traceback

        traceback.print_exc()
    _fail(text("cli.internal", lang, error=f"{type(error).__name__}: {error}"))
    return 2


def write_output(text: str | bytes, output: str | None) -> None:
    """Standard output for '-' or None; otherwise the file, written whole or not at all."""
    if output in (None, "-"):
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
        return
    from pathlib import Path

    from kngg_cli.atomic import UnsafeTarget, write_target

    if not output.strip():
        raise KnggError("cli.output_empty")
    target = Path(output)
    if not target.parent.exists():
        raise KnggError("cli.output_no_folder", path=output, folder=str(target.parent))
    try:
        write_target(target, text)
    except UnsafeTarget as error:
        kind = Text(f"cli.target.{error.kind.replace(' ', '_')}")
        raise KnggError("cli.output_not_a_file", path=output, kind=kind) from None
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise KnggError("cli.disk_full", path=output) from None
        raise KnggError("cli.cannot_write", path=output, reason=error.strerror or error) from None


def color_enabled(stream: Any = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def cached_run(
    command: str,
    path: str | Path,
    options: dict[str, Any],
    use_cache: bool,
    compute: Callable[[list[Path]], CachedRun],
) -> CachedRun:
    """The command's output from the result cache when nothing changed, else computed (and kept).

    `options` must hold everything besides the files that changes the output. Until it must
    compute, this works on plain strings: a hit imports neither pathlib nor anything that checks."""
    from kngg_cli.cache import ResultCache
    from kngg_cli.loading.roots import region_root_names

    written = os.fspath(path)
    roots = region_root_names(written)
    if not use_cache:
        return compute(_paths(roots))
    key = {**options, "path": os.path.normpath(written)}
    cache = ResultCache(command, os.path.realpath(written), roots, key)
    hit = cache.get()
    if hit is not None:
        return hit
    produced = compute(_paths(roots))
    cache.put(produced)
    return produced


def _paths(names: list[str]) -> list[Path]:
    from pathlib import Path

    return [Path(name) for name in names]
