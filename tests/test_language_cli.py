"""Dutch throughout, English with --lang en: help pages, usage errors, summaries (cli.md, "Language")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer

from kngg_cli.cli import _fast_help, commands
from kngg_cli.cli.app import build_app
from kngg_cli.texts import has_text

# what Click and Typer write in English; none of it may reach a Dutch run
ENGLISH = (
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Show this message",
    "[default:",
    "default:",
    "[env var:",
    "[required]",
    "Install completion",
    "Show completion",
    "Try '",
    "Error:",
    "No such",
    "Missing",
    "Invalid value",
    "is not one of",
    "Value error",
    "Got unexpected",
    "requires an argument",
    "does not take a value",
    "Possible options",
    "Aborted",
)


def _english_in(text: str) -> list[str]:
    return [phrase for phrase in ENGLISH if phrase in text]


def _command_paths() -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = [()]
    for name in commands():
        paths.append((name,))
    paths += [("render", "plan"), ("render", "agreement"), ("render", "status")]
    return paths


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "kngg")
def test_every_help_page_is_dutch_by_default_and_english_with_lang_en(invoke, path) -> None:  # type: ignore[no-untyped-def]
    dutch = invoke(*path, "--help")
    assert dutch.exit_code == 0, dutch.output
    assert "Gebruik: kngg" in dutch.output and "Opties:" in dutch.output
    assert _english_in(dutch.output) == [], dutch.output
    english = invoke("--lang", "en", *path, "--help")
    assert english.exit_code == 0, english.output
    assert "Usage: kngg" in english.output and "Options:" in english.output
    assert "Gebruik" not in english.output and "Opties" not in english.output


def test_kngg_lang_en_gives_english_help(invoke, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KNGG_LANG", "en")
    result = invoke("check", "--help")
    assert "Check a region" in result.output and "Show this message and exit." in result.output


def test_every_help_text_in_the_code_is_a_text_key() -> None:
    """So that each has an English version: a help text written in Dutch in the code has none."""
    root = typer.main.get_command(build_app())
    missing = []

    def walk(command, where: str) -> None:  # type: ignore[no-untyped-def]
        for value in (command.help, command.short_help):
            if value and not has_text(value):
                missing.append(f"{where}: {value}")
        for param in command.params:
            own = param.name not in ("install_completion", "show_completion", "help")
            if own and getattr(param, "help", None) and not has_text(param.help):
                missing.append(f"{where} {param.name}: {param.help}")
        for name, child in getattr(command, "commands", {}).items():
            walk(child, f"{where} {name}")

    walk(root, "kngg")
    assert missing == []


@pytest.mark.parametrize(
    ("args", "dutch"),
    [
        (["check", "--format", "xml"], "'xml' is geen geldige keuze; kies uit 'text', 'json'"),
        (["check", "--bogus"], "onbekende optie: --bogus"),
        (["check", "--strct"], "onbekende optie: --strct; bedoel je --select, --strict"),
        (["sign"], "argument 'AGREEMENT_ID' ontbreekt"),
        (["check", "a", "b"], "onverwacht extra argument (b)"),
        (["bogus"], "onbekende opdracht 'bogus'"),
        (["check", "--today"], "optie '--today' heeft een waarde nodig"),
        (["check", "--strict=3"], "optie '--strict' neemt geen waarde"),
        (["status", "--format", "xml"], "ongeldige waarde voor '--format' / '-f'"),
        (["render", "plan", "--format", "pdf"], "'pdf' is geen geldige keuze"),
        (["--lang", "de", "check"], "'de' is geen geldige keuze; kies uit 'nl', 'en'"),
    ],
)
def test_usage_errors_are_one_dutch_line(invoke, args: list[str], dutch: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke(*args)
    assert result.exit_code == 2
    assert dutch in result.stderr
    assert _english_in(result.stderr) == [], result.stderr
    assert result.stderr.startswith("kngg: ") and result.stderr.count("\n") == 1


def test_usage_errors_in_english_with_lang_en(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--lang", "en", "check", "--bogus")
    assert result.exit_code == 2
    assert "No such option: --bogus" in result.stderr and "see `kngg check --help`" in result.stderr
    assert "onbekende" not in result.stderr


def test_lang_before_the_command_sets_the_language(invoke, region) -> None:  # type: ignore[no-untyped-def]
    root = region()
    english = invoke("--lang", "en", "check", str(root))
    assert "testregio (step 1): 0 errors, 0 warnings" in english.stdout
    dutch = invoke("check", str(root))
    assert "testregio (stap 1): 0 fouten, 0 waarschuwingen" in dutch.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_fast_help_lists_every_command_in_its_language(lang: str) -> None:
    text = _fast_help(lang)
    for name in commands():
        assert f"  {name} " in text
    if lang == "nl":
        assert _english_in(text) == [] and "Opdrachten:" in text
    else:
        assert "Commands:" in text and "Check a region" in text


def _kngg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    source = str(Path(__file__).resolve().parents[1] / "src")
    environment = {**os.environ, "PYTHONPATH": source, **(env or {})}
    environment.pop("KNGG_LANG", None) if env is None else None
    return subprocess.run(
        [sys.executable, "-m", "kngg_cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def test_the_installed_command_takes_lang_before_help() -> None:
    assert "Usage: kngg" in _kngg("--lang", "en", "--help").stdout
    assert "Gebruik: kngg" in _kngg("--help").stdout
    assert "Usage: kngg" in _kngg("--help", env={"KNGG_LANG": "en"}).stdout


def test_summary_line_singular_and_plural(region, invoke) -> None:  # type: ignore[no-untyped-def]
    from helpers import check
    from kngg_cli.report.text import summary_line

    root = region({"people.yaml": "kind: Person\nid: p\nname: Sanne\norganisation: gemeente-almer\n"})
    result = check(root)
    line = summary_line(result.regions[0])
    assert line.startswith("testregio (stap 1): 1 fout, ")
    result.regions[0].lang = "en"
    assert summary_line(result.regions[0]).startswith("testregio (step 1): 1 error, ")


def _flevoland_with_lelystad_unsigned(tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "regio-flevoland"
    shutil.copytree(Path(__file__).resolve().parents[1] / "examples" / "regio-flevoland", root)
    agreement = root / "agreements" / "sok-2025.yaml"
    text = agreement.read_text(encoding="utf-8")
    assert "    signed: 2025-03-11\n" in text
    agreement.write_text(text.replace("    signed: 2025-03-11\n", "    signed: null\n"), encoding="utf-8")
    return root


def test_sign_shows_what_the_signature_changed_and_the_summary(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _flevoland_with_lelystad_unsigned(tmp_path)
    result = invoke("sign", "sok-2025", str(root), "--party", "gemeente-lelystad", "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "gemeente-lelystad heeft sok-2025 getekend op 2026-11-20." in lines[0]
    assert lines[1].startswith("Opgelost door deze wijziging (")
    assert any(line.startswith("  fout G604 ") and "Lelystad" in line for line in lines)
    assert lines[-1] == "flevoland (stap 7): 0 fouten, 0 waarschuwingen, 2 info"
    assert "G705" not in result.stdout  # an unchanged finding elsewhere is not repeated


def test_sign_quiet_shows_only_the_summary(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _flevoland_with_lelystad_unsigned(tmp_path)
    result = invoke(
        "--lang",
        "en",
        "sign",
        "sok-2025",
        str(root),
        "--party",
        "gemeente-lelystad",
        "--date",
        "2026-11-20",
        "-q",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == ["flevoland (step 7): 0 errors, 0 warnings, 2 info"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nl", "kngg: het plan van aanpak is geschreven naar "),
        ("en", "kngg: the plan of approach was written to "),
    ],
)
def test_render_output_says_where_it_wrote(invoke, tmp_path: Path, lang: str, said: str) -> None:  # type: ignore[no-untyped-def]
    example = Path(__file__).resolve().parents[1] / "examples" / "regio-flevoland"
    target = tmp_path / "plan.md"
    result = invoke("render", "plan", str(example), "--output", str(target), "--lang", lang)
    assert result.exit_code == 0, result.output
    assert f"{said}{target}\n" in result.stderr
    assert result.stdout == "" and target.read_text(encoding="utf-8").startswith("#")
