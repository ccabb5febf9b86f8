"""Write files safely: whole or not at all, never over something that is not a regular file.

Three ways in:
- `write_atomic(path, content)`: temporary file in the same folder, fsync, rename. An edited file
  keeps its mode and owner (`keep_mode`); a new one gets what the umask allows.
- `write_target(path, content)`: what `--output` does. An existing target that is not a regular
  file is never renamed over: a character device, FIFO or socket-like stream (`/dev/null`,
  `/dev/stdout`, a named pipe) is written into; a symlink is followed and its target written
  atomically; a folder, a block device or anything else is refused (`UnsafeTarget`).
- `edit_lock(path)`: an advisory lock (fcntl.flock) on a lock file beside `path`, held around
  read–check–write so that two editing commands at once never lose an edit.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path


class UnsafeTarget(OSError):
    """The target exists and is not something kngg may write: `kind` says what it is."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, kind, str(path))
        self.kind = kind


class ReadOnlyFile(OSError):
    """An edited file without any write permission bit (mode 444): refused, never replaced."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, "read-only", str(path))


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def is_read_only(path: Path) -> bool:
    """No write bit at all. The mode bits, not os.access: as root (CI containers) access says yes."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def write_atomic(
    path: Path,
    content: str | bytes,
    *,
    keep_mode: bool = True,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Replace path with content. An existing file keeps its mode (and owner, where allowed) with
    keep_mode, and a read-only one is refused; a new one gets what the umask allows.

    `before_replace` runs right before the rename (the editing commands check there that the file
    did not change on disk since they read it); when it raises, nothing is replaced.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = path.parent if str(path.parent) else Path(".")
    mode = _default_mode()
    owner: tuple[int, int] | None = None
    if keep_mode and path.exists():
        if is_read_only(path):
            raise ReadOnlyFile(path)
        info = path.stat()
        mode = stat.S_IMODE(info.st_mode)
        owner = (info.st_uid, info.st_gid)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if owner is not None and owner != _owner_of(temporary):
            # root editing another user's file: give it back to them (others cannot chown: keep ours)
            with contextlib.suppress(PermissionError):
                os.chown(temporary, *owner)
        os.chmod(temporary, mode)  # after chown, which may clear set-id bits
        if before_replace is not None:
            before_replace()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _owner_of(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return (info.st_uid, info.st_gid)


def write_target(path: Path, content: str | bytes) -> None:
    """Write an --output target without ever renaming over something that is not a regular file."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        info = os.stat(path)  # follows symlinks: what the path leads to
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode) or stat.S_ISSOCK(info.st_mode):
            _write_into(path, data, info)
            return
        raise UnsafeTarget(path, _kind(info.st_mode))
    if info is not None and _is_standard_stream(path, info):
        _write_into(path, data, info)  # `-o /dev/stdout` while stdout is redirected to a file
        return
    # a symlink (also a dangling one) is followed: the file it leads to is written, atomically
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise UnsafeTarget(path, "directory")
    write_atomic(real, data, keep_mode=False)


def _is_standard_stream(path: Path, info: os.stat_result) -> bool:
    """/dev/stdout, /dev/fd/1, /proc/self/fd/1 … leading to a regular file (a redirected stream):
    written into, so that the shell's redirection (`>`, `>>`) keeps working."""
    given = os.path.abspath(path)
    return given.startswith(("/dev/", "/proc/")) and os.path.realpath(path) != given


def _write_into(path: Path, data: bytes, info: os.stat_result) -> None:
    """Write into a device, FIFO or standard stream, as `cat > path` would."""
    for number, stream in ((1, sys.stdout), (2, sys.stderr)):
        with contextlib.suppress(OSError, ValueError):
            if os.path.samestat(info, os.fstat(number)):
                stream.flush()
                _write_all(number, data)  # keep the order with what was printed before
                return
    descriptor = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    try:
        _write_all(descriptor, data)
    finally:
        os.close(descriptor)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISBLK(mode):
        return "block device"
    return "special file"


@contextlib.contextmanager
def edit_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock beside path (`.<name>.lock`) for the duration.

    The lock file is removed afterwards, so nothing is left in the region. Because a waiting
    process may have opened the file just before it was removed, a lock only counts when the
    locked file is still the one at the lock's path; otherwise it is taken again.
    """
    import fcntl

    lock_path = path.parent / f".{path.name}.lock"
    while True:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            current = os.stat(lock_path)
        except FileNotFoundError:
            os.close(descriptor)
            continue
        except BaseException:
            os.close(descriptor)
            raise
        if os.path.samestat(current, os.fstat(descriptor)):
            break
        os.close(descriptor)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock_path)
        os.close(descriptor)
