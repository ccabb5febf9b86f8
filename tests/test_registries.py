"""The registries are explicit and complete: what the catalogue documents is what runs, what the
reporter table lists can be chosen and imported, and every command has a summary for `--help`
(its `cmd.NAME` text, the one home of the command list)."""

from __future__ import annotations

import importlib
import inspect

import pytest

from kngg_cli.catalog import catalogue
from kngg_cli.cli import _fast_help, commands
from kngg_cli.report import REPORTERS
from kngg_cli.rules import registered_rules


def test_catalogue_codes_are_the_registered_rules() -> None:
    """A rule without a catalogue entry would have no texts; an entry without a rule never fires."""
    engine_own = {"X001"}  # the engine reports unused suppressions itself, after the rules ran
    assert set(catalogue()) == set(registered_rules()) | engine_own


@pytest.mark.parametrize("name", list(REPORTERS))
def test_every_reporter_module_imports_and_reports(name: str) -> None:
    module = importlib.import_module(REPORTERS[name])  # a mistyped module fails here, loudly
    assert list(inspect.signature(module.report).parameters) == ["result", "context"]


def test_check_offers_exactly_the_registered_formats(invoke) -> None:  # type: ignore[no-untyped-def]
    help_text = " ".join(invoke("check", "--help").stdout.split())
    assert f"<{'|'.join(REPORTERS)}>" in help_text
    assert f"{', '.join(list(REPORTERS)[:-1])} of {list(REPORTERS)[-1]}." in help_text
    refused = invoke("check", "--format", "xml")
    assert refused.exit_code == 2


def test_every_command_has_a_summary_and_every_summary_a_command() -> None:
    """A command is its function and its `cmd.NAME` text: no list to keep beside them."""
    from typer.main import get_command

    from kngg_cli.cli.app import build_app

    group = get_command(build_app())
    registered = group.commands  # type: ignore[attr-defined]
    assert set(registered) == set(commands())
    for name, command in registered.items():  # Typer's help reads the same text as the fast help
        assert (command.short_help or command.help) == f"cmd.{name}", name


def test_typer_and_the_fast_help_list_the_commands_in_one_order(invoke) -> None:  # type: ignore[no-untyped-def]
    def listed(page: str) -> list[str]:
        rows = page.split(":\n")[-1].splitlines()  # after the last heading, Commands
        return [row.split()[0] for row in rows if row.startswith("  ") and not row.startswith("   ")]

    for lang in ("nl", "en"):
        assert listed(invoke("--lang", lang, "--help").stdout) == listed(_fast_help(lang)) == commands()


def test_me_levels_and_types_are_the_matrix_s() -> None:
    """The model's Literals are the one home of the M&E levels and indicator types; the shipped
    matrix must use exactly those."""
    from kngg_cli.catalog.reference import me_matrix
    from kngg_cli.model.monitoring import INDICATOR_TYPES, ME_LEVELS

    matrix = me_matrix()
    assert tuple(matrix.levels) == ME_LEVELS
    assert {i.level for i in matrix.indicators.values()} == set(ME_LEVELS)
    assert {i.type for i in matrix.indicators.values()} <= set(INDICATOR_TYPES)


def test_a_missing_message_parameter_fails_the_tests() -> None:
    """The tests run with strict message parameters (tests/conftest.py): every test that triggers
    a rule also checks that the rule passes what its messages and hints name, in nl and en."""
    from kngg_cli.catalog import render_message

    rule = catalogue()["R006"]
    key = next(k for k, text in rule.messages.items() if "{" in (text.get("en") or ""))
    with pytest.raises(KeyError, match="has no parameter"):
        render_message(rule, key, {}, "nl")


def test_a_rule_code_registers_once() -> None:
    """Two functions under one code would leave one of them silently unused: the second fails."""
    from kngg_cli.rules import rule

    registered = registered_rules()["S001"]
    with pytest.raises(RuntimeError, match="S001 registered twice"):
        rule("S001")(lambda view: [])
    assert registered_rules()["S001"] is registered
