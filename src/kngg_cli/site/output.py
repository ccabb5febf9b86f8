"""Writing the site into its output folder without touching anything else.

- DIR may exist and hold other files (a CNAME, a README, a site of the coordinator's own): they
  are left alone. kngg replaces only the files it writes, and removes only the files that its
  previous build wrote (listed in `.kngg-site.json`) and that this build no longer makes (an
  agreement that was removed), never anything it did not write.
- Nothing outside DIR is written, replaced or removed: a path below DIR that is a symlink, or a
  folder that is a symlink, is never followed (a link is replaced by the file, not written through).
- A DIR that is a file, or that is (or holds) a region folder, is refused before anything is written.
- Each file is written whole (temporary file, then rename) with the permissions the umask gives.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from kngg_cli.site.build import SiteFile
from kngg_cli.texts import KnggError

MANIFEST = ".kngg-site.json"


class OutputRefused(KnggError):
    """The output folder cannot be used (exit 2)."""


def check_output_dir(target: Path, region_roots: Iterable[Path]) -> None:
    """Refuse a DIR that is not a folder, or that is or holds a region folder (its files would mix)."""
    if target.exists() and not target.is_dir():
        raise OutputRefused("site.output_not_folder", path=str(target))
    resolved = target.resolve()
    for root in region_roots:
        root = root.resolve()
        if resolved == root or resolved in root.parents:
            raise OutputRefused("site.output_holds_region", path=str(target), region=str(root))


def write_site(target: Path, files: list[SiteFile]) -> None:
    """Write every file below `target`; then remove what the previous build wrote and this one did not."""
    for item in files:
        _check_relative(item.path)
    target.mkdir(parents=True, exist_ok=True)
    base = target.resolve()
    for item in files:  # every folder on the way checked before the first file is written
        _inside(base, item.path, create=False)
    previous = _read_manifest(base)
    for item in files:
        destination = _inside(base, item.path, create=True)
        _write(destination, item.content)
    written = {item.path for item in files}
    for stale in sorted(previous - written):
        try:
            path = _inside(base, stale, create=False)
        except OutputRefused:
            continue
        if path.is_symlink() or path.is_file():
            path.unlink(missing_ok=True)
            _remove_empty_parents(path.parent, base)
    manifest = json.dumps({"files": sorted(written)}, indent=1).encode()
    _write(base / MANIFEST, manifest + b"\n")


def _check_relative(relative: str) -> None:
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or any(part in ("..", ".", "") for part in parts):
        raise ValueError(f"not a path inside the site: {relative!r}")


def _inside(base: Path, relative: str, create: bool) -> Path:
    """base/relative, with every folder on the way a real folder inside base (no symlink)."""
    _check_relative(relative)
    parts = PurePosixPath(relative).parts
    folder = base
    for part in parts[:-1]:
        folder = folder / part
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise OutputRefused("site.output_link", path=str(folder))
        if create and not folder.exists():
            folder.mkdir()
    return folder / parts[-1]


def _write(destination: Path, content: bytes) -> None:
    from kngg_cli.atomic import write_atomic

    if destination.is_dir() and not destination.is_symlink():
        raise OutputRefused("site.output_is_folder", path=str(destination))
    # a rename replaces a symlink itself, never its target; a new file gets the umask's mode
    write_atomic(destination, content, keep_mode=False)


def _read_manifest(base: Path) -> set[str]:
    path = base / MANIFEST
    if path.is_symlink() or not path.is_file():
        return set()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data.get("files", []) if isinstance(data, dict) else []
    except (OSError, ValueError):
        return set()
    found = set()
    for item in files:
        if isinstance(item, str):
            try:
                _check_relative(item)
            except ValueError:
                continue
            found.add(item)
    return found


def _remove_empty_parents(folder: Path, base: Path) -> None:
    while folder != base and base in folder.parents:
        try:
            if folder.is_symlink() or not stat.S_ISDIR(folder.lstat().st_mode) or any(folder.iterdir()):
                return
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
