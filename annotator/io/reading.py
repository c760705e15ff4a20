"""Bounded reads of regular files only.

A project or a folder of articles may hold anything: a `*.json` symlink to /dev/zero, a
FIFO named like an annotation file, a file that grows while read. Every file annotator
reads goes through `read_regular`, which refuses what is not a regular file before
reading a byte (a FIFO is opened without blocking) and never reads more than its limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# an annotation file larger than this is refused unread: 20,000 spans on a 1,000,000-character
# article take about 4 MB (here, not in jsonformat: the first frame checks it, and needs no
# more of jsonformat than this)
MAX_FILE_BYTES = 64 * 1024 * 1024


class NotRegularFile(ValueError):
    """A device, a FIFO, a socket or a folder where a file was expected."""


class TooLarge(ValueError):
    """A file above the limit (`size` in bytes, as far as it was known or read)."""

    def __init__(self, size: int, limit: int, grew: bool = False) -> None:
        self.size = size
        self.limit = limit
        if grew:
            message = f"grew beyond the {mb(limit)} allowed while it was read"
        else:
            message = f"{mb(size)} is more than the {mb(limit)} allowed"
        super().__init__(message)


def mb(size: int) -> str:
    """Sizes in messages, always in the same unit (MiB, written MB): 64 MB is 64 * 2**20."""
    return f"{size / 2**20:,.0f} MB"


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file, at most `limit` of them.

    Raises OSError as `open` does (FileNotFoundError ...), NotRegularFile, or TooLarge
    (checked by size before reading, and by a read that stops one byte past the limit).
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile("cannot read: not a regular file (a device, a pipe or a folder)")
        if st.st_size > limit:
            raise TooLarge(st.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 22, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise TooLarge(total, limit, grew=True)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_head(path: Path | str, size: int) -> bytes:
    """The first `size` bytes of a regular file (to guess its format). Raises as read_regular."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile("cannot read: not a regular file (a device, a pipe or a folder)")
        return os.read(fd, size)
    finally:
        os.close(fd)
