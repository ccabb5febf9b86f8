"""Load one region folder: every YAML file, parsed, with positions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kngg_cli.findings import FILE_START
from kngg_cli.loading.files import SourceFile, discover_files, read_source
from kngg_cli.loading.yamlnodes import LoadIssue


@dataclass(slots=True)
class LoadedRegion:
    root: Path
    files: list[SourceFile]


def load_region(root: Path) -> LoadedRegion:
    paths, escaping_links = discover_files(root)
    files = [read_source(path, root) for path in paths]
    for link in escaping_links:
        source = SourceFile(path=link, relative=link.relative_to(root).as_posix(), readable=False)
        source.issues.append(LoadIssue("S009", "outside_link", FILE_START, {"target": str(link.readlink())}))
        files.append(source)
    return LoadedRegion(root, files)
