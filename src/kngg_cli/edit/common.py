"""What the editing commands share: one region, paths as shown, dates, and a change ready to write."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kngg_cli.edit.textedit import CannotEdit, EditableFile, Refusal, TextEditor, os_problem

if TYPE_CHECKING:
    from kngg_cli.engine import CheckResult
    from kngg_cli.findings import Finding


@dataclass
class EditPlan:
    """A change ready to be written: the file as read, its verified new text, what to tell the user."""

    source: EditableFile
    editor: TextEditor
    text: str
    root: Path
    summary: str

    @property
    def changed(self) -> bool:
        return self.text != self.source.text

    def diff(self) -> str:
        return self.source.diff(self.text)

    def write(self) -> None:
        self.source.write(self.text)


def one_region(path: Path) -> Path:
    """The root of the one region PATH leads to (exit 2 for a folder of several regions)."""
    from kngg_cli.loading.files import find_region_roots

    roots = find_region_roots(path)
    if len(roots) != 1:
        raise CannotEdit("one_region", path=str(path), count=len(roots))
    return roots[0]


@contextmanager
def region_lock(path: Path) -> Iterator[Path]:
    """Find the one region at path and hold its editing lock (beside region.yaml) meanwhile.

    Every editing command plans and writes inside it, so the read, the "unchanged on disk" check
    and the rename of one run never interleave with another's: two `kngg sign` runs at once both
    land, one after the other."""
    from kngg_cli.atomic import edit_lock
    from kngg_cli.loading.files import REGION_FILE

    root = one_region(path)
    try:
        lock = edit_lock(root / REGION_FILE)
        lock.__enter__()
    except OSError as error:
        raise CannotEdit("cannot_lock", path=display(root), problem=os_problem(error)) from None
    try:
        yield root
    finally:
        lock.__exit__(None, None, None)


def display(path: Path) -> str:
    """A path as the reporters show it: relative to the working directory, with '/'."""
    try:
        relative = os.path.relpath(path, os.getcwd())
    except ValueError:
        return path.as_posix()
    if relative.startswith(os.pardir + os.sep + os.pardir + os.sep + os.pardir):
        return path.as_posix()
    return relative.replace(os.sep, "/")


def check_not_future(when: date, today: date) -> None:
    if when > today:
        raise Refusal("future_date", date=when.isoformat(), today=today.isoformat())


def format_findings(findings: list[Finding], result: CheckResult, context: Any) -> str:
    """Findings as the text reporter's blocks (with the source lines), one after another."""
    from kngg_cli.report.text import format_finding

    lines_by_file = {str(f.path): f.lines for r in result.regions for f in r.view.files}
    blocks = [format_finding(f, context, lines_by_file.get(str(f.location.path), [])) for f in findings]
    return "\n".join(blocks)
