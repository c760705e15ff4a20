"""One window per annotator per project: a lock file with stale-lock handling.

`ProjectLock(folder, annotator)` holds `.annotator-<name>.lock` in the project folder, a
small JSON file naming the holder (pid, host, time). A second instance of the same
annotator on the same project gets LockedError and should open read-only or offer to take
over (acquire(force=True)) after the user agrees. Different annotators do not block each
other: their annotation files are separate.

A lock is stale, and taken over silently, when its holder is on this host and its process
is gone, or when it has not been refreshed for `max_age` seconds (a holder on another host
that crashed). "Gone" on this host: no such process (os.kill(pid, 0) raises
ProcessLookupError), a zombie (killed, not yet reaped by the shell that started it: kill(0)
still succeeds on it), or another process that reuses the pid (the lock records its
holder's start time and boot, from /proc, where there is one, and they differ). A window
that finds such a lock says so (`stale_holder`): the last session ended without closing.
The holder calls refresh() now and then (the window: every few minutes) so that a long
session never looks stale. Nothing here is executed or fetched: the file is plain JSON,
read with a size limit.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .names import DEFAULT_ANNOTATOR, safe_name
from .reading import read_regular

MAX_AGE = 3600.0  # seconds without refresh after which any lock is stale
_MAX_LOCK_BYTES = 4096


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    time: float  # seconds since the epoch, when acquired or last refreshed
    annotator: str
    token: str = ""
    started: int | None = None  # the holder's start time (/proc/<pid>/stat, clock ticks since boot)
    boot: str = ""  # the boot it started in (/proc/sys/kernel/random/boot_id)

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.time))
        who = f"annotator {self.annotator!r}" if self.annotator else "an annotator"
        return f"{who} on host {self.host} (process {self.pid}) since {when}"


class LockedError(Exception):
    """The project is open in another instance; `holder` says where."""

    def __init__(self, lock_file: Path, holder: LockInfo | None, what: str = "project") -> None:
        self.lock_file = lock_file
        self.holder = holder
        self.what = what
        if holder is None:
            message = f"{lock_file} is held by another instance (its lock file is unreadable)"
        else:
            message = f"This {what} is already open by {holder.describe()} ({lock_file})"
        super().__init__(message)


def _safe_name(annotator: str) -> str:
    # the very name of the annotator's folder (annotations/<name>/): two names that share
    # a folder ("-maryam" and "maryam") share the lock too
    return safe_name(annotator or DEFAULT_ANNOTATOR, DEFAULT_ANNOTATOR)


def _host() -> str:
    if hasattr(os, "uname"):  # what socket.gethostname() returns there, without its import (10 ms of a start)
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _proc_start(pid: int) -> tuple[str, int] | None:
    """(state, start time in clock ticks since boot) of a process from /proc/<pid>/stat, or
    None where there is no /proc (macOS, Windows) or no such process. The command name in
    parentheses may hold spaces and ')': the fields are counted after its last ')'."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            raw = f.read(4096)
    except OSError:
        return None
    try:
        fields = raw[raw.rindex(b")") + 2 :].split()
        return fields[0].decode("ascii", "replace"), int(fields[19])
    except (ValueError, IndexError):
        return None


def _boot_id() -> str:
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as f:
            return f.read(64).strip()
    except OSError:
        return ""


def _pid_alive(pid: int, started: int | None = None, boot: str = "") -> bool:
    """Whether process `pid` of this host is the live holder of a lock: a zombie is dead, and
    so is a process that started at another time or in another boot than `started`/`boot`
    recorded (the pid was reused). Where it cannot be told, alive (the user is asked)."""
    if pid <= 0:
        return False
    if boot and _boot_id() and boot != _boot_id():
        return False  # this host restarted since: every process of the lock's time is gone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: exists; /proc says more where there is one
    except OSError:
        return True  # cannot tell: assume alive
    proc = _proc_start(pid)
    if proc is None:
        return True
    state, start = proc
    if state in ("Z", "X"):
        return False  # killed; only its exit status waits to be collected
    return started is None or start == started


