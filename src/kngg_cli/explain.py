"""The catalogue as people and tools read it: `kngg rules` and `kngg explain CODE`."""

from __future__ import annotations

from typing import Any

from kngg_cli.catalog import FAMILIES, catalogue, localized, step_plan

_HEADINGS = {
    "nl": {
        "what": "Wat het controleert",
        "why": "Waarom",
        "source": "Bron",
        "example": "Voorbeeld",
        "severity": "ernst",
        "gate": "poort van stap",
        "phase2": "fase 2",
        "family": "familie",
        "always": "altijd",
        "suppress": "Onderdrukken",
        "basis": "Grondslag",
    },
    "en": {
        "what": "What it checks",
        "why": "Why",
        "source": "Source",
        "example": "Example",
        "severity": "severity",
        "gate": "gate of step",
        "phase2": "phase 2",
        "family": "family",
        "always": "always",
        "suppress": "Suppressing",
        "basis": "Basis",
    },
}


_SUPPRESS_TIP = {
    "nl": "Op de regel van de melding: `# kngg: ignore[{code}] reden`; "
    "voor de hele regio: `checks: {{ignore: [{code}]}}` in region.yaml.",
    "en": "On the finding's line: `# kngg: ignore[{code}] reason`; "
    "for the whole region: `checks: {{ignore: [{code}]}}` in region.yaml.",
}


# What a rule's requirement and numbers rest on (the catalogue's `basis`), said plainly.
_BASIS = {
    "nl": {
        "leidraad": "De eis komt uit de Leidraad regionale implementatiefase (juni 2025).",
        "me-matrix": "De eis en de getallen komen uit de KnGG Monitoring & Evaluatie matrix (2023) en de "
        "handleiding erbij.",
        "kngg": "Een eigen keuze van kngg: niet uit de Leidraad en niet uit de M&E-matrix.",
    },
    "en": {
        "leidraad": "The requirement comes from the Leidraad regionale implementatiefase (June 2025).",
        "me-matrix": "The requirement and its numbers come from the KnGG Monitoring & Evaluatie matrix "
        "(2023) and its guidance.",
        "kngg": "kngg's own choice: not from the Leidraad and not from the M&E matrix.",
    },
}
_THRESHOLD_TEXT = {
    "nl": "Het getal {value} is de standaard van kngg, niet van de Leidraad of de M&E-matrix. Drempel: "
    "`{name}`. Een regio kan het aanpassen in region.yaml:\n\n"
    "    checks:\n      thresholds:\n        {name}: {value}",
    "en": "The number {value} is kngg's default, not the Leidraad's or the M&E matrix's. Threshold: "
    "`{name}`. A region can change it in region.yaml:\n\n"
    "    checks:\n      thresholds:\n        {name}: {value}",
}


def _basis_text(code: str, lang: str) -> str:
    """Whose numbers these are, and for kngg's own numbers the threshold and how to change it."""
    from kngg_cli.model.region import THRESHOLD_RULES, Thresholds

    info = catalogue()[code]
    lines = [_BASIS[lang][info.basis]] if info.basis in _BASIS[lang] else []
    defaults = Thresholds()
    for name, rule_code in THRESHOLD_RULES.items():
        if rule_code == code:
            lines.append(_THRESHOLD_TEXT[lang].format(name=name, value=getattr(defaults, name)))
    return "\n\n".join(lines)


def rules_as_data() -> list[dict[str, Any]]:
    return [
        {
            "code": info.code,
            "name": info.name,
            "family": info.family,
            "severity": info.severity,
            "step": info.step,
            "phase": info.phase,
            "summary": info.summary,
            "what": info.what,
            "why": info.why,
            "source": info.source,
            "basis": info.basis,
            "example": info.example,
        }
        for info in catalogue().values()
    ]


def _applies(code: str, lang: str) -> str:
    info = catalogue()[code]
    words = _HEADINGS[lang]
    if info.step is not None:
        return f"{words['gate']} {info.step}"
    if info.phase == 2:
        return words["phase2"]
    return words["always"]


def _step_name(code: str, lang: str) -> str:
    step = catalogue()[code].step
    return f" ({localized(step_plan().step(step).name, lang)})" if step is not None else ""


def rules_as_text(lang: str) -> str:
    rules = catalogue()
    lines: list[str] = []
    family = ""
    for code, info in rules.items():
        if info.family != family:
            family = info.family
            lines.append(("" if not lines else "\n") + f"{family}: {localized(FAMILIES[family], lang)}")
        applies, summary = _applies(code, lang), localized(info.summary, lang)
        lines.append(f"  {code}  {info.name:<26} {info.severity:<8} {applies:<16} {summary}")
    return "\n".join(lines) + "\n"


def explain_text(code: str, lang: str) -> str:
    info = catalogue()[code]
    words = _HEADINGS[lang]
    out = [
        f"{code} {info.name}",
        f"{words['family']}: {localized(FAMILIES[info.family], lang)}; "
        f"{words['severity']}: {info.severity}; {_applies(code, lang)}{_step_name(code, lang)}",
        "",
        localized(info.summary, lang),
        "",
        f"## {words['what']}",
        localized(info.what, lang),
        "",
        f"## {words['why']}",
        localized(info.why, lang),
    ]
    if info.source:
        out += ["", f"## {words['source']}", localized(info.source, lang)]
    basis = _basis_text(code, lang)
    if basis:
        out += ["", f"## {words['basis']}", basis]
    if info.example:
        example = localized(info.example, lang).rstrip()
        out += ["", f"## {words['example']}", *("    " + line for line in example.splitlines())]
    if info.family != "S":
        out += ["", f"## {words['suppress']}", _SUPPRESS_TIP[lang].format(code=code)]
    return "\n".join(out) + "\n"


def indicators_as_data(level: str | None = None) -> list[dict[str, str]]:
    """The indicators of the M&E matrix that `ref:` can name (all, or one level's), for --format json."""
    from kngg_cli.catalog.reference import me_matrix

    matrix = me_matrix()
    return [
        {
            "code": indicator.ref,
            "name": indicator.name,
            "level": indicator.level,
            "level_name": matrix.levels[indicator.level],
            "type": indicator.type,
        }
        for indicator in matrix.indicators.values()
        if level is None or indicator.level == level
    ]


def indicators_as_text(level: str | None, lang: str) -> str:
    """One block per level: the level's name, then each indicator's code, type and name."""
    from kngg_cli.catalog.reference import me_matrix

    matrix = me_matrix()
    from kngg_cli.texts import text

    blocks: list[str] = []
    for code, name in matrix.levels.items():
        if level is not None and code != level:
            continue
        rows = [text("indicators.level", lang, level=code, name=name)]
        rows += [f"  {i.ref:<5} {i.type:<10} {i.name}" for i in matrix.indicators.values() if i.level == code]
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks) + "\n\n" + text("indicators.footer", lang) + "\n"
