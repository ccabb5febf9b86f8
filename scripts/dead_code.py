"""Dead code: vulture at confidence 60 over src/kngg_cli, with what is used from outside Python's
sight left out by rule, not by a list of names to keep up to date:

- functions registered by a decorator: rules (`@rule`), Typer commands (`@app.command`), the
  language server's handlers (`@server.feature`/`@…command`), Pydantic validators;
- the fields of every Pydantic model in kngg_cli.model (read by Pydantic from YAML, not by name
  in our code), found by importing the models;
- names in scripts/dead_code_whitelist.py: the few uses vulture cannot see (each with its reason).

Run by .ci/extra-checks. Exit 1 with vulture's lines when something is dead. Usage:
    python scripts/dead_code.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

CONFIDENCE = 60
DECORATORS = [
    "@rule",
    "@*.command",
    "@*.callback",
    "@*.feature",
    "@model_validator",
    "@field_validator",
    "@*.route",
]
NAMES = ["model_config"]  # Pydantic's configuration hook


def model_fields() -> set[str]:
    """Every field name of every Pydantic model under kngg_cli.model (recursively via subclasses)."""
    import importlib
    import pkgutil

    from pydantic import BaseModel

    import kngg_cli.model as package

    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
    names: set[str] = set()
    pending: list[type[BaseModel]] = [BaseModel]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("kngg_cli."):
            names.update(cls.model_fields)
    return names


def main() -> int:
    from vulture import Vulture

    fields = model_fields()
    vulture = Vulture(ignore_names=NAMES, ignore_decorators=DECORATORS)
    # the scripts are users of the library too (and hold the whitelist)
    vulture.scavenge([str(ROOT / "src" / "kngg_cli"), str(ROOT / "scripts")])
    dead = []
    for item in vulture.get_unused_code(min_confidence=CONFIDENCE, sort_by_size=False):
        if not Path(item.filename).is_relative_to(ROOT / "src"):
            continue  # a script's own leftovers are its business
        in_model = Path(item.filename).parent.name == "model"
        if item.typ == "variable" and in_model and item.name in fields:
            continue
        dead.append(item)
    for item in dead:
        print(item.get_report(add_size=False))
    return 1 if dead else 0


if __name__ == "__main__":
    sys.exit(main())
