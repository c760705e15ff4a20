"""Who is coding: the name asked at the first start, kept in the settings, shown in the
title bar and written into every annotation file (docs/team.md)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .coder_name import login_name, name_problem

__all__ = ["NameDialog", "ask_name", "login_name", "name_problem"]


class NameDialog(QDialog):
    """Asks the coder's name; OK only for a usable one."""

    def __init__(self, parent: QWidget | None, current: str = "", first: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("annotatorNameDialog")
        self.setWindowTitle(self.tr("Your name"))
        layout = QVBoxLayout(self)
        intro = (
            self.tr("Who is coding? Your name is written into every annotation file you make, and your work is "
                    "kept in a folder of that name in each project.")
            if first
            else self.tr("Your name for the annotations you make from now on. Files already written keep "
                         "the name they have; another coder's files are never renamed.")
        )  # fmt: skip
        text = QLabel(intro, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.edit = QLineEdit(current, self)
        self.edit.setObjectName("annotatorNameEdit")
        self.edit.selectAll()
        layout.addWidget(self.edit)
        self.problem = QLabel(self)
        self.problem.setObjectName("annotatorNameProblem")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        problem = name_problem(self.edit.text())
        self.problem.setText(problem if self.edit.text().strip() else "")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)

    def accept(self) -> None:
        if not name_problem(self.edit.text()):
            super().accept()

    def name(self) -> str:
        return " ".join(self.edit.text().split())


def ask_name(parent: QWidget | None, current: str = "", first: bool = False) -> str | None:
    """The name typed, or None when the coder cancelled."""
    dialog = NameDialog(parent, current, first)
    try:
        return dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
