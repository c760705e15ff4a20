"""Interrupted work and hostile paths (issue 15, items 4, 5, 8 and 10; issue 14, items 10
and 11), through the `annotator` command in real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.io import jsonformat
from annotator.io.atomic import write_atomic
from annotator.io.names import safe_name
from annotator.io.project import Project, validate_project
from annotator.model import AnnotationSet, Document, default_schema

CLI = [sys.executable, "-P", "-c", "import sys; from annotator.cli import main; sys.exit(main())"]

# the same command in a process that is SIGKILLed by itself at its 3rd move into documents/
KILLED_WHILE_MOVING_IN = """
import os, signal, sys
real = os.replace
moves = []
def replace(src, dst, *a, **k):
    if "/.import-" in str(src) and "/documents/" in str(dst):
        moves.append(dst)
        if len(moves) == 3:
            os.kill(os.getpid(), signal.SIGKILL)
    return real(src, dst, *a, **k)
os.replace = replace
from annotator.cli import main
sys.exit(main())
"""

# the same, SIGKILLed just after an import into an empty project moved its staged
# documents folder in whole (one rename), before documents.json lists them
KILLED_AFTER_FOLDER_MOVE = """
import os, signal, sys
real = os.replace
def replace(src, dst, *a, **k):
    done = real(src, dst, *a, **k)
    if "/.import-" in str(src) and str(dst).endswith("/documents"):
        os.kill(os.getpid(), signal.SIGKILL)
    return done
