"""`kngg check` and `kngg status` with plain options run without Typer, with the same result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import write_region
from kngg_cli.cli.fast import parse, run_fast


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check"], ("check", {"path": "."})),
        (
            ["check", "regio", "-f", "json", "--select", "R,P", "--select=A001", "--strict", "--no-cache"],
            (
                "check",
                {
                    "path": "regio",
                    "output_format": "json",
                    "select": ["R,P", "A001"],
                    "strict": True,
                    "no_cache": True,
                },
            ),
        ),
        (
            ["--lang", "en", "status", "--format=json"],
            ("status", {"lang": "en", "output_format": "json", "path": "."}),
        ),
        (
            ["check", "-o", "-", "--today", "2026-01-01"],
            ("check", {"output": "-", "today": "2026-01-01", "path": "."}),
        ),
    ],
)
def test_plain_arguments_are_parsed(args: list[str], expected: object) -> None:
    assert parse(args) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--help"],
        ["check", "--formaat", "json"],
        ["check", "--format", "xml"],
        ["status", "--format", "sarif"],
        ["check", "--output"],
        ["check", "--target", "--strict"],
        ["check", "a", "b"],
        ["check", "--strict=yes"],
        ["check", "--", "regio"],
        ["render", "plan"],
        ["status", "--strict"],
        [],
    ],
)
def test_anything_else_goes_to_typer(args: list[str]) -> None:
    assert parse(args) is None


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "--format", "json"],
        ["check", "--select", "R", "--lang", "en"],
        ["check", "--today", "2020-13-01"],
        ["status"],
        ["status", "--format", "json"],
    ],
)
def test_the_same_output_as_through_typer(
    invoke, tmp_path: Path, capsys, monkeypatch, args: list[str]
) -> None:  # type: ignore[no-untyped-def]
    people = "kind: Person\nid: sanne\nname: Sanne\norganisation: gemeente-almer\n"
    root = write_region(tmp_path / "regio", {"people.yaml": people})
    monkeypatch.setenv("KNGG_TODAY", "2026-11-23")
    full = [*args, str(root), "--no-cache"]
    code = run_fast(full)
    fast = capsys.readouterr()
    typer_run = invoke(*full)
    assert code == typer_run.exit_code
    assert fast.out == typer_run.stdout
    assert fast.err == typer_run.stderr


def test_check_does_not_import_typer(tmp_path: Path) -> None:
    root = write_region(tmp_path / "regio", {})
    script = (
        "import sys\nfrom kngg_cli.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as done:\n    code = done.code\n"
        "heavy = ('typer', 'click', 'importlib.metadata')\n"
        "sys.stderr.write(f'{code} ' + ' '.join(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "check", str(root), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stderr.strip() == "0"


def test_a_cache_hit_imports_neither_the_engine_nor_pydantic(tmp_path: Path) -> None:
    root = write_region(tmp_path / "regio", {})
    script = (
        "import sys\nfrom kngg_cli.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as done:\n    code = done.code\n"
        "heavy = ('pydantic', 'kngg_cli.engine', 'kngg_cli.model', 'ruamel.yaml', 'typer')\n"
        "sys.stderr.write(f'{code} ' + ' '.join(m for m in heavy if m in sys.modules))\n"
    )
    argv = [sys.executable, "-c", script, "check", str(root)]
    first = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert first.stderr.startswith("0 pydantic")  # the first run checks
    second = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert second.stderr.strip() == "0"
    assert second.stdout == first.stdout


# -- help pages: stored at build time, shown without Typer -------------------------------------


def _build_script() -> object:
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "scripts" / "build_catalogue.py"
    spec = importlib.util.spec_from_file_location("build_catalogue", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_stored_help_pages_are_what_typer_writes_now() -> None:
    """Fails when a command, option or help text changed and scripts/build_catalogue.py did not run."""
    from kngg_cli.cli import HELP_PAGES

    stored = (Path(__file__).resolve().parent.parent / "src" / "kngg_cli" / "cli" / HELP_PAGES).read_text(
        encoding="utf-8"
    )
    assert stored == _build_script().help_pages(), "run: python scripts/build_catalogue.py"  # type: ignore[attr-defined]


def _help_run(args: list[str], columns: int) -> tuple[str, str]:
    script = (
        "import sys\nfrom kngg_cli.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(' '.join(m for m in ('typer', 'click', 'pydantic') if m in sys.modules))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("KNGG_")}
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**env, "COLUMNS": str(columns)},
    )
    return done.stdout, done.stderr.strip()


@pytest.mark.parametrize("args", [["check", "--help"], ["--lang", "en", "status", "-h"], ["sign", "--help"]])
def test_a_command_help_is_the_stored_page_without_typer(args: list[str]) -> None:
    from kngg_cli.cli import HELP_PAGES

    out, imported = _help_run(args, 120)
    assert imported == ""
    pages = json.loads(
        (Path(__file__).resolve().parent.parent / "src" / "kngg_cli" / "cli" / HELP_PAGES).read_text()
    )
    lang = "en" if "en" in args else "nl"
    assert out == pages[lang][args[-2]]


def test_a_narrow_terminal_gets_typer_help_wrapped_to_it() -> None:
    out, imported = _help_run(["check", "--help"], 60)
    assert "typer" in imported
    assert max(len(line) for line in out.splitlines()) <= 60
