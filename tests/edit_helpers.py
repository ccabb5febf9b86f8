"""Helpers for the tests of the editing commands (init, advance, sign): run the CLI, compare files."""

from __future__ import annotations

import difflib
from pathlib import Path

from typer.testing import CliRunner

from kngg_cli.cli.app import build_app

TODAY = "2026-11-23"


def kngg(*args: str) -> tuple[int, str, str]:
    """Run the Typer app in this process: (exit code, stdout, stderr)."""
    result = CliRunner().invoke(build_app(), [*args, "--today", TODAY], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, text: str, *, crlf: bool = False, bom: bool = False) -> Path:
    """Write text exactly (no dedent): LF line breaks, or CRLF, optionally with a UTF-8 BOM."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.replace("\n", "\r\n") if crlf else text
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8"))
    return path


def changes(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    """The lines removed and added between two versions of a file (line breaks kept: CRLF shows)."""
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    removed: list[str] = []
    added: list[str] = []
    for line in difflib.unified_diff(old, new, n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        if line.startswith("-"):
            removed.append(line[1:])
        elif line.startswith("+"):
            added.append(line[1:])
    return removed, added


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file below root (hidden ones too) with its bytes: to prove nothing was written."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
