"""The rule catalogue and the step plan: packaged data that every command reads."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kngg_cli.digest import digest

LANGUAGES = ("nl", "en")
FAMILIES = ("S", "R", "P", "G", "A", "X")  # the first letter of a rule code; named by `family.X` texts
LocalText = dict[str, str]


@dataclass(frozen=True, slots=True)
class RuleInfo:
    code: str
    name: str
    severity: str
    summary: LocalText
    what: LocalText
    why: LocalText
    messages: dict[str, LocalText]
    hints: dict[str, LocalText]
    source: LocalText | None = None  # the passage of the Leidraad or the M&E matrix the rule rests on
    basis: str | None = None  # what its requirement and numbers rest on: leidraad | me-matrix | kngg
    step: int | None = None  # the gate this rule belongs to, from the step plan
    phase: int | None = None
    # The rule's example, and the one home of it: a runnable bad/good pair that `kngg explain` (and so
    # the SARIF help) prints as "Fout"/"Goed" and tests/test_catalogue_examples.py runs (the rule
    # fires on `bad`, is quiet on `good`). Keys: file, bad, good; optional note (nl/en: what the pair
    # does not show), replace, region (the file is a second region's), bad_encoding, step, phase.
    contract: dict[str, Any] = field(default_factory=dict)

    @property
    def family(self) -> str:
        return self.code[0]


@dataclass(frozen=True, slots=True)
class Step:
    number: int
    name: LocalText
    description: LocalText
    stage: str
    gate: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StepPlan:
    edition: str
    phase_names: dict[int, LocalText]
    stage_names: dict[str, LocalText]
    steps: tuple[Step, ...]
    phase2_rules: tuple[str, ...]
    phase2_description: LocalText = field(default_factory=dict)

    def step(self, number: int) -> Step:
        return self.steps[number - 1]

    @property
    def last_step(self) -> int:
        return self.steps[-1].number

    def step_state(self, number: int, phase: int | None, current: int | None) -> str:
        """Where step `number` stands for a region at (phase, current step): done, current or ahead."""
        if phase == 2 or (current is not None and number < current):
            return "done"
        return "current" if number == current else "ahead"

    def gate_step_of(self, code: str) -> int | None:
        for step in self.steps:
            if code in step.gate:
                return step.number
        return None


# The YAML files are the source; compiled.json holds the same data with each file's hash, so that
# commands read it without parsing YAML (parsing the catalogue cost more than checking a region).
# A file whose hash differs (edited since the last `python scripts/build_catalogue.py`) is parsed
# from its YAML: never stale, only slower; tests/test_catalogue_compiled.py asks for a rebuild.
COMPILED = "compiled.json"
SOURCES = (
    "stepplan.yaml",
    "rules/S.yaml",
    "rules/R.yaml",
    "rules/P.yaml",
    "rules/G.yaml",
    "rules/A.yaml",
    "rules/X.yaml",
)


_HERE = os.path.dirname(os.path.abspath(__file__))


def _source_bytes(name: str) -> bytes:
    """A catalogue file beside this module (read by path: importlib.resources would cost every
    `kngg check` more than the catalogue itself; the package is never imported from a zip)."""
    with open(os.path.join(_HERE, *name.split("/")), "rb") as handle:
        return handle.read()


def _read(name: str) -> Any:
    raw = _source_bytes(name)
    compiled = _compiled().get(name)
    if compiled is not None and compiled.get("digest") == digest(raw):
        return compiled["data"]
    return parse_source(name, raw)


def parse_source(name: str, raw: bytes) -> Any:
    """One catalogue file, parsed from its YAML."""
    from kngg_cli.loading.yamlnodes import parse_yaml

    result = parse_yaml(raw.decode("utf-8"))
    if result.issues or not result.documents:
        raise RuntimeError(f"packaged catalogue file {name} is broken: {result.issues}")
    return result.documents[0].data


@cache
def _compiled() -> dict[str, Any]:
    import json

    try:
        data = json.loads(_source_bytes(COMPILED).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def compile_catalogue() -> str:
    """The text of compiled.json for the YAML files as they are (scripts/build_catalogue.py)."""
    import json

    entries = {}
    for name in SOURCES:
        if os.path.isfile(os.path.join(_HERE, *name.split("/"))):
            raw = _source_bytes(name)
            entries[name] = {"digest": digest(raw), "data": parse_source(name, raw)}
    return json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@cache
def step_plan() -> StepPlan:
    data = _read("stepplan.yaml")
    phases = {phase["number"]: phase for phase in data["phases"]}
    first = phases[1]
    stage_of = {n: stage["id"] for stage in first["stages"] for n in stage["steps"]}
    steps = tuple(
        Step(s["number"], s["name"], s["description"], stage_of[s["number"]], tuple(s.get("gate") or ()))
        for s in first["steps"]
    )
    return StepPlan(
        edition=data["edition"],
        phase_names={number: phase["name"] for number, phase in phases.items()},
        stage_names={stage["id"]: stage["name"] for stage in first["stages"]},
        steps=steps,
        phase2_rules=tuple(phases[2].get("rules") or ()),
        phase2_description=phases[2].get("description") or {},
    )


RULE_FILES = ("S.yaml", "R.yaml", "P.yaml", "G.yaml", "A.yaml", "X.yaml")


@cache
def catalogue() -> dict[str, RuleInfo]:
    plan = step_plan()
    rules: dict[str, RuleInfo] = {}
    for name in RULE_FILES:
        if not os.path.isfile(os.path.join(_HERE, "rules", name)):
            continue
        for code, entry in _read(f"rules/{name}").items():
            rules[code] = RuleInfo(
                code=code,
                name=entry["name"],
                severity=entry["severity"],
                summary=entry["summary"],
                what=entry["what"],
                why=entry["why"],
                messages=entry.get("messages") or {},
                hints=entry.get("hints") or {},
                source=entry.get("source"),
                basis=entry.get("basis"),
                step=plan.gate_step_of(code),
                phase=2 if code in plan.phase2_rules else None,
                contract=entry.get("contract") or {},
            )
    return dict(sorted(rules.items(), key=lambda item: _code_order(item[0])))


def _code_order(code: str) -> tuple[int, str]:
    return (FAMILIES.index(code[0]) if code[0] in FAMILIES else 99, code)


def localized(text: LocalText | None, lang: str) -> str:
    if not text:
        return ""
    return text.get(lang) or text.get("nl") or next(iter(text.values()))


def format_text(template: str, params: dict[str, Any]) -> str:
    return template.format_map(_Params(params))


# The tests set this (tests/conftest.py): a message whose rule passes too few parameters then
# fails the test that triggers it, instead of showing `{name}` to a user.
STRICT_PARAMS = False


class _Params(dict[str, Any]):
    """Missing placeholders stay visible instead of raising (except under STRICT_PARAMS); lists
    read as prose."""

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__({k: _prose(v) for k, v in params.items()})

    def __missing__(self, key: str) -> str:
        if STRICT_PARAMS:
            raise KeyError(f"message placeholder {{{key}}} has no parameter")
        return "{" + key + "}"


def _prose(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ", ".join(str(yaml_word(v)) for v in value)
    return yaml_word(value)


def yaml_word(value: Any) -> Any:
    """A value as the region's YAML writes it: `null`, `true`, `false` (never Python's None/True)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def render_message(rule: RuleInfo, key: str, params: dict[str, Any], lang: str) -> tuple[str, str | None]:
    """The finding's message and hint in one language; a did-you-mean hint where there is a suggestion."""
    message = localized(rule.messages.get(key) or rule.messages.get("default"), lang)
    hint_key = key
    if params.get("suggestion") and f"{key}_suggest" in rule.hints:
        hint_key = f"{key}_suggest"
    hint_text = rule.hints.get(hint_key) or rule.hints.get("default")
    hint = format_text(localized(hint_text, lang), params) if hint_text else None
    if STRICT_PARAMS:  # the other language's texts must find their parameters too
        for other in ("nl", "en"):
            format_text(localized(rule.messages.get(key) or rule.messages.get("default"), other), params)
            if hint_text:
                format_text(localized(hint_text, other), params)
    return format_text(message, params), hint or None
