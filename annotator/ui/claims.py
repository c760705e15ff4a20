"""Claims in the window: the inspector, the link keys, entities, the claims overview, the
document's details and the schema editor, wired to the window through a narrow host.

Keys (window-wide, like N and S): the schema's relation-type keys (C claimed by,
A addressed to, L located in) open a type-ahead list of the spans the current claim may
link to, nearest first; E links the current mention to an entity (or makes one); V sets
an attribute value. Everything is a model command on the document's undo stack, except
registry edits (rename, merge), which have their own undo in the entities panel.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMessageBox, QWidget

from ..io import bulk_edits, jsonformat
from ..io import entities as entity_files
from ..io.article import SCHEMA_FILE
from ..io.atomic import write_atomic
from ..model import AnnotationSet, AttributeType, Change, EntityRegistry, LabelKind, Schema, SchemaMigration
from ..model.entities import Entity, EntityCommand
from ..model.migration import MigrationCount, count
from .claims_context import ClaimsHost

if TYPE_CHECKING:
    from .claims_panel import ClaimsPanel
    from .document_header import DocumentHeader
    from .entity_panel import EntityPanel
from .inspector import Inspector, isolate, short
from .picker import Choice, Picker, Typed
from .theme import counted


class ClaimsController(QObject):
    def __init__(
        self,
        host: ClaimsHost,
        parent: QWidget,
        header: DocumentHeader | None = None,
        docks: dict[str, QDockWidget] | None = None,
        inspector: Inspector | None = None,
    ) -> None:
        """header, docks and inspector: made already by the window for its first frame
        (shown before the rest is built: MainWindow); else made here."""
        super().__init__(parent)
        docks = docks or {}
        self.host = host
        self.parent_widget = parent
        self.registry = EntityRegistry()
        self.registry_path: Path | None = None
        self._registry_file_: entity_files.RegistryFile | None = None
        # entities E made in this window, by id: discarded when the tag's undo leaves them
        # unlinked everywhere, put back when it is redone
        self._created: dict[str, tuple[Entity, str]] = {}  # id -> (entity, document id)
        self._current_set: AnnotationSet | None = None
        # registry commands that relinked mentions: what each did to files and to the open document
        self._relinks: dict[int, tuple[bulk_edits.BulkEdit, str, dict[str, str]]] = {}
        self.picker = Picker(parent)
        self.picker.chosen.connect(self._picked)
        self.picker.cancelled.connect(lambda: host.view.setFocus())
        self._pick: tuple[str, str] = ("", "")  # (what, detail) the open list is for
        self._schema_edits: dict[int, bulk_edits.BulkEdit] = {}  # id(command) -> other files' edit
        self._pending_schema_edit: bulk_edits.BulkEdit | None = None
        self._holding = 0  # held(): current_changed waits for the end of the key press
        self._held_change = False
        self.inspector = inspector or Inspector(parent)
        self.inspector.spanRequested.connect(self._go_to_span)
        self.inspector.refused.connect(self.host.refuse_if_done)
        self.inspector_dock = docks.get("inspectorDock") or self._dock(parent, "inspectorDock")
        if self.inspector_dock.widget() is not self.inspector:
            self.inspector_dock.setWidget(self.inspector)
        self._add(self.inspector_dock, Qt.DockWidgetArea.RightDockWidgetArea)
        if header is None:
            from .document_header import DocumentHeader

            header = DocumentHeader(parent)
        self.header = header
        self.header.edited.connect(self.set_document_info)
        # the entities and claims-by-actor panels are hidden until asked for: their docks
        # are made now (View ▸ Panels, the saved layout), their contents when first shown
        self._entity_panel: EntityPanel | None = None
        self._claims_panel: ClaimsPanel | None = None
        self.entities_dock = docks.get("entitiesDock") or self._dock(parent, "entitiesDock")
        self._add(self.entities_dock, Qt.DockWidgetArea.RightDockWidgetArea, hidden=True)
        self.entities_dock.visibilityChanged.connect(lambda shown: shown and self.entity_panel)
        self.claims_dock = docks.get("claimsDock") or self._dock(parent, "claimsDock")
        self._add(self.claims_dock, Qt.DockWidgetArea.LeftDockWidgetArea, hidden=True)
        self.claims_dock.visibilityChanged.connect(lambda shown: shown and self.claims_panel)
        self.registry.subscribe(self._on_registry)
        self.actions: list[QAction] = []
        parent_widget = parent
        self.act_entity = self._action(parent_widget, "E", self.pick_entity)
        self.act_value = self._action(parent_widget, "V", self.pick_value)
        self.act_schema = self._action(parent_widget, "", self.edit_schema)
        self.act_details = self._action(parent_widget, "Ctrl+Shift+D", self.header.edit)
        self.link_actions: list[QAction] = []

    @staticmethod
    def _dock(parent: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(parent)
        dock.setObjectName(name)
        return dock

    def _add(self, dock: QDockWidget, area: Qt.DockWidgetArea, hidden: bool = False) -> None:
        """A panel in the window (unless the window made it for its first frame already)."""
        if dock.property("placed"):
            return
        self.host.add_panel(dock, area, 320)
        if hidden:
            dock.hide()

    @property
    def aset(self) -> AnnotationSet | None:
        return self._current_set

    @property
    def entity_panel(self) -> EntityPanel:
        """The entities panel, made when first shown or asked for (a faster start)."""
        if self._entity_panel is None:
            from .entity_panel import EntityPanel

            self._entity_panel = EntityPanel(self, self.parent_widget)
            self._entity_panel.retranslate()
            self._entity_panel.refresh_when_shown()
            self.entities_dock.setWidget(self._entity_panel)
            self._place(self.entities_dock, self._entity_panel)
        return self._entity_panel

    @property
    def claims_panel(self) -> ClaimsPanel:
        """The claims-by-actor panel, made when first shown or asked for."""
        if self._claims_panel is None:
            from .claims_panel import ClaimsPanel

            self._claims_panel = ClaimsPanel(self, self.parent_widget)
            self._claims_panel.retranslate()
            self._claims_panel.refresh_when_shown()
            self.claims_dock.setWidget(self._claims_panel)
            self._place(self.claims_dock, self._claims_panel)
        return self._claims_panel

    def _place(self, dock: QDockWidget, panel: QWidget) -> None:
        """Show a panel made in a dock that is already shown at once, laid out, as if it
        had been there from the start (Qt would show and lay it out at the next turn)."""
        if dock.isVisible():
            panel.show()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _made_panels(self) -> list[ClaimsPanel | EntityPanel]:
        return [panel for panel in (self._claims_panel, self._entity_panel) if panel is not None]

    def _action(self, parent: QWidget, key: str, slot: object) -> QAction:
        action = QAction(parent)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)  # type: ignore[arg-type]
        parent.addAction(action)
        self.actions.append(action)
        return action

    # ---- the window tells us ---------------------------------------------------------

    def attach(self, aset: AnnotationSet | None) -> None:
        """A document was opened (or closed: None)."""
        if self._current_set is not None:
            self._current_set.unsubscribe(self._on_change)
        self._current_set = aset
        self._load_registry()
        if aset is not None:
            aset.subscribe(self._on_change)
        self._build_link_actions()
        self.header.show_document(aset.document if aset else None, self.host.language)
        self.current_changed()
        for panel in self._made_panels():
            panel.refresh_when_shown()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Inside this block the inspector and the claim marks are brought up to date once,
        when it ends: a key press paints the article's frame first (MainWindow._key_edit)."""
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
            if not self._holding and self._held_change:
                self._held_change = False
                self.current_changed()

    def current_changed(self) -> None:
        if self._holding:
            self._held_change = True
            return
        aset = self._current_set
        span_id = self.host.current_span_id()
        self.inspector.show_span(aset, span_id, self.registry, self.host.language)
        self.host.view.set_linked(self._linked_to(span_id))

    def retranslate(self) -> None:
        language = self.host.language
        self.inspector_dock.setWindowTitle(self.tr("Inspector"))
        self.entities_dock.setWindowTitle(self.tr("Entities"))
        self.claims_dock.setWindowTitle(self.tr("Claims by actor"))
        self.act_entity.setText(self.tr("Link to entity…"))
        self.act_value.setText(self.tr("Set attribute value…"))
        self.act_schema.setText(self.tr("Labels and attributes…"))
        self.act_details.setText(self.tr("Edit document details…"))
        self._build_link_actions()
        self.header.show_document(self._current_set.document if self._current_set else None, language)
        for panel in self._made_panels():
            panel.retranslate()
        self.current_changed()

    def _on_change(self, change: Change) -> None:
        if change.schema_changed:
            self._on_schema_change()
            self._build_link_actions()
            self.host.schema_changed()
        if change.document_changed and self._current_set is not None:
            self.header.show_document(self._current_set.document, self.host.language)
            session = self.host.session
            if session is not None and session.doc_id == self._current_set.document.id:
                self._save_details_to_project()
        self.current_changed()
        if self._claims_panel is not None:
            self._claims_panel.document_changed()
        if self._created and (change.spans_added or change.spans_removed):
            self._settle_created(change)
        if (change.spans_added or change.spans_removed) and self._entity_panel is not None:
            self._entity_panel.counts_changed()

    # ---- links (C, A, L) ---------------------------------------------------------------

    def _build_link_actions(self) -> None:
        for action in self.link_actions:
            self.parent_widget.removeAction(action)
        self.link_actions = []
        aset = self._current_set
        if aset is None:
            return
        for rt in aset.schema.relation_types:
            if not rt.shortcut:
                continue
            action = QAction(self.parent_widget)
            action.setShortcut(QKeySequence(rt.shortcut.upper()))
            action.setText(self.tr("Link: %1…").replace("%1", rt.name(self.host.language)))
            action.triggered.connect(lambda _=False, t=rt.id: self.pick_link(t))
            self.parent_widget.addAction(action)
            self.link_actions.append(action)

    def pick_link(self, type_id: str) -> None:
        if self.host.refuse_if_done():
            return
        aset = self._current_set
        span_id = self.host.current_span_id()
        rt = aset.schema.relation_type(type_id) if aset else None
        if aset is None or rt is None:
            return
        if not span_id:
            self.host.show_status(self.tr("Choose a claim first (click it or pick it in the list)"))
            return
        span = aset.span(span_id)
        if rt.from_labels and span.label not in rt.from_labels:
            names = ", ".join(aset.schema.label_name(lb, self.host.language) for lb in rt.from_labels)
            self.host.show_status(
                self.tr("%1 links a %2").replace("%1", rt.name(self.host.language)).replace("%2", names)
            )
            return
        linked = {r.target for r in aset.relations_of(span_id) if r.type == type_id and r.source == span_id}
        candidates = [
            s for s in aset.spans() if s.id != span_id and s.id not in linked and rt.fits(span.label, s.label)
        ]
        candidates.sort(key=lambda s: (abs(s.start - span.start), s.sort_key))  # nearest first
        choices = [
            Choice(
                f"{isolate(short(s.text))}{self._entity_note(s.entity)}",
                s.id,
                keys=self._entity_keys(s.entity),
            )
            for s in candidates
        ]
        if not choices:
            self.host.show_status(self.tr("No span in this document can be linked this way"))
            return
        self._pick = ("link", type_id)
        self.picker.open(f"{rt.name(self.host.language)}: {short(span.text, 60)}", choices, self.host.view)

    def _entity_note(self, entity_id: str) -> str:
        entity = self.registry.get(entity_id) if entity_id else None
        return f"  [{isolate(entity.name(self.host.language))}]" if entity else ""

    def _entity_keys(self, entity_id: str) -> str:
        entity = self.registry.get(entity_id) if entity_id else None
        return " ".join(entity.spellings) if entity else ""

    def _linked_to(self, span_id: str) -> set[str]:
        aset = self._current_set
        if aset is None or not span_id or not aset.has_span(span_id):
            return set()
        return {r.target if r.source == span_id else r.source for r in aset.relations_of(span_id)}

    # ---- entities (E) -----------------------------------------------------------------

    def pick_entity(self) -> None:
        if self.host.refuse_if_done():
            return
        aset = self._current_set
        span_id = self.host.current_span_id()
        if aset is None or not span_id:
            self.host.show_status(self.tr("Choose a mention (an actor or a place) first"))
            return
        span = aset.span(span_id)
        label = aset.schema.label(span.label)
        if label is not None and label.kind is LabelKind.CLAIM:
            self.host.show_status(self.tr("Entities are for mentions (actors, places), not claims"))
            return
        self.refresh_registry()  # another coder's window may have made entities since
        language = self.host.language
        # Enter must never link a mention to an entity it does not name: the one entity
        # whose name or alias it spells (folded) is preferred; none, "New entity" is; two
        # or more (the registry has a duplicate), they come first and nothing is taken
        # until the user chooses. The rest of the registry follows, for arrows and typing.
        matching = self.registry.matches(span.text)
        ids = {e.id for e in matching}
        choices: list[Choice] = []
        for entity in [*matching, *(e for e in self.registry.entities() if e.id not in ids)]:
            extra = (
                f" ({entity.name('en' if language.startswith('fa') else 'fa')})"
                if entity.name_en and entity.name_fa
                else ""
            )
            choices.append(
                Choice(
                    f"{entity.name(language)}{extra}",
                    entity.id,
                    keys=" ".join(entity.spellings),
                    preferred=len(matching) == 1 and entity.id in ids,
                )
            )
        new = Choice(
            self.tr("New entity: %1").replace("%1", isolate(short(span.text))), "", always=True, preferred=not matching
        )
        choices.insert(len(matching), new)  # after the exact matches, before the rest of the registry
        if span.entity:
            choices.append(
                Choice(self.tr("Unlink from %1").replace("%1", self._entity_name(span.entity)), None, always=True)
            )
        self._pick = ("entity", span_id)
        title = self.tr("Entity of «%1»").replace("%1", short(span.text, 60))
        self.picker.open(title, choices, self.host.view, select_first=len(matching) < 2, create=self._new_entity_text)

    def _new_entity_text(self, typed: str) -> str:
        return self.tr("New entity: %1").replace("%1", isolate(short(" ".join(typed.split()))))

    def _entity_name(self, entity_id: str) -> str:
        entity = self.registry.get(entity_id)
        return entity.name(self.host.language) if entity else entity_id

    def link_entity(self, span_id: str, entity_id: str | Typed | None) -> None:
        """Link a mention to an entity; "" makes a new entity named as the mention is
        written, Typed(name) one named as the coder typed (the mention's text becomes an
        alias); None unlinks."""
        aset = self._current_set
        if aset is None or not aset.has_span(span_id):
            return
        span = aset.span(span_id)
        if entity_id == "" or isinstance(entity_id, Typed):
            kind = str(span.attributes.get("type", "")) or ("location" if span.label == "location" else "")
            written = " ".join(span.text.split())
            if isinstance(entity_id, Typed):
                entity = self.registry.add(" ".join(entity_id.text.split()), "", kind, [written])
            else:
                entity = self.registry.add(written, "", kind)
            self._created[entity.id] = (entity, aset.document.id)
            entity_id = entity.id
        aset.set_entity(span_id, entity_id or "")

    def _settle_created(self, change: Change) -> None:
        """An undo (or a delete) left an entity this window's E made linked nowhere: it
        goes from the registry (once the other coders' files, read again now, do not link
        to it either); a redo that links it again puts it back."""
        aset = self._current_set
        if aset is None:
            return
        removed = {s.entity for s in change.spans_removed if s.entity in self._created}
        added = {s.entity for s in change.spans_added if s.entity in self._created}
        if not (removed or added):
            return
        here = {s.entity for s in aset.spans() if s.entity}
        for entity_id in removed | added:
            entity, doc_id = self._created[entity_id]
            if doc_id != aset.document.id:
                continue
            if entity_id in here:
                self.registry.restore(entity)
            elif self.registry.get(entity_id) == entity and not self._linked_elsewhere(entity_id):
                self.registry.discard(entity_id)

    def _linked_elsewhere(self, entity_id: str) -> bool:
        """Whether an annotation file other than the open one (or its journal of edits not
        yet in it) names the entity: the ids are random, so the quoted id is enough."""
        self.refresh_registry()
        needle = f'"{entity_id}"'.encode()
        for path in self.other_files():
            for candidate in (path, path.with_name(path.name + ".journal")):
                try:
                    if needle in candidate.read_bytes():
                        return True
                except FileNotFoundError:
                    continue
                except OSError:
                    return True  # cannot tell: keep it
        return False

    # ---- attribute values (V) ---------------------------------------------------------

    def pick_value(self) -> None:
        if self.host.refuse_if_done():
            return
        aset = self._current_set
        span_id = self.host.current_span_id()
        if aset is None or not span_id:
            self.host.show_status(self.tr("Choose a span first"))
            return
        span = aset.span(span_id)
        language = self.host.language
        choices: list[Choice] = []
        for definition in aset.schema.attributes_for(span.label):
            name = definition.name(language)
            if definition.kind is AttributeType.CHOICE:
                for choice in definition.choices:
                    mark = " ✓" if span.attributes.get(definition.id) == choice.id else ""
                    choices.append(
                        Choice(
                            f"{name}: {choice.name(language)}{mark}",
                            (definition.id, choice.id),
                            keys=f"{choice.id} {choice.name_fa} {choice.name_en} {definition.name_fa}",
                        )
                    )
            elif definition.kind is AttributeType.BOOLEAN:
                for value in (True, False):
                    other = definition.value_name(value, "en" if language.startswith("fa") else "fa")
                    choices.append(
                        Choice(f"{name}: {definition.value_name(value, language)}", (definition.id, value), keys=other)
                    )
        if not choices:
            self.host.show_status(self.tr("This label has no attributes with values to choose"))
            return
        self._pick = ("value", span_id)
        self.picker.open(self.tr("Attribute of «%1»").replace("%1", short(span.text, 60)), choices, self.host.view)

    def _picked(self, value: object) -> None:
        what, detail = self._pick
        aset = self._current_set
        self.host.view.setFocus()
        if aset is None or self.host.refuse_if_done():
            return
        if what == "link" and isinstance(value, str):
            current = self.host.current_span_id()
            if current and aset.has_span(value):
                aset.add_relation(detail, current, value)
        elif what == "entity":
            self.link_entity(detail, value if isinstance(value, (str, Typed)) else None)
        elif what == "value" and isinstance(value, tuple) and aset.has_span(detail):
            aset.set_attribute(detail, value[0], value[1])

    def _go_to_span(self, span_id: str) -> None:
        self.host.reveal_span(span_id)

    # ---- the registry on disk -------------------------------------------------------------

    def _registry_file(self) -> Path | None:
        session = self.host.session
        if session is not None:
            return session.project.path / entity_files.PROJECT_FILE
        path = self.host.path
        return path.parent / entity_files.FOLDER_FILE if path is not None else None

    def _load_registry(self) -> None:
        path = self._registry_file()
        if path == self.registry_path:
            self.refresh_registry()  # another document, the same registry: take in what changed
            return
        self.registry.unsubscribe(self._on_registry)
        self._registry_file_ = entity_files.RegistryFile(path) if path is not None else None
        try:
            self.registry = self._registry_file_.load() if self._registry_file_ is not None else EntityRegistry()
        except entity_files.EntityFileError as exc:
            self.host.show_error(str(exc))
            self.registry = EntityRegistry()
            path = self._registry_file_ = None  # a broken registry file is never overwritten
        self.registry_path = path
        self._relinks.clear()
        self._created.clear()
        self.registry.subscribe(self._on_registry)

    def refresh_registry(self) -> None:
        """Take in the entities other coders' windows (or a git pull) saved since."""
        if self._registry_file_ is None:
            return
        try:
            changed = self._registry_file_.refresh(self.registry)
        except entity_files.EntityFileError as exc:
            self.host.show_error(str(exc))
            return
        if changed:
            self.current_changed()
            for panel in self._made_panels():
                panel.refresh()

    def _on_registry(self, command: EntityCommand, undone: bool) -> None:
        if self._registry_file_ is not None:
            try:
                clashes = self._registry_file_.save(self.registry)
            except OSError as exc:
                self.host.show_error(
                    self.tr("Cannot save %1: %2")
                    .replace("%1", str(self.registry_path))
                    .replace("%2", exc.strerror or str(exc))
                )
            except entity_files.EntityFileError as exc:
                self.host.show_error(str(exc))
            else:
                for entity_id in clashes:
                    self.host.show_error(
                        self.tr("%1: entity %2 was changed in another window too; this window's version was kept")
                        .replace("%1", str(self.registry_path))
                        .replace("%2", entity_id)
                    )
        if command.relinks:
            self._relink(command, undone)
        self.current_changed()
        for panel in self._made_panels():
            panel.refresh()

    def other_files(self) -> list[Path]:
        """Annotation files other than the open one that share this registry."""
        current = self.host.session.doc_id if self.host.session else ""
        session = self.host.session
        if session is not None:
            mine = session.project.annotation_path(current, session.annotator) if current else None
            return [p for _d, p in session.project.annotation_files() if p != mine]
        if self.host.path is None:
            return []
        open_file = self.host.path.with_name(self.host.path.stem + ".annotations.json")
        found = sorted(self.host.path.parent.glob("*.annotations.json"))
        return [p for p in found if p not in (open_file, self.host.path)]

    def _relink(self, command: EntityCommand, undone: bool) -> None:
        key = id(command)
        aset = self._current_set
        if not undone:
            mapping = dict(command.relinks)
            previous = self._relinks.get(key)
            if previous is not None:  # redo
                edit, doc_key, spans = previous
                problems = bulk_edits.reapply(edit)
            else:
                edit = bulk_edits.relink_files(self.other_files(), mapping, command.name)
                problems = edit.problems
                spans = {}
                doc_key = ""
            if aset is not None:
                doc_key = aset.document.id
                spans = {s.id: s.entity for s in aset.spans() if s.entity in mapping}
                with aset.unlocked():  # the project's registry, as in every other file
                    aset.set_entities({sid: mapping[old] for sid, old in spans.items()}, command.name)
            self._relinks[key] = (edit, doc_key, spans)
        else:
            found = self._relinks.get(key)
            if found is None:
                return
            edit, doc_key, spans = found
            problems = bulk_edits.revert(edit)
            if aset is not None and aset.document.id == doc_key:
                with aset.unlocked():
                    aset.set_entities({sid: old for sid, old in spans.items() if aset.has_span(sid)}, command.name)
        for line in problems:
            self.host.show_error(line)

    # ---- the document's details -------------------------------------------------------

    def set_document_info(self, title: str, metadata: dict[str, object]) -> None:
        from ..persian.dates import date_fields

        aset = self._current_set
        if aset is None:
            return
        merged = dict(aset.document.metadata)
        merged.update(metadata)
        merged.pop("date_gregorian", None)
        merged = {k: v for k, v in merged.items() if v not in ("", None)}
        merged.update(date_fields(str(merged.get("date", ""))))
        aset.set_document_info(title, merged)

    def _save_details_to_project(self) -> None:
        session, aset = self.host.session, self._current_set
        if session is None or aset is None:
            return
        try:
            session.project.set_document_info(aset.document.id, aset.document.title, aset.document.metadata)
            session.list.model.refresh()
        except Exception as exc:  # a ProjectError: said, and the edit stays in the window
            self.host.show_error(str(exc))

    # ---- the schema ------------------------------------------------------------------

    def edit_schema(self) -> None:
        from .schema_editor import SchemaEditor

        aset = self._current_set
        if aset is None:
            self.host.show_status(self.tr("Open an article or a project first"))
            return
        dialog = SchemaEditor(aset.schema, self.host.language, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(lambda schema, migration: self.apply_schema(schema, migration))
        dialog.show()
        self.schema_dialog = dialog

    def count_schema_edit(self, migration: SchemaMigration) -> MigrationCount:
        aset = self._current_set
        here = count(migration, aset.spans(), aset.relations()) if aset is not None else MigrationCount()
        elsewhere, _problems = bulk_edits.count_in_files(self.other_files(), migration)
        return here + elsewhere

    def apply_schema(self, schema: Schema, migration: SchemaMigration, confirm: bool = True) -> bool:
        """Make a schema edit: this document (one undoable step), the schema file, and the
        other files that use what changed. Says how many spans it touches first."""
        aset = self._current_set
        if aset is None:
            return False
        found = self.count_schema_edit(migration)
        if confirm and found.touched:
            text = (
                self.tr("This changes %1 and %2, and deletes %3 and %4, in %5. Go on?")
                .replace("%1", counted(found.spans_changed, self.tr("%1 span"), self.tr("%1 spans")))
                .replace("%2", counted(found.relations_changed, self.tr("%1 relation"), self.tr("%1 relations")))
                .replace("%3", counted(found.spans_deleted, self.tr("%1 span"), self.tr("%1 spans")))
                .replace("%4", counted(found.relations_deleted, self.tr("%1 relation"), self.tr("%1 relations")))
                .replace("%5", counted(found.documents, self.tr("%1 document"), self.tr("%1 documents")))
            )
            answer = QMessageBox.question(self.parent_widget, self.tr("Labels and attributes"), text)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        edit = bulk_edits.migrate_files(self.other_files(), schema, migration)
        for line in edit.problems:
            self.host.show_error(line)
        self._pending_schema_edit = edit
        aset.apply_schema(schema, migration)  # _on_schema_change writes the schema file
        return True

    def _on_schema_change(self) -> None:
        """The document's schema changed: by an edit, an undo or a redo. The schema file
        and the other documents' files follow it."""
        aset = self._current_set
        if aset is None:
            return
        stack = aset.undo_stack
        done, undone = stack.peek_undo(), stack.peek_redo()
        if self._pending_schema_edit is not None and done is not None:
            self._schema_edits[id(done)] = self._pending_schema_edit
            self._pending_schema_edit = None
        elif done is not None and done.kind == "schema" and self._schema_is(done, "new", aset.schema):
            edit = self._schema_edits.get(id(done))
            for line in bulk_edits.reapply(edit) if edit else []:
                self.host.show_error(line)
        elif undone is not None and undone.kind == "schema" and self._schema_is(undone, "old", aset.schema):
            edit = self._schema_edits.get(id(undone))
            for line in bulk_edits.revert(edit) if edit else []:
                self.host.show_error(line)
        try:
            self._write_schema(aset.schema)
        except Exception as exc:  # OSError or ProjectError: said; the window keeps the edit
            self.host.show_error(str(exc))

    @staticmethod
    def _schema_is(command: object, side: str, schema: Schema) -> bool:
        from ..model.commands import SetSchema

        ops = getattr(command, "ops", ())
        return bool(ops) and isinstance(ops[0], SetSchema) and getattr(ops[0], side) == schema

    def _write_schema(self, schema: Schema) -> None:
        session = self.host.session
        if session is not None:
            if session.project.schema != schema:
                session.project.set_schema(schema)
        elif self.host.path is not None:
            path = self.host.path.parent / SCHEMA_FILE
            write_atomic(path, jsonformat.format_json(schema.to_json()).encode("utf-8"))
