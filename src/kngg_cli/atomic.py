"""Write a file whole or not at all: temporary file in the same folder, fsync, rename."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(
    path: Path,
    content: str | bytes,
    *,
    keep_mode: bool = True,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Replace path with content. An existing file keeps its mode; a new one gets what the umask allows.

    `before_replace` runs right before the rename (the editing commands check there that the file
    did not change on disk since they read it); when it raises, nothing is replaced.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = path.parent if str(path.parent) else Path(".")
    mode = _default_mode()
    if keep_mode and path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if before_replace is not None:
            before_replace()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
