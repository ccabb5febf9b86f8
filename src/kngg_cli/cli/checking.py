"""The bodies of `kngg check` and `kngg status`, without Typer.

The Typer commands (cli/check.py, cli/status.py) and the fast path (cli/fast.py, which parses
plain options by hand so that a pre-commit hook does not pay for Typer and Click) both call these.
"""

from __future__ import annotations

import os
import sys

from kngg_cli.cli.running import cached_run, color_enabled, parse_lang, parse_today, today_text, write_output
from kngg_cli.report import REPORTERS

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing or pathlib: a cache hit runs here
if TYPE_CHECKING:
    from pathlib import Path

    from kngg_cli.cache import CachedRun
    from kngg_cli.options import CheckOptions

CHECK_FORMATS = tuple(REPORTERS)  # the reporter registry is the one list of output formats
STATUS_FORMATS = ("text", "json")


def rule_codes(values: list[str] | None) -> tuple[str, ...]:
    """`--select G6,G7 --select A001` → ("G6", "G7", "A001")."""
    return tuple(c.strip().upper() for v in values or [] for c in v.split(",") if c.strip())


def check_command(
    path: str | Path,
    output_format: str | None = None,
    output: str | None = None,
    target: str | None = None,
    strict: bool = False,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    today: str | None = None,
    lang: str | None = None,
    no_cache: bool = False,
) -> int:
    day, language = today_text(today), parse_lang(lang)
    selected, ignored = rule_codes(select), rule_codes(ignore)
    chosen = output_format or "text"
    color = color_enabled() and output in (None, "-")
    annotate = output_format is None and os.environ.get("GITHUB_ACTIONS") == "true"
    # plain values only: a cache hit must not import the engine (nor Pydantic) to make its key
    key = {
        "today": day,
        "lang": language,
        "target": target,
        "select": selected,
        "ignore": ignored,
        "format": chosen,
        "color": color,
        "annotate": annotate,
        "strict": strict,
    }

    def compute(roots: list[Path]) -> CachedRun:
        from kngg_cli.options import CheckOptions

        options = CheckOptions(parse_today(day), language, target, selected, ignored)
        return _check(roots, options, chosen, color, annotate, strict)

    produced = cached_run("check", path, key, not no_cache, compute)
    write_output(produced.output, output)
    if produced.extra:
        sys.stdout.write(produced.extra)
    return produced.exit_code


def _check(
    roots: list[Path], options: CheckOptions, chosen: str, color: bool, annotate: bool, strict: bool
) -> CachedRun:
    import gc

    from kngg_cli import __version__
    from kngg_cli.cache import CachedRun
    from kngg_cli.engine import check_roots, default_jobs
    from kngg_cli.report import ReportContext, get_reporter

    gc.freeze()  # a short-lived process: what is imported stays, the collector need not walk it
    result = check_roots(roots, options, slim=True, jobs=default_jobs(len(roots)))
    language = options.lang or (result.regions[0].lang if result.regions else "nl")
    output = get_reporter(chosen)(result, ReportContext(os.getcwd(), color, language, __version__))
    extra = ""
    if annotate:
        extra = get_reporter("github")(result, ReportContext(os.getcwd(), False, language, __version__))
    return CachedRun(output, extra, result.exit_code(strict))


def status_command(
    path: str | Path,
    output_format: str = "text",
    today: str | None = None,
    lang: str | None = None,
    no_cache: bool = False,
) -> int:
    import shutil

    from kngg_cli.options import CheckOptions

    options = CheckOptions(today=parse_today(today), lang=parse_lang(lang))
    color = output_format == "text" and color_enabled()
    width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100
    key = {"options": options, "format": output_format, "color": color, "width": width}
    produced = cached_run(
        "status", path, key, not no_cache, lambda roots: _status(roots, options, output_format, color, width)
    )
    write_output(produced.output, None)
    return produced.exit_code


def _status(
    roots: list[Path], options: CheckOptions, output_format: str, color: bool, width: int
) -> CachedRun:
    import json

    from kngg_cli import __version__
    from kngg_cli.cache import CachedRun
    from kngg_cli.engine import check_roots
    from kngg_cli.report import ReportContext
    from kngg_cli.status import status_data, status_text

    result = check_roots(roots, options)
    language = options.lang or (result.regions[0].lang if result.regions else "nl")
    data = status_data(result, ReportContext(os.getcwd(), color, language, __version__))
    if output_format == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = status_text(data, language, color, width)
    return CachedRun(text, "", result.exit_code())
