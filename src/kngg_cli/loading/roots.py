"""Where the regions are: the region that holds a path (found upwards), or the regions below a folder.

Apart from the rest of the loader, so that a cached `kngg check` finds its regions without
importing what reads and parses files."""

from __future__ import annotations

import os
from pathlib import Path

from kngg_cli.texts import KnggError

REGION_FILE = "region.yaml"
TEMPLATES_FOLDER = "templates"
SKIPPED_TOP_FOLDERS = frozenset({TEMPLATES_FOLDER, "build", "out"})


class NoRegionError(KnggError):
    """PATH is not inside a region and holds none: the command cannot run (exit 2)."""

    def __init__(self, path: str) -> None:
        super().__init__("cli.no_region", path=path)


def find_region_roots(path: Path) -> list[Path]:
    """The region that holds PATH (found upwards), or every region below a folder of regions."""
    start = path.resolve()
    if not start.exists():
        raise FileNotFoundError(str(path))
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / REGION_FILE).is_file():
            return [candidate]
    if start.is_dir():
        roots = sorted(_regions_below(start))
        if roots:
            return roots
    raise NoRegionError(str(path))


def _regions_below(folder: Path) -> list[Path]:
    roots: list[Path] = []
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_TOP_FOLDERS)
        if REGION_FILE in files:
            roots.append(Path(current))
    return roots
