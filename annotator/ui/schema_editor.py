"""Project ▸ Labels and attributes…: add, rename, recolour and re-key labels; attributes
per label (choice with values, text, number, yes/no; a default); relation types with the
labels they join. Apply hands the new schema and what it means for existing spans (a
SchemaMigration) to the window, which counts, asks and migrates as one undoable step.

Renames are told apart from remove-and-add by row: each row remembers the id it started
with. A choice value is renamed when it changes in place (the same position in the list).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..model import (
    AttributeDef,
    AttributeType,
    Choice,
    Label,
    LabelKind,
    RelationType,
    Schema,
    SchemaError,
    SchemaMigration,
)
from ..model.label_colors import new_colors

ORIGIN = Qt.ItemDataRole.UserRole
_INVISIBLE = {c: None for c in (0x200E, 0x200F, 0x2066, 0x2067, 0x2068, 0x2069)}  # bidi marks, isolates


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace("،", ",").split(",") if p.strip())


def values_text(definition: AttributeDef) -> str:
    """`supports=موافق/supports; opposes=…`: a choice attribute's values in one cell."""
    parts = []
    for choice in definition.choices:
        names = f"={choice.name_fa}/{choice.name_en}" if (choice.name_fa or choice.name_en) else ""
        parts.append(f"{choice.id}{names}")
    # isolated left-to-right: ids and English names read in order in a right-to-left window
    return f"\u2066{'; '.join(parts)}\u2069" if parts else ""


def parse_values(text: str) -> tuple[tuple[str, ...], tuple[Choice, ...]]:
    ids: list[str] = []
    named: list[Choice] = []
    text = text.translate(_INVISIBLE)
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        value, _, names = part.partition("=")
        value = value.strip()
        ids.append(value)
        if names:
            fa, _, en = names.partition("/")
            named.append(Choice(value, fa.strip(), en.strip()))
    return tuple(ids), tuple(named)


