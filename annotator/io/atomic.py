"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path


def cannot_save(path: Path | str, exc: OSError) -> str:
    """One line for a failed save that names the file the user knows, never the hidden
    temporary beside it ("[Errno 1] Operation not permitted: '/x/.a.json.vsx5lbq5.tmp'")."""
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"cannot save {path}: the folder is read-only ({reason})"
    if exc.errno == errno.EROFS:
        return f"cannot save {path}: the disk is mounted read-only ({reason})"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"cannot save {path}: the disk is full ({reason})"
    return f"cannot save {path}: {reason}"


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync it, rename it over `path`, fsync the folder.

    Raises OSError (read-only folder, full disk...) with `path` untouched.
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes 0600: a replaced file keeps its mode, a new one gets what the umask
        # says, so colleagues (or a brat server) on a shared folder can read it
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, file_mode(path))
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    fsync_dir(path.parent)


@contextlib.contextmanager
def exclusive(lock_path: Path, timeout: float = 5.0) -> Iterator[None]:
    """Hold an exclusive flock on `lock_path` (made if missing) while the block runs, so a
    read-merge-write by one process never interleaves with another's. Waits up to
    `timeout` seconds for another holder, then goes on without it (a hung colleague's
    window must not stop a save); without flock (Windows) or a writable folder, no lock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover
        yield
        return
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666 & ~current_umask())
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.01)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def file_signature(path: Path) -> tuple[int, int, int] | None:
    """What says a file was replaced or rewritten since it was read (inode, size, mtime),
    or None when it is not there."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def file_mode(path: Path) -> int:
    """The mode a file written at `path` gets: the replaced file's, else the umask's."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


_umask_lock = threading.Lock()


def current_umask() -> int:
    """The process's umask (read by setting it, so under a lock)."""
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def write_text_atomic(path: Path, text: str) -> None:
    write_atomic(path, text.encode("utf-8"))


def fsync_dir(folder: Path) -> None:
    # makes the rename itself durable; not possible on every platform (Windows)
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def is_read_only(folder: Path) -> bool:
    """Whether nothing can be written in `folder` (a read-only file system or no permission)."""
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        pass
    return not os.access(folder, os.W_OK)


STALE_TMP_SECONDS = 60.0  # a temporary file this old belongs to a write that was killed


def remove_stale_temporaries(path: Path, age: float = STALE_TMP_SECONDS, prefix: str = "") -> int:
    """Remove `.NAME.*.tmp` beside `path` left by writes that were killed (older than
    `age` seconds, so a write in progress elsewhere is never touched); how many. With
    `prefix` ".", every `.*.tmp` in the folder `path` (repair)."""
    path = Path(path)
    if not prefix:
        prefix = f".{path.name}."
    else:
        path = path / "x"  # the folder's own entries
    now = time.time()
    removed = 0
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > age:
                    os.unlink(entry.path)
                    removed += 1
    return removed
