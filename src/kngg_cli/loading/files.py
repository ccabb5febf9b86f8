"""Find region roots and read their YAML files safely."""

from __future__ import annotations

import errno
import math
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from kngg_cli.findings import FILE_START, Span
from kngg_cli.loading.roots import REGION_FILE as REGION_FILE
from kngg_cli.loading.roots import SKIPPED_TOP_FOLDERS as SKIPPED_TOP_FOLDERS
from kngg_cli.loading.roots import TEMPLATES_FOLDER as TEMPLATES_FOLDER
from kngg_cli.loading.roots import NoRegionError as NoRegionError
from kngg_cli.loading.roots import find_region_roots as find_region_roots
from kngg_cli.loading.yamlnodes import LoadIssue, ParsedDocument, parse_yaml

MAX_FILE_BYTES = 5_000_000  # "larger than 5 MB" (rules.md, S009): decimal megabytes, the stricter reading
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(slots=True)
class SourceFile:
    path: Path  # absolute
    relative: str  # to the region root, with / separators
    text: str = ""
    lines: list[str] = field(default_factory=list)
    documents: list[ParsedDocument] = field(default_factory=list)
    issues: list[LoadIssue] = field(default_factory=list)
    readable: bool = True  # False when the file, or part of it, could not be read


def discover_files(root: Path) -> tuple[list[Path], list[Path]]:
    """YAML files of the region at root, and links that lead outside it (or folders that cannot be
    read).

    Skips hidden folders, templates/, build/ and out/ at the root, and folders that are regions of
    their own (they hold a region.yaml).
    """
    found: list[Path] = []
    escaping: list[Path] = []

    def unreadable(error: OSError) -> None:  # a folder without permission: S009, not skipped silently
        if error.filename and Path(error.filename) != root:
            escaping.append(Path(error.filename))

    for current, dirs, files in os.walk(root, onerror=unreadable):
        here = Path(current)
        kept = []
        for name in sorted(dirs):
            if here == root and name == TEMPLATES_FOLDER:
                escaping += _escaping_templates(here / name, root)
            if name.startswith(".") or (here == root and name in SKIPPED_TOP_FOLDERS):
                continue
            sub = here / name
            if sub.is_symlink():
                if not _inside(sub, root):
                    escaping.append(sub)
                continue  # linked folders are not followed: no loops, no surprises
            if (sub / REGION_FILE).is_file():
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                found.append(here / name)
    return found, escaping


def _escaping_templates(folder: Path, root: Path) -> list[Path]:
    """The region's own templates (files or folders, and templates/ itself) that are links leading
    outside the region: `render` would read any file on the machine through them (S009)."""
    if folder.is_symlink():
        return [] if _inside(folder, root) else [folder]
    found: list[Path] = []
    for current, dirs, files in os.walk(folder):  # links to folders are not followed
        here = Path(current)
        found += [
            here / n
            for n in sorted([*dirs, *files])
            if (here / n).is_symlink() and not _inside(here / n, root)
        ]
    return found


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a link loop (Python 3.11)
        return False
    return True


def is_link_loop(path: Path) -> bool:
    """A link that leads (through other links) back to itself."""
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return True
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


def relative_name(path: Path, root: Path) -> str:
    """path relative to root (which holds it), with / separators; by string where it can be (pathlib's
    relative_to costs more than reading a small file)."""
    whole, prefix = str(path), str(root).rstrip(os.sep) + os.sep
    if whole.startswith(prefix) and os.sep == "/":
        return whole[len(prefix) :]
    return path.relative_to(root).as_posix()


