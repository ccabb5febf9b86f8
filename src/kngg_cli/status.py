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
          "findings": [...],                            # every finding of the region, as open_items
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
from typing import TYPE_CHECKING, Any, TypedDict

from kngg_cli.catalog import localized, step_plan
from kngg_cli.findings import Finding
from kngg_cli.loading.files import REGION_FILE
from kngg_cli.texts import counted, text

if TYPE_CHECKING:
    from kngg_cli.engine import CheckResult, RegionResult
    from kngg_cli.report import ReportContext

SYNTAX_CODES = ("S001", "S002", "S009")  # the file could not be read as YAML at all


# -- the JSON shape (the module docstring shows it; mypy holds the code to it) -------------------
class StatusItem(TypedDict):
    code: str
    severity: str
    gate_severity: str | None
    message: str
    hint: str | None
    subject: str | None
    path: str
    line: int
    column: int


class StepStatus(TypedDict):
    number: int
    name: str
    stage: str
    state: str  # done | current | ahead
    date: str | None


class Phase2Status(TypedDict):
    name: str
    state: str  # ahead | current


class AgreementCounts(TypedDict):
    signed: int
    total: int


class RegionCounts(TypedDict):
    gemeenten: int
    organisations: int
    people: int
    bodies: int
    agreements: AgreementCounts
    indicators: dict[str, int]  # per M&E level, A-E


class RegionStatus(TypedDict):
    id: str
    name: str
    path: str
    phase: int | None
    step: int | None
    stage: str | None
    step_name: str | None
    steps: list[StepStatus]
    phase2: Phase2Status
    gates_evaluated: bool
    open_items: list[StatusItem]
    findings: list[StatusItem]
    counts: RegionCounts
    summary: dict[str, int]
    ready: bool | None
    blocking: list[str]


class StatusSummary(TypedDict):
    regions: int
    ready: int
    error: int
    warning: int
    info: int


class StatusData(TypedDict):
    kngg_version: str
    today: str
    regions: list[RegionStatus]
    summary: StatusSummary


# -- data ------------------------------------------------------------------------------------
def status_data(result: CheckResult, context: ReportContext) -> StatusData:
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


def region_status(region: RegionResult, context: ReportContext) -> RegionStatus:
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
        "findings": [_item(f, context) for f in region.findings],
        "counts": counts(region),
        "summary": region.summary,
        "ready": region.ready,
        "blocking": region.blocking,
    }


def _steps(region: RegionResult, lang: str) -> list[StepStatus]:
    model = region.view.region
    dates = {c.step: c.date for c in model.progress.completed} if model is not None else {}
    out: list[StepStatus] = []
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


def _item(finding: Finding, context: ReportContext) -> StatusItem:
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


