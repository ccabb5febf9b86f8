"""`kngg site`: a static website of the region (or a national overview) to publish from CI."""

from __future__ import annotations

import typer


def register(app: typer.Typer, summaries: dict[str, str]) -> None:
    pass
