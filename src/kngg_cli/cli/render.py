"""`kngg render plan | agreement AGREEMENT_ID | status`: documents from the region files."""

from __future__ import annotations

import sys
from enum import StrEnum
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
    write_output,
)
from kngg_cli.render import OUTPUTS
from kngg_cli.texts import KnggError, Text, text

try:
    from kngg_cli.cli.completion import complete_agreement_id
except ImportError:  # pragma: no cover - shell completion is optional
    complete_agreement_id = None  # type: ignore[assignment]


if TYPE_CHECKING:
    DocumentFormat = StrEnum
else:  # from the renderer's one list of formats
    DocumentFormat = StrEnum("DocumentFormat", {name: name for name in OUTPUTS})
_MARKDOWN = DocumentFormat(OUTPUTS[0])


FormatOption = Annotated[
    DocumentFormat,
    typer.Option("--format", "-f", help="help.render.format"),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="help.render.output",
        show_default=False,
    ),
]
ReferenceDocOption = Annotated[
    Path | None,
    typer.Option(
        "--reference-doc",
        metavar="FILE",
        help="help.render.reference_doc",
        show_default=False,
    ),
]

SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="help.render.since",
        show_default=False,
    ),
]


_HELP = {
    "plan": "help.render.plan",
    "agreement": "help.render.agreement",
    "status": "help.render.status",
}


def register(app: typer.Typer) -> None:
    render_app = typer.Typer(
        help="cmd.render",
        no_args_is_help=True,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["--help", "-h"]},
    )

    @render_app.command("plan", help=_HELP["plan"], short_help="cmd.render.plan")
    def plan(
        path: PathArgument = Path("."),
        output_format: FormatOption = _MARKDOWN,
        output: OutputOption = None,
        reference_doc: ReferenceDocOption = None,
        today: TodayOption = None,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        _render("plan", None, path, output_format, output, reference_doc, today, lang, debug)

    @render_app.command("agreement", help=_HELP["agreement"], short_help="cmd.render.agreement")
    def agreement(
        agreement_id: Annotated[
            str,
            typer.Argument(
                metavar="AGREEMENT_ID",
                help="help.agreement_id",
                autocompletion=complete_agreement_id,
            ),
        ],
        path: PathArgument = Path("."),
        output_format: FormatOption = _MARKDOWN,
        output: OutputOption = None,
        reference_doc: ReferenceDocOption = None,
        today: TodayOption = None,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        _render("agreement", agreement_id, path, output_format, output, reference_doc, today, lang, debug)

    @render_app.command("status", help=_HELP["status"], short_help="cmd.render.status")
    def status(
        path: PathArgument = Path("."),
        output_format: FormatOption = _MARKDOWN,
        output: OutputOption = None,
        reference_doc: ReferenceDocOption = None,
        today: TodayOption = None,
        since: SinceOption = None,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        _render("status", None, path, output_format, output, reference_doc, today, lang, debug, since)

    app.add_typer(render_app, name="render")


def _render(
    document: str,
    agreement_id: str | None,
    path: Path,
    output_format: DocumentFormat,
    output: str | None,
    reference_doc: Path | None,
    today: str | None,
    lang: str | None,
    debug: bool,
    since: str | None = None,
) -> None:
    def action() -> int:
        from kngg_cli.engine import CheckOptions
        from kngg_cli.render import (
            RenderRefused,
            RenderRequest,
            UnknownAgreement,
            render_path,
        )

        chosen = output_format.value
        if chosen == "docx":
            if output in (None, "-"):
                raise KnggError("cli.docx_needs_output")
            from kngg_cli.render.docx import DocxUnavailable, check_available

            try:
                check_available()
            except DocxUnavailable as error:
                raise KnggError("cli.docx_needs_pandoc", install=str(error)) from None
        if reference_doc is not None:
            if chosen != "docx":
                raise KnggError("cli.reference_doc_not_docx")
            if not reference_doc.is_file():
                raise KnggError("cli.reference_doc_missing", path=str(reference_doc))
            if not _is_word_file(reference_doc):
                raise KnggError("cli.reference_doc_not_word", path=str(reference_doc))
        options = CheckOptions(today=parse_today(today), lang=parse_lang(lang))
        since_date = parse_date(since, "--since")
        request = RenderRequest(document, chosen, agreement_id, reference_doc, since_date)
        try:
            rendered = render_path(path, request, options)
        except RenderRefused as refused:
            _print_refusal(refused)
            return 1
        except UnknownAgreement as unknown:
            _print_unknown_agreement(unknown)
            return 1
        write_output(rendered.content, output)
        _warn_placeholders(rendered.placeholders, rendered.lang)
        if output not in (None, "-"):
            # on stderr, like the placeholders: stdout stays free for a document written there
            what = Text(f"cli.document_{document}", agreement=agreement_id)
            sys.stderr.write(
                "kngg: " + text("cli.written_to", rendered.lang, document=what, path=output) + "\n"
            )
        return 0

    run(action, debug, lang)


def _is_word_file(path: Path) -> bool:
    """True when `path` is a .docx package (pandoc dies with an unreadable error otherwise)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            return "word/document.xml" in package.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _print_refusal(refused: Any) -> None:
    import os

    from kngg_cli.report import ReportContext
    from kngg_cli.report.text import format_finding

    region = refused.region
    context = ReportContext(os.getcwd(), color_enabled(sys.stderr), region.lang)
    lines_by_file = {str(f.path): f.lines for f in region.view.files}
    for finding in refused.findings:
        sys.stderr.write(format_finding(finding, context, lines_by_file.get(str(finding.location.path), [])))
        sys.stderr.write("\n")
    errors = Text.counted("count.error", len(refused.findings))
    sys.stderr.write(
        "kngg: " + text("cli.render_refused", region.lang, region=region.id, errors=errors) + "\n"
    )


def _print_unknown_agreement(unknown: Any) -> None:
    if unknown.suggestion:
        more = Text("cli.unknown_agreement_suggest", suggestion=unknown.suggestion)
    elif unknown.known:
        more = Text("cli.unknown_agreement_known", known=list(unknown.known))
    else:
        more = Text("cli.unknown_agreement_none")
    message = text("cli.unknown_agreement", unknown.lang, agreement=unknown.agreement_id, more=more)
    sys.stderr.write(f"kngg: {message}\n")


def _warn_placeholders(placeholders: list[dict[str, str]], lang: str) -> None:
    for entry in placeholders:
        sys.stderr.write(
            "kngg: " + text("cli.placeholder", lang, text=entry["text"], where=entry["where"]) + "\n"
        )