def read_source(path: Path, root: Path, text: str | None = None) -> SourceFile:
    """Read and parse one file. `text` is its content as an editor holds it (perhaps not saved):
    then the disk is not read, but the same limits apply."""
    source = SourceFile(path=path, relative=relative_name(path, root))
    if text is not None:
        if len(text) > MAX_FILE_BYTES // 4 and len(text.encode("utf-8")) > MAX_FILE_BYTES:
            size = len(text.encode("utf-8"))
            source.issues.append(LoadIssue("S009", "too_large", FILE_START, {"size_mb": _megabytes(size)}))
            source.readable = False
            return source
        if "\x00" in text:
            return _refuse(source, "binary")
        return parse_source(source, text.removeprefix("\ufeff"))
    problem = _refusal(path, root)
    if problem is not None:
        source.issues.append(problem)
        source.readable = False
        return source
    try:
        raw = path.read_bytes()
    except OSError as error:  # no permission, or gone meanwhile: reported, never a crash
        reason = error.strerror or str(error)
        source.issues.append(LoadIssue("S009", "unreadable", FILE_START, {"problem": reason}))
        source.readable = False
        return source
    encoding = text_encoding(raw)
    if encoding is not None and encoding != "utf-8":
        source.issues.append(LoadIssue("S009", "other_encoding", FILE_START, {"encoding": encoding.upper()}))
        source.readable = False
        return source
    if b"\x00" in raw:
        return _refuse(source, "binary")
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _refuse(source, "not_utf8", _byte_span(raw, error.start))
    return parse_source(source, decoded)


def parse_source(source: SourceFile, text: str) -> SourceFile:
    """Fill in a file's text, lines, documents and issues from its decoded text."""
    source.text = text
    source.lines = text.splitlines()
    if not text.strip():
        return source
    result = parse_yaml(text)
    source.documents = result.documents
    source.issues.extend(result.issues)
    source.readable = not result.fatal
    return source


def _megabytes(size: int) -> float:
    return math.ceil(size / 100_000) / 10


# byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def text_encoding(raw: bytes) -> str | None:
    """The Unicode encoding a file's bytes are in, when they say so: by a byte-order mark, or by the
    NUL pattern that UTF-16 and UTF-32 give ASCII text (Notepad's "Unicode" is UTF-16 LE with a
    mark). None for anything else (UTF-8 without a mark, a binary file)."""
    for mark, name in _BOMS:
        if raw.startswith(mark):
            return name
    head = raw[:400]
    if len(head) >= 8 and b"\x00" in head:
        if head[1:4] == b"\x00\x00\x00" and head[0] != 0:
            return "utf-32-le"
        if head[:3] == b"\x00\x00\x00" and head[3] != 0:
            return "utf-32-be"
        odd, even = head[1::2], head[0::2]
        if odd.count(0) > len(odd) * 0.8 and even.count(0) < len(even) * 0.2:
            return "utf-16-le"
        if even.count(0) > len(even) * 0.8 and odd.count(0) < len(odd) * 0.2:
            return "utf-16-be"
    return None


def _refusal(path: Path, root: Path) -> LoadIssue | None:
    try:
        status = os.lstat(path)  # one system call for the common case: a regular file, no link
        if stat.S_ISLNK(status.st_mode):
            if is_link_loop(path):
                return LoadIssue("S009", "link_loop", Span(1, 1, 1, 1), {"target": str(os.readlink(path))})
            if not _inside(path, root):
                return LoadIssue("S009", "outside_link", Span(1, 1, 1, 1), {"target": str(os.readlink(path))})
            status = path.stat()
    except OSError as error:
        return LoadIssue("S009", "unreadable", Span(1, 1, 1, 1), {"problem": error.strerror or str(error)})
    if not stat.S_ISREG(status.st_mode):  # a pipe or device would block the read: never hang
        return LoadIssue("S009", "unreadable", Span(1, 1, 1, 1), {"problem": "not a regular file"})
    size = status.st_size
    if size > MAX_FILE_BYTES:
        return LoadIssue("S009", "too_large", Span(1, 1, 1, 1), {"size_mb": _megabytes(size)})
    return None


def _refuse(source: SourceFile, key: str, span: Span | None = None) -> SourceFile:
    source.issues.append(LoadIssue("S009", key, span or Span(1, 1, 1, 1)))
    source.readable = False
    return source


def _byte_span(raw: bytes, offset: int) -> Span:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return Span.point(line, column)
