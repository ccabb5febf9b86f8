"""Write the generated pages of the user guide (docs/gebruikers/) from kngg's own sources.

    python scripts/gen_user_docs.py          # rewrite the pages
    python scripts/gen_user_docs.py --check  # exit 1 when a committed page is out of date

- formaat.md: every kind and field, from the Pydantic models (type, required, description);
- indicatoren.md: the indicators of the KnGG M&E matrix (as `kngg indicators` lists them);
- stappen.md: what each step of the step plan asks, from catalog/stepplan.yaml and the rules'
  catalogue (the gate of each step).
`tests/test_user_docs.py` fails when a page differs from what this script writes, so the
reference cannot drift from the code: after changing a model, run the script and commit.
"""

from __future__ import annotations

import argparse
import sys
import types
import typing
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from pydantic import BaseModel  # noqa: E402

OUT = ROOT / "docs" / "gebruikers"
HEADER = (
    "<!-- Gemaakt door scripts/gen_user_docs.py uit de broncode van kngg; niet met de hand aanpassen. -->\n\n"
)

KIND_FILES = {
    "Region": "region.yaml",
    "Organisation": "organisations.yaml",
    "Person": "people.yaml",
    "Body": "governance.yaml",
    "Agreement": "agreements/*.yaml",
    "MonitoringPlan": "monitoring.yaml",
    "CommunicationPlan": "communication.yaml",
}


# -- formaat.md ----------------------------------------------------------------------------------


def _pattern_words(pattern: str) -> str | None:
    from kngg_cli.model.common import (
        DURATION_PATTERN,
        EMAIL_PATTERN,
        GEMEENTE_CODE_PATTERN,
        KVK_PATTERN,
        SLUG_PATTERN,
    )

    return {
        SLUG_PATTERN: "id (kleine letters, cijfers en `-`, tot 63 tekens)",
        GEMEENTE_CODE_PATTERN: "CBS-code van een gemeente (`GM` en vier cijfers, zoals `GM0153`)",
        DURATION_PATTERN: "duur volgens ISO 8601 (`P6W` zes weken, `P1M` een maand, `P3M` drie maanden)",
        KVK_PATTERN: 'acht cijfers, als tekst tussen aanhalingstekens (`"12345678"`)',
        EMAIL_PATTERN: "e-mailadres (werkadres)",
    }.get(pattern)


def _metadata_pattern(metadata: list[Any]) -> str | None:
    for item in metadata:
        pattern = getattr(item, "pattern", None)
        if isinstance(pattern, str):
            return pattern
    return None


