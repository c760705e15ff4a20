"""The search index (.cache/search.sqlite): exactly the in-memory search's hits, a cache that
is rebuilt when deleted or damaged, and consistent with the catalogue after a killed import."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.io.project import Project
from annotator.io.textindex import INDEX_DB
from annotator.persian import match

FARS = Path(__file__).resolve().parents[4] / "shared/corpora/news/fars-news-2.json"


def in_memory(project: Project, query: str, whole_words: bool = False, limit: int | None = None) -> list[tuple]:
    """What Project.search returned before the index: persian.match over every text."""
    if not query.strip():
        return []  # as Project.search always did
    ids = project.document_ids()
    index = match.SearchIndex()
    for doc_id in ids:
        index.add(project.load_document(doc_id).text)
    out = []
    for doc, start, end in index.find_all(query, whole_words=whole_words, limit=limit):
        out.append((ids[doc], start, end, *match.context(index.text(doc), start, end, 40)))
    return out


def indexed(project: Project, query: str, whole_words: bool = False, limit: int | None = None) -> list[tuple]:
    hits = project.search(query, whole_words=whole_words, limit=limit)
    assert project._search is None, "the search fell back to the in-memory index"
    return [(h.document_id, h.start, h.end, h.before, h.match, h.after) for h in hits]


@pytest.fixture(scope="module")
def fars(tmp_path_factory: pytest.TempPathFactory) -> Project:
    if not FARS.exists():
        pytest.skip(f"{FARS} is absent (it sits beside the project, not in it)")
    project = Project.create(tmp_path_factory.mktemp("fars") / "fars", "Fars")
    # not normalized: the scraped text keeps its Arabic ي/ك, digits and missing ZWNJs
    report = project.import_sources([FARS], normalize=False)
    assert len(report.added) == 300
    return project


QUERIES = [
    "آمریکا", "امريكا", "آمريکا", "خبرگزاری فارس", "خبرگزاری‌فارس", "خبرگزاري  فارس", "2009", "۲۰۰۹", "٢٠٠٩",
    "ی", "از", "ها ", " و ", ".", "،", "«", "تهران", "TEHRAN", "وزیر", "نخست وزیر", "رئیس‌جمهور", "*", "[",
    "?", "a*b", "ّ", "\u200c", "ـ", "هیچ‌کدام از", "zzzz-nothing",
]  # fmt: skip


@pytest.mark.parametrize("whole_words", [False, True])
def test_the_index_finds_exactly_what_the_in_memory_search_found(fars: Project, whole_words: bool) -> None:
    for query in QUERIES:
        expected = in_memory(fars, query, whole_words)
        assert indexed(fars, query, whole_words) == expected, query
        assert indexed(fars, query, whole_words, limit=7) == expected[:7], query
    assert (fars.path / ".cache" / INDEX_DB).is_file()


def test_the_documents_found_are_those_with_a_hit(fars: Project) -> None:
    # the list (and count) of documents comes from the index alone: exactly the documents
    # in which the in-memory search found something
    for query in QUERIES:
        expected = list(dict.fromkeys(hit[0] for hit in in_memory(fars, query)))
        assert fars.search_documents(query) == expected, query
    fewer = 0
    for query in ("وزیر", "تهران", "ها", "ملل"):
        whole = {hit[0] for hit in in_memory(fars, query, whole_words=True)}
        assert whole <= set(fars.search_documents(query)), query
        fewer += len(whole) < len(fars.search_documents(query))
    assert fewer  # a whole-word search finds fewer documents than the list holds


def test_random_stretches_of_the_texts_are_found_as_before(fars: Project) -> None:
    rng = random.Random(16)
    ids = fars.document_ids()
    for _ in range(60):
        text = fars.load_document(rng.choice(ids)).text
        start = rng.randrange(len(text))
        query = text[start : start + rng.randint(1, 14)]
        whole = rng.random() < 0.3
        assert indexed(fars, query, whole) == in_memory(fars, query, whole), query


def stale(project: Project) -> int:
    """How many documents a sync of the index with the catalogue had to (re)index."""
    entries = [(d, project._entry(d).sha256) for d in project.document_ids()]
    return int(project.text_index().sync(entries, project._text_of))


def test_no_first_search_penalty_after_an_import(tmp_path: Path) -> None:
    project = small_project(tmp_path, 120)
    # the import indexed every document: another process opening it only compares
    assert stale(Project.open(project.path)) == 0


def small_project(tmp_path: Path, count: int = 40) -> Project:
    project = Project.create(tmp_path / "p", "p")
    rng = random.Random(3)
    words = ["ایران", "آمريكا", "نخست‌وزیر", "خبرگزاری فارس", "۱۴۰۲", "2023", "سازمان", "مللِ", "متحد", "گزارش"]
    lines = [
        json.dumps({"id": f"d{i}", "title": f"خبر {i}", "text": " ".join(rng.choice(words) for _ in range(60))},
                   ensure_ascii=False)
        for i in range(count)
    ]  # fmt: skip
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(lines), encoding="utf-8")
    assert len(project.import_sources([source], normalize=False).added) == count
    return project


def test_documents_sqlite_cannot_search_as_they_are_are_found_from_their_files(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p", "p")
    lines = [{"id": "zero", "text": "سازمان\x00 ملل"}, {"id": "plain", "text": "سازمان ملل متحد"}]
    source = tmp_path / "odd.jsonl"
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    assert len(project.import_sources([source], normalize=False).added) == 2
    assert project.search_documents("ملل") == ["zero", "plain"]
    assert indexed(project, "ملل") == in_memory(project, "ملل")


def test_a_write_that_fails_in_the_second_thread_reaches_the_caller(tmp_path: Path) -> None:
    import sqlite3

    from annotator.io import textindex

    index = textindex.TextIndex(tmp_path / "i.sqlite")
    with pytest.raises(sqlite3.Error), index.writer() as add:
        index._connect().execute("CREATE TRIGGER no BEFORE INSERT ON docs BEGIN SELECT RAISE(FAIL, 'full'); END")
        deadline, pos = time.monotonic() + 60, 0
        while time.monotonic() < deadline:  # until an add says what the second thread met
            add(pos, f"d{pos}", "sha", "سازمان ملل")
            pos += 1
            if pos % textindex.BATCH == 0:
                time.sleep(0.05)
    assert index.ids(10) == []


def test_a_deleted_index_is_rebuilt_with_progress(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    expected = in_memory(project, "آمریکا")
    index_file = project.path / ".cache" / INDEX_DB
    project.text_index().close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index_file}{suffix}").unlink(missing_ok=True)
    reopened = Project.open(project.path)
    calls: list[tuple[int, int]] = []
    reopened.prepare_search(lambda done, total: calls.append((done, total)))
    assert calls[-1] == (40, 40) and calls[0][1] == 40
    assert index_file.is_file()
    assert indexed(reopened, "آمریکا") == expected and expected


@pytest.mark.parametrize("damage", ["garbage", "truncated", "emptied", "other version"])
def test_a_damaged_index_is_rebuilt(tmp_path: Path, damage: str) -> None:
    project = small_project(tmp_path, 300)
    expected = in_memory(project, "نخست وزیر")
    index_file = project.path / ".cache" / INDEX_DB
    project.text_index().close()
    import sqlite3

    with sqlite3.connect(index_file) as db:  # fold the WAL into the file, so damage reaches the data
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    raw = index_file.read_bytes()
    if damage == "garbage":
        index_file.write_bytes(b"not a database at all" * 100)
    elif damage == "truncated":
        index_file.write_bytes(raw[: len(raw) // 3])
    elif damage == "emptied":
        index_file.write_bytes(raw[:100] + bytes(len(raw) - 100))
    else:
        with sqlite3.connect(index_file) as db:
            db.execute("UPDATE meta SET value = 'another folding' WHERE key = 'fold'")
        db.close()
    reopened = Project.open(project.path)
    assert indexed(reopened, "نخست وزیر") == expected and expected
    assert reopened.text_index().ids(len(reopened)) == reopened.document_ids()


def test_a_catalogue_that_changed_behind_the_index_is_followed(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    # another copy of the project (git pull) with the documents in another order
    catalog = json.loads((project.path / "documents.json").read_text(encoding="utf-8"))
    catalog["documents"].reverse()
    (project.path / "documents.json").write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    reopened = Project.open(project.path)
    assert indexed(reopened, "سازمان ملل") == in_memory(reopened, "سازمان ملل")
    assert reopened.text_index().ids(len(reopened)) == reopened.document_ids()


def test_an_import_never_waits_for_an_index_another_thread_holds(tmp_path: Path) -> None:
    import threading

    project = small_project(tmp_path, 10)
    index = project.text_index()
    held, release = threading.Event(), threading.Event()

    def rebuild() -> None:  # as the window's worker thread does after opening
        with index._lock:
            held.set()
            release.wait(30)

    worker = threading.Thread(target=rebuild)
    worker.start()
    held.wait(5)
    try:
        source = tmp_path / "more.jsonl"
        source.write_text(json.dumps({"id": "extra", "text": "سازمان ملل متحد امروز"}, ensure_ascii=False))
        began = time.monotonic()
        assert project.import_sources([source], normalize=False).added == ["extra"]
        assert time.monotonic() - began < 10
    finally:
        release.set()
        worker.join()
    assert indexed(project, "ملل متحد امروز") == in_memory(project, "ملل متحد امروز") != []
    assert project.text_index().ids(len(project)) == project.document_ids()


IMPORT_CHILD = """
import sys
from annotator.io.project import Project
project = Project.open_or_create(sys.argv[1])
print("importing", flush=True)
project.import_sources([sys.argv[2]], normalize=False)
print("imported", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_import_leaves_index_and_catalogue_consistent(tmp_path: Path) -> None:
    project = small_project(tmp_path, 30)
    before = project.document_ids()
    rng = random.Random(5)
    source = tmp_path / "big.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i in range(6000):
            words = " ".join(rng.choice(["ایران", "کشور", "آمریکا", "دولت", "گفت", "۱۳۹۹"]) for _ in range(150))
            out.write(json.dumps({"id": f"k{i}", "title": f"t{i}", "text": f"{words} {i}"}, ensure_ascii=False) + "\n")
    index_file = project.path / ".cache" / INDEX_DB
    wal = Path(f"{index_file}-wal")
    for delay in (0.0, 0.3):
        wal_before = wal.stat().st_size if wal.exists() else 0
        with subprocess.Popen(
            [sys.executable, "-c", IMPORT_CHILD, str(project.path), str(source)],
            stdout=subprocess.PIPE,
            text=True,
        ) as child:
            assert child.stdout is not None and child.stdout.readline().strip() == "importing"
            deadline = time.monotonic() + 60
            # kill it in the middle of indexing: once some batches were committed
            while time.monotonic() < deadline and (wal.stat().st_size if wal.exists() else 0) <= wal_before:
                time.sleep(0.02)
            time.sleep(delay)
            assert child.poll() is None, "the import finished before it could be killed"
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        reopened = Project.open(project.path)
        # killed while staging: the catalogue was not written, and the index's rows past
        # its end are never returned
        assert reopened.document_ids() == before
        assert indexed(reopened, "آمریکا 1") == in_memory(reopened, "آمریکا 1")
        assert reopened.text_index().ids(len(reopened)) == before
        reopened.text_index().close()
    # an import after the kills indexes everything. It also clears what they staged, or,
    # when a kill came once the import was moving in (a loaded machine: CI saw it), finishes
    # that import first and says so: its documents are in, and this import's are duplicates
    finished = Project.open(project.path)
    report = finished.import_sources([source], normalize=False)
    moved_in = [n for n in report.notices if "finished an import interrupted while moving in: 6000" in n]
    assert (len(report.added), len(report.skipped_duplicates)) == ((0, 6000) if moved_in else (6000, 0)), report
    assert len(finished.document_ids()) == len(before) + 6000
    assert stale(Project.open(finished.path)) == 0
    assert indexed(finished, "آمریکا 59") == in_memory(finished, "آمریکا 59")
    assert finished.text_index().ids(len(finished)) == finished.document_ids()


def test_the_documents_found_follow_every_change_of_the_catalogue(tmp_path: Path) -> None:
    """search_documents keeps the ids in catalogue order between searches: an import here,
    a title changed here, and documents.json rewritten by another program are followed."""
    project = small_project(tmp_path)
    lazy = Project.open(project.path)
    assert lazy._loaded is None  # the catalogue index answers: the ids are kept between searches
    expected = [d for d in lazy.document_ids() if "سازمان" in lazy.load_document(d).text]
    assert lazy.search_documents("سازمان") == expected and expected
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": "x1", "title": "تازه", "text": "سازمان تازه"}, ensure_ascii=False), "utf-8")
    assert lazy.import_sources([more], normalize=False).added == ["x1"]
    assert lazy.search_documents("سازمان") == [*expected, "x1"]
    again = Project.open(project.path)
    assert again.search_documents("سازمان") == [*expected, "x1"]
    again.set_document_info("x1", "تازه‌تر", {})
    assert again.search_documents("سازمان") == [*expected, "x1"]
    catalog = json.loads((project.path / "documents.json").read_text(encoding="utf-8"))
    catalog["documents"].reverse()  # another program (git pull) changes the order
    (project.path / "documents.json").write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    again.reload()
    assert again.search_documents("سازمان") == ["x1", *reversed(expected)]


KILLED_MOVING_IN = """
import os, sys
from annotator.io.project import Project
Project._move_in = lambda self, staged, report, rollback: os._exit(9)  # killed once the commit record is written
Project.open_or_create(sys.argv[1]).import_sources([sys.argv[2]], normalize=False)
"""


def test_an_import_killed_while_moving_in_is_finished_by_the_next_and_said(tmp_path: Path) -> None:
    """A kill after the import's commit record (moving in had begun): the next import
    finishes it first. Its report said only "0 added, 6 duplicates skipped", as if
    nothing had come in: it now says that the interrupted import was finished, and with
    how many documents."""
    project = small_project(tmp_path, 3)
    source = tmp_path / "more.jsonl"
    source.write_text(
        "".join(json.dumps({"id": f"m{i}", "text": f"متن تازه {i}"}, ensure_ascii=False) + "\n" for i in range(6)),
        encoding="utf-8",
    )
    child = subprocess.run([sys.executable, "-c", KILLED_MOVING_IN, str(project.path), str(source)], check=False)
    assert child.returncode == 9
    assert Project.open(project.path).document_ids() == project.document_ids()  # not in yet

    again = Project.open(project.path)
    report = again.import_sources([source], normalize=False)
    assert [n.split(": ", 1)[1] for n in report.notices] == [
        "finished an import interrupted while moving in: 6 document(s) added"
    ]
    assert (len(report.added), len(report.skipped_duplicates)) == (0, 6)
    assert len(Project.open(project.path).document_ids()) == 3 + 6
