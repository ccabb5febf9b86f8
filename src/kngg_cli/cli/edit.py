"""`kngg init`, `kngg advance` and `kngg sign`: the commands that write region files.

The work is done in `kngg_cli.edit`; this module reads options, prints and sets the exit code:
0 when the change was written (the check afterwards is shown and does not change it), 1 when the
region's content makes the command refuse, 2 when it could not run. Nothing is written unless
the whole change is.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kngg_cli.cli.common import (
    DebugOption,
    LangOption,
    PathArgument,
    TodayOption,
    color_enabled,
    parse_date,
    parse_lang,
    parse_today,
    run,
)
from kngg_cli.cli.completion import complete_agreement_id, complete_organisation_id
from kngg_cli.language import choose_language, region_language
from kngg_cli.texts import KnggError, text

if TYPE_CHECKING:
    from kngg_cli.edit.common import EditPlan
    from kngg_cli.engine import CheckResult
    from kngg_cli.findings import Finding

DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="DATE",
        help="help.date",
        show_default=False,
    ),
]


QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="help.quiet")]


def _language(lang: str | None, path: Path | None = None) -> str:
    """--lang, else KNGG_LANG, else the `language:` of the region at path, else nl."""
    return choose_language(parse_lang(lang), region_language(path) if path is not None else None)


def _init_lock(directory: Path) -> Any:
    """init's editing lock, beside the new region's folder (none when the parent cannot hold it)."""
    import contextlib

    from kngg_cli.atomic import edit_lock

    @contextlib.contextmanager
    def lock() -> Any:
        held = edit_lock(directory.absolute())
        try:
            held.__enter__()
        except OSError:  # a parent that does not exist yet or cannot hold the lock file
            yield
            return
        try:
            yield
        finally:
            held.__exit__(None, None, None)

    return lock()


def _report_context(language: str) -> Any:
    from kngg_cli import __version__
    from kngg_cli.report import ReportContext

    return ReportContext(os.getcwd(), color_enabled(), language, __version__)


def _write_and_recheck(
    plan: EditPlan, today: str | None, lang: str | None, dry_run: bool = False, quiet: bool = False
) -> int:
    """Write (or, with --dry-run, show) the change; then check the region again and show what the
    change changed: the findings it resolved and the ones that are new, then the summary line
    (with --quiet only the summary line)."""
    from kngg_cli.engine import CheckOptions, check_path
    from kngg_cli.report.text import summary_line

    language = _language(lang, plan.root)
    if dry_run:
        sys.stdout.write(plan.diff())
        sys.stdout.write(plan.summary + "\n" + text("edit.dry_run", language) + "\n")
        return 0
    if not plan.changed:
        sys.stdout.write(plan.summary + "\n")
        return 0
    options = CheckOptions(today=parse_today(today), lang=parse_lang(lang))
    before = None if quiet else check_path(plan.root, options)
    plan.write()
    sys.stdout.write(text("edit.written", language, path=plan.source.display) + " " + plan.summary + "\n")
    after = check_path(plan.root, options)
    if before is not None:
        sys.stdout.write(_changes(before, after, language))
    sys.stdout.write("".join(summary_line(region) + "\n" for region in after.regions))
    return 0  # the check after writing is shown; it does not change the exit code


def _changes(before: CheckResult, after: CheckResult, language: str) -> str:
    """The findings that the change resolved (one line each) and those it brought (in full)."""
    from kngg_cli.edit.common import format_findings

    def identity(finding: Finding) -> tuple[str, str, str | None, str]:
        # not the line: an edit moves the lines below it
        return (finding.code, str(finding.location.path), finding.subject, finding.message)

    old = {identity(f) for f in before.findings}
    new = {identity(f) for f in after.findings}
    resolved = [f for f in before.findings if identity(f) not in new]
    brought = [f for f in after.findings if identity(f) not in old]
    context = _report_context(language)
    out = []
    if resolved:
        out.append(text("edit.resolved", language, count=len(resolved)))
        for finding in resolved:
            where = context.display_path(finding.location.path)
            severity = text(f"severity.{finding.severity.value}", language)
            out.append(f"  {severity} {finding.code} {where}: {finding.message}")
    if brought:
        out.append(text("edit.brought", language, count=len(brought)))
        out.append(format_findings(brought, after, context))
    return "".join(line + "\n" for line in out)


def register(app: typer.Typer) -> None:
    @app.command("init", help="cmd.init")
    def init(
        directory: Annotated[
            Path,
            typer.Argument(
                metavar="DIR",
                help="help.init.dir",
                show_default=False,
            ),
        ] = Path("."),
        name: Annotated[
            str | None,
            typer.Option("--name", metavar="TEXT", help="help.init.name"),
        ] = None,
        gemeente: Annotated[
            list[str] | None,
            typer.Option(
                "--gemeente",
                "-g",
                metavar="GMxxxx|NAME",
                help="help.init.gemeente",
            ),
        ] = None,
        today: TodayOption = None,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            from kngg_cli.edit.common import display
            from kngg_cli.edit.init import init_region
            from kngg_cli.engine import CheckOptions, check_path
            from kngg_cli.report.text import summary_line

            language = _language(lang)
            day = parse_today(today)
            with _init_lock(directory):
                created = init_region(directory, name=name, gemeente_values=gemeente or [], today=day)
            shown = display(directory.absolute())
            out = [
                text(
                    "edit.init_done", language, region=created.region_id, path=shown, count=len(created.files)
                )
            ]
            out += [f"  {relative}" for relative in created.files]
            result = check_path(directory, CheckOptions(today=day, lang=parse_lang(lang)))
            out += [
                "",
                *(summary_line(r) for r in result.regions),
                text("edit.init_next", language, path=shown),
            ]
            sys.stdout.write("\n".join(out) + "\n")
            return 0

        run(action, debug, lang)

    @app.command("advance", help="cmd.advance")
    def advance(
        path: PathArgument = Path("."),
        date_: DateOption = None,
        evidence: Annotated[
            str | None,
            typer.Option(
                "--evidence",
                metavar="PATH",
                help="help.advance.evidence",
                show_default=False,
            ),
        ] = None,
        dry_run: Annotated[bool, typer.Option("--dry-run", help="help.dry_run")] = False,
        quiet: QuietOption = False,
        today: TodayOption = None,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            from kngg_cli.edit.advance import plan_advance
            from kngg_cli.edit.common import region_lock

            language = _language(lang, path)
            with region_lock(path) as root:
                plan = plan_advance(
                    root,
                    today=parse_today(today),
                    when=parse_date(date_, "--date"),
                    evidence=evidence,
                    lang=parse_lang(lang),
                    context=_report_context(language),
                )
                return _write_and_recheck(plan, today, lang, dry_run, quiet)

        run(action, debug, lang, path)

    @app.command("sign", help="cmd.sign")
    def sign(
        agreement_id: Annotated[
            str,
            typer.Argument(
                metavar="AGREEMENT_ID",
                help="help.agreement_id",
                autocompletion=complete_agreement_id,
            ),
        ],
        path: PathArgument = Path("."),
        party: Annotated[
            str,
            typer.Option(
                "--party",
                metavar="ORG_ID",
                help="help.sign.party",
                autocompletion=complete_organisation_id,
                show_default=False,
            ),
        ] = "",
        date_: DateOption = None,
        signatory: Annotated[
            str | None,
            typer.Option(
                "--signatory",
                metavar="TEXT",
                help="help.sign.signatory",
                show_default=False,
            ),
        ] = None,
        dry_run: Annotated[bool, typer.Option("--dry-run", help="help.dry_run")] = False,
        quiet: QuietOption = False,
        today: TodayOption = None,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            from kngg_cli.edit.common import region_lock
            from kngg_cli.edit.sign import plan_sign

            if not party:
                raise KnggError("cli.sign_no_party")
            with region_lock(path) as root:
                plan = plan_sign(
                    root,
                    agreement_id,
                    party,
                    today=parse_today(today),
                    when=parse_date(date_, "--date"),
                    signatory=signatory,
                    lang=_language(lang, path),
                )
                return _write_and_recheck(plan, today, lang, dry_run, quiet)

        run(action, debug, lang, path)
