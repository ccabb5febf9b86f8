"""G rules: the phase gates of the step plan (Leidraad regionale implementatiefase, juni 2025).

Which rules form the gate of which step is data (catalog/stepplan.yaml); the engine decides which
gates are enforced, which are the current step's to-do list and which are not evaluated. A rule
here only says whether its precondition holds, and where a coordinator would fix it.
"""

from kngg_cli.rules.gates import phase2, step5, step6, step7, step8

__all__ = ["phase2", "step5", "step6", "step7", "step8"]
