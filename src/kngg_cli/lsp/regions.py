"""The regions an editor has open, kept in memory between keystrokes.

Every file of a region is parsed and validated once; after an edit only the file that changed is
parsed and validated again, and the rules (which look across files) run over the kept documents.
Nothing here knows about the protocol: the server turns what this module returns into LSP
messages, so that it can be tested and measured on its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kngg_cli.engine import CheckOptions, RegionResult, check_loaded
from kngg_cli.findings import Finding
from kngg_cli.loading.files import (
    REGION_FILE,
    NoRegionError,
    SourceFile,
    discover_files,
    find_region_roots,
    read_source,
)
from kngg_cli.loading.region import LoadedRegion, excluded_patterns, is_excluded, load_region
from kngg_cli.model.document import Document, documents_of


@dataclass
class KeptFile:
    source: SourceFile
    documents: list[Document]
    stamp: tuple[int, int] | None  # (size, mtime_ns) when read from disk; None for an editor's text


@dataclass
class OpenRegion:
    root: Path
    files: dict[Path, KeptFile] = field(default_factory=dict)
    published: dict[Path, list[Finding]] = field(default_factory=dict)
    result: RegionResult | None = None

    def loaded(self) -> LoadedRegion:
        return LoadedRegion(self.root, [kept.source for _, kept in sorted(self.files.items())])

    def documents(self) -> list[Document]:
        return [d for _, kept in sorted(self.files.items()) for d in kept.documents]


class Regions:
    """The open regions and the texts the editor holds (which win over the disk)."""

    def __init__(self, options: Callable[[], CheckOptions]) -> None:
        self.options = options
        self.texts: dict[Path, str] = {}
        self.regions: dict[Path, OpenRegion] = {}

    # -- which region a file belongs to ---------------------------------------------------
    def root_of(self, path: Path) -> Path | None:
        for root in self.regions:
            if path.is_relative_to(root) and self._belongs(path, root):
                return root
        try:
            roots = find_region_roots(path if path.exists() else path.parent)
        except (OSError, NoRegionError):  # not in a region: the editor gets nothing from us
            return None
        if len(roots) != 1 or not path.is_relative_to(roots[0]):
            return None
        return roots[0]

    def _belongs(self, path: Path, root: Path) -> bool:
        """Not inside a nested region below root."""
        folder = path.parent
        while folder != root and folder.is_relative_to(root):
            if (folder / REGION_FILE).is_file():
                return False
            folder = folder.parent
        return True

    # -- editor events ------------------------------------------------------------------------
    def opened(self, path: Path, text: str) -> Path | None:
        self.texts[path] = text
        root = self.root_of(path)
        if root is None:
            return None
        if root not in self.regions:
            self.regions[root] = self._load(root)
        else:
            self._update(self.regions[root], path)
        return root

    def changed(self, path: Path, text: str) -> Path | None:
        self.texts[path] = text
        root = self.root_of(path)
        if root is None or root not in self.regions:
            return self.opened(path, text)
        self._update(self.regions[root], path)
        return root

    def closed(self, path: Path) -> Path | None:
        self.texts.pop(path, None)
        root = self.root_of(path)
        if root is None or root not in self.regions:
            return None
        self._update(self.regions[root], path)
        return root

    def saved(self, path: Path) -> Path | None:
        """On save, other files may have changed on disk too (a checkout, another editor)."""
        root = self.root_of(path)
        if root is None or root not in self.regions:
            return None
        self.refresh(self.regions[root])
        return root

    def refresh(self, region: OpenRegion) -> None:
        """Read again what changed on disk: new, removed and modified files."""
        paths = set(discover_files(region.root)[0]) | {p for p in self.texts if p in region.files}
        region_path = region.root / REGION_FILE
        kept_region = region.files.get(region_path)
        if kept_region is None or (
            kept_region.stamp is not None and kept_region.stamp != _stamp(region_path)
        ):
            self._update(region, region_path)  # reloads everything
            return
        for gone in set(region.files) - paths:
            if gone not in self.texts:
                del region.files[gone]
        for path in sorted(paths):
            kept = region.files.get(path)
            if kept is None or (kept.stamp is not None and kept.stamp != _stamp(path)):
                self._update(region, path)

    # -- loading ------------------------------------------------------------------------------
    def _load(self, root: Path) -> OpenRegion:
        texts = {p: t for p, t in self.texts.items() if p.is_relative_to(root) and self._belongs(p, root)}
        loaded = load_region(root, texts)
        region = OpenRegion(root)
        for source in loaded.files:
            stamp = None if source.path in texts else _stamp(source.path)
            region.files[source.path] = KeptFile(source, documents_of(source), stamp)
        return region

    def _update(self, region: OpenRegion, path: Path) -> None:
        """Parse and validate the one file that changed; region.yaml can exclude files: reload all."""
        if path == region.root / REGION_FILE:
            self.regions[region.root] = fresh = self._load(region.root)
            fresh.published = region.published
            return
        text = self.texts.get(path)
        if text is None and not path.is_file():
            region.files.pop(path, None)
            return
        region_file = region.files.get(region.root / REGION_FILE)
        excluded = excluded_patterns(region_file.source) if region_file is not None else ()
        if is_excluded(path.relative_to(region.root).as_posix(), excluded):
            region.files.pop(path, None)
            return
        source = read_source(path, region.root, text)
        region.files[path] = KeptFile(
            source, documents_of(source), None if text is not None else _stamp(path)
        )

    # -- checking -----------------------------------------------------------------------------
    def check(self, root: Path) -> dict[Path, list[Finding]]:
        """Check the region; the findings of every file whose findings changed since last time
        (an empty list clears a file's findings in the editor)."""
        region = self.regions[root]
        result = check_loaded(region.loaded(), self.options(), region.documents())
        region.result = result
        by_file: dict[Path, list[Finding]] = {path: [] for path in region.files}
        for finding in result.findings:
            by_file.setdefault(finding.location.path, []).append(finding)
        changed = {}
        for path in set(by_file) | set(region.published):
            now = by_file.get(path, [])
            if region.published.get(path) != now:
                changed[path] = now
        region.published = {p: f for p, f in by_file.items() if f}
        return changed

    def region_for(self, path: Path) -> OpenRegion | None:
        root = self.root_of(path)
        return self.regions.get(root) if root is not None else None


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns
