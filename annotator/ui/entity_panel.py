"""The entities panel: every entity of the registry with its mention count; new, rename,
merge, delete, with undo and redo of those registry edits (mentions are relinked in every
document as part of a merge)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..model import EntityError
from ..persian.match import fold
from .lazy_panel import LazyPanel
from .theme import counted

if TYPE_CHECKING:
    from .claims_context import ClaimsContext


class EntityPanel(LazyPanel):
    def __init__(self, controller: ClaimsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityPanel")
        self.controller = controller
        self.filter = QLineEdit(self)
        self.filter.setObjectName("entityFilter")
        self.filter.textChanged.connect(lambda _t: self.refresh(recount=False))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("entityList")
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.tree.setSortingEnabled(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.itemDoubleClicked.connect(lambda _i, _c: self.rename())
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, slot in (
            ("new", self.new),
            ("rename", self.rename),
            ("merge", self.merge),
            ("delete", self.delete),
            ("undo", self.undo),
            ("redo", self.redo),
        ):
            button = QPushButton(self)
            button.setObjectName(f"entity_{name}")
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self.counts: dict[str, int] = {}
        self._file_counts: dict[Path, tuple[tuple[int, int, int], dict[str, int]]] = {}  # see _counted_file
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(800)
        self._recount.timeout.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter entities (ي=ی, ك=ک)"))
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Other name"), self.tr("Type"), self.tr("Mentions")])
        for name, text in (
            ("new", self.tr("New…")),
            ("rename", self.tr("Rename…")),
            ("merge", self.tr("Merge")),
            ("delete", self.tr("Delete")),
            ("undo", self.tr("Undo")),
            ("redo", self.tr("Redo")),
        ):
            self.buttons[name].setText(text)
        self.refresh(recount=False)

    # ---- showing ---------------------------------------------------------------------

    def counts_changed(self) -> None:
        self._recount.start()

    def mention_counts(self) -> dict[str, int]:
        """Mentions of each entity in the open document and every other annotation file."""
        counts: dict[str, int] = {}
        aset = self.controller.aset
        if aset is not None:
            for span in aset.spans():
                if span.entity:
                    counts[span.entity] = counts.get(span.entity, 0) + 1
        kept: dict[Path, tuple[tuple[int, int, int], dict[str, int]]] = {}
        for path in self.controller.other_files():
            found = self._counted_file(path)
            if found is None:
                continue
            kept[path] = found
            for entity, n in found[1].items():
                counts[entity] = counts.get(entity, 0) + n
        self._file_counts = kept  # only the files there now: a deleted one is forgotten
        return counts

    def _counted_file(self, path: Path) -> tuple[tuple[int, int, int], dict[str, int]] | None:
        """A file's mentions per entity, read again only when it changed (saves replace
        the file, so a new inode; else its time or size): switching documents in a big
        project read every annotation file."""
        try:
            info = path.stat()
        except OSError:
            return None
        stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
        known = self._file_counts.get(path)
        if known is not None and known[0] == stamp:
            return known
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entities = [s.get("entity") for s in data.get("spans", []) if isinstance(s, dict)]
        except (OSError, ValueError, AttributeError):
            return None
        counts: dict[str, int] = {}
        for entity in entities:
            if isinstance(entity, str) and entity:
                counts[entity] = counts.get(entity, 0) + 1
        return stamp, counts

    def refresh(self, recount: bool = True) -> None:
        registry = self.controller.registry
        if recount:
            self._stale = False
            self.counts = self.mention_counts()
        language = self.controller.host.language
        other = "en" if language.startswith("fa") else "fa"
        key = fold(self.filter.text()).strip()
        selected = set(self.selected_ids())
        aset = self.controller.aset
        kinds = aset.schema.attribute("type", "actor") if aset is not None else None
        self.tree.clear()
        for entity in registry.entities():
            if key and not any(key in fold(s) for s in entity.spellings):
                continue
            item = QTreeWidgetItem(
                [
                    entity.name(language),
                    entity.name(other) if entity.name_fa and entity.name_en else "",
                    kinds.value_name(entity.type, language) if kinds is not None and entity.type else entity.type,
                    str(self.counts.get(entity.id, 0)),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, entity.id)
            item.setToolTip(0, "، ".join(entity.aliases))
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignCenter)
            self.tree.addTopLevelItem(item)
            item.setSelected(entity.id in selected)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        self.buttons["undo"].setEnabled(registry.can_undo())
        self.buttons["redo"].setEnabled(registry.can_redo())
        command = registry.peek_undo()
        self.buttons["undo"].setToolTip(command.name if command else "")

    def selected_ids(self) -> list[str]:
        return [str(item.data(0, Qt.ItemDataRole.UserRole)) for item in self.tree.selectedItems()]

    def select(self, *entity_ids: str) -> None:
        """Select these entities, the first current (making it current must not clear the
        others' selection: the ids are random, so it may come after them in the list)."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == entity_ids[0]:
                self.tree.setCurrentItem(item, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            item.setSelected(item.data(0, Qt.ItemDataRole.UserRole) in entity_ids)

    # ---- editing ---------------------------------------------------------------------

    def new(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New entity"), self.tr("Name (Persian):"))
        if ok and name.strip():
            self._try(lambda: self.controller.registry.add(name.strip()))

    def rename(self, name_fa: str | None = None, name_en: str | None = None) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        entity = self.controller.registry.get(ids[0])
        if entity is None:
            return
        if name_fa is None:
            text, ok = QInputDialog.getText(
                self, self.tr("Rename entity"), self.tr("Name (Persian):"), text=entity.name_fa
            )
            if not ok:
                return
            name_fa = text.strip()
        self._try(lambda: self.controller.registry.rename(entity.id, name_fa or entity.name_fa, name_en))

    def merge(self) -> None:
        """Merge the selected entities into the current one (the first selected)."""
        ids = self.selected_ids()
        current = self.tree.currentItem()
        keep = str(current.data(0, Qt.ItemDataRole.UserRole)) if current is not None else (ids[0] if ids else "")
        if len(ids) < 2 or keep not in ids:
            self.controller.host.show_status(self.tr("Select two or more entities; the current one is kept"))
            return
        self._try(lambda: self.controller.registry.merge(keep, [i for i in ids if i != keep]))

    def delete(self) -> None:
        """Delete the selected entities that nothing links to, their mentions counted again
        now in every coder's file (another coder may have linked one meanwhile); one with
        mentions stays, and the status bar says so (merge it, or unlink them, first)."""
        ids = self.selected_ids()
        if not ids:
            self.controller.host.show_status(self.tr("Select the entities to delete"))
            return
        self.controller.refresh_registry()
        self.counts = self.mention_counts()
        registry = self.controller.registry
        for entity_id in ids:
            entity = registry.get(entity_id)
            if entity is None:
                continue
            mentions = self.counts.get(entity_id, 0)
            if mentions:
                self.controller.host.show_status(
                    self.tr("%1 is still linked from %2: merge it into another entity, or unlink them first")
                    .replace("%2", counted(mentions, self.tr("%1 mention"), self.tr("%1 mentions")))
                    .replace("%1", entity.name(self.controller.host.language))
                )
                continue
            self._try(lambda entity_id=entity_id: registry.remove(entity_id))
        self.refresh(recount=False)

    def undo(self) -> None:
        self.controller.registry.undo()

    def redo(self) -> None:
        self.controller.registry.redo()

    def _try(self, edit: object) -> None:
        try:
            edit()  # type: ignore[operator]
        except EntityError as exc:
            self.controller.host.show_status(str(exc))