class SchemaEditor(QDialog):
    applied = Signal(object, object)  # Schema, SchemaMigration

    LABEL_COLUMNS = ("id", "name_fa", "name_en", "color", "shortcut", "kind")
    ATTRIBUTE_COLUMNS = ("id", "name_fa", "name_en", "labels", "type", "values", "default")
    RELATION_COLUMNS = ("id", "name_fa", "name_en", "from_labels", "to_labels", "shortcut")

    def __init__(self, schema: Schema, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schemaEditor")
        self.schema = schema
        self.language = language
        self.setWindowTitle(self.tr("Labels and attributes"))
        self.tabs = QTabWidget(self)
        self.labels = self._table(
            "schemaLabels",
            [
                self.tr("Id"),
                self.tr("Persian name"),
                self.tr("English name"),
                self.tr("Colour"),
                self.tr("Key"),
                self.tr("Kind (entity/claim)"),
            ],
        )
        self.attributes = self._table(
            "schemaAttributes",
            [
                self.tr("Id"),
                self.tr("Persian name"),
                self.tr("English name"),
                self.tr("Labels"),
                self.tr("Type (choice/text/number/boolean)"),
                self.tr("Values (id=Persian/English; …)"),
                self.tr("Default"),
            ],
        )
        self.relations = self._table(
            "schemaRelations",
            [
                self.tr("Id"),
                self.tr("Persian name"),
                self.tr("English name"),
                self.tr("From labels"),
                self.tr("To labels"),
                self.tr("Key"),
            ],
        )
        self.tabs.addTab(self._page(self.labels), self.tr("Labels"))
        self.tabs.addTab(self._page(self.attributes), self.tr("Attributes"))
        self.tabs.addTab(self._page(self.relations), self.tr("Relation types"))
        self.message = QLabel(self)
        self.message.setObjectName("schemaMessage")
        self.message.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("schemaApply")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.resize(980, 460)
        self.load(schema)

    # ---- building ----------------------------------------------------------------------

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _page(self, table: QTableWidget) -> QWidget:
        page = QWidget(self)
        add = QPushButton(self.tr("Add"), page)
        add.clicked.connect(lambda: self.add_row(table))
        remove = QPushButton(self.tr("Remove"), page)
        remove.clicked.connect(lambda: self.remove_row(table))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(table, 1)
        layout.addLayout(row)
        return page

    def load(self, schema: Schema) -> None:
        self.schema = schema
        self._fill(
            self.labels,
            [(lb.id, [lb.id, lb.name_fa, lb.name_en, lb.color, lb.shortcut, lb.kind.value]) for lb in schema.labels],
        )
        self._fill(
            self.attributes,
            [
                (
                    ad.id,
                    [
                        ad.id,
                        ad.name_fa,
                        ad.name_en,
                        ", ".join(ad.labels),
                        ad.kind.value,
                        values_text(ad),
                        "" if ad.default is None else str(ad.default),
                    ],
                )
                for ad in schema.attributes
            ],
        )
        self._fill(
            self.relations,
            [
                (
                    rt.id,
                    [rt.id, rt.name_fa, rt.name_en, ", ".join(rt.from_labels), ", ".join(rt.to_labels), rt.shortcut],
                )
                for rt in schema.relation_types
            ],
        )
        for table in (self.labels, self.attributes, self.relations):
            table.resizeColumnsToContents()
        self._paint_colours()

    def _fill(self, table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
        table.setRowCount(0)
        for origin, cells in rows:
            self._append(table, cells, origin)

    def _append(self, table: QTableWidget, cells: list[str], origin: str | None) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 0:
                item.setData(ORIGIN, origin)
            table.setItem(row, column, item)

    def _paint_colours(self) -> None:
        for row in range(self.labels.rowCount()):
            item = self.labels.item(row, 3)
            if item is not None and QColor(item.text()).isValid():
                item.setBackground(QColor(item.text()))

    def add_row(self, table: QTableWidget) -> None:
        # a new label: a colour no label in the table has (annotator.model.label_colors)
        taken = [item.text() for r in range(self.labels.rowCount()) if (item := self.labels.item(r, 3))]
        defaults = {
            id(self.labels): ["", "", "", new_colors(taken, 1)[0], "", "entity"],
            id(self.attributes): ["", "", "", "", "text", "", ""],
            id(self.relations): ["", "", "", "", "", ""],
        }[id(table)]
        self._append(table, defaults, None)
        table.setCurrentCell(table.rowCount() - 1, 0)
        table.editItem(table.item(table.rowCount() - 1, 0))

    def remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)

    def set_cell(self, table: QTableWidget, row: int, column: int, text: str) -> None:
        item = table.item(row, column)
        assert item is not None
        item.setText(text)

    def row_of(self, table: QTableWidget, origin: str) -> int:
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if item is not None and item.data(ORIGIN) == origin:
                return row
        return -1

    # ---- reading back -----------------------------------------------------------------

    def _rows(self, table: QTableWidget) -> list[tuple[str | None, list[str]]]:
        rows = []
        for row in range(table.rowCount()):
            cells = [
                (table.item(row, c).text() if table.item(row, c) else "").strip() for c in range(table.columnCount())
            ]
            origin = table.item(row, 0).data(ORIGIN) if table.item(row, 0) else None
            if cells[0]:
                rows.append((origin, cells))
        return rows

    def result(self) -> tuple[Schema, SchemaMigration]:  # type: ignore[override]
        """The edited schema and the migration it needs; raises SchemaError naming the problem."""
        old = self.schema
        label_renames: dict[str, str] = {}
        labels: list[Label] = []
        for origin, (lid, fa, en, color, key, kind) in self._rows(self.labels):
            if kind not in ("entity", "claim"):
                raise SchemaError(self.tr("label %1: kind must be entity or claim").replace("%1", lid))
            if not QColor(color).isValid():
                raise SchemaError(self.tr("label %1: %2 is not a colour").replace("%1", lid).replace("%2", color))
            labels.append(Label(lid, fa or lid, en or lid, QColor(color).name(), key, LabelKind(kind)))
            if origin and origin != lid:
                label_renames[origin] = lid
        kept_labels = {o for o, _ in self._rows(self.labels) if o}
        label_removals = frozenset(lb.id for lb in old.labels if lb.id not in kept_labels)

        def relabel(ids: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(label_renames.get(i, i) for i in ids if i not in label_removals)

        attribute_renames: dict[str, str] = {}
        value_renames: dict[tuple[str, str], str] = {}
        value_removals: set[tuple[str, str]] = set()
        attributes: list[AttributeDef] = []
        for origin, (aid, fa, en, on_labels, kind, values_cell, default_text) in self._rows(self.attributes):
            try:
                attr_type = AttributeType(kind or "text")
            except ValueError:
                raise SchemaError(
                    self.tr("attribute %1: unknown type %2").replace("%1", aid).replace("%2", kind)
                ) from None
            values, names = parse_values(values_cell) if attr_type is AttributeType.CHOICE else ((), ())
            default: object = None
            if default_text:
                default = (
                    {"true": True, "false": False}.get(default_text.lower(), default_text)
                    if attr_type is AttributeType.BOOLEAN
                    else default_text
                )
                if attr_type is AttributeType.NUMBER:
                    try:
                        default = float(default_text) if "." in default_text else int(default_text)
                    except ValueError:
                        raise SchemaError(self.tr("attribute %1: default is not a number").replace("%1", aid)) from None
            attributes.append(
                AttributeDef(aid, fa or aid, en or aid, relabel(_split(on_labels)), values, attr_type, default, names)
            )
            before = next((ad for ad in old.attributes if ad.id == origin), None) if origin else None
            if before is None:
                continue
            if origin != aid:
                attribute_renames[str(origin)] = aid
            if before.values:
                same_length = len(before.values) == len(values)
                for i, value in enumerate(before.values):
                    if value in values:
                        continue
                    if same_length and values[i] not in before.values:
                        value_renames[(aid, value)] = values[i]  # keys as they are after the attribute rename
                    else:
                        value_removals.add((aid, value))
        kept_attributes = {o for o, _ in self._rows(self.attributes) if o}
        attribute_removals = frozenset(ad.id for ad in old.attributes if ad.id not in kept_attributes)
        relation_renames: dict[str, str] = {}
        relation_types: list[RelationType] = []
        for origin, (rid, fa, en, from_labels, to_labels, key) in self._rows(self.relations):
            relation_types.append(
                RelationType(
                    rid, fa or rid, en or rid, relabel(_split(from_labels)), relabel(_split(to_labels)), key.upper()
                )
            )
            if origin and origin != rid:
                relation_renames[origin] = rid
        kept_relations = {o for o, _ in self._rows(self.relations) if o}
        relation_removals = frozenset(rt.id for rt in old.relation_types if rt.id not in kept_relations)
        schema = Schema(tuple(labels), tuple(relation_types), tuple(attributes))
        migration = SchemaMigration(
            label_renames,
            label_removals,
            attribute_renames,
            attribute_removals,
            _after_attribute_renames(value_renames, attribute_renames),
            frozenset(_after_attribute_renames_set(value_removals, attribute_renames)),
            relation_renames,
            relation_removals,
        )
        return schema, migration

    def apply(self) -> None:
        try:
            schema, migration = self.result()
        except SchemaError as exc:
            self.message.setText(str(exc))
            return
        if schema == self.schema:
            self.message.setText(self.tr("Nothing changed"))
            return
        self.message.setText("")
        self.applied.emit(schema, migration)


def _after_attribute_renames(
    renames: dict[tuple[str, str], str], attribute_renames: dict[str, str]
) -> dict[tuple[str, str], str]:
    # the migration renames values under the key the span has before the edit
    back = {new: old for old, new in attribute_renames.items()}
    return {(back.get(key, key), value): new for (key, value), new in renames.items()}


def _after_attribute_renames_set(
    removals: set[tuple[str, str]], attribute_renames: dict[str, str]
) -> set[tuple[str, str]]:
    back = {new: old for old, new in attribute_renames.items()}
    return {(back.get(key, key), value) for key, value in removals}
