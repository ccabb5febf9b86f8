"""`kngg rules`, `kngg explain` and `kngg schema`: the catalogue and the format, as the CLI prints them."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from kngg_cli.cli.common import DebugOption, LangOption, parse_lang, run, write_output
from kngg_cli.cli.completion import complete_rule_code
from kngg_cli.language import choose_language
from kngg_cli.texts import KnggError, Text


class ListFormat(StrEnum):
    text = "text"
    json = "json"


def _level(value: str | None) -> str | None:
    """The M&E level of --level (A-E, any case), or None for all; anything else cannot run."""
    from kngg_cli.catalog.reference import me_matrix

    if value is None:
        return None
    levels = me_matrix().levels
    wanted = value.strip().upper()
    if wanted not in levels:
        choices = ", ".join(levels)
        raise KnggError("cli.unknown_level", value=value, choices=choices)
    return wanted


def register(app: typer.Typer) -> None:
    @app.command("rules", help="cmd.rules")
    def rules(
        output_format: Annotated[
            ListFormat, typer.Option("--format", "-f", help="help.list_format")
        ] = ListFormat.text,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            from kngg_cli.explain import rules_as_data, rules_as_text

            language = choose_language(parse_lang(lang))
            if output_format is ListFormat.json:
                write_output(json.dumps(rules_as_data(), ensure_ascii=False, indent=2) + "\n", None)
            else:
                write_output(rules_as_text(language), None)
            return 0

        run(action, debug, lang)

    @app.command("indicators", help="cmd.indicators")
    def indicators(
        level: Annotated[
            str | None,
            typer.Option("--level", metavar="A-E", help="help.indicators.level"),
        ] = None,
        output_format: Annotated[
            ListFormat, typer.Option("--format", "-f", help="help.list_format")
        ] = ListFormat.text,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            from kngg_cli.explain import indicators_as_data, indicators_as_text

            language = choose_language(parse_lang(lang))
            wanted = _level(level)
            if output_format is ListFormat.json:
                data = indicators_as_data(wanted)
                write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
            else:
                write_output(indicators_as_text(wanted, language), None)
            return 0

        run(action, debug, lang)

    @app.command("explain", help="cmd.explain")
    def explain(
        code: Annotated[
            str,
            typer.Argument(metavar="CODE", help="help.explain.code", autocompletion=complete_rule_code),
        ],
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            from kngg_cli.catalog import catalogue
            from kngg_cli.explain import explain_text
            from kngg_cli.suggest import did_you_mean

            language = choose_language(parse_lang(lang))
            wanted = code.strip().upper()
            if wanted not in catalogue():
                suggestion = did_you_mean(wanted, catalogue()).get("suggestion")
                more = (
                    Text("cli.unknown_rule_suggest", suggestion=suggestion)
                    if suggestion
                    else Text("cli.unknown_rule_list")
                )
                raise KnggError("cli.unknown_rule", code=code, more=more)
            write_output(explain_text(wanted, language), None)
            return 0

        run(action, debug, lang)

    @app.command("schema", help="cmd.schema")
    def schema(
        output: Annotated[
            str | None, typer.Option("--output", "-o", metavar="FILE", help="help.schema.output")
        ] = None,
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            from kngg_cli.model.schema import json_schema

            write_output(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", output)
            return 0

        run(action, debug)
