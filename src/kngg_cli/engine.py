"""The check pipeline: find regions → load → models → rules → findings (severity, gates, suppression).

This is the library behind `kngg check`, `status`, `advance` and `render`; the CLI only parses
options and prints. Severity is settled here, once, before any reporter or command reads it.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kngg_cli.catalog import RuleInfo, catalogue, render_message, step_plan
from kngg_cli.findings import Finding, Location, Problem, Severity, Span, count_by_severity
from kngg_cli.language import choose_language
from kngg_cli.loading.files import SourceFile, find_region_roots
from kngg_cli.loading.region import LoadedRegion, load_region
from kngg_cli.model.document import Document, build_documents
from kngg_cli.options import CheckOptions as CheckOptions  # its home is options.py; here for the callers
from kngg_cli.regionview import RegionView
from kngg_cli.rules import registered_rules
from kngg_cli.texts import KnggError

PHASE_2 = "fase-2"
NEXT = "next"


class UsageError(KnggError):
    """The command cannot run as asked (exit 2)."""


@dataclass
class RegionResult:
    root: Path
    id: str
    phase: int | None
    step: int | None
    lang: str
    findings: list[Finding]
    files: int
    view: RegionView
    gates_evaluated: bool  # False when S findings kept the G and A rules from running
    file_names: list[str] = field(default_factory=list)  # every file, relative to root (/ separators)

    @property
    def summary(self) -> dict[str, int]:
        return count_by_severity(self.findings)

    @property
    def ready(self) -> bool | None:
        """May the region complete its current step? What `kngg check --target next` would say: no
        error finding, and no open item of the current gate that would be an error once enforced.
        None in phase 2 (no step to complete) or when the progress itself is unknown: then `step`
        is None (it is only known in phase 1)."""
        if self.step is None:
            return None
        if not self.gates_evaluated:
            return False
        return not self.blocking

    @property
    def blocking(self) -> list[str]:
        """The codes that make `ready` false: every error, and every open item of the current gate
        that is an error once enforced (what `kngg status` lists as blocking)."""
        return sorted({f.code for f in self.findings if Severity.ERROR in (f.severity, f.gate_severity)})

    @property
    def open_items(self) -> list[Finding]:
        """The current step's gate: its to-do list."""
        return [f for f in self.findings if not f.enforced]

    def has_errors(self, families: str | None = None) -> bool:
        return any(
            f.severity is Severity.ERROR and (families is None or f.code[0] in families)
            for f in self.findings
        )


@dataclass
class CheckResult:
    today: date
    regions: list[RegionResult] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for r in self.regions for f in r.findings), key=lambda f: f.sort_key)

    @property
    def summary(self) -> dict[str, int]:
        counts = count_by_severity(self.findings)
        return {**counts, "files": sum(r.files for r in self.regions), "regions": len(self.regions)}

    def exit_code(self, strict: bool = False) -> int:
        counts = count_by_severity(self.findings)
        if counts["error"] or (strict and counts["warning"]):
            return 1
        return 0


def check_path(path: Path, options: CheckOptions) -> CheckResult:
    return check_roots(find_region_roots(path), options)


def check_roots(roots: list[Path], options: CheckOptions, slim: bool = False, jobs: int = 1) -> CheckResult:
    """Check each region in turn. With `slim`, a checked region keeps only what the reporters of
    `kngg check` read (its findings, and the lines of the files they point into), so that memory
    stays flat however many regions there are; `status` and the documents need the models.
    With `slim` and `jobs` > 1, the regions are checked by that many worker processes (see
    `_check_in_workers`); the result is the same, region for region, in the same order."""
    validate_selectors(options)
    result = CheckResult(options.today)
    listed = _gemeenten_per_region(roots) if len(roots) > 1 else {}
    tasks = [(root, options, _other_regions(root, listed)) for root in roots]
    if slim and jobs > 1 and len(roots) > 2:
        # the first region here: what every check builds on first use (the rules, the catalogue,
        # the models' validators, the YAML parser) is then built once, and the workers share it
        with _collector_paused():
            result.regions.append(_check_task(tasks[0], slim=True))
        result.regions.extend(_check_in_workers(tasks[1:], jobs))
        return result
    with _collector_paused():
        for task in tasks:
            result.regions.append(_check_task(task, slim))
    return result


_Task = tuple[Path, CheckOptions, dict[str, list[str]]]


