"""The result cache of `kngg check` and `kngg status`, as ruff keeps one.

A run whose inputs did not change gives the same output, so the output itself is kept: the text
the command wrote and its exit code, under a key made of everything that can change it — kngg's
version, the command and its options, the date, the language, the working directory (paths in
the output are relative to it), and every file of the region with its size and modification
time. Where the modification time cannot be trusted (a file changed within the last two seconds,
or a file system that keeps whole seconds), the file's content hash is part of the key as well,
so that an edit that keeps size and time still misses.

The cache lives in the user's cache directory (`KNGG_CACHE_DIR`, else the platform's: XDG on
Linux), never inside a region. A cache file that is corrupt, foreign or unreadable is ignored,
and one that cannot be written is skipped: the cache never makes a command fail.
"""

from __future__ import annotations

import json
import os
import sys
import time

from kngg_cli.digest import digest

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: a cache hit comes here
if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path
    from typing import Any

CACHE_ENV = "KNGG_CACHE_DIR"
_FORMAT = "kngg-result-cache"
_FORMAT_VERSION = 2  # 2: BLAKE2b keys
_ENTRIES_PER_FILE = 8  # a few option variants of the same path (text and json, two dates …)
_RACY_NS = 2_000_000_000  # a change this recent may not show in the modification time yet
_SKIPPED = frozenset({".git", ".hg", ".svn", "__pycache__"})


class CachedRun:
    """What a command produced: its main output, extra standard output, and exit code.

    (A plain class: a cache hit imports as little as it can, and dataclasses pulls in inspect.)"""

    __slots__ = ("exit_code", "extra", "output")

    def __init__(self, output: str, extra: str, exit_code: int) -> None:
        self.output = output
        self.extra = extra
        self.exit_code = exit_code


def cache_dir() -> str | None:
    """The folder for kngg's cache files, or None when the platform gives none."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return override
    home = os.path.expanduser("~")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "kngg")
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return os.path.join(local, "kngg", "Cache") if local else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = xdg if xdg and os.path.isabs(xdg) else os.path.join(home, ".cache")
    return os.path.join(base, "kngg")


def fingerprint(roots: Iterable[str | Path]) -> list[list[Any]]:
    """Every file and folder below the roots: path, size, modification time (and hash where needed).

    All files count, not only the YAML: the rules look for evidence documents, and a folder's
    time changes when a file in it is added or removed."""
    now = time.time_ns()
    entries: list[list[Any]] = []
    for root in roots:
        for current, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in _SKIPPED)
            for name in (".", *sorted(files)):
                path = os.path.join(current, name) if name != "." else current
                entries.append(_entry(path, now))
    return entries


def _entry(path: str, now: int) -> list[Any]:
    try:
        status = os.stat(path)
    except OSError:
        return [path, None]
    entry: list[Any] = [path, status.st_size, status.st_mtime_ns, status.st_mode]
    coarse = status.st_mtime_ns % 1_000_000_000 == 0
    if (coarse or now - status.st_mtime_ns < _RACY_NS) and os.path.isfile(path):
        entry.append(_content_hash(path))
    return entry


def _code_fingerprint() -> list[list[Any]]:
    """kngg's own files (modules, catalogue, templates): two builds with the same version number
    (a development install, a newer commit installed from git) never share a result."""
    package = os.path.dirname(os.path.realpath(__file__))
    folders = [package]
    # an editable install keeps the templates in the repository, beside src/
    repository_templates = os.path.join(os.path.dirname(os.path.dirname(package)), "templates")
    if os.path.isdir(repository_templates):
        folders.append(repository_templates)
    return [[path, size, mtime] for path, size, mtime, *_ in fingerprint(folders)]


def _content_hash(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return digest(handle.read())
    except OSError:
        return None


class ResultCache:
    """One cache file per command and PATH, holding the last few runs with different keys.

    Paths are plain strings here (a hit imports no pathlib)."""

    def __init__(self, command: str, target: str, roots: list[str], options: dict[str, Any]) -> None:
        from kngg_cli import __version__

        self.roots = roots
        folder = cache_dir()
        self.file: str | None = None
        if folder is not None and not any(_inside(folder, root) for root in roots):
            name = digest(f"{command}\0{target}".encode())[:32]
            self.file = os.path.join(folder, "results", f"{name}.json")
        material = {
            "version": __version__,
            "code": _code_fingerprint(),
            "command": command,
            "options": options,
            "cwd": os.getcwd(),
            "env": {name: os.environ.get(name) for name in ("KNGG_LANG", "GITHUB_ACTIONS")},
            "files": fingerprint(roots) if self.file is not None else [],
        }
        text = json.dumps(material, sort_keys=True, default=str)
        self.key = digest(text.encode("utf-8"))

    def get(self) -> CachedRun | None:
        for entry in self._entries():
            if entry.get("key") == self.key:
                try:
                    return CachedRun(str(entry["output"]), str(entry["extra"]), int(entry["exit_code"]))
                except (KeyError, TypeError, ValueError):
                    return None
        return None

    def put(self, run: CachedRun) -> None:
        if self.file is None:
            return
        entry = {"key": self.key, "output": run.output, "extra": run.extra, "exit_code": run.exit_code}
        kept = [e for e in self._entries() if e.get("key") != self.key][: _ENTRIES_PER_FILE - 1]
        data = {"format": _FORMAT, "format_version": _FORMAT_VERSION, "entries": [entry, *kept]}
        try:
            from pathlib import Path

            from kngg_cli.atomic import write_atomic

            os.makedirs(os.path.dirname(self.file), exist_ok=True)
            write_atomic(Path(self.file), json.dumps(data, ensure_ascii=False), keep_mode=True)
        except OSError:
            pass  # a read-only or full cache folder only costs the next run its speed

    def _entries(self) -> list[dict[str, Any]]:
        if self.file is None:
            return []
        try:
            with open(self.file, encoding="utf-8") as handle:
                data = json.loads(handle.read())
        except (OSError, ValueError):
            return []  # missing, unreadable or corrupt: as if there were no cache
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            return []
        if data.get("format_version") != _FORMAT_VERSION or not isinstance(data.get("entries"), list):
            return []
        return [e for e in data["entries"] if isinstance(e, dict)]


def _inside(folder: str, root: str) -> bool:
    """Whether folder is root or below it (both resolved)."""
    try:
        inner, outer = os.path.realpath(folder), os.path.realpath(root)
        return os.path.commonpath([inner, outer]) == outer
    except (ValueError, OSError):
        return False
