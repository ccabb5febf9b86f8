"""libyaml's syntax problems in the users' words: what `kngg check` (S001) and the edit commands say.

The loader records libyaml's English problem text; this adds the Dutch wording and a hint that
says what to write (texts `yaml.*` of catalog/texts.yaml), so that every stage that reports a
syntax error words it the same way.
"""

from __future__ import annotations

from typing import Any

from kngg_cli.texts import catalogue, text


def syntax_params(params: dict[str, Any]) -> dict[str, Any]:
    """The loader's params of an S001 with the problem in Dutch (`problem_nl`) and the hint in both
    languages, from the `yaml.problem.*` and `yaml.hint.*` texts (whose `en` is libyaml's wording)."""
    problem = params.get("problem", "")
    for key in catalogue():
        if key.startswith("yaml.problem.") and problem.startswith(text(key, "en")):
            hint = "yaml.hint." + key.removeprefix("yaml.problem.")
            return {
                **params,
                "problem_nl": text(key, "nl"),
                "hint_nl": text(hint, "nl"),
                "hint_en": text(hint, "en"),
            }
    return {
        **params,
        "problem_nl": text("yaml.problem_unknown", "nl"),  # never libyaml's English in Dutch (cli.md)
        "hint_nl": text("yaml.hint.unknown", "nl"),
        "hint_en": text("yaml.hint.unknown", "en"),
    }
