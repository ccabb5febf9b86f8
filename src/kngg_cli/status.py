"""`kngg status`: where a region stands in the step plan, built from a CheckResult and the step plan.

The data (`status_data`) is what `--format json` prints and what the text view (`status_text`)
draws. Its shape is stable; other tools read it:

    {
      "kngg_version": "0.1.0",
      "today": "2026-11-23",
      "regions": [
        {
          "id": "flevoland", "name": "Regio Flevoland", "path": "examples/regio-flevoland",
          "phase": 1, "step": 7,                        # step is null in phase 2
          "stage": "implementatiefase",                 # null in phase 2
          "step_name": "Richt het project in ...",      # null in phase 2
          "steps": [                                    # phase 1, steps 1-8
            {"number": 5, "name": "...", "stage": "verkenningsfase",
             "state": "done" | "current" | "ahead", "date": "2024-11-12" | null}
          ],
          "phase2": {"name": "Experimenteren en uitvoeren", "state": "ahead" | "current"},
          "gates_evaluated": true,                      # false: S findings kept the gates from running
          "open_items": [                               # the current step's gate: its to-do list
            {"code": "G705", "severity": "info", "gate_severity": "error",
             "message": "...", "hint": "..." | null, "subject": "..." | null,
             "path": "examples/regio-flevoland/region.yaml", "line": 9, "column": 5}
          ],
          "counts": {"gemeenten": 2, "organisations": 9, "people": 6, "bodies": 3,
                     "agreements": {"signed": 1, "total": 2},
                     "indicators": {"A": 2, "B": 1, "C": 1, "D": 1, "E": 2}},
          "summary": {"error": 0, "warning": 1, "info": 4},   # as `kngg check` reports them
          "ready": true | false | null,                 # may the current step be completed? null in phase 2
          "blocking": ["G705", "R001"]                  # the codes that make ready false
        }
      ],
      "summary": {"regions": 1, "ready": 1, "error": 0, "warning": 1, "info": 4}
    }

`ready` answers what `kngg check --target next` would: no S, R or P error, no enforced gate with an
error, and no open item of the current gate that is an error once enforced. `path` is relative
to the working directory, with `/`.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import TYPE_CHECKING, Any

from kngg_cli.catalog import localized, step_plan
from kngg_cli.findings import Finding, Severity

if TYPE_CHECKING:
    from kngg_cli.engine import CheckResult, RegionResult
    from kngg_cli.report import ReportContext

_WORDS = {
    "nl": {
        "phase": "Fase",
        "step": "Stap",
        "name": "Naam",
        "state": "Status",
        "done": "✓ afgerond",
        "current": "▶ huidige stap",
        "ahead": "· nog niet",
        "phase2": "fase 2",
        "open": "Open punten van stap {step} ({count})",
        "open_none": "Geen open punten voor stap {step}.",
        "code": "Code",
        "becomes": "Bij afronden",
        "where": "Waar",
        "message": "Melding",
        "counts": "Aantallen",
        "gemeenten": "gemeenten",
        "organisations": "organisaties",
        "people": "personen",
        "bodies": "overleggen",
        "agreements": "overeenkomsten getekend",
        "indicators": "indicatoren per niveau",
        "ready_yes": "Klaar om stap {step} af te ronden: ja (`kngg advance`)",
        "ready_no": "Klaar om stap {step} af te ronden: nee; eerst oplossen: {codes}",
        "ready_broken": "Klaar om stap {step} af te ronden: nee; eerst de structuurfouten (S) oplossen, "
        "de poorten zijn nog niet gecontroleerd",
        "phase2_line": "De regio is in fase 2 (experimenteren en uitvoeren): alle poorten van fase 1 gelden.",
        "findings": "Bevindingen: {error} error, {warning} warning, {info} info (details: `kngg check`)",
        "region": "Regio",
        "where_now": "Fase/stap",
        "errors": "Errors",
        "warnings": "Warnings",
        "ready": "Klaar?",
        "yes": "ja",
        "no": "nee",
        "na": "n.v.t.",
        "overview": "{count} regio's, {ready} klaar om hun stap af te ronden",
        "no_progress": "onbekend",
        "unknown_line": "De voortgang van de regio is onbekend: los eerst de fouten in region.yaml op.",
    },
    "en": {
        "phase": "Phase",
        "step": "Step",
        "name": "Name",
        "state": "State",
        "done": "✓ done",
        "current": "▶ current step",
        "ahead": "· ahead",
        "phase2": "phase 2",
        "open": "Open items of step {step} ({count})",
        "open_none": "No open items for step {step}.",
        "code": "Code",
        "becomes": "On advance",
        "where": "Where",
        "message": "Message",
        "counts": "Counts",
        "gemeenten": "gemeenten",
        "organisations": "organisations",
        "people": "people",
        "bodies": "bodies",
        "agreements": "agreements signed",
        "indicators": "indicators by level",
        "ready_yes": "Ready to complete step {step}: yes (`kngg advance`)",
        "ready_no": "Ready to complete step {step}: no; first resolve: {codes}",
        "ready_broken": "Ready to complete step {step}: no; first fix the structure errors (S), "
        "the gates have not been checked yet",
        "phase2_line": "The region is in phase 2 (experimenting and delivering): every phase-1 gate applies.",
        "findings": "Findings: {error} error, {warning} warning, {info} info (details: `kngg check`)",
        "region": "Region",
        "where_now": "Phase/step",
        "errors": "Errors",
        "warnings": "Warnings",
        "ready": "Ready?",
        "yes": "yes",
        "no": "no",
        "na": "n/a",
        "overview": "{count} regions, {ready} ready to complete their step",
        "no_progress": "unknown",
        "unknown_line": "The region's progress is unknown: first fix the errors in region.yaml.",
    },
}


# -- data ------------------------------------------------------------------------------------
def status_data(result: CheckResult, context: ReportContext) -> dict[str, Any]:
    regions = [region_status(region, context) for region in result.regions]
    counts = result.summary
    return {
        "kngg_version": context.version,
        "today": result.today.isoformat(),
        "regions": regions,
        "summary": {
            "regions": len(regions),
            "ready": sum(1 for r in regions if r["ready"]),
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
        },
    }


def region_status(region: RegionResult, context: ReportContext) -> dict[str, Any]:
    lang = context.lang
    plan = step_plan()
    model = region.view.region
    in_phase2 = region.phase == 2
    current = region.step if region.phase == 1 else None
    return {
        "id": region.id,
        "name": model.name if model is not None else region.id,
        "path": context.display_path(region.root),
        "phase": region.phase,
        "step": current,
        "stage": plan.step(current).stage if current and 1 <= current <= plan.last_step else None,
        "step_name": localized(plan.step(current).name, lang)
        if current and 1 <= current <= plan.last_step
        else None,
        "steps": _steps(region, lang),
        "phase2": {
            "name": localized(plan.phase_names.get(2), lang),
            "state": "current" if in_phase2 else "ahead",
        },
        "gates_evaluated": region.gates_evaluated,
        "open_items": [_item(f, context) for f in region.open_items],
        "counts": counts(region),
        "summary": region.summary,
        "ready": region.ready,
        "blocking": sorted(
            {
                f.code
                for f in region.findings
                if f.severity is Severity.ERROR or f.gate_severity is Severity.ERROR
            }
        ),
    }


def _steps(region: RegionResult, lang: str) -> list[dict[str, Any]]:
    model = region.view.region
    dates = {c.step: c.date for c in model.progress.completed} if model is not None else {}
    out = []
    plan = step_plan()
    for step in plan.steps:
        state = plan.step_state(step.number, region.phase, region.step)
        when = dates.get(step.number)
        out.append(
            {
                "number": step.number,
                "name": localized(step.name, lang),
                "stage": step.stage,
                "state": state,
                "date": when.isoformat() if when is not None and state == "done" else None,
            }
        )
    return out


def _item(finding: Finding, context: ReportContext) -> dict[str, Any]:
    span = finding.location.span
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "gate_severity": finding.gate_severity.value if finding.gate_severity else None,
        "message": finding.message,
        "hint": finding.hint,
        "subject": finding.subject,
        "path": context.display_path(finding.location.path),
        "line": span.line,
        "column": span.column,
    }


def counts(region: RegionResult) -> dict[str, Any]:
    from kngg_cli.model.monitoring import ME_LEVELS

    view = region.view
    agreements = [a for _, a in view.agreements()]
    signed = sum(1 for a in agreements if a.fully_signed)
    levels: Counter[str] = Counter()
    for document in view.valid("MonitoringPlan"):
        for indicator in document.model.indicators:
            level = indicator.facts()[0]
            if level is not None:
                levels[level] += 1
    return {
        "gemeenten": len(view.gemeente_codes),
        "organisations": len(view.organisations),
        "people": len(view.people),
        "bodies": len(view.bodies),
        "agreements": {"signed": signed, "total": len(agreements)},
        "indicators": {level: levels.get(level, 0) for level in ME_LEVELS},
    }


# -- text ------------------------------------------------------------------------------------
def status_text(data: dict[str, Any], lang: str, color: bool, width: int = 100) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    words = _WORDS[lang]
    regions = data["regions"]
    if len(regions) == 1:
        _one_region(console, regions[0], words)
    else:
        _overview(console, data, words)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _where_now(region: dict[str, Any], words: dict[str, str]) -> str:
    if region["phase"] == 2:
        return words["phase2"]
    if region["step"] is None:
        return words["no_progress"]
    return f"{words['phase'].lower()} 1, {words['step'].lower()} {region['step']}"


def _one_region(console: Any, region: dict[str, Any], words: dict[str, str]) -> None:
    from rich.table import Table
    from rich.text import Text

    title = f"{region['name']} ({region['id']}): {_where_now(region, words)}"
    if region["step_name"]:
        title += f", {region['step_name']}"
    console.print(Text(title, style="bold"))

    steps = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for column in (words["phase"], words["step"], words["name"], words["state"]):
        steps.add_column(column)
    styles = {"done": "green", "current": "bold yellow", "ahead": "dim"}
    for step in region["steps"]:
        state = words[step["state"]] + (f" {step['date']}" if step["date"] else "")
        steps.add_row("1", str(step["number"]), step["name"], Text(state, style=styles[step["state"]]))
    phase2 = region["phase2"]
    steps.add_row("2", "", phase2["name"], Text(words[phase2["state"]], style=styles[phase2["state"]]))
    console.print(steps)
    console.print()

    if region["phase"] == 1 and region["step"] is not None:
        items = region["open_items"]
        if items:
            console.print(Text(words["open"].format(step=region["step"], count=len(items)), style="bold"))
            table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
            table.add_column(words["code"], no_wrap=True)
            table.add_column(words["becomes"], no_wrap=True)
            table.add_column(f"{words['where']} / {words['message']}")
            for item in items:
                severity = item["gate_severity"] or item["severity"]
                cell = Text(f"{item['path']}:{item['line']}", style="bold")
                cell.append("\n" + item["message"], style="")
                if item["hint"]:
                    cell.append("\n= " + item["hint"], style="dim")
                table.add_row(item["code"], Text(severity, style=_severity_style(severity)), cell)
            console.print(table)
        else:
            console.print(words["open_none"].format(step=region["step"]))
        console.print()

    console.print(Text(words["counts"], style="bold"))
    c = region["counts"]
    console.print(
        f"  {words['gemeenten']} {c['gemeenten']}, {words['organisations']} {c['organisations']}, "
        f"{words['people']} {c['people']}, {words['bodies']} {c['bodies']}, "
        f"{words['agreements']} {c['agreements']['signed']}/{c['agreements']['total']}"
    )
    levels = "  ".join(f"{level} {count}" for level, count in c["indicators"].items())
    console.print(f"  {words['indicators']}: {levels}")
    console.print()

    if region["phase"] == 2:
        console.print(words["phase2_line"])
    elif region["step"] is None:
        console.print(Text(words["unknown_line"], style="bold red"))
    else:
        if not region["gates_evaluated"]:
            line, style = words["ready_broken"].format(step=region["step"]), "red"
        elif region["ready"]:
            line, style = words["ready_yes"].format(step=region["step"]), "green"
        else:
            codes = ", ".join(region["blocking"])
            line, style = words["ready_no"].format(step=region["step"], codes=codes), "red"
        console.print(Text(line, style=f"bold {style}"))
    console.print(words["findings"].format(**region["summary"]))


def _overview(console: Any, data: dict[str, Any], words: dict[str, str]) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column(words["region"])
    table.add_column(words["where_now"])
    table.add_column(words["errors"], justify="right")
    table.add_column(words["warnings"], justify="right")
    table.add_column(words["ready"])
    for region in data["regions"]:
        ready = region["ready"]
        label = words["na"] if ready is None else words["yes"] if ready else words["no"]
        style = "dim" if ready is None else "green" if ready else "red"
        errors = region["summary"]["error"]
        table.add_row(
            f"{region['name']} ({region['id']})",
            _where_now(region, words),
            Text(str(errors), style="red" if errors else ""),
            str(region["summary"]["warning"]),
            Text(label, style=style),
        )
    console.print(table)
    console.print()
    summary = data["summary"]
    console.print(words["overview"].format(count=summary["regions"], ready=summary["ready"]))


def _severity_style(severity: str) -> str:
    return {"error": "red", "warning": "yellow"}.get(severity, "cyan")
