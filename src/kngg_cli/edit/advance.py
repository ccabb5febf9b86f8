"""`kngg advance`: complete the current step of the step plan in `region.yaml`.

Refuses (nothing written) unless `kngg check --target next` has no error: no S, R or P error and
nothing open in any gate up to and including the current step. Then: `step` + 1 (after step 8:
`phase: 2` and the `step:` line removed) and a `completed` entry (step, date, evidence) at the end
of `progress.completed`, which is created in the file's own indentation style when absent.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kngg_cli.dates import date_from_text
from kngg_cli.edit.common import EditPlan, check_not_future, display, format_findings, one_region
from kngg_cli.edit.textedit import EditableFile, Refusal, TextEditor
from kngg_cli.texts import Text
from kngg_cli.texts import text as wording

if TYPE_CHECKING:
    from kngg_cli.report import ReportContext


def plan_advance(
    path: Path,
    *,
    today: date,
    when: date | None = None,
    evidence: str | None = None,
    lang: str | None = None,
    context: ReportContext,
) -> EditPlan:
    """Work out the change to region.yaml, or refuse (`context` is the text reporter's, for refusals)."""
    from kngg_cli.catalog import step_plan
    from kngg_cli.engine import CheckOptions, check_path
    from kngg_cli.findings import Severity
    from kngg_cli.loading.files import REGION_FILE

    root = one_region(path)
    day = when or today
    check_not_future(day, today)
    region_file = root / REGION_FILE
    source = EditableFile.read(region_file, display(region_file))
    result = check_path(root, CheckOptions(today=today, lang=lang, target="next"))
    region = result.regions[0]
    language = region.lang  # --lang, KNGG_LANG or the region's `language:` (choose_language)
    if region.phase == 2:
        raise Refusal("phase_2", region=region.id)
    errors = [f for f in region.findings if f.severity is Severity.ERROR]
    if errors:
        shown = format_findings(errors, result, context)
        counted_errors = Text.counted("count.error", len(errors))
        if region.step is None:
            raise Refusal("gate_open_unknown", [shown], errors=counted_errors)
        raise Refusal("gate_open", [shown], step=region.step, errors=counted_errors)
    step = region.step
    document = _region_document(source)
    if region.phase != 1 or step is None or document is None:
        raise Refusal("no_progress", region=region.id)
    previous = _last_completed_date(source.documents[document].data)
    if previous is not None and day < previous:
        raise Refusal("date_before_previous", date=day.isoformat(), previous=previous.isoformat())
    editor = TextEditor(source, document)
    if step < step_plan().last_step:
        editor.set_scalar(("progress", "step"), step + 1)
        following = wording("where.step", language, step=step + 1)
    else:
        editor.set_scalar(("progress", "phase"), 2)
        editor.remove_key(("progress",), "step")
        following = wording("where.phase_2", language)
    entry: dict[str, Any] = {"step": step, "date": day}
    if evidence:
        entry["evidence"] = evidence_reference(evidence, root)
    add_completed(editor, entry)
    text = editor.new_text()
    editor.verify(text)
    summary = wording(
        "edit.advanced", language, step=step, date=day.isoformat(), region=region.id, next=following
    )
    return EditPlan(source, editor, text, root, summary)


def _region_document(source: EditableFile) -> int | None:
    for index, parsed in enumerate(source.documents):
        if isinstance(parsed.data, dict) and parsed.data.get("kind") == "Region":
            return index
    return None


def _last_completed_date(data: dict[str, Any]) -> date | None:
    """The latest date under progress.completed (R007 would flag an earlier one for the new entry)."""
    progress = data.get("progress")
    entries = progress.get("completed") if isinstance(progress, dict) else None
    dates: list[date] = []
    for entry in entries if isinstance(entries, list) else []:
        value = entry.get("date") if isinstance(entry, dict) else None
        if isinstance(value, str):
            value = date_from_text(value)
        if isinstance(value, date):
            dates.append(value)
    return max(dates, default=None)


def add_completed(editor: TextEditor, entry: dict[str, Any]) -> None:
    """Append entry to progress.completed; create the key (block or flow, as progress is) if absent."""
    progress = editor.value(("progress",))
    if "completed" not in progress:
        editor.add_key(("progress",), "completed", [entry])
    elif isinstance(progress["completed"], list):
        editor.append_item(("progress", "completed"), entry)
    else:  # `completed:` with no value yet
        editor.fill_list(("progress", "completed"), [entry])


def evidence_reference(value: str, root: Path) -> str:
    """--evidence as format.md wants it: a URL, or a path relative to the region root with '/'."""
    if value.startswith(("https://", "http://")):
        return value
    given = Path(value)
    candidates = [given] if given.is_absolute() else [Path.cwd() / given, root / given]
    for candidate in candidates:
        try:  # a name too long, a NUL byte or a link loop is no file here: R008 reports the value
            relative = candidate.resolve().relative_to(root.resolve())
            if candidate.exists():
                slash = "/" if value.endswith(("/", "\\")) and relative.as_posix() != "." else ""
                return relative.as_posix() + slash
        except (ValueError, OSError, RuntimeError):
            continue
    # as given (a folder keeps its trailing slash: `documents/` names the folder, as the user wrote)
    return value.replace("\\", "/")
