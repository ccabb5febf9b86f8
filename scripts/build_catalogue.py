"""Write the compiled forms kngg reads at start-up (run after editing what they come from):

- src/kngg_cli/catalog/compiled.json, from the catalogue's YAML files;
- src/kngg_cli/cli/help.json, every command's help page as the Typer app writes it (nl and en),
  so that `kngg CMD --help` is answered without importing Typer and Click.

    python scripts/build_catalogue.py

kngg reads the compiled catalogue so that no command parses YAML to learn its rules; a YAML file
that was edited after the last build is still read correctly (from its YAML, more slowly). A help
page that was not rebuilt is shown as it was built. tests/test_catalogue_compiled.py and
tests/test_fast_cli.py fail until this script has been run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kngg_cli.catalog import COMPILED, compile_catalogue  # noqa: E402
from kngg_cli.cli import HELP_PAGES, HELP_WIDTH, commands  # noqa: E402
from kngg_cli.language import LANGUAGES  # noqa: E402


def typer_help(command: str, lang: str) -> str:
    """`kngg --lang LANG COMMAND --help` as the Typer app writes it in a terminal HELP_WIDTH wide."""
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("KNGG_")},
        "COLUMNS": str(HELP_WIDTH),
        "PYTHONPATH": str(ROOT / "src"),
    }
    code = (
        "import sys; from kngg_cli.cli.app import build_app; build_app()(args=sys.argv[1:], prog_name='kngg')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--lang", lang, command, "--help"],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    return done.stdout


def help_pages() -> str:
    pages = {lang: {command: typer_help(command, lang) for command in commands()} for lang in LANGUAGES}
    return json.dumps(pages, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> None:
    target = ROOT / "src" / "kngg_cli" / "catalog" / COMPILED
    target.write_text(compile_catalogue(), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    pages = ROOT / "src" / "kngg_cli" / "cli" / HELP_PAGES
    pages.write_text(help_pages(), encoding="utf-8")
    print(f"wrote {pages.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
