"""Stage 3: rules. Each rule is a code and a pure function from a RegionView to problems.

A new rule is a function decorated with `@rule("CODE")` in the module of its family, an entry in the
catalogue (catalog/rules/<family>.yaml) and a test. Rules never print, never parse YAML and never
decide severity, suppression or language: the engine does that, in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kngg_cli.findings import Problem

REGISTRY: dict[str, Callable[..., Iterable[Problem]]] = {}

# Modules that register rules; the order does not matter.
RULE_MODULES = (
    "kngg_cli.rules.structure",
    "kngg_cli.rules.references",
    "kngg_cli.rules.privacy",
    "kngg_cli.rules.gates",
    "kngg_cli.rules.advice",
)


def rule(code: str) -> Callable[[Callable[..., Iterable[Problem]]], Callable[..., Iterable[Problem]]]:
    def register(function: Callable[..., Iterable[Problem]]) -> Callable[..., Iterable[Problem]]:
        if code in REGISTRY:
            raise RuntimeError(f"rule {code} registered twice")
        REGISTRY[code] = function
        return function

    return register


def registered_rules() -> dict[str, Callable[..., Iterable[Problem]]]:
    import importlib

    for module in RULE_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as error:
            if error.name != module:
                raise
    return REGISTRY
