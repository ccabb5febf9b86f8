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


def rule(code: str) -> Callable[[Callable[..., Iterable[Problem]]], Callable[..., Iterable[Problem]]]:
    def register(function: Callable[..., Iterable[Problem]]) -> Callable[..., Iterable[Problem]]:
        if code in REGISTRY:
            raise RuntimeError(f"rule {code} registered twice")
        REGISTRY[code] = function
        return function

    return register


def registered_rules() -> dict[str, Callable[..., Iterable[Problem]]]:
    """Every rule, registered by importing the modules of the families.

    The imports are explicit (as yamllint's rule registry does): a mistyped or missing module is
    an ImportError here, never a family silently skipped. A new family is one more name on the
    import line; a new rule in an existing family needs nothing here.
    """
    from kngg_cli.rules import advice, gates, privacy, references, structure  # noqa: F401

    return REGISTRY
