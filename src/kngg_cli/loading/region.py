"""Load one region folder: every YAML file, parsed, with positions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kngg_cli.findings import FILE_START
from kngg_cli.loading.files import (
    REGION_FILE,
    YAML_SUFFIXES,
    SourceFile,
    discover_files,
    is_link_loop,
    read_source,
    relative_name,
)
from kngg_cli.loading.yamlnodes import LoadIssue


@dataclass(slots=True)
class LoadedRegion:
    root: Path
    files: list[SourceFile]


def load_region(root: Path, texts: Mapping[Path, str] | None = None) -> LoadedRegion:
    """Every YAML file of the region at root. `texts` holds files as an editor has them (absolute
    paths inside this region): they are used instead of the disk, and count even when not saved yet."""
    texts = texts or {}
    paths, escaping_links = discover_files(root)
    unsaved = [
        p for p in texts if p not in paths and p.name.endswith(YAML_SUFFIXES) and p.is_relative_to(root)
    ]
    paths = sorted([*paths, *unsaved])
    region_path = root / REGION_FILE
    region_file = read_source(region_path, root, texts.get(region_path)) if region_path in paths else None
    excluded = excluded_patterns(region_file) if region_file is not None else ()
    files = [
        region_file
        if path == region_path and region_file is not None
        else read_source(path, root, texts.get(path))
        for path in paths
        if path == region_path or not excluded or not is_excluded(relative_name(path, root), excluded)
    ]
    for link in escaping_links:
        source = SourceFile(path=link, relative=link.relative_to(root).as_posix(), readable=False)
        if not link.is_symlink():  # a folder that could not be read
            params = {"problem": "geen toegang / permission denied"}
            source.issues.append(LoadIssue("S009", "unreadable_folder", FILE_START, params))
        else:
            key = "link_loop" if is_link_loop(link) else "outside_link"
            source.issues.append(LoadIssue("S009", key, FILE_START, {"target": str(link.readlink())}))
        files.append(source)
    return LoadedRegion(root, files)


def excluded_patterns(region_file: SourceFile) -> tuple[str, ...]:
    """`checks.exclude` as written in region.yaml (read before the other files: they may be skipped).

    Read from the raw data, so that a region.yaml with another mistake still excludes; values that
    are not text are the model's S004."""
    document = region_file.documents[0].data if region_file.documents else None
    checks = document.get("checks") if isinstance(document, dict) else None
    patterns = checks.get("exclude") if isinstance(checks, dict) else None
    if not isinstance(patterns, list):
        return ()
    return tuple(p.strip() for p in patterns if isinstance(p, str) and p.strip())


def is_excluded(relative: str, patterns: tuple[str, ...]) -> bool:
    """Whether a file (path relative to the root, / separators) matches one of the globs.

    Like .gitignore: `*` and `?` stay within a name, `**` spans folders, and a pattern without a
    `/` matches the file's name in any folder (`mkdocs.yml`, `*.tmp.yaml`)."""
    name = relative.rsplit("/", 1)[-1]
    return any(
        _glob(pattern.lstrip("/")).fullmatch(relative if "/" in pattern else name) for pattern in patterns
    )


@lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern[str]:
    parts: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            parts.append(".*")
            index += 2
        elif pattern[index] == "*":
            parts.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            parts.append("[^/]")
            index += 1
        else:
            parts.append(re.escape(pattern[index]))
            index += 1
    return re.compile("".join(parts))
