"""Snapshots of the Markdown documents of every example region (fixed --today).

Regenerate after an intended change, and review the diff of tests/snapshots/ like any other change:

    KNGG_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_render_snapshots.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kngg_cli.cli.app import build_app

TODAY = "2026-11-23"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("KNGG_UPDATE_SNAPSHOTS") == "1"


def _cases() -> list[tuple[str, list[str]]]:
    cases = []
    for example in sorted(p for p in EXAMPLES.iterdir() if (p / "region.yaml").is_file()):
        cases.append((f"{example.name}-plan", ["plan", str(example)]))
        cases.append((f"{example.name}-status", ["status", str(example)]))
        for agreement in sorted((example / "agreements").glob("*.y*ml")):
            cases.append(
                (f"{example.name}-agreement-{agreement.stem}", ["agreement", agreement.stem, str(example)])
            )
    return cases


@pytest.mark.parametrize(("name", "args"), _cases(), ids=[name for name, _ in _cases()])
def test_markdown_snapshot(name: str, args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES.parent)
    result = CliRunner().invoke(build_app(), ["render", *args, "--today", TODAY], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    snapshot = SNAPSHOTS / f"{name}.md"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        snapshot.write_text(result.stdout, encoding="utf-8")
    assert snapshot.is_file(), f"no snapshot {snapshot.name}: run with KNGG_UPDATE_SNAPSHOTS=1"
    assert result.stdout == snapshot.read_text(encoding="utf-8"), (
        f"{name} differs from its snapshot; if intended, regenerate with KNGG_UPDATE_SNAPSHOTS=1"
    )
