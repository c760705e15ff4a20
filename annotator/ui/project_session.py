"""Project mode: the document list, moving between documents, marking them done,
importing into the project and its statistics. The window shows one document at a time;
this object knows which, and asks the window to show it."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..io import jsonformat
from ..io.catalog import ImportReport
from ..io.lock import LockedError, ProjectLock
from ..io.project import DEFAULT_ANNOTATOR, DocumentSummary, ImportProgress, Project, ProjectError, SearchHit
from ..io.store import AnnotationStore, ForeignFileError
from ..io.tagall import TagAllPlan, TagAllResult, plan_tag_all
from ..model import AnnotationSet, Change, Status
from ..model.history import KeptHistories
from ..persian.segment import trim
from .bidi import in_reading_order, isolated
from .document_list import DocumentList
from .settings import last_document, remember_document
from .theme import counted, number


class SessionHost(Protocol):
    """What a project session needs of the window: show a document, save, say things, and
    a place for its panel."""

    store: AnnotationStore | None

    @property
    def annotations(self) -> AnnotationSet | None: ...

    def show_store(self, store: AnnotationStore, path: Path, title: str = "") -> bool: ...
    def drop_document(self) -> None: ...
    def checkpoint(self) -> bool: ...
    def refresh_state(self) -> None: ...
    def tell_recovery(self, message: str) -> None: ...
    def decide_foreign(
        self, exc: ForeignFileError, reopen: Callable[[str], tuple[AnnotationStore, str]]
    ) -> tuple[AnnotationStore, str]: ...
    def show_error(self, text: str) -> None: ...
    def show_info(self, text: str) -> None: ...
    def show_status(self, text: str) -> None: ...
    def add_panel(self, dock: QDockWidget, area: Qt.DockWidgetArea, size: int) -> None: ...
    def remove_panel(self, dock: QDockWidget) -> None: ...


class ProjectSession(QObject):
    DOCK_WIDTH = 320  # the list's default width; the article keeps most of the window
    # seconds a search waits for the index being compared with the catalogue (a second at
    # 100,000 documents); while it is being made again, a search says so at once instead
    WAIT_FOR_INDEX = 5.0
    indexProgress = Signal(int, int)  # (done, total) of the search index being made, from its thread
    catalogProgress = Signal(int, int)  # (done, total; -1 while reading) of the catalogue index, from its thread
    catalogDone = Signal(object)  # what rebuild_catalog_index returned, or the exception, from its thread

    def __init__(self, host: SessionHost, project: Project, annotator: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = host
        self.parent_widget = parent  # dialogs' parent
        self.project = project
        self.annotator = annotator or DEFAULT_ANNOTATOR
        self.doc_id = ""
        self.lock: ProjectLock | None = None
        # the undo histories of the documents left this session (docs/reliability.md)
        self.histories = KeptHistories()
        self.list = DocumentList(parent)
        self.dock = QDockWidget(parent)
        self.dock.setObjectName("documentDock")
        self.dock.setWidget(self.list)
        host.add_panel(self.dock, Qt.DockWidgetArea.LeftDockWidgetArea, self.DOCK_WIDTH)
        self.list.documentActivated.connect(self.open_document)
        self.list.model.set_project(project, self.annotator)
        self.retranslate()
        # the search index is compared with the catalogue, or made again when it was deleted
        # (minutes at 100,000 documents): in a thread, while the user reads, with a bar
        # under the list and a Stop button (the project guards the index with a lock)
        self._index_thread: threading.Thread | None = None
        self._index_stop = threading.Event()
        self._index_rebuilding = False  # documents are being indexed (not only compared)
        self._closed = False
        self.indexProgress.connect(self.list.show_index_progress)
        self.catalogProgress.connect(self.list.show_catalog_progress)
        self.catalogDone.connect(self._catalog_done)
        self.list.index_cancel.clicked.connect(self._index_stop.set)
        # documents.json changed outside annotator (or the catalogue index was deleted):
        # the list shows what the index held while a worker reads documents.json again
        if project.catalog_pending:
            self.list.show_catalog_progress(0, -1)
        # after the first article is painted: the comparison would compete with it
        QTimer.singleShot(100, self, self.prepare_index)

    def prepare_index(self) -> None:
        """Bring the catalogue index, then the search index, up to date in a worker thread
        (unless one is at it)."""
        if self._closed or (self._index_thread is not None and self._index_thread.is_alive()):
            return
        self._index_stop.clear()
        if self.project.catalog_pending:
            self.list.show_catalog_progress(0, -1)
            target, name = self._rebuild_catalog, "catalogue-index"
        else:
            target, name = self._prepare_search, "search-index"
        self._index_thread = threading.Thread(target=target, name=name, daemon=True)
        self._index_thread.start()

    @property
    def catalog_pending(self) -> bool:
        """The document list shows the catalogue index as it was: documents.json is being
        read again (or its reading was stopped)."""
        return bool(self.project.catalog_pending)

    def search_ready(self) -> bool:
        """Whether a project-wide search can run now without making the window wait for
        the index: waits WAIT_FOR_INDEX at most, and starts the index again if it was
        stopped; never while the catalogue is read again (catalog_pending)."""
        if self.project.search_ready():
            return True
        self.prepare_index()
        if self.catalog_pending:
            return False
        deadline = time.monotonic() + self.WAIT_FOR_INDEX
        while self._index_thread is not None and not self._index_rebuilding and time.monotonic() < deadline:
            self._index_thread.join(0.02)
            if not self._index_thread.is_alive():
                break
        return self.project.search_ready()

    def _prepare_search(self) -> None:
        from ..io.textindex import IndexCancelled

        def progress(done: int, total: int) -> None:
            if self._index_stop.is_set():
                raise IndexCancelled
            self._index_rebuilding = done < total
            self._tell_progress(done, total)

        try:
            self.project.prepare_search(progress)
        except IndexCancelled:  # what was indexed is kept; the next search goes on from there
            pass
        except (ProjectError, OSError) as exc:  # a bad document: the first search says which
            self.search_index_error = str(exc)
        except Exception:  # a bug: never swallowed silently
            logging.getLogger(__name__).exception("building the search index failed")
        finally:
            self._index_rebuilding = False
            self._tell_progress(0, 0)

    def _rebuild_catalog(self) -> None:
        """The worker: documents.json read again into the catalogue index on a connection
        of its own (io.project.rebuild_catalog_index), the old rows shown meanwhile."""
        from ..io.textindex import IndexCancelled

        def progress(done: int, total: int) -> None:
            if self._index_stop.is_set():
                raise IndexCancelled
            self._emit(self.catalogProgress, done, total)

        result: object
        try:
            result = self.project.rebuild_catalog_index(progress)
        except IndexCancelled as exc:  # rolled back: the index is as it was
            result = exc
        except (ProjectError, OSError, sqlite3.Error) as exc:  # said in the window
            result = exc
        except Exception as exc:  # a bug: never swallowed silently
            logging.getLogger(__name__).exception("reading the document list failed")
            result = exc
        self._emit(self.catalogDone, result)

    def _catalog_done(self, result: object) -> None:
        """In the window's thread, after the worker: the new rows shown, then the search
        index compared with them; or what went wrong said, the old rows kept."""
        self.list.show_catalog_progress(0, 0)
        if self._index_thread is not None:
            self._index_thread.join()  # it ends right after telling (so that another can start)
        if self._closed:
            return
        if isinstance(result, BaseException):
            from ..io.textindex import IndexCancelled

            if isinstance(result, IndexCancelled):
                self.window.show_status(self.tr("Reading the document list stopped: it shows what it held before"))
            else:
                self.window.show_error(str(result))
            return
        if not self.project.adopt_catalog_index(result if isinstance(result, str) else None):
            self.prepare_index()  # documents.json changed again meanwhile: once more
            return
        self.list.model.refresh()
        if self.doc_id:
            self.list.select_document(self.doc_id)
        else:  # the old index was empty (deleted): the first unfinished document now
            first = self.first_document()
            if first is not None:
                self.open_document(first)
        self.window.refresh_state()
        self.prepare_index()  # now the search index, against the new catalogue

    def _emit(self, signal: Any, *args: object) -> None:
        try:
            signal.emit(*args)  # queued to the window's thread
        except RuntimeError:  # the window was closed meanwhile: nobody to tell
            self._index_stop.set()

    def _tell_progress(self, done: int, total: int) -> None:
        try:
            self.indexProgress.emit(done, total)  # queued to the window's thread
        except RuntimeError:  # the window was closed meanwhile: nobody to tell
            self._index_stop.set()

    # ---- documents ---------------------------------------------------------------------

    def first_document(self) -> str | None:
        """Where the project opens: the document this annotator last had open in it, if it
        is still there, else the first one not done."""
        last = last_document(self.project.path, self.annotator)
        try:
            # (a file removed outside the program is still in the catalogue: its file is looked at)
            if last and self.project.document_path(last).is_file():
                return last
        except ProjectError:  # no longer a document of the project
            pass
        return self.list.model.first_unfinished()

    def open_document(self, doc_id: str) -> bool:
        """Show a document with this annotator's annotations (restored from disk)."""
        if doc_id == self.doc_id and self.window.store is not None:
            return True
        try:
            try:
                store, message = self._open_with_history(doc_id)
            except ForeignFileError as exc:  # another document's file: the coder decides
                store, message = self.window.decide_foreign(
                    exc, lambda foreign: self._open_with_history(doc_id, foreign)
                )
        except (ProjectError, jsonformat.AnnotationFileError, OSError) as exc:
            self.window.show_error(str(exc))
            if isinstance(exc, jsonformat.AnnotationFileError):  # "can't read" in the list, not "new"
                self.list.model.mark_unreadable(doc_id, exc.first_line().removeprefix(f"{exc.file}: "))
            self._select_shown()
            return False
        document = store.aset.document
        left_id, left = self.doc_id, self.window.store
        if not self.window.show_store(store, store.path, title=document.title or doc_id):
            self.keep_history(doc_id, store)  # not opened after all: its history stays kept
            self._select_shown()
            return False
        if left is not None and left_id and left is not store:
            self.keep_history(left_id, left)  # closed (saved) by show_store
        self.doc_id = doc_id
        remember_document(self.project.path, self.annotator, doc_id)  # (QSettings never raises)
        store.aset.subscribe(self._on_change)
        # a journal replayed on opening (edits a crash kept from the file) changes the
        # counts the list read from the files: it shows what the page shows
        self._show_progress(store.aset, only_if_changed=True)
        self.list.select_document(doc_id)
        self.window.tell_recovery(message)
        self.window.refresh_state()
        return True

    def _select_shown(self) -> None:
        """A document that failed to open leaves the list's selection on the document the
        window still shows (the failed one stayed highlighted while the article, the
        spans and Ctrl+Return were the previous one's)."""
        if self.doc_id and self.window.store is not None:
            self.list.select_document(self.doc_id)
        else:
            self.list.current_id = ""
            self.list.table.selectionModel().clearSelection()

    def open_store(self, doc_id: str, foreign: str = "") -> tuple[AnnotationStore, str]:
        """This annotator's annotations on a document, journal replayed; and what opening said.

        Raises ProjectError, jsonformat.AnnotationFileError or OSError (ForeignFileError: the
        file is another document's, unless `foreign="reanchor"`)."""
        document = self.project.load_document(doc_id)
        path = self.project.annotation_path(doc_id, self.annotator)
        # the annotator's folder is made by the first edit (a read-only project opens)
        # nothing of this annotator's yet: empty, or what the import brought
        store, message = AnnotationStore.open_or_start(
            path,
            self.project.schema,
            document,
            lambda: self.project.load_annotations(doc_id, self.annotator, document),
            embed_text=False,
            foreign=foreign,
            same_id=True,  # named by document id: another id is another document's file
        )
        if not store.aset.annotator:
            store.aset.annotator = self.annotator  # a file that named nobody: its folder's coder
        return store, message

    def _open_with_history(self, doc_id: str, foreign: str = "") -> tuple[AnnotationStore, str]:
        """open_store, with the undo history this session kept for the document given back
        when the file is still exactly what that history ends in."""
        store, message = self.open_store(doc_id, foreign)
        history = self.histories.take(doc_id, self._ends_in(store))
        if history is not None:
            store.aset.restore_history(history)
        return store, message

    def keep_history(self, doc_id: str, store: AnnotationStore) -> None:
        """Set aside the undo history of a document being closed (after its save)."""
        self.histories.keep(doc_id, store.aset.undo_stack.history(), self._ends_in(store))

    @staticmethod
    def _ends_in(store: AnnotationStore) -> object:
        """What a history must find on reopening: the saved file (None when memory is ahead
        of it: nothing to keep), on the same text, with the same labels. Not kept either
        when an unplaced span was placed: undoing that needs the store that placed it."""
        saved = store.saved_sha
        aset = store.aset
        if saved is None or store.placed_any:
            return None
        return (saved, aset.document.sha256, aset.schema)

    def plan_tag_all(self, hits: list[SearchHit], label_id: str) -> TagAllPlan:
        """What tagging these hits with the label would do, counted before asking (io.tagall);
        the open document from its memory, which may be ahead of its file."""
        aset = self.window.annotations
        open_spans = {}
        open_done = {}
        if self.doc_id and aset is not None and aset.document.id == self.doc_id:
            open_spans[self.doc_id] = [(s.label, s.start, s.end) for s in aset.spans()]
            open_done[self.doc_id] = aset.status == Status.DONE
        return plan_tag_all(self.project, self.annotator, label_id, hits, open_spans, open_done)

    def tag_everywhere(
        self,
        query: str,
        label_id: str,
        whole_words: bool = True,
        skip_coded: bool = True,
        ranges: dict[str, list[tuple[int, int]]] | None = None,
        skip_done: bool = True,
        plan: TagAllPlan | None = None,
    ) -> TagAllResult:
        """Tag every hit of a project-wide search: spans added, documents changed, hits left
        as they are because another label already covers exactly them (``skip_coded``), and
        those left because their document is marked done (``skip_done``).
        ``ranges``: the hits by document as plan_tag_all found them (else searched again);
        ``plan``: its count, whose documents marked done are left unopened (the others are
        left too if they open marked done: a crashed window's journal may say so).

        Each document's additions are one undoable edit in that document's history (the
        open one's right away, the others' when they are opened this session: see
        keep_history); every document is saved as it is done, so a cancel keeps what was
        done and loses nothing.
        """
        by_document: dict[str, list[tuple[int, int]]] = {}
        if ranges is not None:
            by_document = ranges
        else:
            for hit in self.project.search(query, whole_words=whole_words):
                by_document.setdefault(hit.document_id, []).append((hit.start, hit.end))
        dialog = self._progress(self.tr("Tagging…"), len(by_document), "tagProgress")
        added = changed = left = left_done = left_done_documents = 0
        problems: list[str] = []
        name = f"Tag results of {query!r}"
        for done, (doc_id, hits) in enumerate(by_document.items()):
            if dialog.wasCanceled():
                break
            dialog.setValue(done)
            QApplication.processEvents()
            if skip_done and plan is not None and doc_id in plan.done:
                fresh, other = plan.counts.get(doc_id, (0, 0))
                here = fresh + (0 if skip_coded else other)
                left_done += here
                left_done_documents += bool(here)
                continue
            if doc_id == self.doc_id and self.window.annotations is not None:
                aset, store = self.window.annotations, None
            else:
                try:
                    store, _message = self._open_with_history(doc_id)
                except (ProjectError, jsonformat.AnnotationFileError, OSError) as exc:
                    problems.append(str(exc))
                    continue
                aset = store.aset
            ranges = [(s, e) for s, e in (trim(aset.text, a, b) for a, b in hits) if e > s]
            if skip_done and aset.status == Status.DONE:
                same, other = aset.coded_counts(label_id, ranges)
                here = len(ranges) - same - (other if skip_coded else 0)
                left_done += here
                left_done_documents += bool(here)
                new = []
            else:
                if skip_coded:
                    left += aset.coded_counts(label_id, ranges)[1]
                # the coder ticked "documents marked done" (or it is not done): the open
                # one's read-only lock gives way to that answer, as the files on disk do
                with aset.unlocked():
                    new = aset.add_spans(name, [(label_id, s, e) for s, e in ranges], skip_coded=skip_coded)
            if store is not None:
                try:
                    store.close()
                except OSError as exc:
                    problems.append(str(exc))  # the journal holds the edit; the next open replays it
                    store.detach()
                # the Tag all step is undone in that document when it is opened (not kept
                # when the save failed: the journal holds it, and a history must end on disk)
                self.keep_history(doc_id, store)
            if new:
                added += len(new)
                changed += 1
                if store is not None:
                    self.list.model.update_summary(self.project.summary(doc_id, self.annotator))
        dialog.reset()
        if problems:
            self.window.show_error("\n".join(problems[:20]))
        return TagAllResult(added, changed, left, left_done, left_done_documents)

    def _on_change(self, change: Change) -> None:
        aset = self.window.annotations
        if aset is None or aset.document.id != self.doc_id:
            return
        self._show_progress(aset)

    def _show_progress(self, aset: AnnotationSet, only_if_changed: bool = False) -> None:
        """The open document's row in the list says its status and spans as they are in memory."""
        old = self.list.model.summary_at(self.list.model.row_of(self.doc_id))
        if only_if_changed and old is not None and (old.status, old.span_count) == (aset.status, aset.span_count()):
            return
        self.list.model.update_summary(
            DocumentSummary(
                self.doc_id, old.title if old else "", aset.status, aset.span_count(), old.date if old else ""
            )
        )

    def step(self, direction: int, unfinished: bool = False) -> None:
        """Next (1) or previous (-1) document, or the next one not done."""
        if not self.doc_id:
            return
        self.window.checkpoint()  # the index reads the saved status
        target = self.project.neighbour(self.doc_id, direction, self.annotator, unfinished=unfinished)
        if target is None:
            self.window.show_status(
                self.tr("No more documents that way") if not unfinished else self.tr("Every document is done")
            )
            return
        self.open_document(target)

    def toggle_done(self) -> None:
        aset = self.window.annotations
        if aset is None:
            return
        aset.set_status(Status.IN_PROGRESS if aset.status == Status.DONE else Status.DONE)
        self.window.checkpoint()

    def follow_catalogue(self) -> bool:
        """documents.json changed on disk since it was read here (`annotator import` from the
        command line while the window is open, a synced folder bringing a colleague's
        import): the list, its counts and the next/previous keys follow it (they showed and
        reached only the documents there were when the project opened). Two stats when
        nothing changed; True if the list was read again."""
        if self._closed or self.project.catalog_pending:
            return False
        if self._index_thread is not None and self._index_thread.is_alive():
            return False  # the worker reads the catalogue now: the next look
        try:
            if not self.project.reload():
                return False
        except (ProjectError, OSError):
            return False  # half-written by a sync client: the next look, once it is whole
        self.list.model.refresh()
        if self.doc_id:
            self.list.select_document(self.doc_id)
        self.window.refresh_state()
        self.prepare_index()  # the search index follows the new catalogue
        return True

    def progress_text(self) -> str:
        done, total = self.list.model.done_count(), self.list.model.total()
        text = self.tr("%1 of %2 document done") if total == 1 else self.tr("%1 of %2 documents done")
        return text.replace("%1", number(done)).replace("%2", number(total))

    # ---- importing, statistics -----------------------------------------------------------

    def import_files(self, sources: list[str] | None = None, fmt: str = "auto") -> None:
        """Import articles (or annotated documents in an exchange format) with a progress
        dialog whose Cancel leaves the project as it was."""
        if sources is None:
            sources, _ = QFileDialog.getOpenFileNames(
                self.parent_widget,
                self.tr("Import articles"),
                str(Path.home()),
                self.tr(
                    "Articles and annotations (*.txt *.json *.jsonl *.ndjson *.csv *.html *.htm *.ann *.tsv *.conll"
                    " *.bio *.iob *.iob2);;"
                    "All files (*)"
                ),
            )
            if not sources:
                return
            fmt = self.choose_import_format()
        if not sources or not fmt:
            return
        dialog = self._progress(self.tr("Importing…"), 1000, "importProgress")

        def progress(p: ImportProgress) -> None:
            dialog.setValue(int(p.fraction * 1000))
            dialog.setLabelText(self.tr("Importing %1").replace("%1", Path(p.current).name))
            QApplication.processEvents()

        try:
            report = self.project.import_sources(sources, fmt=fmt, progress=progress, cancel=dialog.wasCanceled)
        except (ProjectError, OSError) as exc:  # the project's disk (read-only, full): nothing imported
            dialog.reset()
            self.window.show_error(str(exc))
            return
        dialog.reset()
        self.list.model.refresh()
        self.window.refresh_state()  # the status line's "N of M documents done"
        cancelled = [self.tr("Import cancelled: the project is as it was.")]
        lines = cancelled if report.cancelled else self.import_lines(report)
        from .io_messages import import_problems

        self.window.show_info("\n".join(lines + import_problems(report)))  # io's English, said again
        if not self.doc_id and report.added:
            self.open_document(report.added[0])

    def import_lines(self, report: ImportReport) -> list[str]:
        """What an import did, in the interface's language: counts, then the format `auto`
        detected in each file (so a user sees their labels were read as labels)."""
        lines = [
            counted(len(report.added), self.tr("%1 document added"), self.tr("%1 documents added")),
            counted(len(report.skipped_duplicates), self.tr("%1 duplicate skipped"), self.tr("%1 duplicates skipped")),
            counted(len(report.problems), self.tr("%1 problem"), self.tr("%1 problems")),
        ]
        if report.spans:  # a coder sees their labels came in, and how many of each
            labels = report.spans_ranked()
            lines.append(
                counted(sum(report.spans.values()), self.tr("%1 span imported"), self.tr("%1 spans imported"))
                + ": "
                + self.tr(", ").join(f"{label} {number(n)}" for label, n in labels[:12])
                + ("…" if len(labels) > 12 else "")
            )
        for path, name, _why in report.detected[:20]:
            lines.append(self.tr("%1: format detected: %2").replace("%1", Path(path).name).replace("%2", name))
        return lines

    def export(self, fmt_name: str | None = None, out: str | None = None) -> bool:
        """Write the annotations of this annotator in a chosen format, with a progress bar."""
        from ..io import formats
        from ..io.exporting import conll_layers, iter_project_documents

        if fmt_name is None:
            names = formats.names(writable=True)
            # each with what it is ("csv" alone says little); the name before the colon
            items = [f"{name}: {formats.get(name).description}" for name in names]
            chosen, ok = QInputDialog.getItem(self.parent_widget, self.tr("Export"), self.tr("Format"), items, 0, False)
            if not ok:
                return False
            fmt_name = names[items.index(chosen)]
        if out is None:
            chosen_format = formats.get(fmt_name)
            suggested = self.project.path.parent / f"{self.project.name}-{fmt_name}"
            file_filter = ""
            if not getattr(chosen_format, "writes_folder", False):  # a file: its extension and filter
                suggested = suggested.with_name(suggested.name + chosen_format.extensions[0])
                patterns = " ".join(f"*{ext}" for ext in chosen_format.extensions)
                file_filter = f"{fmt_name} ({patterns})"
            out, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export to"), str(suggested), file_filter)
            if not out:
                return False
        self.window.checkpoint()
        try:
            fmt = formats.get(fmt_name)
            source = iter_project_documents(self.project.path, self.annotator, original_offsets=False)
        except (ValueError, formats.FormatError) as exc:
            self.window.show_error(str(exc))
            return False
        options: dict[str, object] = {}
        if fmt.name == "conll":  # as `annotator export` does by default
            layers = conll_layers("entities", source.schema)
            options["default_layers"] = layers if layers is not None else "all"
        dialog = self._progress(self.tr("Exporting…"), source.count, "exportProgress")

        def progress(done: int) -> None:
            dialog.setValue(done)
            QApplication.processEvents()

        try:
            report = fmt.write(source.documents, Path(out), options, progress)
        except (OSError, formats.FormatError, ValueError) as exc:
            from .io_messages import IoMessages

            dialog.reset()
            self.window.show_error(IoMessages().export_failure(out, exc))
            return False
        dialog.reset()
        from .io_messages import IoMessages

        lines = IoMessages().export_lines(report)  # report.summary(), in the interface's language
        if source.left_out:
            lines.append(self.left_out_text(source.left_out))
        self.window.show_info("\n".join(lines))
        return True

    def choose_import_format(self) -> str:
        """auto (detected from each file), a plain-article format, or an exchange format; ""
        to cancel. Each is listed with what it is, as File > Export lists them."""
        from ..io import formats
        from ..io.importers import FORMATS as ARTICLE_FORMATS

        described = {
            "auto": self.tr("detected from each file: articles, or annotations with their labels"),
            "txt": self.tr("plain text, one article a file"),
            "json": self.tr("JSON articles (or annotator's own annotation files)"),
            "jsonl": self.tr("JSON Lines articles, one a line (or annotator's own export)"),
            "csv": self.tr("CSV or TSV articles, one a row"),
            "html": self.tr("HTML pages, their visible text"),
        }
        names = ["auto", *ARTICLE_FORMATS, *(n for n in formats.names(readable=True) if n not in ARTICLE_FORMATS)]
        items = [f"{n}: {described[n] if n in described else formats.get(n).description}" for n in names]
        chosen, ok = QInputDialog.getItem(
            self.parent_widget, self.tr("Import articles"), self.tr("Format"), items, 0, False
        )
        name = chosen.split(": ", 1)[0]  # the id before the description
        return name if ok and name in names else ""

    def _progress(self, label: str, steps: int, name: str) -> QProgressDialog:
        """A progress dialog with Cancel, shown only when the work lasts over 0.3 s."""
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, max(steps, 1), self.parent_widget)
        dialog.setObjectName(name)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        return dialog

    def statistics_text(self) -> str:
        stats = self.project.stats()
        status = stats["status"]
        lines = [
            f"{stats['project']}: " + counted(stats["documents"], self.tr("%1 document"), self.tr("%1 documents")),
            self.tr("new %1 · in progress %2 · done %3")
            .replace("%1", str(status["new"]))
            .replace("%2", str(status["in_progress"]))
            .replace("%3", str(status["done"])),
            self.tr("spans per label:"),
            *[f"  {label}: {count}" for label, count in stats["labels"].items()],
            self.tr("per annotator:"),
            *[f"  {name}: {info['spans']} / {info['status']['done']}" for name, info in stats["annotators"].items()],
        ]
        if stats["left_out"]:
            lines.append(self.left_out_text(stats["left_out"]))
        return "\n".join(lines)

    def left_out_text(self, left_out: list[str]) -> str:
        """What the figures do not count: the files that cannot be read, one line each."""
        heading = counted(
            len(left_out),
            self.tr("%1 annotation file cannot be read and is left out of these figures:"),
            self.tr("%1 annotation files cannot be read and are left out of these figures:"),
        )
        return "\n".join([heading, *map(isolated, left_out)])  # a path, left to right in Persian

    def statistics_rows(self, stats: dict[str, Any] | None = None) -> list[tuple[str, str]]:
        """The project's figures as (what, how many) rows, headings with an empty count."""
        stats = stats if stats is not None else self.project.stats()
        status = stats["status"]
        rtl_list = self.list.layoutDirection() == Qt.LayoutDirection.RightToLeft
        rows = [
            (self.tr("Documents"), number(stats["documents"])),
            (self.tr("new"), number(status["new"])),
            (self.tr("in progress"), number(status["in_progress"])),
            (self.tr("done"), number(status["done"])),
            # several annotators' sets (the curated one too) are added up there: said so, as
            # `annotator stats` says it (three coders' 3 claims and a curator's read as 12)
            (
                self.tr("Spans per label, all annotators' sets added up")
                if len(stats["annotators"]) > 1
                else self.tr("Spans per label"),
                "",
            ),
            *[(self.schema_name(label), number(count)) for label, count in stats["labels"].items()],
            (self.tr("Per annotator: spans, documents done"), ""),
            *[
                # in the interface's order: in Persian "۱۰ · ۲" stood as "۲ · ۱۰", the documents
                # done where the spans belong
                (name, figures if not rtl_list else in_reading_order(figures, True))
                for name, info in stats["annotators"].items()
                for figures in [f"{number(info['spans'])} · {number(info['status']['done'])}"]
            ],
        ]
        return rows

    def schema_name(self, label_id: str) -> str:
        language = "fa" if self.list.layoutDirection() == Qt.LayoutDirection.RightToLeft else "en"
        return self.project.schema.label_name(label_id, language)

    def show_statistics(self) -> QDialog:
        """The figures as a table (in the interface's direction), not a dump of text."""
        dialog = QDialog(self.parent_widget)
        dialog.setObjectName("statisticsDialog")
        dialog.setWindowTitle(self.tr("Project statistics") + f" · {self.project.name}")
        stats = self.project.stats()
        rows = self.statistics_rows(stats)
        table = QTableWidget(len(rows), 2, dialog)
        table.setObjectName("statisticsTable")
        table.setHorizontalHeaderLabels([self.tr("What"), self.tr("How many")])
        bold = table.font()
        bold.setBold(True)
        for row, (what, count) in enumerate(rows):
            heading = QTableWidgetItem(what)
            if not count:
                heading.setFont(bold)
            table.setItem(row, 0, heading)
            value = QTableWidgetItem(count)
            value.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, 1, value)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the figures' column as wide as its widest text and its header, with room on both
        # sides: sized to its contents it was the header's width, and a coder's "۳۴۰ · ۰"
        # touched (and, with another font, lost) the table's edge in the Persian dialog
        metrics = table.fontMetrics()
        header_text = table.horizontalHeaderItem(1).text()
        widest = max(
            [metrics.horizontalAdvance(count) for _what, count in rows]
            + [table.horizontalHeader().fontMetrics().horizontalAdvance(header_text)]
        )
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(1, widest + 2 * metrics.averageCharWidth() + 12)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        if stats["left_out"]:  # a damaged file: the counts above are without it, and say so
            left_out = QLabel(self.left_out_text(stats["left_out"]), dialog)
            left_out.setObjectName("statisticsLeftOut")
            left_out.setWordWrap(True)
            left_out.setTextFormat(Qt.TextFormat.PlainText)
            left_out.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(left_out)
        layout.addWidget(buttons)
        dialog.resize(480, 460)  # the longest heading (Persian) on one line beside the figures
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def retranslate(self) -> None:
        self.dock.setWindowTitle(self.tr("Documents"))
        self.list.retranslate()

    LOCK_REFRESH_MS = 5 * 60 * 1000  # well inside the lock's one-hour staleness

    def hold(self, lock: ProjectLock | None) -> None:
        """Keep the project's lock fresh while the project is open here."""
        self.lock = lock
        if lock is None:
            return
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(self.LOCK_REFRESH_MS)
        self._lock_timer.timeout.connect(self.refresh_lock)
        self._lock_timer.start()

    def refresh_lock(self) -> None:
        if self.lock is None:
            return
        try:
            self.lock.refresh()
        except LockedError as exc:
            # another window took the project over: write nothing more from here (every
            # edit so far is on disk), and let go of the document
            self.lock = None
            self.window.drop_document()
            self.window.show_error(
                self.tr("%1\nThis window stopped editing the project; your edits until now are saved.").replace(
                    "%1", str(exc)
                )
            )
        except OSError:
            pass  # the lock stays as it was; the next refresh tries again

    def close(self) -> None:
        self._closed = True
        self._index_stop.set()  # a rebuild stops at its next step; what it did is kept
        if self.lock is not None:
            self.lock.release()
        self.window.remove_panel(self.dock)
        self.dock.deleteLater()
