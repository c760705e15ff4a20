"""Tag all's question: how many results it will tag, in how many documents, what it leaves
as it is (already tagged with the label; with another label; in documents the coder marked
done) and a box for each of the last two, off by default. The question says what the boxes
as they are ticked would do; when that is nothing, it says so and Yes is disabled."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .theme import counted, number

# (also tag those with another label, also tag documents marked done) -> (results, documents)
Tally = Callable[[bool, bool], tuple[int, int]]


class TagAllQuestion(QDialog):
    def __init__(
        self,
        label: str,
        tally: Tally,
        same: int,
        article: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """label: the label's name; tally: what tagging would tag as the boxes are ticked;
        same: results with the label already; article: the open article, not the project."""
        super().__init__(parent)
        self.setObjectName("tagAllQuestion")
        self.setWindowTitle(self.tr("Tag all"))
        self.label, self.tally, self.same, self.article = label, tally, same, article
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion).pixmap(32, 32))
        self.headline = QLabel(self)
        self.headline.setObjectName("tagAllText")
        self.headline.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setObjectName("tagAllDetails")
        self.details.setWordWrap(True)
        self.also_other = QCheckBox(self)
        self.also_other.setObjectName("tagAlsoCoded")
        self.also_done = QCheckBox(self)
        self.also_done.setObjectName("tagAlsoDone")
        self.also_done.setVisible(self._done(True)[0] > 0)  # anything in them, as either box is ticked
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No, self)
        self.yes: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Yes)
        self.yes.setDefault(True)  # Enter answers yes: the question names what will happen
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        text = QVBoxLayout()
        text.addWidget(self.headline)
        text.addWidget(self.details)
        text.addWidget(self.also_other)
        text.addWidget(self.also_done)
        top = QHBoxLayout()
        top.addWidget(icon, 0)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.also_other.toggled.connect(self._update)
        self.also_done.toggled.connect(self._update)
        self._update()

    def choices(self) -> tuple[bool, bool]:
        """(also those with another label, also the documents marked done)."""
        return self.also_other.isChecked(), self.also_done.isChecked()

    def _other(self, also_done: bool) -> int:
        """Results with only another label (in the documents marked done too if `also_done`)."""
        return self.tally(True, also_done)[0] - self.tally(False, also_done)[0]

    def _done(self, also_other: bool) -> tuple[int, int]:
        """(results, documents) that tagging the documents marked done would add."""
        everywhere, elsewhere = self.tally(also_other, True), self.tally(also_other, False)
        return everywhere[0] - elsewhere[0], everywhere[1] - elsewhere[1]

    def _update(self) -> None:
        also_other, also_done = self.choices()
        results, documents = self.tally(also_other, also_done)
        # shown when it would add something where the other box stands
        self.also_other.setVisible(also_other or self._other(also_done) > 0)
        self.also_other.setText(
            self.tr("Also tag those already tagged with another label (%1)").replace(
                "%1", number(self._other(also_done))
            )
        )
        self.also_done.setText(
            self.tr("Tag it too, although it is marked done")
            if self.article
            else self.tr("Also tag in the documents marked done (%1)").replace("%1", number(self._done(also_other)[1]))
        )
        self.yes.setEnabled(results > 0)
        if not results:
            self.headline.setText(self.tr("Nothing will be tagged “%1” unless you tick a box below.")
                                  .replace("%1", self.label))  # fmt: skip
        elif self.article:
            self.headline.setText(
                self.tr("Tag %1 as “%2” in this article?")
                .replace("%1", counted(results, self.tr("%1 result"), self.tr("%1 results")))
                .replace("%2", self.label)
            )
        else:
            self.headline.setText(
                self.tr("Tag %1 as “%2” in %3?")
                .replace("%1", counted(results, self.tr("%1 result"), self.tr("%1 results")))
                .replace("%3", counted(documents, self.tr("%1 document"), self.tr("%1 documents")))
                .replace("%2", self.label)
            )
        self.details.setText("\n".join(self._details(also_other, also_done)))  # a line each

    def _details(self, also_other: bool, also_done: bool) -> list[str]:
        """One sentence for each kind of result left as it is, its count first (a number
        alone at the end wrapped onto a line of its own in Persian)."""
        lines = []
        if self.same:
            lines.append(
                counted(
                    self.same,
                    self.tr("%1 result already has the label “%2”: not tagged twice."),
                    self.tr("%1 results already have the label “%2”: not tagged twice."),
                ).replace("%2", self.label)
            )
        other = self._other(also_done)
        if other and not also_other:
            lines.append(
                counted(
                    other,
                    self.tr("%1 result has another label: left as it is unless you tick the box below."),
                    self.tr("%1 results have another label: left as they are unless you tick the box below."),
                )
            )
        done_results, done_documents = self._done(also_other)
        if done_results and not also_done:
            if self.article:
                lines.append(self.tr("This article is marked done: left as it is unless you tick the box below."))
            else:
                results = counted(done_results, self.tr("%1 result"), self.tr("%1 results"))
                lines.append(
                    counted(
                        done_documents,
                        self.tr("%1 document you marked done has %2: left as it is unless you tick the box below."),
                        self.tr(
                            "%1 documents you marked done have %2: left as they are unless you tick the box below."
                        ),
                    ).replace("%2", results)
                )
        return lines
