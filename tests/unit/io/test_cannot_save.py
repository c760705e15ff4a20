"""A failed save says which file could not be saved and why, in words (new user's trial:
a read-only folder at quit showed "[Errno 1] Operation not permitted:
'/tmp/…/.article.annotations.json.vsx5lbq5.tmp'", the hidden temporary's name)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from annotator.io.atomic import cannot_save, write_atomic


def test_a_read_only_folder_names_the_file_not_the_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "article.annotations.json"

    def refused(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted", str(tmp_path / ".article.annotations.json.x.tmp"))

    monkeypatch.setattr("tempfile.mkstemp", refused)
    with pytest.raises(OSError) as info:
        write_atomic(target, b"{}")
    assert cannot_save(target, info.value) == (
        f"cannot save {target}: the folder is read-only (Operation not permitted)"
    )
    assert not target.exists()


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (OSError(errno.EACCES, "Permission denied"), "the folder is read-only (Permission denied)"),
        (OSError(errno.EROFS, "Read-only file system"), "the disk is mounted read-only (Read-only file system)"),
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full (No space left on device)"),
        (OSError(errno.EIO, "Input/output error"), "Input/output error"),
    ],
)
def test_each_reason_in_one_line(error: OSError, said: str) -> None:
    assert cannot_save(Path("/p/a.json"), error) == f"cannot save /p/a.json: {said}"
