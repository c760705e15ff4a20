"""The catalogue index (.cache/catalog.sqlite): a document list paged, filtered and sorted by
SQLite shows what the list of every summary showed; opening a project whose index is in
step never reads documents.json; the index is a cache, made again when deleted, damaged or
out of step, and consistent with documents.json after a kill."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.io.catalogindex import CATALOG_DB, DocumentView
from annotator.io.project import DocumentSummary, Project
from annotator.model import Status
from annotator.persian.match import fold

FARS = Path(__file__).resolve().parents[4] / "shared/corpora/news/fars-news-2.json"
TITLES = ["گزارش ويژه", "گزارش ویژه", "سازمان ملل", "نخست‌وزیر", "نخست وزیر", "۱۴۰۲ در یک نگاه", "1402 در یك نگاه",
          "Tehran", "ایران", "آمريكا", "", "کشور"]  # fmt: skip
DATES = ["2023-05-01", "۱۴۰۲/۰۲/۱۱", "", "2021-12-31", "1399-01-01", "2024-02-29"]


def make_project(tmp_path: Path, count: int = 60, name: str = "p") -> Project:
    project = Project.create(tmp_path / name, name)
    rng = random.Random(16)
    lines = [
        json.dumps({"id": f"d{i:03d}", "title": rng.choice(TITLES) + (f" {i}" if rng.random() < 0.5 else ""),
                    "date": rng.choice(DATES), "text": f"متن شماره {i} " + "کلمه " * rng.randint(5, 40)},
                   ensure_ascii=False)
        for i in range(count)
    ]  # fmt: skip
    source = tmp_path / f"{name}.jsonl"
    source.write_text("\n".join(lines), encoding="utf-8")
    assert len(project.import_sources([source], normalize=False).added) == count
    return project


def annotate(project: Project, annotator: str = "sara") -> None:
    """Some documents in progress with spans, some done."""
    for i, doc_id in enumerate(project.document_ids()[::7]):
        aset = project.load_annotations(doc_id, annotator)
        aset.add_span(project.schema.labels[0].id, 0, 3)
        if i % 2:
            aset.add_span(project.schema.labels[0].id, 4, 6)
        aset.set_status(Status.DONE if i % 3 == 0 else Status.IN_PROGRESS)
        project.save_annotations(aset)


def listed(project: Project, annotator: str, view: DocumentView | None = None) -> list[DocumentSummary]:
    """What the window's list shows, row by row, through the index."""
    index = project.catalog_index()
    index.set_facts(project.progress_facts(annotator))
    view = view or DocumentView(index)
    rows = [view.row(n) for n in range(len(view))]
    return [DocumentSummary(r.id, r.title, Status(r.status), r.spans, r.date, r.date_gregorian) for r in rows if r]


def stable_sorted(rows: list[DocumentSummary], key: str, descending: bool) -> list[DocumentSummary]:
    """What QSortFilterProxyModel did with the old list: a stable sort on the UserRole."""
    keyf = {
        "title": lambda s: fold(s.title or s.id),
        "status": lambda s: list(Status).index(s.status),
        "spans": lambda s: s.span_count,
        "date": lambda s: s.date_gregorian or s.date,
    }[key]
    # Python's sort is stable in both directions, as Qt's std::stable_sort with greater<>
    return sorted(rows, key=keyf, reverse=descending)


@pytest.fixture
def fars(tmp_path: Path) -> Project:
    if not FARS.exists():
        pytest.skip(f"{FARS} is absent (it sits beside the project, not in it)")
    project = Project.create(tmp_path / "fars", "Fars")
    assert len(project.import_sources([FARS], normalize=False).added) == 300
    annotate(project)
    return project


def test_the_paged_list_shows_the_fars_news_as_the_list_of_summaries_did(fars: Project) -> None:
    reopened = Project.open(fars.path)
    assert reopened._loaded is None  # in step: documents.json was not read
    paged = listed(reopened, "sara")
    assert reopened._loaded is None
    assert paged == Project.open(fars.path).summaries("sara")  # the old list, from documents.json
    assert len(paged) == 300 and {s.status for s in paged} == set(Status)