def _check_task(task: _Task, slim: bool) -> RegionResult:
    root, options, other_regions = task
    region = check_region(root, options, other_regions=other_regions)
    if slim:
        _slim(region)
    gc.collect(0)  # what the region left in cycles, without walking what earlier ones kept
    return region


def _check_slim_in_worker(task: _Task) -> RegionResult:
    with _collector_paused():
        return _check_task(task, slim=True)


def _check_in_workers(tasks: list[_Task], jobs: int) -> list[RegionResult]:
    """The regions of a large set, checked side by side by forked worker processes (a region's
    check is independent of the others': R012 gets its listing from `tasks`). Forked, so that the
    workers share the modules and the built models the parent has, instead of importing them
    again; each returns its regions slimmed (findings and the lines they point into), in order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return list(pool.map(_check_slim_in_worker, tasks, chunksize=1))


def default_jobs(region_count: int) -> int:
    """Worker processes for `kngg check` of a folder of regions: one per usable CPU (at most 8) when
    there are enough regions to pay for starting them, on systems that can fork; else 1.
    KNGG_JOBS sets the number (1: check in this process)."""
    import os
    import sys

    wanted = os.environ.get("KNGG_JOBS", "")
    if wanted.isdigit() and int(wanted) >= 1:
        return int(wanted)
    if region_count < _PARALLEL_FROM or not sys.platform.startswith("linux"):
        return 1
    return max(1, min(8, len(os.sched_getaffinity(0))))


_PARALLEL_FROM = 4  # regions: below this, starting workers costs more than it saves


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading builds millions of small dicts and lists that live until the region is checked:
    the cyclic collector would walk them again and again (a fifth of the time on the national set,
    more as it grows). Reference counting frees them; the collector runs once per region instead.
    (The command line also freezes what it imported before, out of the collector's sight.)"""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _slim(region: RegionResult) -> None:
    """Keep what the reporters of `kngg check` read: the findings, the files they point into (with
    their lines, for the code frames) and the names of all files (junit lists every file); a folder
    of many regions then costs its findings, not its files."""
    pointed = {f.location.path for f in region.findings}
    kept = [source for source in region.view.files if source.path in pointed]
    for source in kept:
        source.documents = []
        source.text = ""
    region.view = RegionView(region.root, kept, [], region.view.today, region.view.unreadable)


def _gemeenten_per_region(roots: list[Path]) -> dict[str, list[tuple[Path, str]]]:
    """Each gemeente code that the regions' region.yaml files list (as written) → those regions
    (root and name): read only when a folder of several regions is checked (R012)."""
    from kngg_cli.loading.files import REGION_FILE, read_source

    listed: dict[str, list[tuple[Path, str]]] = {}
    for root in roots:
        source = read_source(root / REGION_FILE, root)
        data = source.documents[0].data if source.documents else None
        if not isinstance(data, dict):
            continue
        name = data.get("name") if isinstance(data.get("name"), str) else root.name
        written = data.get("gemeenten")
        entries: list[Any] = written if isinstance(written, list) else []
        codes = [e["code"] for e in entries if isinstance(e, dict) and isinstance(e.get("code"), str)]
        for code in dict.fromkeys(codes):
            listed.setdefault(code, []).append((root, str(name)))
    return listed


def _other_regions(root: Path, listed: dict[str, list[tuple[Path, str]]]) -> dict[str, list[str]]:
    """For one region: each gemeente code → the names of the other regions that list it (R012
    reads the region's own codes in it; a code no other region lists has no names)."""
    return {code: [name for other, name in regions if other != root] for code, regions in listed.items()}


def validate_selectors(options: CheckOptions) -> None:
    known = catalogue()
    for selector in (*options.select, *options.ignore):
        if not any(code.startswith(selector) for code in known):
            raise UsageError("cli.unknown_selector", code=selector)
    for selector in options.ignore:
        if selector.startswith("S"):
            raise UsageError("cli.ignore_s_rule", code=selector)
    if options.target is not None:
        parse_target(options.target, current_step=1)


def parse_target(target: str, current_step: int) -> int:
    """The last step whose gate is enforced for `--target`; fase-2 means all of phase 1."""
    last = step_plan().last_step
    if target == PHASE_2:
        return last
    if target == NEXT:
        return current_step
    if target.isdigit() and 1 <= int(target) <= last:
        return int(target)
    raise UsageError("cli.bad_target", target=target, last=last)


