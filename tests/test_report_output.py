"""`kngg check --output FILE`: every format is written whole or not at all, and nothing goes to stdout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kngg_cli.cli.app import build_app
from report_fixture import mixed_result

TODAY = ["--today", "2026-11-23", "--select", "S,R,P,X"]


def _invoke(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    mixed_result(tmp_path)
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(build_app(), ["check", "regio", *args, *TODAY])


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit", "gitlab"])
def test_each_format_to_a_file(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outcome = _invoke(["--format", fmt, "--output", f"out.{fmt}"], tmp_path, monkeypatch)
    assert outcome.exit_code == 1  # the fixture has an error; the exit code does not depend on the format
    assert outcome.stdout == ""
    written = (tmp_path / f"out.{fmt}").read_text(encoding="utf-8")
    assert "S005" in written
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_output_into_a_missing_folder_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outcome = _invoke(["--format", "sarif", "--output", "nergens/out.sarif"], tmp_path, monkeypatch)
    assert outcome.exit_code == 2
    assert "kan 'nergens/out.sarif' niet schrijven" in outcome.stderr
    assert not (tmp_path / "nergens").exists()


def test_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "out.sarif").write_text("vorige versie\n", encoding="utf-8")

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    outcome = _invoke(["--format", "sarif", "--output", "out.sarif"], tmp_path, monkeypatch)
    assert outcome.exit_code == 2
    assert "kan 'out.sarif' niet schrijven" in outcome.stderr
    assert (tmp_path / "out.sarif").read_text(encoding="utf-8") == "vorige versie\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.sarif", "regio"]


def test_failing_reporter_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kngg_cli.report.gitlab as gitlab

    def broken(result: object, context: object) -> str:
        raise RuntimeError("kapot")

    monkeypatch.setattr(gitlab, "report", broken)
    outcome = _invoke(["--format", "gitlab", "--output", "gl.json"], tmp_path, monkeypatch)
    assert outcome.exit_code == 2
    assert not (tmp_path / "gl.json").exists()
