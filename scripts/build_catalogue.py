"""Write src/kngg_cli/catalog/compiled.json from the catalogue's YAML files (run after editing them).

    python scripts/build_catalogue.py

kngg reads the compiled form so that no command parses YAML to learn its rules; a YAML file that
was edited after the last build is still read correctly (from its YAML, more slowly), and
tests/test_catalogue_compiled.py fails until this script has been run.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kngg_cli.catalog import COMPILED, compile_catalogue  # noqa: E402


def main() -> None:
    target = ROOT / "src" / "kngg_cli" / "catalog" / COMPILED
    target.write_text(compile_catalogue(), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