def test_filtering_and_sorting_in_sqlite_match_the_old_proxy(tmp_path: Path) -> None:
    project = make_project(tmp_path, 90)
    annotate(project)
    project = Project.open(project.path)
    index = project.catalog_index()
    index.set_facts(project.progress_facts("sara"))
    everything = Project.open(project.path).summaries("sara")
    view = DocumentView(index)
    assert listed(project, "sara", view) == everything
    for needle in ("ویژه", "ويژه", "يك", "۱۴۰۲", "1402", "نخست وزیر", "نخست‌وزیر", "tehran", "Tehran", "  ملل "):
        view.set_filter(needle=needle)
        expected = [s for s in everything if fold(needle.strip()) in fold(s.title or s.id)]
        assert listed(project, "sara", view) == expected, needle
        assert expected or needle == "tehran"
        for key in ("title", "status", "spans", "date"):
            for descending in (False, True):
                view.set_sort(key, descending)
                assert listed(project, "sara", view) == stable_sorted(expected, key, descending), (needle, key)
        view.set_sort("pos")
    view.set_filter(needle="")
    for status in Status:
        view.set_filter(status=status.value)
        assert listed(project, "sara", view) == [s for s in everything if s.status == status]
    view.set_filter(status=None, date_from="2022-01-01", date_to="2023-12-31")
    in_range = [s for s in everything if s.date_gregorian and "2022-01-01" <= s.date_gregorian <= "2023-12-31"]
    assert listed(project, "sara", view) == in_range and in_range
    # where each document is, as the window asks to select it
    view.set_filter(date_from="", date_to="")
    view.set_sort("title", descending=True)
    rows = listed(project, "sara", view)
    for number, summary in enumerate(rows):
        assert view.number_of(summary.id) == number
    view.set_filter(needle="ملل")
    outside = next(s.id for s in everything if "ملل" not in s.title)
    assert view.number_of(outside) == -1


def test_opening_in_step_reads_no_catalogue_and_still_knows_every_document(tmp_path: Path) -> None:
    project = make_project(tmp_path, 40)
    annotate(project)
    ids = project.document_ids()
    reopened = Project.open(project.path)
    assert reopened._loaded is None
    assert len(reopened) == 40 and ids[5] in reopened and "nope" not in reopened
    assert reopened.load_document(ids[5]).text == project.load_document(ids[5]).text
    assert reopened.neighbour(ids[5]) == ids[6] and reopened.neighbour(ids[5], -1) == ids[4]
    assert reopened.neighbour(ids[-1]) is None and reopened.neighbour(ids[0], -1) is None
    done = {s.id for s in project.summaries("sara") if s.status == Status.DONE}
    expected = next(d for d in ids[6:] + ids[:5] if d not in done)
    assert reopened.neighbour(ids[5], annotator="sara", unfinished=True) == expected
    assert reopened.search("شماره 7") and reopened._loaded is None
    reopened.catalog_index().set_facts(reopened.progress_facts("sara"))
    assert reopened.catalog_index().first_not("done") == next(d for d in ids if d not in done)
    assert reopened._loaded is None
    # the same answers as a project that read documents.json
    eager = Project.open(project.path)
    eager._entries  # noqa: B018 - read it
    for doc_id in ids[:7]:
        assert eager.neighbour(doc_id, annotator="sara", unfinished=True) == reopened.neighbour(
            doc_id, annotator="sara", unfinished=True
        )


