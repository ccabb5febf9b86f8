from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpers import TODAY, write_region


@pytest.fixture
def region(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a region from {relative path: text}; the minimal valid region is the base."""

    def make(files: dict[str, str | bytes | None] | None = None, base: dict[str, str] | None = None) -> Path:
        return write_region(tmp_path / "regio", files or {}, base)

    return make


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The Typer app in this process (fast); --today defaults to TODAY through KNGG_TODAY."""
    from typer.testing import CliRunner

    from kngg_cli.cli.app import build_app

    monkeypatch.setenv("KNGG_TODAY", TODAY.isoformat())
    app = build_app()
    runner = CliRunner()

    def run(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), catch_exceptions=False)

    return run


@pytest.fixture(autouse=True)
def _strict_message_parameters(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule that passes too few parameters for its message (in nl or en) fails the test that
    triggers it; outside the tests a missing placeholder stays visible as `{name}`."""
    import kngg_cli.catalog

    monkeypatch.setattr(kngg_cli.catalog, "STRICT_PARAMS", True)


@pytest.fixture(autouse=True)
def _own_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every test its own result cache, never the user's: no test sees another's results."""
    folder = tmp_path_factory.mktemp("kngg-cache")
    monkeypatch.setenv("KNGG_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("KNGG_LANG", raising=False)
    monkeypatch.delenv("KNGG_TODAY", raising=False)