def counts(region: RegionResult) -> RegionCounts:
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
def status_text(data: StatusData, lang: str, color: bool, width: int = 100) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        markup=False,  # a region's `[bold]` or `[link=…]` is text, not rich markup
        emoji=False,
        soft_wrap=False,
    )
    shown = _visible(data)
    regions = shown["regions"]
    if len(regions) == 1:
        _one_region(console, regions[0], lang)
    else:
        _overview(console, shown, lang)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _visible(value: Any) -> Any:
    """Every text of the status, as the text report shows it: no line breaks or control
    characters from a region's values reach the terminal or a CI log (report.visible)."""
    from kngg_cli.report import visible

    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {key: _visible(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_visible(item) for item in value]
    return value


def _words(lang: str) -> Any:
    """status.<key> of the texts catalogue in lang."""
    return lambda key, **params: text(f"status.{key}", lang, **params)


def _where_now(region: dict[str, Any], lang: str) -> str:
    if region["phase"] == 2:
        return text("where.phase_2", lang)
    if region["step"] is None:
        return text("status.no_progress", lang)
    return text("status.where_step", lang, step=region["step"])


def _counts_line(summary: dict[str, int], lang: str) -> dict[str, Any]:
    return {
        "errors": counted("count.error", summary["error"], lang),
        "warnings": counted("count.warning", summary["warning"], lang),
        "infos": counted("count.info", summary["info"], lang),
    }


def _unreadable_region_file(region: dict[str, Any]) -> list[dict[str, Any]]:
    """The errors in the region's region.yaml that keep its progress unknown (a syntax error …)."""
    if region["phase"] is not None:
        return []
    return [
        f
        for f in region.get("findings", [])
        if f["severity"] == "error"
        and f["code"].startswith("S")
        and f["path"].rsplit("/", 1)[-1] == REGION_FILE
    ]


def _step_name_after(where: str, step_name: str | None) -> str:
    """The step's name after 'fase 1, stap 4', without saying 'stap 4' twice when the name is only
    'Stap 4 (verkenningsfase)' (steps 1-5 have no names in our sources)."""
    if not step_name:
        return ""
    step_words = where.rsplit(", ", 1)[-1]
    if step_name.lower().startswith(step_words.lower()):
        return step_name[len(step_words) :]
    return f", {step_name}"


def _one_region(console: Any, region: dict[str, Any], lang: str) -> None:
    from rich.text import Text as RichText

    w = _words(lang)
    where = _where_now(region, lang)
    title = f"{region['name']} ({region['id']}): {where}{_step_name_after(where, region['step_name'])}"
    console.print(RichText(title, style="bold"))

    unreadable = _unreadable_region_file(region)
    if unreadable:
        console.print()
        syntax = any(f["code"] in SYNTAX_CODES for f in unreadable)
        console.print(RichText(w("unreadable_line" if syntax else "invalid_line"), style="bold red"))
        _findings_table(console, unreadable, lang, w("col_severity"), gate=False)
        console.print()
        console.print(w("findings", **_counts_line(region["summary"], lang)))
        return

    _steps_table(console, region, lang)
    if region["phase"] == 1 and region["step"] is not None:
        items = region["open_items"]
        if items:
            console.print(RichText(w("open", step=region["step"], count=len(items)), style="bold"))
            _findings_table(console, items, lang, w("col_becomes"), gate=True)
        else:
            console.print(w("open_none", step=region["step"]))
        console.print()
    elif region["phase"] == 2:
        findings = region.get("findings", [])
        if findings:
            console.print(RichText(w("phase2_findings", count=len(findings)), style="bold"))
            _findings_table(console, findings, lang, w("col_severity"), gate=False)
        else:
            console.print(w("phase2_none"))
        console.print()

    console.print(RichText(w("counts"), style="bold"))
    c = region["counts"]
    agreements = c["agreements"]
    console.print(
        "  "
        + w(
            "counts_line",
            gemeenten=c["gemeenten"],
            organisations=c["organisations"],
            people=c["people"],
            bodies=c["bodies"],
            signed=agreements["signed"],
            total=agreements["total"],
        )
    )
    levels = "  ".join(f"{level} {count}" for level, count in c["indicators"].items())
    console.print("  " + w("indicators", levels=levels))
    console.print()

    if region["phase"] == 2:
        console.print(w("phase2_line"))
    elif region["step"] is None:
        console.print(RichText(w("unknown_line"), style="bold red"))
    else:
        if not region["gates_evaluated"]:
            line, style = w("ready_broken", step=region["step"]), "red"
        elif region["ready"]:
            line, style = w("ready_yes", step=region["step"]), "green"
        else:
            line, style = w("ready_no", step=region["step"], codes=region["blocking"]), "red"
        console.print(RichText(line, style=f"bold {style}"))
    console.print(w("findings", **_counts_line(region["summary"], lang)))


def _steps_table(console: Any, region: dict[str, Any], lang: str) -> None:
    from rich.table import Table
    from rich.text import Text as RichText

    w = _words(lang)
    steps = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for column in ("col_phase", "col_step", "col_name", "col_state"):
        steps.add_column(w(column))
    styles = {"done": "green", "current": "bold yellow", "ahead": "dim"}
    for step in region["steps"]:
        state = w(f"state_{step['state']}") + (f" {step['date']}" if step["date"] else "")
        steps.add_row("1", str(step["number"]), step["name"], RichText(state, style=styles[step["state"]]))
    phase2 = region["phase2"]
    state = RichText(w(f"state_{phase2['state']}"), style=styles[phase2["state"]])
    steps.add_row("2", "", phase2["name"], state)
    console.print(steps)
    console.print()


def _findings_table(console: Any, items: list[dict[str, Any]], lang: str, column: str, gate: bool) -> None:
    """Findings as rows: code, severity (once enforced, for a gate's open items), where and message."""
    from rich.table import Table
    from rich.text import Text as RichText

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column(text("status.col_code", lang), no_wrap=True)
    table.add_column(column, no_wrap=True)
    table.add_column(text("status.col_where_message", lang))
    for item in items:
        severity = (item["gate_severity"] or item["severity"]) if gate else item["severity"]
        cell = RichText(f"{item['path']}:{item['line']}", style="bold")
        cell.append("\n" + item["message"], style="")
        if item["hint"]:
            cell.append(f"\n= {text('label.hint', lang)}: {item['hint']}", style="dim")
        word = RichText(text(f"severity.{severity}", lang), style=_severity_style(severity))
        table.add_row(item["code"], word, cell)
    console.print(table)


def _overview(console: Any, data: dict[str, Any], lang: str) -> None:
    from rich.table import Table
    from rich.text import Text as RichText

    w = _words(lang)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column(w("col_region"))
    table.add_column(w("col_where_now"))
    table.add_column(w("col_errors"), justify="right")
    table.add_column(w("col_warnings"), justify="right")
    table.add_column(w("col_ready"))
    for region in data["regions"]:
        ready = region["ready"]
        label = w("na") if ready is None else w("yes") if ready else w("no")
        style = "dim" if ready is None else "green" if ready else "red"
        errors = region["summary"]["error"]
        table.add_row(
            f"{region['name']} ({region['id']})",
            _where_now(region, lang),
            RichText(str(errors), style="red" if errors else ""),
            str(region["summary"]["warning"]),
            RichText(label, style=style),
        )
    console.print(table)
    console.print()
    summary = data["summary"]
    console.print(
        w("overview", regions=counted("count.region", summary["regions"], lang), ready=summary["ready"])
    )


def _severity_style(severity: str) -> str:
    return {"error": "red", "warning": "yellow"}.get(severity, "cyan")