class ProjectLock:
    def __init__(self, folder: Path, annotator: str, max_age: float = MAX_AGE) -> None:
        self.folder = Path(folder)
        self.annotator = annotator
        self.max_age = max_age
        self.path = self.folder / f".annotator-{_safe_name(annotator)}.lock"
        self._token: str | None = None
        self.what = "project"  # for messages
        # the holder of a stale lock this one took over without force: a session that
        # ended without closing (crash, kill) on this host, or an old one
        self.stale_holder: LockInfo | None = None

    @classmethod
    def for_file(cls, path: Path, annotator: str = "", max_age: float = MAX_AGE) -> ProjectLock:
        """The lock of one annotation file outside a project (article mode):
        `.NAME.lock` beside it, whoever the annotator (they all write that one file)."""
        lock = cls(Path(path).parent, annotator, max_age)
        lock.path = Path(path).with_name(f".{Path(path).name}.lock")
        lock.what = "file"
        return lock

    @property
    def held(self) -> bool:
        return self._token is not None

    def read(self) -> LockInfo | None:
        """The current holder, or None when there is no lock file or it is unreadable."""
        try:
            raw = read_regular(self.path, _MAX_LOCK_BYTES)
        except (OSError, ValueError):
            return None
        return _parse(raw)

    def is_stale(self, info: LockInfo | None) -> bool:
        if info is None:
            # unreadable or half-written lock: stale only once it is old
            try:
                age = time.time() - self.path.stat().st_mtime
            except OSError:
                return True
            return age > min(self.max_age, 60.0)
        if time.time() - info.time > self.max_age:
            return True
        return info.host == _host() and not _pid_alive(info.pid, info.started, info.boot)

    def acquire(self, force: bool = False) -> None:
        """Take the lock; raises LockedError naming the holder unless it is stale or `force`.

        Raises OSError when the folder cannot hold a lock file (read-only): the caller may
        then work without a lock, warning the user.
        """
        if self.held:
            return
        for _attempt in range(3):
            token = os.urandom(8).hex()  # what secrets.token_hex does, without its import
            if self._create(token):
                self._token = token
                return
            holder = self.read()
            stale = self.is_stale(holder)
            if not (force or stale):
                raise LockedError(self.path, holder, self.what)
            if stale and not force:
                self.stale_holder = holder
            # move the stale lock aside first so two instances cannot both take it over
            aside = self.path.with_name(f"{self.path.name}.stale-{token}")
            try:
                os.replace(self.path, aside)
            except FileNotFoundError:
                continue
            with contextlib.suppress(OSError):
                os.unlink(aside)
        raise LockedError(self.path, self.read(), self.what)

    def taken_over(self) -> LockInfo | None:
        """Who holds the lock now when another instance took it over (acquire(force=True)
        after its user agreed) while this one held it; None while it is still ours, not
        held, or its file is gone (nobody holds it then)."""
        if self._token is None:
            return None
        info = self.read()
        return info if info is not None and info.token != self._token else None

    def refresh(self) -> None:
        """Renew the lock's time (call every few minutes while holding it)."""
        if self._token is None:
            return
        info = self.read()
        if info is None or info.token != self._token:
            self._token = None  # taken over (force) by another instance
            raise LockedError(self.path, info, self.what)
        tmp = self.path.with_name(f"{self.path.name}.{self._token}.tmp")
        tmp.write_bytes(self._content(self._token))
        os.replace(tmp, self.path)

    def release(self) -> None:
        """Remove the lock file if it is still ours."""
        if self._token is None:
            return
        info = self.read()
        if info is not None and info.token == self._token:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        self._token = None

    def __enter__(self) -> ProjectLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def _content(self, token: str) -> bytes:
        data: dict[str, Any] = {
            "pid": os.getpid(),
            "host": _host(),
            "time": time.time(),
            "annotator": self.annotator,
            "token": token,
        }
        proc = _proc_start(os.getpid())
        if proc is not None:  # so that a later process given this pid is not taken for us
            data["started"] = proc[1]
            data["boot"] = _boot_id()
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    def _create(self, token: str) -> bool:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            return False
        try:
            os.write(fd, self._content(token))
            os.fsync(fd)
        except OSError:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            raise
        os.close(fd)
        return True


def _parse(raw: bytes) -> LockInfo | None:
    if len(raw) > _MAX_LOCK_BYTES:
        return None
    try:
        data: Any = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            return None
        return LockInfo(
            pid=int(data["pid"]),
            host=str(data["host"]),
            time=float(data["time"]),
            annotator=str(data.get("annotator", "")),
            token=str(data.get("token", "")),
            started=int(data["started"]) if data.get("started") is not None else None,
            boot=str(data.get("boot", "")),
        )
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, OverflowError):
        return None