def check_region(
    root: Path,
    options: CheckOptions,
    texts: Mapping[Path, str] | None = None,
    other_regions: Mapping[str, list[str]] | None = None,
) -> RegionResult:
    """Check the region at root; `texts` are files as an editor holds them (see load_region);
    other_regions: gemeente code → the names of the other regions checked in the same run (R012)."""
    return check_loaded(load_region(root, texts), options, other_regions=other_regions)


def check_loaded(
    loaded: LoadedRegion,
    options: CheckOptions,
    documents: list[Document] | None = None,
    other_regions: Mapping[str, list[str]] | None = None,
) -> RegionResult:
    """Check a region already in memory. `documents` are its validated documents when the caller
    keeps them between runs (the language server re-validates only the file that changed)."""
    root = loaded.root
    if documents is None:
        documents = build_documents(loaded)
    view = RegionView(root, loaded.files, documents, options.today)
    view.extra["other_regions"] = dict(other_regions or {})
    view.unreadable = any(not f.readable for f in loaded.files)
    phase, step, region_language = _progress(view)
    lang = choose_language(options.lang, region_language)
    plan = _GatePlan.for_region(phase, step, options.target)
    problems, answered, gates_evaluated = _run_rules(view, plan)
    findings = _apply_policy(problems, answered, view, plan, options, lang)
    names = [source.relative for source in loaded.files]
    return RegionResult(
        root, view.region_id, phase, step, lang, findings, len(loaded.files), view, gates_evaluated, names
    )


def _progress(view: RegionView) -> tuple[int | None, int | None, str | None]:
    """Phase, step and language of the region: from the model, or as written when region.yaml has
    another mistake (the gates wait for it to be fixed, but reports still say where the region is)."""
    region = view.region
    if region is not None:
        state = region.progress
        return state.phase, state.step if state.phase == 1 else None, region.language
    document = view.region_document
    data: dict[str, Any] = document.data if document is not None else {}
    progress = data.get("progress")
    written: dict[str, Any] = progress if isinstance(progress, dict) else {}
    raw_phase, raw_step, language = written.get("phase"), written.get("step"), data.get("language")
    phase = raw_phase if raw_phase in (1, 2) and not isinstance(raw_phase, bool) else None
    step = raw_step if phase == 1 and isinstance(raw_step, int) and not isinstance(raw_step, bool) else None
    return phase, step, language if language in ("nl", "en") else None


@dataclass(frozen=True)
class _GatePlan:
    """Which gate rules run, and which of them are the current step's to-do list."""

    enforced: frozenset[str]
    todo: frozenset[str]

    @classmethod
    def for_region(cls, phase: int | None, step: int | None, target: str | None) -> _GatePlan:
        plan = step_plan()
        if phase == 2:
            gates = {code for s in plan.steps for code in s.gate} | set(plan.phase2_rules)
            return cls(frozenset(gates), frozenset())
        if phase != 1 or step is None or not 1 <= step <= plan.last_step:
            return cls(frozenset(), frozenset())
        last_enforced = max(step - 1, parse_target(target, step) if target else 0)
        enforced = {code for s in plan.steps if s.number <= last_enforced for code in s.gate}
        todo = set() if last_enforced >= step else set(plan.step(step).gate)
        return cls(frozenset(enforced), frozenset(todo))

    def runs(self, code: str) -> bool:
        return code in self.enforced or code in self.todo


def _run_rules(view: RegionView, plan: _GatePlan) -> tuple[list[Problem], set[str], bool]:
    """Run the rules in family order. G and A rules read the validated models: when a file does not
    parse or a document is invalid, a gate would report as missing what is merely broken ("no
    samenwerkingsovereenkomst" for an agreement with a typo), so they wait until the S findings
    are fixed. A mistake in `checks:` (S004 about the configuration) breaks no document and does
    not hold them back. Returns the problems, the codes this run has answered for (that ran, or
    that the region's progress leaves out), and whether G and A ran."""
    from kngg_cli.rules.references import NO_PEOPLE_KEYS, PEOPLE_RULES

    problems: list[Problem] = []
    answered: set[str] = set()
    structure_broken = False
    rules = registered_rules()
    for code in sorted(rules, key=lambda c: "SRPGAX".index(c[0])):
        family = code[0]
        if family == "G" and not plan.runs(code):
            answered.add(code)  # not due at this step: a suppression of it suppresses nothing now
            continue
        if family in "GA" and structure_broken:
            continue
        if code in PEOPLE_RULES and any(p.message_key in NO_PEOPLE_KEYS for p in problems):
            continue  # no Person at all: R002 says so once; the rules that ask for people wait
        found = list(rules[code](view))
        answered.add(code)
        problems.extend(found)
        if family == "S" and any(not p.message_key.startswith("config_") for p in found):
            structure_broken = True
    return problems, answered, not structure_broken


