"""Two windows on one project: the second is warned; stale locks are taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.io.lock import LockedError, ProjectLock


def write_lock(lock: ProjectLock, pid: int, host: str, when: float) -> None:
    data = {"pid": pid, "host": host, "time": when, "annotator": lock.annotator, "token": "x"}
    lock.path.write_text(json.dumps(data), encoding="utf-8")


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_second_instance_is_warned_with_the_holder(tmp_path: Path) -> None:
    first = ProjectLock(tmp_path, "مریم")
    first.acquire()
    assert first.held and first.path.exists()
    second = ProjectLock(tmp_path, "مریم")
    with pytest.raises(LockedError) as info:
        second.acquire()
    holder = info.value.holder
    assert holder is not None and holder.pid == os.getpid()
    assert holder.host == socket.gethostname()
    assert "already open" in str(info.value) and "مریم" in str(info.value)
    assert not second.held
    second.release()  # not ours: the first lock stays
    assert first.path.exists()
    first.release()
    assert not first.path.exists()
    second.acquire()
    second.release()


def test_other_annotators_do_not_block_each_other(tmp_path: Path) -> None:
    with ProjectLock(tmp_path, "ali"), ProjectLock(tmp_path, "sara"):
        pass


def test_lock_of_a_dead_process_on_this_host_is_stale(tmp_path: Path) -> None:
    lock = ProjectLock(tmp_path, "ali")
    write_lock(lock, dead_pid(), socket.gethostname(), time.time())
    lock.acquire()
    info = lock.read()
    assert info is not None and info.pid == os.getpid()
    lock.release()


def test_live_lock_on_another_host_is_respected_until_too_old(tmp_path: Path) -> None:
    lock = ProjectLock(tmp_path, "ali", max_age=3600)
    write_lock(lock, 1, "elsewhere.example", time.time() - 60)
    with pytest.raises(LockedError, match=r"elsewhere\.example"):
        lock.acquire()
    write_lock(lock, 1, "elsewhere.example", time.time() - 7200)
    lock.acquire()
    assert lock.held
    lock.release()


def test_force_takes_over_and_the_old_holder_finds_out(tmp_path: Path) -> None:
    first = ProjectLock(tmp_path, "ali")
    first.acquire()
    second = ProjectLock(tmp_path, "ali")
    second.acquire(force=True)
    with pytest.raises(LockedError):
        first.refresh()
    assert not first.held
    first.release()  # does not remove the new holder's lock
    assert second.path.exists()
    second.refresh()
    second.release()


def test_refresh_keeps_a_long_session_fresh(tmp_path: Path) -> None:
    lock = ProjectLock(tmp_path, "ali", max_age=3600)
    lock.acquire()
    data = json.loads(lock.path.read_text(encoding="utf-8"))
    data["time"] -= 3000
    lock.path.write_text(json.dumps(data), encoding="utf-8")
    lock.refresh()
    info = lock.read()
    assert info is not None and time.time() - info.time < 60
    lock.release()


def test_unreadable_lock_file_is_stale_only_when_old(tmp_path: Path) -> None:
    lock = ProjectLock(tmp_path, "ali")
    lock.path.write_bytes(b"\x00\xff not json")
    with pytest.raises(LockedError, match="unreadable"):
        lock.acquire()
    os.utime(lock.path, (time.time() - 3600, time.time() - 3600))
    lock.acquire()
    lock.release()


def test_hostile_annotator_names_stay_in_the_folder(tmp_path: Path) -> None:
    lock = ProjectLock(tmp_path, "../../etc/passwd")
    assert lock.path.parent == tmp_path
    lock.acquire()
    lock.release()


def test_lock_of_a_killed_unreaped_process_is_stale(tmp_path: Path) -> None:
    """A window killed with kill -9 by a shell that has not reaped it yet is a zombie:
    os.kill(pid, 0) still succeeds on it. Its lock is stale all the same (the trial's
    restart asked whether to take over from the dead process)."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("no /proc here")
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        holder = ProjectLock(tmp_path, "ali")
        write_lock(holder, proc.pid, socket.gethostname(), time.time())
        proc.kill()
        deadline = time.time() + 10
        while Path(f"/proc/{proc.pid}/stat").read_text().split(") ")[1][0] != "Z" and time.time() < deadline:
            time.sleep(0.01)
        os.kill(proc.pid, 0)  # still "there" for kill(0): a zombie
        lock = ProjectLock(tmp_path, "ali")
        lock.acquire()  # no LockedError: taken over
        assert lock.stale_holder is not None and lock.stale_holder.pid == proc.pid
        info = lock.read()
        assert info is not None and info.pid == os.getpid()
        lock.release()
    finally:
        proc.wait()


def test_lock_of_a_reused_pid_is_stale(tmp_path: Path) -> None:
    """The lock records its holder's start time: another process that got the same pid
    after a crash (here: this test's own, alive, started at another time) is not the holder."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("no /proc here")
    first = ProjectLock(tmp_path, "ali")
    first.acquire()
    data = json.loads(first.path.read_text(encoding="utf-8"))
    assert isinstance(data["started"], int) and data["boot"]
    second = ProjectLock(tmp_path, "ali")
    with pytest.raises(LockedError):  # the same process, the same start: alive
        second.acquire()
    data["started"] -= 1
    first.path.write_text(json.dumps(data), encoding="utf-8")
    second.acquire()
    assert second.stale_holder is not None
    second.release()
    first.release()


def test_a_live_holder_is_not_stale_and_nothing_is_said(tmp_path: Path) -> None:
    lock = ProjectLock(tmp_path, "ali")
    lock.acquire()
    assert lock.stale_holder is None
    lock.release()
