"""The inspector: everything about the current span, shown and edited in one panel.

Label, note, entity, attributes (a choice, text, a number, yes/no, as the schema defines
them) and the span's links (for a claim: claimant, addressee, location). Every edit is
one model command; the panel is rebuilt from the model after each change. The keys that
open type-ahead lists (C, A, L, E, V) belong to the window (ui/claims.py).

The panel keeps one shape whatever the current span: the heading has a fixed height (a
long claim is cut between words, with …, and whole in its tooltip), the note is the first
row, the titles' column is as wide as the schema's widest, the links' place is kept when
they are hidden, and the scroll bar is always there. Moving between an actor and a claim
used to move every field (and the note) up or down and sideways under the user's eyes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..model import AnnotationSet, AttributeDef, AttributeType, LabelKind
from .bidi import clip

HEADING_LINES = 3  # the heading's fixed height; a longer claim is cut with …

if TYPE_CHECKING:  # the registry module is imported with the claims parts, after the first frame
    from ..model import EntityRegistry


def short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def isolate(text: str) -> str:
    """Wrap text of either direction so it does not reorder the sentence around it."""
    return f"\u2068{text}\u2069"


class Inspector(QWidget):
    entityRequested = Signal()  # the user asked to link the mention (the window opens the list)
    spanRequested = Signal(str)  # a linked span was activated: make it current
    refused = Signal()  # an edit of a document marked done (read-only): the window says why

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self._aset: AnnotationSet | None = None
        self._registry: EntityRegistry | None = None
        self._span_id = ""
        self._language = "en"
        self.heading = QLabel(self)
        self.heading.setObjectName("inspectorHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # left: leading
        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.links_label = QLabel(self)
        self.links_label.setWordWrap(True)  # the keys' list must not widen the panel (or the window)
        for label in (self.heading, self.links_label):
            # a wrapped Persian line ends at the label's edge, and what is drawn past its
            # advance there (the tail of ر, a bracket) was cut off
            label.setContentsMargins(4, 0, 4, 0)
        self.links = QListWidget(self)
        self.links.setObjectName("inspectorLinks")
        self.links.itemActivated.connect(self._activate_link)
        self.links.installEventFilter(self)
        for widget in (self.links_label, self.links):  # hidden (an actor's), their place is kept
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        # the panel scrolls rather than squeeze: in a short dock a long claim's heading was
        # cut off mid-line and the attribute boxes shrank to slivers
        body = QWidget(self)
        body.setObjectName("inspectorBody")
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.form_host)
        layout.addWidget(self.links_label)
        layout.addWidget(self.links, 1)
        self._heading_text = ""  # the whole heading, of which the label shows what fits
        self._fix_heading_height()
        self.links.setMinimumHeight(3 * self.fontMetrics().lineSpacing() + 8)  # three links in view
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("inspectorScroll")
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # always there: shown only for the spans whose form does not fit, it narrowed the
        # panel's contents and moved every field sideways
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self.editors: dict[str, QWidget] = {}
        # children of the form's host, never of the panel itself: out of the form, a child of
        # the panel was drawn as an empty box over the heading
        self.note = QLineEdit(self.form_host)
        self.note.setObjectName("inspectorNote")
        self.note.editingFinished.connect(self._commit_note)
        self.entity_label = QLabel(self.form_host)
        self.entity_label.setObjectName("inspectorEntity")
        self.entity_label.setWordWrap(True)
        self.show_span(None, "", None, "en")

    def minimumSizeHint(self) -> QSize:
        """Room for a claim's heading and its usual form (fifteen lines), the same for every
        span so that the span list above does not jump as the current span changes; a
        longer form scrolls."""
        return QSize(self.scroll.minimumSizeHint().width(), 15 * self.fontMetrics().lineSpacing())

    # ---- showing ---------------------------------------------------------------------

    def show_span(
        self, aset: AnnotationSet | None, span_id: str, registry: EntityRegistry | None, language: str
    ) -> None:
        self._aset, self._span_id, self._registry, self._language = aset, span_id, registry, language
        self.rebuild()

    @property
    def span_id(self) -> str:
        return self._span_id

    def rebuild(self) -> None:
        aset, span_id = self._aset, self._span_id
        while self.form.rowCount():
            row = self.form.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
                widget = item.widget() if item is not None else None
                if widget is not None and widget not in (self.note, self.entity_label):
                    widget.hide()  # out of the form now: not drawn where it was until deleted
                    widget.deleteLater()
        self.editors = {}
        self.links.clear()
        if aset is None or not span_id or not aset.has_span(span_id):
            self._set_heading(self.tr("No current span. Select text and press a label key, or click a span."))
            self.form_host.hide()
            self.links_label.hide()
            self.links.hide()
            self.note.setText("")
            self.note.hide()
            self.entity_label.hide()
            return
        self.form_host.show()
        span = aset.span(span_id)
        schema = aset.schema
        label = schema.label(span.label)
        # the span's text isolated right to left: in an English (left-to-right) heading the
        # guillemets and a wrapped claim's words would otherwise be reordered around the name
        name = schema.label_name(span.label, self._language)
        self._set_heading(f"{name}: \u2067«", " ".join(span.text.split()), "»\u2069")
        width = self._titles_width(aset)
        # the note first: every span has one, so it never moves as the current span changes
        self.note.blockSignals(True)
        self.note.setText(span.note)
        self.note.blockSignals(False)
        self._add_row(self.tr("Note:"), self.note, width)
        self.note.show()
        if label is None or label.kind is not LabelKind.CLAIM:
            self._add_row(self.tr("Entity (E):"), self.entity_label, width)
            self.entity_label.setText(self._entity_text())
            self.entity_label.show()
        else:
            self.entity_label.hide()
        for definition in schema.attributes_for(span.label):
            editor = self._editor(definition, span.attributes.get(definition.id))
            self.editors[definition.id] = editor
            self._add_row(f"{definition.name(self._language)}:", editor, width)
        locked = aset.is_locked()  # marked done: shown, not editable, until reopened
        self.note.setReadOnly(locked)
        for editor in self.editors.values():
            editor.setEnabled(not locked)
        self._fill_links()

    def _add_row(self, title: str, field: QWidget, width: int) -> None:
        label = QLabel(title, self.form_host)
        label.setMinimumWidth(width)  # the fields start where they start for any span
        self.form.addRow(label, field)

    def _titles_width(self, aset: AnnotationSet) -> int:
        """The widest row title any span of this schema can have."""
        titles = [self.tr("Note:"), self.tr("Entity (E):")]
        titles += [f"{d.name(self._language)}:" for d in aset.schema.attributes]
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(t) for t in titles) + 2

    # ---- the heading -------------------------------------------------------------------

    def _fix_heading_height(self) -> None:
        """HEADING_LINES lines high, measured as the label measures its own text."""
        self.heading.setText("\n".join(["ا"] * HEADING_LINES))
        self.heading.setFixedHeight(self.heading.heightForWidth(1000))
        self.heading.setText(self._heading_text)

    def _set_heading(self, before: str, body: str = "", after: str = "") -> None:
        self._heading_parts = (before, body, after)
        self._heading_text = before + body + after
        self._fit_heading()

    def _fit_heading(self) -> None:
        """The whole heading when it fits its lines; else as many of the span's words as
        fit, cut between words with …, the whole in the tooltip."""
        before, body, after = getattr(self, "_heading_parts", ("", "", ""))
        heading = self.heading
        room, width = heading.maximumHeight(), heading.width()
        heading.setText(self._heading_text)
        heading.setToolTip("")
        if not body or heading.heightForWidth(width) <= room:
            return
        low, high = 1, len(body)  # the longest clip of body that fits (clip adds the …)
        while low < high:
            middle = (low + high + 1) // 2
            heading.setText(before + clip(body, middle) + after)
            if heading.heightForWidth(width) <= room:
                low = middle
            else:
                high = middle - 1
        heading.setText(before + clip(body, low) + after)
        heading.setToolTip(self._heading_text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if hasattr(self, "_heading_text"):
            self._fit_heading()  # the width the heading's lines are cut at

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_heading_text"):
            self._fix_heading_height()
            self._fit_heading()

    def _entity_text(self) -> str:
        assert self._aset is not None
        span = self._aset.span(self._span_id)
        registry = self._registry
        if span.entity:
            entity = registry.get(span.entity) if registry is not None else None
            name = entity.name(self._language) if entity else span.entity
            return name
        suggestion = registry.suggest(span.text) if registry is not None else None
        if suggestion is not None:
            return self.tr("suggested: %1 (E, Enter to confirm)").replace("%1", suggestion.name(self._language))
        return self.tr("none (E to link)")

    def _editor(self, definition: AttributeDef, value: object) -> QWidget:
        kind = definition.kind
        if kind is AttributeType.CHOICE:
            box = QComboBox(self)
            box.addItem("—", None)
            for choice in definition.choices:
                box.addItem(choice.name(self._language), choice.id)
            if value is not None and value not in definition.values:
                box.addItem(self.tr("%1 (not in the list)").replace("%1", str(value)), value)
            box.setCurrentIndex(max(0, box.findData(value)) if value is not None else 0)
            box.activated.connect(lambda _i, b=box, d=definition.id: self._set(d, b.currentData()))
            return box
        if kind is AttributeType.BOOLEAN:
            check = QCheckBox(self)
            check.setChecked(value is True)
            check.toggled.connect(lambda on, d=definition.id: self._set(d, on))
            return check
        edit = QLineEdit(self)
        edit.setText("" if value is None else str(value))
        edit.editingFinished.connect(lambda e=edit, d=definition: self._commit_text(d, e.text()))
        return edit

    def _fill_links(self) -> None:
        assert self._aset is not None
        aset, span_id = self._aset, self._span_id
        schema = aset.schema
        rows = 0
        for rel in aset.relations_of(span_id):
            rt = schema.relation_type(rel.type)
            name = rt.name(self._language) if rt else rel.type
            other_id = rel.target if rel.source == span_id else rel.source
            other = aset.span(other_id)
            arrow = "→" if rel.source == span_id else "←"
            item = QListWidgetItem(f"{name} {arrow} {isolate(short(other.text))}{self._entity_suffix(other.entity)}")
            item.setData(Qt.ItemDataRole.UserRole, (rel.id, other_id))
            self.links.addItem(item)
            rows += 1
        keys = [
            f"{rt.name(self._language)} ({rt.shortcut})"
            for rt in schema.relation_types_from(aset.span(span_id).label)
            if rt.shortcut
        ]
        self.links_label.setText(
            self.tr("Links (Delete removes one): %1").replace("%1", ", ".join(keys)) if keys else self.tr("Links:")
        )
        self.links_label.setVisible(bool(rows or keys))
        self.links.setVisible(bool(rows or keys))

    def _entity_suffix(self, entity_id: str) -> str:
        if not entity_id or self._registry is None:
            return ""
        entity = self._registry.get(entity_id)
        return f" [{isolate(entity.name(self._language))}]" if entity else ""

    # ---- editing ---------------------------------------------------------------------

    def _locked(self) -> bool:
        """A document marked done takes no edit: the fields show what it holds again."""
        if self._aset is None or not self._aset.is_locked():
            return False
        self.refused.emit()
        QTimer.singleShot(0, self.rebuild)  # not inside the field's own signal
        return True

    def _set(self, key: str, value: object) -> None:
        if self._aset is not None and self._aset.has_span(self._span_id) and not self._locked():
            self._aset.set_attribute(self._span_id, key, value)

    def _commit_text(self, definition: AttributeDef, text: str) -> None:
        text = text.strip()
        value: object = text
        if definition.kind is AttributeType.NUMBER and text:
            try:
                value = int(text) if text.lstrip("-").isdigit() else float(text)
            except ValueError:
                return  # not a number: left as it was
        self._set(definition.id, value)

    def _commit_note(self) -> None:
        if self._aset is not None and self._aset.has_span(self._span_id):
            if self._aset.span(self._span_id).note == self.note.text().strip() or self._locked():
                return
            self._aset.set_note(self._span_id, self.note.text().strip())

    def _activate_link(self, item: QListWidgetItem) -> None:
        self.spanRequested.emit(item.data(Qt.ItemDataRole.UserRole)[1])

    def eventFilter(self, watched: object, event: object) -> bool:
        from PySide6.QtGui import QKeyEvent

        if (
            watched is self.links
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self._aset is not None
            and self.links.currentItem() is not None
        ):
            if self._locked():
                return True
            self._aset.remove_relation(self.links.currentItem().data(Qt.ItemDataRole.UserRole)[0])
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