def test_documents_json_keeps_its_shape_and_a_project_without_the_index_opens(tmp_path: Path) -> None:
    project = make_project(tmp_path, 20)
    catalog = json.loads((project.path / "documents.json").read_text(encoding="utf-8"))
    assert set(catalog) == {"format", "version", "documents"} and catalog["version"] == 1
    assert catalog["documents"][0].keys() >= {"id", "title", "sha256", "length"}
    # a project made by an older version has no catalog.sqlite
    for found in (project.path / ".cache").glob(f"{CATALOG_DB}*"):
        found.unlink()
    reopened = Project.open(project.path)
    assert reopened._loaded is not None  # read, as before
    assert listed(reopened, "sara") == reopened.summaries("sara")
    assert Project.open(project.path)._loaded is None  # and made for the next time


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other version", "deleted"])
def test_a_damaged_or_deleted_catalogue_index_is_made_again(tmp_path: Path, damage: str) -> None:
    project = make_project(tmp_path, 50)
    expected = project.summaries("sara")
    index_file = project.path / ".cache" / CATALOG_DB
    project.catalog_index().close()
    with sqlite3.connect(index_file) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    raw = index_file.read_bytes()
    if damage == "garbage":
        index_file.write_bytes(b"not a database" * 300)
    elif damage == "truncated":
        index_file.write_bytes(raw[: len(raw) // 2])
    elif damage == "other version":
        with sqlite3.connect(index_file) as db:
            db.execute("UPDATE meta SET value = 'another' WHERE key = 'version'")
        db.close()
    else:
        index_file.unlink()
    reopened = Project.open(project.path)
    assert listed(reopened, "sara") == expected
    assert Project.open(project.path)._loaded is None


def test_a_catalogue_changed_by_another_program_is_followed(tmp_path: Path) -> None:
    project = make_project(tmp_path, 30)
    catalog_file = project.path / "documents.json"
    catalog = json.loads(catalog_file.read_text(encoding="utf-8"))
    catalog["documents"].reverse()
    catalog["documents"][0]["title"] = "عنوان تازه"
    catalog_file.write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")  # in place, as git does
    reopened = Project.open(project.path)
    rows = listed(reopened, "sara")
    assert [r.id for r in rows] == [e["id"] for e in catalog["documents"]] and rows[0].title == "عنوان تازه"
    # a title changed here rewrites its row, and documents.json
    reopened.set_document_info(rows[3].id, "عنوان ديگر", {"date": "2020-01-02"})
    again = Project.open(project.path)
    assert again._loaded is None
    assert listed(again, "sara")[3].title == "عنوان ديگر" and listed(again, "sara")[3].date_gregorian == "2020-01-02"
    assert listed(again, "sara") == Project.open(project.path).summaries("sara")


def test_an_import_appends_to_the_index_and_a_read_only_project_lists_from_memory(tmp_path: Path) -> None:
    project = make_project(tmp_path, 25)
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": "x1", "title": "تازه", "text": "متنی تازه"}, ensure_ascii=False), "utf-8")
    window_side = Project.open(project.path)
    window_side.catalog_index()
    assert Project.open(project.path).import_sources([more], normalize=False).added == ["x1"]  # another process
    reopened = Project.open(project.path)
    assert reopened._loaded is None and len(reopened) == 26
    assert listed(reopened, "sara")[-1].id == "x1"
    # the window that was open follows (its list is refreshed after an import)
    window_side.reload()
    assert [r.id for r in listed(window_side, "sara")] == reopened.document_ids()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="POSIX permissions; root ignores them")
def test_a_read_only_project_lists_its_documents(tmp_path: Path) -> None:
    project = make_project(tmp_path, 12)
    for found in (project.path / ".cache").glob(f"{CATALOG_DB}*"):
        found.unlink()
    os.chmod(project.path / ".cache", 0o555)
    try:
        reopened = Project.open(project.path)
        assert listed(reopened, "sara") == reopened.summaries("sara")
        assert not (project.path / ".cache" / CATALOG_DB).exists()
    finally:
        os.chmod(project.path / ".cache", 0o755)


IMPORT_CHILD = """
import sys
from annotator.io.project import Project
project = Project.open(sys.argv[1])
print("importing", flush=True)
project.import_sources([sys.argv[2]], normalize=False)
print("imported", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_imports_leave_the_catalogue_index_in_step_or_known_stale(tmp_path: Path) -> None:
    project = make_project(tmp_path, 20)
    source = tmp_path / "big.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i in range(3000):
            out.write(json.dumps({"id": f"k{i}", "title": f"خبر {i}", "text": f"متن {i} " * 50}, ensure_ascii=False))
            out.write("\n")
    for delay in (0.2, 0.6, 1.2, 2.0):  # while staging, indexing, moving in (as late as it gets)
        with subprocess.Popen(
            [sys.executable, "-c", IMPORT_CHILD, str(project.path), str(source)], stdout=subprocess.PIPE, text=True
        ) as child:
            assert child.stdout is not None and child.stdout.readline().strip() == "importing"
            time.sleep(delay)
            if child.poll() is None:
                os.kill(child.pid, signal.SIGKILL)
            child.wait()
        reopened = Project.open(project.path)
        reopened.finish_interrupted()
        truth = json.loads((project.path / "documents.json").read_text(encoding="utf-8"))["documents"]
        rows = listed(reopened, "sara")
        assert [r.id for r in rows] == [e["id"] for e in truth]
        assert [r.title for r in rows] == [e["title"] for e in truth]
        if len(truth) == 3020:
            break


REBUILD_CHILD = """
import sys
from annotator.io.project import Project
project = Project.open(sys.argv[1])
print("rebuilding", flush=True)
project.catalog_index()
project.prepare_search(lambda done, total: print(done, total, flush=True))
print("rebuilt", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_rebuild_of_both_indexes_leaves_them_consistent(tmp_path: Path) -> None:
    from annotator.io.textindex import INDEX_DB

    project = make_project(tmp_path, 1500)
    expected_rows = project.summaries("sara")
    probe = project.search("شماره 1499")
    assert [h.document_id for h in probe] == ["d1499"]
    cache = project.path / ".cache"
    for stop_after in (1, 400, 900):  # progress lines seen before the kill
        for found in [*cache.glob(f"{INDEX_DB}*"), *cache.glob(f"{CATALOG_DB}*")]:
            found.unlink()
        with subprocess.Popen(
            [sys.executable, "-c", REBUILD_CHILD, str(project.path)], stdout=subprocess.PIPE, text=True
        ) as child:
            assert child.stdout is not None
            seen = 0
            for line in child.stdout:
                if line.split()[0].isdigit():
                    seen = int(line.split()[0])
                    if seen >= stop_after:
                        break
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        assert 0 < seen < 1500 or stop_after == 1
        reopened = Project.open(project.path)
        assert listed(reopened, "sara") == expected_rows
        index = reopened.text_index()
        assert index.ids(len(reopened)) != reopened.document_ids() or stop_after == 1 or seen >= 1400
        hits = reopened.search("شماره 1499")  # goes on from where the killed one stopped
        assert [(h.document_id, h.start, h.end) for h in hits] == [(h.document_id, h.start, h.end) for h in probe]
        assert index.ids(len(reopened)) == reopened.document_ids()
        index.close()


WORKER_CHILD = """
import sys, time
from annotator.io import catalogindex, project as project_module
from annotator.io.project import Project
catalogindex.REBUILD_BATCH = 50
project_module.READ_CATALOG_LATER_ABOVE = 0  # as a big one is
project = Project.open(sys.argv[1], catalog_later=True)
assert project.catalog_pending
print("rebuilding", flush=True)
project.rebuild_catalog_index(lambda done, total: (print(done, total, flush=True), time.sleep(0.3)))
print("rebuilt", flush=True)  # (the kill lands in a pause after a line: inside the transaction)
"""


def out_of_step(project: Project, tmp_path: Path) -> list[str]:
    """documents.json changed by another program behind the index's back (its last
    thirty entries dropped): the ids it now lists."""
    catalog_file = project.path / "documents.json"
    catalog = json.loads(catalog_file.read_text(encoding="utf-8"))
    catalog["documents"] = catalog["documents"][:-30]
    catalog_file.write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    return [e["id"] for e in catalog["documents"]]


def test_the_worker_rebuild_answers_from_the_old_index_until_adopted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.io import project as project_module

    small = make_project(tmp_path, 40, name="small")
    out_of_step(small, tmp_path)
    at_once = Project.open(small.path, catalog_later=True)  # a small documents.json: made at once
    assert not at_once.catalog_pending and at_once.catalog_index().count() == 10
    monkeypatch.setattr(project_module, "READ_CATALOG_LATER_ABOVE", 0)  # as a big one is
    project = make_project(tmp_path, 90)
    ids = out_of_step(project, tmp_path)
    window_side = Project.open(project.path, catalog_later=True)
    assert window_side.catalog_pending and window_side._loaded is None
    assert len(window_side) == 90 and not window_side.search_ready()  # the old rows; no search yet
    seen: list[tuple[int, int]] = []
    signature = window_side.rebuild_catalog_index(lambda done, total: seen.append((done, total)))
    assert signature is not None and seen[-1] == (60, 60)
    assert window_side.adopt_catalog_index(signature) and not window_side.catalog_pending
    assert window_side.catalog_index().ids() == ids and len(window_side) == 60
    assert [r.id for r in listed(window_side, "sara")] == ids
    assert not Project.open(project.path, catalog_later=True).catalog_pending
    # a stop (progress raising) changes nothing; documents.json changed again meanwhile: not adopted
    ids = out_of_step(project, tmp_path)
    again = Project.open(project.path, catalog_later=True)

    def stop(done: int, total: int) -> None:
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        again.rebuild_catalog_index(stop)
    assert again.catalog_index(wait=False).count() == 60
    signature = again.rebuild_catalog_index()
    out_of_step(project, tmp_path)
    assert not again.adopt_catalog_index(signature) and again.catalog_pending
    assert again.adopt_catalog_index(again.rebuild_catalog_index())
    assert again.catalog_index().count() == 0  # 30 - 30
    # someone else brought it in step meanwhile (the window's own write): nothing rebuilt
    third = make_project(tmp_path, 40, name="q")
    out_of_step(third, tmp_path)
    late = Project.open(third.path, catalog_later=True)
    Project.open(third.path).catalog_index()  # another window made it
    assert late.rebuild_catalog_index() is None
    assert late.adopt_catalog_index(None) and late.catalog_index().count() == 10


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_worker_rebuild_leaves_the_old_index_known_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.io import project as project_module

    monkeypatch.setattr(project_module, "READ_CATALOG_LATER_ABOVE", 0)  # in this process too
    for stop_after in (0, 100, 300):  # rows written before the kill
        project = make_project(tmp_path, 400, name=f"k{stop_after}")
        ids = out_of_step(project, tmp_path)
        with subprocess.Popen(
            [sys.executable, "-c", WORKER_CHILD, str(project.path)], stdout=subprocess.PIPE, text=True
        ) as child:
            assert child.stdout is not None and child.stdout.readline().strip() == "rebuilding"
            for line in child.stdout:
                if int(line.split()[0]) >= stop_after:
                    break
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        # the old rows, recognised as out of step; the next opening makes it in step
        reopened = Project.open(project.path, catalog_later=True)
        assert reopened.catalog_pending and len(reopened) == 400
        assert [r.id for r in listed(Project.open(project.path), "sara")] == ids
        assert not Project.open(project.path, catalog_later=True).catalog_pending
