"""Search: in the article or across the project, Persian-aware; results with context;
"tag all" tags every hit with a label, after saying how many spans in how many documents
and asking (in the open article as one undoable step). "Whole words" (on by default) keeps
"تهران" from matching inside "تهرانی" (annotator.persian.match)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..model import AnnotationSet, Status
from ..persian.match import context, find_all
from ..persian.segment import trim
from .theme import counted, number

if TYPE_CHECKING:
    from .article_view import ArticleView
    from .project_session import ProjectSession


class SearchHost(Protocol):
    """What search needs of the window: the open article, the project, where to show a hit."""

    session: ProjectSession | None
    view: ArticleView

    @property
    def annotations(self) -> AnnotationSet | None: ...

    @property
    def language(self) -> str: ...

    def show_status(self, text: str) -> None: ...

    def refuse_if_done(self) -> bool: ...


@dataclass(frozen=True)
class Hit:
    document_id: str  # "" for the open article outside a project
    start: int
    end: int
    before: str
    match: str
    after: str
    title: str = ""


class SearchPanel(QWidget):
    searchRequested = Signal(str, bool)  # query, across the whole project
    hitActivated = Signal(object)  # a Hit
    tagAllRequested = Signal(str)  # label id
    closeRequested = Signal()  # Escape

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.query = QLineEdit(self)
        self.query.setObjectName("searchEdit")
        self.query.setClearButtonEnabled(True)
        self.scope = QComboBox(self)
        self.scope.setObjectName("searchScope")
        self.whole_words = QCheckBox(self)
        self.whole_words.setObjectName("wholeWords")
        self.whole_words.setChecked(True)  # what Tag all tags: never inside a longer word
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.count = QLabel(self)
        self.label_box = QComboBox(self)
        self.label_box.setObjectName("tagAllLabel")
        self.tag_all = QPushButton(self)
        self.tag_all.setObjectName("tagAllButton")
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.whole_words)
        top.addWidget(self.scope)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.tag_all)  # reads "Tag all results as [label]" in either direction
        bottom.addWidget(self.label_box)
        # Tab goes round in reading order, the button and its label last (they were made
        # label first): query, whole words, scope, results, Tag all, the label
        for a, b in (
            (self.query, self.whole_words),
            (self.whole_words, self.scope),
            (self.scope, self.results),
            (self.results, self.tag_all),
            (self.tag_all, self.label_box),
        ):
            QWidget.setTabOrder(a, b)
        self.tag_all.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # some styles leave buttons out of Tab
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        layout.addLayout(bottom)
        self.query.returnPressed.connect(self._search)
        self.scope.currentIndexChanged.connect(lambda _i: self._search() if self.query.text().strip() else None)
        self.whole_words.toggled.connect(lambda _on: self._search() if self.query.text().strip() else None)
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        self.tag_all.clicked.connect(
            lambda: self.tagAllRequested.emit(self.label_box.currentData()) if self.label_box.count() else None
        )
        self.hits: list[Hit] = []

    def set_project_mode(self, on: bool) -> None:
        self.scope.setEnabled(on)
        if not on:
            self.scope.setCurrentIndex(0)

    def set_labels(self, items: list[tuple[str, str]]) -> None:
        self.label_box.clear()
        for label_id, name in items:
            self.label_box.addItem(name, label_id)

    def _search(self) -> None:
        self.searchRequested.emit(self.query.text(), self.scope.currentIndex() == 1)

    def show_hits(self, hits: list[Hit], limited: bool = False) -> None:
        self.hits = hits
        self.results.clear()
        for hit in hits:
            title = f"{hit.title}: " if hit.title else ""
            item = QListWidgetItem(f"\u2067{title}…{hit.before}[{hit.match}]{hit.after}…\u2069")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
            self.results.addItem(item)
        more = "+" if limited else ""
        self.count.setText(self.tr("Results: %1").replace("%1", f"{number(len(hits))}{more}"))
        self.tag_all.setEnabled(bool(hits))

    def _activated(self, item: QListWidgetItem) -> None:
        self.hitActivated.emit(item.data(Qt.ItemDataRole.UserRole))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.closeRequested.emit()
            return
        super().keyPressEvent(event)

    def focus(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def retranslate(self) -> None:
        # each Arabic-script letter isolated, so that "ي=ی, ك=ک" keeps its order in a left-to-right line
        self.query.setPlaceholderText(
            self.tr("Search (%1, %2, digits, ZWNJ and diacritics ignored)")
            .replace("%1", "\u2068ي\u2069=\u2068ی\u2069")
            .replace("%2", "\u2068ك\u2069=\u2068ک\u2069")
        )
        current = max(self.scope.currentIndex(), 0)
        self.scope.clear()
        self.scope.addItems([self.tr("This article"), self.tr("Whole project")])
        self.scope.setCurrentIndex(current)
        self.tag_all.setText(self.tr("Tag all results as"))
        self.tag_all.setToolTip(
            self.tr("Tag every result with the label chosen beside it (%1)").replace("%1", "Ctrl+T")
        )
        self.whole_words.setText(self.tr("Whole words"))
        self.whole_words.setToolTip(self.tr("Match only whole words: تهران, not تهرانی or تهران‌ها"))
        self.count.setText("")


class SearchController(QObject):
    """Runs the panel's searches against the open article or the project, opens hits and
    tags them; the window owns one."""

    LIMIT = 2000  # hits listed at most; the count says when there were more

    def __init__(self, host: SearchHost, parent: QWidget, dock: QDockWidget | None = None) -> None:
        """dock: made already by the window for its first frame (MainWindow(deferred=True))."""
        super().__init__(parent)
        self.window = host
        self.panel = SearchPanel(parent)
        if dock is None:
            dock = QDockWidget(parent)
            dock.setObjectName("searchDock")
        self.dock = dock
        self.dock.setWidget(self.panel)
        self.panel.searchRequested.connect(self.run)
        self.panel.hitActivated.connect(self.go_to)
        self.panel.tagAllRequested.connect(self.tag_all)
        self.panel.closeRequested.connect(self.close)
        # what the listed hits were found in (_scope()): a hit is only opened or tagged there
        self._searched_in: tuple[str, str] | None = None

    def _scope(self) -> tuple[str, str] | None:
        """The project open (its folder), or the article open (its text's hash): hits found
        in one mean nothing in another (their ids and offsets are of that text)."""
        session = self.window.session
        if session is not None:
            return ("project", str(session.project.path))
        aset = self.window.annotations
        return ("article", aset.document.sha256) if aset is not None else None

    def forget(self) -> None:
        """Clear the results (another project or article was opened); the query stays, so
        that Return searches the new one."""
        self._searched_in = None
        self.panel.show_hits([])
        self.panel.count.setText("")

    def follow(self) -> None:
        """Clear the results if they were found in another project or article than the one
        now open."""
        if self._searched_in is not None and self._searched_in != self._scope():
            self.forget()

    def _stale(self) -> bool:
        """True (and the results cleared) when the listed hits were found elsewhere."""
        if self._searched_in is None or self._searched_in == self._scope():
            return False
        self.forget()
        self.window.show_status(self.tr("Those results were of another project or article: search again"))
        return True

    def close(self) -> None:
        """Hide the panel (Escape) and give the keyboard back to the article."""
        self.dock.hide()
        self.window.view.setFocus()

    def show(self, project_wide: bool) -> None:
        session = self.window.session
        self.dock.show()
        self.dock.raise_()
        self.panel.set_project_mode(session is not None)
        if project_wide and session is not None:
            self.panel.scope.setCurrentIndex(1)
        elif not project_wide:
            self.panel.scope.setCurrentIndex(0)
        self.panel.focus()

    def run(self, query: str, project_wide: bool) -> None:
        aset = self.window.annotations
        session = self.window.session
        hits: list[Hit] = []
        whole = self.panel.whole_words.isChecked()
        if project_wide and session is not None:
            if query.strip() and not session.search_ready():
                self.window.show_status(
                    self.tr(
                        "The document list is being read again (documents.json changed outside annotator; "
                        "its progress is under the list): search again when it is done"
                    )
                    if session.catalog_pending
                    else self.tr(
                        "The search index is being made (its progress is under the document list): "
                        "search again when it is done"
                    )
                )
                return
            found = session.project.search(query, limit=self.LIMIT + 1, whole_words=whole)
            titles = {d: session.list.model.title_of(d) for d in {h.document_id for h in found}}
            hits = [
                Hit(h.document_id, h.start, h.end, h.before, h.match, h.after, titles.get(h.document_id, ""))
                for h in found
            ]
        elif aset is not None and query.strip():
            doc_id = aset.document.id if session else ""
            for start, end in find_all(aset.text, query, whole_words=whole):
                before, found, after = context(aset.text, start, end, 40)
                hits.append(Hit(doc_id, start, end, before, found, after))
        labels = aset.schema.labels if aset else ()
        self.panel.set_labels([(label.id, label.name(self.window.language)) for label in labels])
        self.panel.show_hits(hits[: self.LIMIT], limited=len(hits) > self.LIMIT)
        self._searched_in = self._scope()

    def go_to(self, hit: Hit) -> None:
        if hit not in self.panel.hits or self._stale():
            return  # only a hit listed, found in what is open now
        session = self.window.session
        if (
            session is not None
            and hit.document_id
            and hit.document_id != session.doc_id
            and not session.open_document(hit.document_id)
        ):
            return
        view = self.window.view
        view.select_range(hit.start, hit.end)
        view.centerCursor()
        view.setFocus()

    def tag_all(self, label_id: str) -> None:
        """Every hit of the current query tagged: in the open article as one undoable edit,
        or, when the search was project-wide, in every document (one edit in each)."""
        if self._stale():
            return
        session = self.window.session
        query, whole = self.panel.query.text(), self.panel.whole_words.isChecked()
        label = self.panel.label_box.currentText()
        if session is not None and self.panel.scope.currentIndex() == 1:
            if not session.search_ready():
                self.window.show_status(
                    self.tr("The document list is being read again: tag when it is done")
                    if session.catalog_pending
                    else self.tr("The search index is being made: tag when it is done")
                )
                return
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                # which hits are coded already is known before asking: from the files that
                # hold spans, and the open document's memory (io.tagall)
                plan = session.plan_tag_all(session.project.search(query, whole_words=whole), label_id)
            finally:
                QApplication.restoreOverrideCursor()
            if not plan.ranges:
                return
            if not plan.tagged(also_other=True, also_done=True)[0]:
                self.window.show_status(self.tr("Every result is already tagged “%1”").replace("%1", label))
                return
            choices = self.ask(label, plan.tagged, plan.same)
            if choices is None:
                return
            result = session.tag_everywhere(
                query,
                label_id,
                whole_words=whole,
                skip_coded=not choices[0],
                ranges=plan.ranges,
                skip_done=not choices[1],
                plan=plan,
            )
            message = (
                self.tr("Spans added: %1, in %2")
                .replace("%2", counted(result.changed, self.tr("%1 document"), self.tr("%1 documents")))
                .replace("%1", number(result.added))
            )
            if result.left_other:
                message += self.tr("; already tagged with another label, left as they are: %1").replace(
                    "%1", number(result.left_other)
                )
            if result.left_done:
                message += (
                    self.tr("; in documents marked done, left as they are: %1 (%2)")
                    .replace("%1", number(result.left_done))
                    .replace("%2", counted(result.left_done_documents, self.tr("%1 document"), self.tr("%1 documents")))
                )
            self.window.show_status(message)
            return
        aset = self.window.annotations
        if aset is None or self.window.refuse_if_done():
            return
        trimmed = (trim(aset.text, s, e) for s, e in find_all(aset.text, query, whole_words=whole))
        ranges = [(s, e) for s, e in trimmed if e > s]
        if not ranges:
            return
        same, other = aset.coded_counts(label_id, ranges)
        fresh = len(ranges) - same - other
        if not fresh and not other:
            self.window.show_status(self.tr("Every result is already tagged “%1”").replace("%1", label))
            return
        done = aset.status == Status.DONE

        def tally(also_other: bool, also_done: bool) -> tuple[int, int]:
            if done and not also_done:
                return 0, 0
            results = fresh + (other if also_other else 0)
            return results, int(results > 0)

        choices = self.ask(label, tally, same, article=True)
        if choices is None:
            return
        wanted = [(label_id, s, e) for s, e in ranges]
        added = aset.add_spans(f"Tag {len(ranges)} results", wanted, skip_coded=not choices[0])
        self.window.show_status(self.tr("Spans added: %1").replace("%1", number(len(added))))

    def ask(
        self, label: str, tally: Callable[[bool, bool], tuple[int, int]], same: int, article: bool = False
    ) -> tuple[bool, bool] | None:
        """Ask before tagging (ui.tag_all_question): None for no, else which of its boxes
        were ticked (also those with another label, also the documents marked done)."""
        from .tag_all_question import TagAllQuestion

        question = TagAllQuestion(label, tally, same, article=article, parent=self.panel)
        if question.exec() != TagAllQuestion.DialogCode.Accepted:
            return None
        return question.choices()

    def retranslate(self) -> None:
        self.dock.setWindowTitle(self.tr("Search"))
        self.panel.retranslate()