_SUPPRESSION = re.compile(r"#\s*kngg:\s*ignore\[([A-Za-z0-9,\s]*)\]")


@dataclass
class _Suppression:
    path: Path
    line: int
    column: int
    codes: list[str]
    used: set[str] = field(default_factory=set)


def _suppressions(files: list[SourceFile]) -> dict[tuple[Path, int], _Suppression]:
    found: dict[tuple[Path, int], _Suppression] = {}
    for source in files:
        if "kngg:" not in source.text:
            continue
        for number, line in enumerate(source.lines, start=1):
            match = _SUPPRESSION.search(line)
            if match:
                codes = [c.strip().upper() for c in match.group(1).split(",") if c.strip()]
                found[(source.path, number)] = _Suppression(source.path, number, match.start() + 1, codes)
    return found


def _selected(code: str, selectors: tuple[str, ...]) -> bool:
    return any(code.startswith(s) for s in selectors)


def _active(code: str, config_ignore: set[str], options: CheckOptions) -> bool:
    """Whether findings of `code` are reported in this run. S findings always are. The command line
    overrides the region for one run: `--ignore` drops, `--select` keeps only what it names, and
    a code that `--select` names exactly comes back even when `checks.ignore` lists it."""
    if code.startswith("S"):
        return True
    if _selected(code, options.ignore):
        return False
    if options.select and not _selected(code, options.select):
        return False
    return code not in config_ignore or code in options.select


def _apply_policy(
    problems: list[Problem],
    answered: set[str],
    view: RegionView,
    plan: _GatePlan,
    options: CheckOptions,
    lang: str,
) -> list[Finding]:
    rules = catalogue()
    region = view.region
    config_ignore = set(region.checks.ignore) if region is not None and region.checks else set()
    config_severity = dict(region.checks.severity) if region is not None and region.checks else {}
    suppressions = _suppressions(view.files)
    findings: list[Finding] = []
    for problem in problems:
        code = problem.code
        if not _active(code, config_ignore, options):
            continue
        suppression = suppressions.get((problem.location.path, problem.location.span.line))
        if suppression is not None and code in suppression.codes and not code.startswith("S"):
            suppression.used.add(code)
            continue
        findings.append(_finding(problem, rules[code], config_severity, plan, view, lang))
    if _active("X001", config_ignore, options):
        active = {code for code in answered if _active(code, config_ignore, options)}
        findings.extend(_unused_suppressions(suppressions, active, rules, view, lang))
    return sorted(findings, key=lambda f: f.sort_key)


def _finding(
    problem: Problem,
    info: RuleInfo,
    config_severity: Mapping[str, str],
    plan: _GatePlan,
    view: RegionView,
    lang: str,
) -> Finding:
    severity = problem.severity or Severity(info.severity)
    if not problem.code.startswith("S") and problem.code in config_severity:
        severity = Severity(config_severity[problem.code])
    enforced = problem.code not in plan.todo
    gate_severity = None
    if not enforced:
        severity, gate_severity = Severity.INFO, severity
    message, hint = render_message(info, problem.message_key, problem.params, lang)
    return Finding(
        problem.code,
        severity,
        message,
        problem.location,
        hint,
        view.region_id,
        problem.subject,
        enforced,
        gate_severity,
        tuple(str(problem.params[k]) for k in ("suggestion", "suggestion_code") if problem.params.get(k)),
    )


def _unused_suppressions(
    suppressions: dict[tuple[Path, int], _Suppression],
    active: set[str],
    rules: dict[str, RuleInfo],
    view: RegionView,
    lang: str,
) -> list[Finding]:
    """X001 for each code of a `# kngg: ignore[...]` that suppressed nothing, as ruff's RUF100 does,
    including a gate that is not due at the region's step. A rule that this run could not answer
    for (left out by --select/--ignore or checks.ignore, or G and A rules held back by S findings)
    is left alone: it may have something to suppress once it runs."""
    findings = []
    for suppression in suppressions.values():
        for code in suppression.codes:
            if code in suppression.used or (code in rules and code not in active):
                continue
            span = Span(suppression.line, suppression.column, suppression.line, suppression.column + 1)
            message, hint = render_message(rules["X001"], "default", {"code": code}, lang)
            location = Location(suppression.path, span)
            findings.append(Finding("X001", Severity.INFO, message, location, hint, view.region_id, None))
    return findings
