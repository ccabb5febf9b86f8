"""Where the regions are: the region that holds a path (found upwards), or the regions below a folder.

Apart from the rest of the loader, so that a cached `kngg check` finds its regions without
importing what reads and parses files."""

from __future__ import annotations

import os

from kngg_cli.texts import KnggError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a cache hit comes here)
if TYPE_CHECKING:
    from pathlib import Path

REGION_FILE = "region.yaml"
TEMPLATES_FOLDER = "templates"
SKIPPED_TOP_FOLDERS = frozenset({TEMPLATES_FOLDER, "build", "out"})


class NoRegionError(KnggError):
    """PATH is not inside a region and holds none: the command cannot run (exit 2)."""

    def __init__(self, path: str) -> None:
        super().__init__("cli.no_region", path=path)


def find_region_roots(path: Path) -> list[Path]:
    """The region that holds PATH (found upwards), or every region below a folder of regions."""
    from pathlib import Path

    return [Path(root) for root in region_root_names(os.fspath(path))]


def region_root_names(path: str) -> list[str]:
    """find_region_roots on plain strings (absolute, resolved): what a cached run needs, without
    pathlib (which costs a cache hit a tenth of its time)."""
    start = os.path.realpath(path)
    if not os.path.exists(start):
        raise FileNotFoundError(path)
    is_dir = os.path.isdir(start)
    folder = start if is_dir else os.path.dirname(start)
    while True:
        if os.path.isfile(os.path.join(folder, REGION_FILE)):
            return [folder]
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    if is_dir:
        roots = sorted(_regions_below(start), key=lambda root: root.split(os.sep))  # as Paths sort
        if roots:
            return roots
    raise NoRegionError(path)


def _regions_below(folder: str) -> list[str]:
    roots: list[str] = []
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_TOP_FOLDERS)
        if REGION_FILE in files:
            roots.append(current)
    return roots