def type_text(annotation: Any, metadata: list[Any], queue: list[type[BaseModel]]) -> str:
    """How a field's type reads for a coordinator, in Dutch."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        return type_text(inner, [*metadata, *extra], queue)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return " of ".join(type_text(option, metadata, queue) for option in options)
    if origin is typing.Literal:
        return "een van: " + ", ".join(f"`{value}`" for value in typing.get_args(annotation))
    if origin is list:
        (item,) = typing.get_args(annotation)
        return "lijst van " + type_text(item, [], queue)
    if origin is dict:
        key, value = typing.get_args(annotation)
        return f"mapping van {type_text(key, [], queue)} naar {type_text(value, [], queue)}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in queue:
            queue.append(annotation)
        return f"mapping ([{annotation.__name__}](#{annotation.__name__.lower()}))"
    pattern = _metadata_pattern(metadata)
    if pattern and _pattern_words(pattern):
        return str(_pattern_words(pattern))
    if annotation is date:
        return "datum (`JJJJ-MM-DD`)"
    if annotation is bool:
        return "`true` of `false`"
    if annotation is int:
        return "geheel getal"
    if annotation is float:
        return "getal"
    if annotation is str:
        return "tekst"
    return str(getattr(annotation, "__name__", annotation))


def _field_rows(model: type[BaseModel], queue: list[type[BaseModel]]) -> list[str]:
    rows = ["| veld | soort waarde | verplicht | betekenis |", "|---|---|---|---|"]
    order = ["kind", "id", "kngg"]
    names = sorted(model.model_fields, key=lambda n: (order.index(n) if n in order else 3, n == "notes"))
    for name in names:
        field = model.model_fields[name]
        shown = field.alias or name
        kind = type_text(field.annotation, list(field.metadata), queue).replace("|", "\\|")
        required = "ja" if field.is_required() else "nee"
        description = (field.description or "").replace("|", "\\|").replace("\n", " ")
        rows.append(f"| `{shown}` | {kind} | {required} | {description} |")
    return rows


def _doc(model: type[BaseModel]) -> str:
    text = (model.__doc__ or "").strip()
    return text.split("\n\n")[0].replace("\n", " ") if text and not text.startswith("kngg's") else ""


def format_reference() -> str:
    from kngg_cli.model import KIND_MODELS

    lines = [
        "# Formaatreferentie: elke soort document en elk veld",
        "",
        "Deze pagina somt elke soort document (`kind`) van een regiomap op, met elk veld: wat voor",
        "waarde erin hoort, of het verplicht is en wat het betekent. Ze is gemaakt uit de modellen",
        "waarmee `kngg check` controleert, dus ze klopt altijd met de versie van kngg waar ze bij hoort.",
        "Uitleg met voorbeelden staat in [Aan de slag](aan-de-slag.md); de regels die kngg",
        "daarnaast controleert, toont `kngg rules` en `kngg explain CODE`.",
        "",
        "Algemeen:",
        "",
        "- Elk bestand is UTF-8-tekst in YAML. Eén bestand kan meerdere documenten bevatten,",
        "  gescheiden door een regel `---`.",
        "- Een veld dat kngg niet kent, is een fout (met een suggestie), behalve velden die met `x-`",
        "  beginnen: die zijn vrij voor eigen gebruik.",
        "- Een verplicht veld moet er altijd staan (fout `S004` als het ontbreekt). Een optioneel",
        "  veld mag ontbreken; een poort van het stappenplan kan er bij een latere stap wel om vragen.",
        "- Een verwijzing naar een bestand (`evidence`, `assignment`, `document`, `work_agenda`,",
        "  `stakeholder_map`) is een pad vanaf de hoofdmap van de regio (`documents/besluit.pdf`)",
        "  of een https-URL.",
        "- Gemeenten noem je overal met hun CBS-code (`GM0153`), niet met hun naam.",
        "",
    ]
    for kind, model in KIND_MODELS.items():
        queue: list[type[BaseModel]] = []
        lines += [f"## {kind}", ""]
        if _doc(model):
            lines += [_doc(model), ""]
        lines += [f"Gebruikelijk bestand: `{KIND_FILES.get(kind, '*.yaml')}`.", ""]
        lines += _field_rows(model, queue)
        lines.append("")
        done: set[type[BaseModel]] = set()
        while queue:
            part = queue.pop(0)
            if part in done:
                continue
            done.add(part)
            lines += [f"### {part.__name__}", ""]
            if _doc(part):
                lines += [_doc(part), ""]
            lines += _field_rows(part, queue)
            lines.append("")
    return HEADER + "\n".join(lines).rstrip("\n") + "\n"


# -- indicatoren.md ------------------------------------------------------------------------------


def indicators_page() -> str:
    from kngg_cli.catalog.reference import me_matrix

    matrix = me_matrix()
    lines = [
        "# De indicatoren van de M&E-matrix",
        "",
        "De indicatoren van de Monitoring & Evaluatie-matrix van Kind naar Gezonder Gewicht (JOGG,",
        "september 2023), op vijf niveaus. In `monitoring.yaml` noem je een indicator met `ref:`",
        "(bijvoorbeeld `ref: A.1`); kngg neemt de naam, het niveau en de soort dan uit deze lijst.",
        "Een eigen indicator van de regio krijgt zelf een `id`, `name`, `level` en `type`.",
        "Dezelfde lijst toont `kngg indicators` (met `--level A` voor één niveau, `--format json`",
        "voor andere programma's). Advies uit de matrix: kies op elk niveau minstens één indicator.",
        "",
    ]
    for level, level_name in matrix.levels.items():
        lines += [f"## {level}: {level_name}", "", "| code | indicator | soort |", "|---|---|---|"]
        for indicator in matrix.indicators.values():
            if indicator.level == level:
                lines.append(f"| `{indicator.ref}` | {indicator.name} | {indicator.type} |")
        lines.append("")
    return HEADER + "\n".join(lines).rstrip("\n") + "\n"


# -- stappen.md ----------------------------------------------------------------------------------


def steps_page() -> str:
    from kngg_cli.catalog import catalogue, step_plan

    plan = step_plan()
    rules = catalogue()
    lines = [
        "# Het stappenplan: wat elke stap vraagt",
        "",
        "De stappen van de Leidraad zoals kngg ze kent, met de poort van elke stap: de controles die",
        "geen fout meer mogen geven voordat `kngg advance` de stap afrondt. `kngg status` toont de",
        "open punten van de huidige stap; `kngg explain CODE` legt een controle uit, met de",
        "Leidraad erbij. Welke bestanden je bij welke stap invult, staat in [Aan de slag](aan-de-slag.md).",
        "",
        f"Bron: {plan.edition}.",
        "",
    ]
    stage = ""
    lines += [f"## Fase 1: {plan.phase_names[1]['nl']}", ""]
    for step in plan.steps:
        if step.stage != stage:
            stage = step.stage
            lines += [f"### {plan.stage_names[stage]['nl']}", ""]
        title = (
            step.name["nl"]
            if step.name["nl"].startswith("Stap")
            else f"Stap {step.number}: {step.name['nl']}"
        )
        lines += [f"#### {title}", "", " ".join(step.description["nl"].split()), ""]
        lines += _gate_rows(step.gate, rules)
    lines += [f"## Fase 2: {plan.phase_names[2]['nl']}", ""]
    if plan.phase2_description:
        lines += [" ".join(plan.phase2_description["nl"].split()), ""]
    lines += _gate_rows(plan.phase2_rules, rules, "Controles in fase 2 (geen poort: ze lopen elke keer mee)")
    return HEADER + "\n".join(lines).rstrip("\n") + "\n"


def _gate_rows(codes: tuple[str, ...], rules: dict[str, Any], title: str = "") -> list[str]:
    if not codes:
        return ["Geen poort: `kngg advance` rondt deze stap af zodra je dat vastlegt.", ""]
    lines = [title + ":", ""] if title else []
    lines += ["| controle | wat er moet kloppen |", "|---|---|"]
    for code in codes:
        rule = rules.get(code)
        summary = str(rule.summary.get("nl", "")) if rule is not None else ""
        lines.append(f"| `{code}` | {summary.replace('|', '/')} |")
    return [*lines, ""]


PAGES = {"formaat.md": format_reference, "indicatoren.md": indicators_page, "stappen.md": steps_page}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 when a page is out of date")
    options = parser.parse_args()
    stale = []
    for name, make in PAGES.items():
        text = make()
        path = OUT / name
        if options.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print("verouderd: " + ", ".join(stale) + " (python scripts/gen_user_docs.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