os.replace = replace
from annotator.cli import main
sys.exit(main())
"""


def annotator(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr
    return done


def articles(path: Path, prefix: str, n: int) -> Path:
    items = [{"id": f"{prefix}-{i}", "text": f"خبر {prefix} شماره {i} از تهران."} for i in range(n)]
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


def listed(root: Path) -> list[str]:
    return [d["id"] for d in json.loads((root / "documents.json").read_text(encoding="utf-8"))["documents"]]


def test_an_import_killed_while_moving_in_is_finished_by_the_next(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    # a project with a document already: the import moves its files in one by one
    Project.create(root, "p").import_sources([articles(tmp_path / "z.json", "z", 1)])
    source = articles(tmp_path / "a.json", "a", 10)
    killed = subprocess.run([sys.executable, "-P", "-c", KILLED_WHILE_MOVING_IN, "import", str(root), str(source)],
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert killed.returncode == -signal.SIGKILL
    assert len(list((root / "documents").glob("*.json"))) == 1 + 2 and listed(root) == ["z-0"]
    assert list(root.glob(".import-*"))
    assert validate_project(root)  # the leftovers are reported ...
    done = annotator("import", str(root), str(articles(tmp_path / "b.json", "b", 3)))
    assert done.returncode == 0, done.stderr
    ids = listed(root)  # ... and the next import finished the killed one first
    assert ids[:11] == ["z-0", *(f"a-{i}" for i in range(10))] and ids[11:] == ["b-0", "b-1", "b-2"]
    assert not list(root.glob(".import-*"))
    assert validate_project(root) == []


def test_an_import_killed_after_moving_its_folder_in_is_finished_by_the_next(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    Project.create(root, "p")
    source = articles(tmp_path / "a.json", "a", 10)
    killed = subprocess.run([sys.executable, "-P", "-c", KILLED_AFTER_FOLDER_MOVE, "import", str(root), str(source)],
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert killed.returncode == -signal.SIGKILL
    # the ten files are in place (one rename), none listed yet
    assert len(list((root / "documents").glob("*.json"))) == 10 and listed(root) == []
    assert list(root.glob(".import-*"))
    assert validate_project(root)
    done = annotator("import", str(root), str(articles(tmp_path / "b.json", "b", 3)))
    assert done.returncode == 0, done.stderr
    ids = listed(root)
    assert ids[:10] == [f"a-{i}" for i in range(10)] and ids[10:] == ["b-0", "b-1", "b-2"]
    assert not list(root.glob(".import-*"))
    assert validate_project(root) == []
    # the search index, written while staging, agrees with the catalogue after a sync
    project = Project.open(root)
    assert [d for d in project.search_documents("شماره")] == ids


def test_an_import_killed_while_reading_is_cleaned_by_the_next(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    Project.create(root, "p")
    big = articles(tmp_path / "big.json", "x", 3000)
    run = subprocess.Popen([*CLI, "import", str(root), str(big)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(root.glob(".import-*/documents/*.json")) and time.monotonic() < deadline:
        time.sleep(0.01)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert list(root.glob(".import-*")) and listed(root) == []
    done = annotator("import", str(root), str(articles(tmp_path / "b.json", "b", 2)))
    assert done.returncode == 0 and listed(root) == ["b-0", "b-1"]
    assert not list(root.glob(".import-*")) and validate_project(root) == []


def test_repair_lists_what_an_older_killed_import_left_unlisted(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    Project.create(root, "p").import_sources([articles(tmp_path / "a.json", "a", 4)])
    catalog = json.loads((root / "documents.json").read_text(encoding="utf-8"))
    catalog["documents"] = catalog["documents"][:1]  # three files no longer listed
    (root / "documents.json").write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    (root / "documents" / "junk.json").write_text("{}", encoding="utf-8")
    stale = root / ".documents.json.abc123.tmp"
    stale.write_text("half", encoding="utf-8")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    assert any("annotator repair" in line for line in validate_project(root))
    done = annotator("repair", str(root))
    assert done.returncode == 0, done.stderr
    assert "3 unlisted document(s) listed again" in done.stdout and "junk.json" in done.stdout
    assert sorted(listed(root)) == ["a-0", "a-1", "a-2", "a-3"] and not stale.exists()
    assert (root / "documents" / ".unlisted-junk.json").exists()  # kept, not deleted
    assert validate_project(root) == []
    assert annotator("repair", str(root)).stdout.endswith("nothing to repair\n")


def test_a_killed_exports_temporary_file_is_removed_by_the_next(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    Project.create(root, "p").import_sources([articles(tmp_path / "a.json", "a", 2)])
    out = tmp_path / "out.jsonl"
    left = tmp_path / ".out.jsonl.k1ll3d.tmp"
    left.write_text("half an export", encoding="utf-8")
    os.utime(left, (time.time() - 3600, time.time() - 3600))
    assert annotator("export", str(root), "--format", "jsonl", "--out", str(out)).returncode == 0
    assert out.exists() and not left.exists()


# ---- symlinks and names -------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["documents", "annotations/imported"])
def test_an_import_never_writes_through_a_symlink_out_of_the_project(tmp_path: Path, folder: str) -> None:
    root = tmp_path / "proj"
    Project.create(root, "p")
    outside = tmp_path / "outside"
    outside.mkdir()
    link = root / folder
    if link.exists():
        link.rmdir()
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside, target_is_directory=True)
    annotated = tmp_path / "a.annotations.json"
    aset = AnnotationSet(Document("a", "علی در تهران گفت.", "a"), "", default_schema())
    aset.add_span("actor", 0, 3)
    jsonformat.save(aset, annotated)
    done = annotator("import", str(root), str(annotated))
    assert list(outside.iterdir()) == []  # nothing written outside the project
    assert "symbolic link" in done.stderr
    if folder == "documents":
        assert done.returncode == 2 and listed(root) == []
    else:  # the document is imported; its annotations are refused, and said
        assert done.returncode == 1 and listed(root) == ["a"]


def test_ids_too_long_in_bytes_are_shortened_and_the_rest_imported(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    emoji = "😀" * 119  # 476 bytes: over the 255-byte limit of a file name
    source = tmp_path / "a.json"
    source.write_text(json.dumps([{"id": emoji, "text": "خبر یک."}, {"id": "b", "text": "خبر دو."},
                                  {"id": "c", "text": "خبر سه."}], ensure_ascii=False), encoding="utf-8")  # fmt: skip
    done = annotator("import", str(root), str(source))
    assert done.returncode == 0, done.stderr
    ids = listed(root)
    assert len(ids) == 3 and len(ids[0].encode()) <= 200
    out = tmp_path / "brat"
    assert annotator("export", str(root), "--format", "brat", "--out", str(out)).returncode == 0
    assert len(list(out.glob("*.ann"))) == 3


def test_a_read_only_project_disk_is_exit_2_with_the_reason(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    Project.create(root, "p")
    source = articles(tmp_path / "a.json", "a", 3)
    # the project's disk refuses every new file, as a read-only or full disk does
    script = (
        "import errno, os, sys, tempfile\n"
        "real = os.open\n"
        "def refuse(path, flags, *a, **k):\n"
        f"    if str(path).startswith({str(root)!r}) and flags & os.O_CREAT:\n"
        "        raise OSError(errno.EROFS, 'Read-only file system', str(path))\n"
        "    return real(path, flags, *a, **k)\n"
        "os.open = refuse\n"
        "def mkdtemp(*a, **k): raise OSError(errno.EROFS, 'Read-only file system')\n"
        "tempfile.mkdtemp = mkdtemp\n"
        "from annotator.cli import main\n"
        "sys.exit(main())\n"
    )
    done = subprocess.run([sys.executable, "-P", "-c", script, "import", str(root), str(source)],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "read-only" in done.stderr and "Traceback" not in done.stderr
    assert listed(root) == []


def test_safe_names_drop_bidi_overrides() -> None:
    assert "\u202e" not in safe_name("exe.\u202etxt")
    assert safe_name("نخست\u200cوزیر") == "نخست\u200cوزیر"  # ZWNJ is part of the word


# ---- modes and counts (issue 14) ----------------------------------------------------------


def test_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.json", b"{}")
        assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o644
        os.umask(0o002)
        write_atomic(tmp_path / "other.json", b"{}")
        assert (tmp_path / "other.json").stat().st_mode & 0o777 == 0o664
        (tmp_path / "new.json").chmod(0o640)
        write_atomic(tmp_path / "new.json", b"[]")
        assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o640
        root = tmp_path / "proj"
        project = Project.create(root, "p")
        project.import_sources([articles(tmp_path / "a.json", "a", 1)])
        for path in (root / "documents.json", root / "project.json", root / "documents" / "a-0.json"):
            assert path.stat().st_mode & 0o777 == 0o664, path
    finally:
        os.umask(old)


def test_validate_counts_documents_and_annotation_files(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    project = Project.create(root, "p")
    project.import_sources([articles(tmp_path / "a.json", "a", 5)])
    project.set_status("a-0", "ali", "done")
    project.set_status("a-1", "ali", "done")
    done = annotator("validate", str(root))
    assert done.returncode == 0
    assert done.stdout == f"{root}: 5 document(s) and 2 annotation file(s) valid\n"


def test_a_windows_1256_sentence_with_zwnj_is_read(tmp_path: Path) -> None:
    from annotator.io.textfile import read_text_file

    text = "نخست‌وزير عراق گفت که گفت‌وگو ادامه دارد."  # ZWNJ is byte 0x9D in Windows-1256
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("cp1256"))
    assert read_text_file(path) == (text, "cp1256")
