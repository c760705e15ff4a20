"""The article: read-only, right-to-left, spans drawn only where the view shows them.

Spans are never written into the QTextDocument (a format change re-lays out text); they
stay in the model's offset index, and on every scroll or edit the view asks the model for
the spans in the visible stretch and shows them as extra selections (backgrounds for
entities, underlines for claims) plus bracket bars at span ends, painted on top.
Positions cross the Qt boundary through annotator.persian.offsets (Qt counts UTF-16).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTextBoundaryFinder, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from ..model import AnnotationSet, Change, LabelKind, Schema, Span
from ..persian.graphemes import cluster_at
from ..persian.offsets import Snap, Utf16Map
from ..persian.segment import sentence_at
from .bidi import clip, isolated, rtl, wholly_latin
from .colors import background_for, line_color_for, link_color
from .wrappers import own_viewport

# Persian and Arabic-Indic digits typed on a Persian keyboard count as the label keys
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


class ArticleView(QPlainTextEdit):
    labelRequested = Signal(str)  # a label's shortcut was pressed
    deleteRequested = Signal()
    spanClicked = Signal(str)  # a click (not a drag) inside a span: its id ("" for none)
    spanMenuRequested = Signal(str, QPoint)  # right click on a span: its id, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own_viewport(self)  # before anything asks for it (ui/wrappers.py)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._set_direction(Qt.LayoutDirection.RightToLeft)
        self.document().setDocumentMargin(18)
        self.document().setUndoRedoEnabled(False)  # read-only: the model keeps the undo
        self.setCursorWidth(2)
        self.setMouseTracking(True)
        self._aset: AnnotationSet | None = None
        self._map = Utf16Map("")
        self._shown = 0  # code points of the text in the QTextDocument (see set_annotations)
        self._current = ""
        self._visible: list[Span] = []
        self._range = (0, 0)  # the code points whose spans _visible holds
        self._linked: frozenset[str] = frozenset()  # spans linked to the current one: marked
        # highlights are rebuilt at the next paint, once per frame however many edits,
        # scrolls or resizes came before it, and only once the text is laid out at its width
        self._stale = True
        # what the last refresh made, reused while the view neither scrolls nor re-lays out:
        # an edit then costs the pieces and caret rectangles it changed, not the whole screen
        self._caret_rects: dict[int, QRect] = {}
        self._caret_width_now = 0  # see _caret_width
        self._bar_sides: dict[tuple[int, int], int] = {}  # see _bar_side
        self._edge_rects: dict[tuple[int, int], QRect] = {}  # see _edge_rect
        self._boxes: dict[int, tuple[QRectF, bool] | None] = {}  # see _char_box
        self._pieces: dict[tuple[int, int, object], QTextEdit.ExtraSelection] = {}
        # one format a look (entity, depth, claim), shared by its pieces; made again with them
        self._formats: dict[object, QTextCharFormat] = {}
        # where each block on screen is drawn (viewport coordinates of its layout), kept as
        # long as the caret rectangles are: _char_rect asks it for every bar of a frame
        self._block_origins: dict[int, QPointF] = {}
        self._dirty = QRect()  # what edits asked to repaint since the last paint_now
        self._after_paint: list[Callable[[], None]] = []
        self.verticalScrollBar().valueChanged.connect(self._schedule_refresh)
        self._press_pos: QPoint | None = None

    # ---- model ---------------------------------------------------------------------

    def set_annotations(self, aset: AnnotationSet | None, first_screen: bool = False) -> None:
        """Show a document. first_screen: only the start of a long text is put in the view
        for now, enough for a few screens (the first frame of an opening, MainWindow.open:
        a million characters take 10-15 ms to set, as long as the rest of that frame); the
        rest is added when the same text is set again."""
        if self._aset is not None:
            self._aset.unsubscribe(self._on_change)
        previous, self._aset = self._aset, aset
        self._current = ""
        self._forget_looks()
        text = aset.text if aset else ""
        # the same text (the checked document after its first frame, MainWindow.open) is
        # not laid out again: only what the first frame left out is added
        if previous is None or aset is None or previous.text != text:
            self._map = Utf16Map(text)
            # Persian (and any article with a right-to-left letter) right to left; an article
            # wholly in Latin script left to right, as it is written (it was forced right to left)
            ltr = wholly_latin(text)
            self._set_direction(Qt.LayoutDirection.LeftToRight if ltr else Qt.LayoutDirection.RightToLeft)
            self._shown = self._first_screen_end(text) if first_screen else len(text)
            self.setPlainText(text[: self._shown] if self._shown < len(text) else text)
        elif self._shown < len(text) and not first_screen:
            self._add_the_rest(text)
        if aset is not None:
            aset.subscribe(self._on_change)
        self._schedule_refresh()

    def _set_direction(self, direction: Qt.LayoutDirection) -> None:
        """The article's direction: its paragraphs, their alignment, the scroll bar's side."""
        option = self.document().defaultTextOption()
        if option.textDirection() == direction and self.layoutDirection() == direction:
            return
        self.setLayoutDirection(direction)
        option.setTextDirection(direction)
        rtl_text = direction == Qt.LayoutDirection.RightToLeft
        side = Qt.AlignmentFlag.AlignRight if rtl_text else Qt.AlignmentFlag.AlignLeft
        option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)

    def _first_screen_end(self, text: str) -> int:
        """Where the part of a long text put in the view first ends: four screens of it at
        least (at the view's size and font, as if every line were full), at the end of a
        paragraph when one ends soon after, so that the lines shown wrap as they will."""
        metrics = self.fontMetrics()
        size = self.viewport().size()
        per_screen = (max(size.width(), 800) // max(metrics.averageCharWidth(), 1) + 1) * (
            max(size.height(), 600) // max(metrics.lineSpacing(), 1) + 1
        )
        least = max(FIRST_SCREEN_CHARS, 4 * per_screen)
        if len(text) <= 2 * least:
            return len(text)
        paragraph = text.find("\n", least, 2 * least)
        return paragraph if paragraph >= 0 else least

    def _add_the_rest(self, text: str) -> None:
        """Put the rest of a text whose first screens the view shows (set_annotations): at
        the end of the document, so that nothing shown moves."""
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text[self._shown :])
        self._shown = len(text)

    def shown_length(self) -> int:
        """How much of the document's text (code points) the view holds: all of it, except
        between the first frame of an opening and its end."""
        return self._shown

    @property
    def annotations(self) -> AnnotationSet | None:
        return self._aset

    def _on_change(self, change: Change) -> None:
        region = change.region()
        if change.schema_changed:
            self._forget_looks()  # a label's colour or kind may have changed
        if region is None or change.schema_changed:
            self._schedule_refresh(geometry=False)
            return
        self._stale = True  # the pieces are rebuilt at the next paint, from the ones kept
        self._update_stretch(*region)

    def _update_stretch(self, start: int, end: int) -> None:
        """Ask for a repaint of the lines showing [start, end) (nothing when off screen)."""
        lo, hi = self._range
        if end < lo or start > hi:
            return
        first, last = self._caret_rect(max(start, lo)), self._caret_rect(min(end, hi))
        top, bottom = min(first.top(), last.top()), max(first.bottom(), last.bottom())
        rect = QRect(0, top - 2, self.viewport().width(), bottom - top + 5)
        self._dirty = self._dirty.united(rect)
        self.viewport().update(rect)

    def after_next_paint(self, work: Callable[[], None]) -> None:
        """Run `work` at the turn of the event loop after the next frame: what can wait
        (hazm's warm-up) does not delay the first one."""
        self._after_paint.append(work)

    def paint_now(self) -> None:
        """Paint what edits changed now, not at the next turn of the event loop: the key
        handler paints the frame showing its edit before the journal's fsync (MainWindow)."""
        if self._stale:
            # the changed pieces ask Qt for their own repaint: made now, they join this one
            self.refresh_highlights()
        dirty, self._dirty = self._dirty, QRect()
        if not dirty.isEmpty():
            self.viewport().repaint(dirty)

    # ---- offsets at the Qt boundary --------------------------------------------------

    def to_qt(self, cp: int) -> int:
        return self._map.to_utf16(cp)

    def to_cp(self, qt_pos: int, snap: Snap = "down") -> int:
        # Qt never leaves the caret inside a surrogate pair, but be safe rather than raise
        return self._map.to_codepoint(qt_pos, snap=snap)

    def selection_range(self) -> tuple[int, int] | None:
        """The selected text as code points (start < end), or None without a selection."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.to_cp(cursor.selectionStart()), self.to_cp(cursor.selectionEnd(), "up")

    def cursor_position(self) -> int:
        return self.to_cp(self.textCursor().position())

    def select_range(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.to_qt(start))
        cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def ensure_visible(self, cp: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.to_qt(cp))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def select_sentence(self) -> None:
        """Select the sentence around the cursor (for claims)."""
        if self._aset is None or not self._aset.text:
            return
        pos = min(self.cursor_position(), len(self._aset.text) - 1)
        start, end = sentence_at(self._aset.text, pos)
        if end > start:
            self.select_range(start, end)

    # ---- current span --------------------------------------------------------------

    def set_current_span(self, span_id: str, reveal: bool = True) -> None:
        for old_or_new in (self._current, span_id):  # the outline and the thick bars move
            if self._aset is not None and self._aset.has_span(old_or_new):
                span = self._aset.span(old_or_new)
                self._update_stretch(span.start, span.end)
        self._current = span_id
        if reveal and self._aset is not None and self._aset.has_span(span_id):
            span = self._aset.span(span_id)
            whole = self._is_visible(span) and self._is_visible_end(span)  # before the caret scrolls
            cursor = self.textCursor()
            cursor.setPosition(self.to_qt(span.start))
            self.setTextCursor(cursor)
            if not whole:
                self._reveal(span)

    def _is_visible_end(self, span: Span) -> bool:
        start, end = self.visible_range()
        return start <= span.end <= end

    def _reveal(self, span: Span) -> None:
        """Scroll a span that was not all on screen into view: its start in the middle,
        or, when it is long (a claim of several lines), higher, so that as much of it as
        fits is shown; never its start off the top. (Qt's least scroll left a claim chosen
        in the list on the view's last line, the rest of it out of view.)"""
        self.centerCursor()
        line = max(self.fontMetrics().lineSpacing(), 1)
        end = QTextCursor(self.document())
        end.setPosition(self.to_qt(span.end))
        first, last = self.cursorRect().top(), self.cursorRect(end).bottom()  # after the scroll: not the kept rects
        below = last - self.viewport().height() + line // 2
        if below > 0:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + min(below, max(first - line, 0)) // line)

    def current_span(self) -> str:
        return self._current

    def set_linked(self, span_ids: set[str]) -> None:
        """Mark these spans (those linked to the current claim) with a box, and join each
        to the current span with a line when both are on screen."""
        linked = frozenset(span_ids)
        if linked != self._linked:
            self._linked = linked
            self.viewport().update()

    def linked_spans(self) -> frozenset[str]:
        return self._linked

    def _is_visible(self, span: Span) -> bool:
        start, end = self.visible_range()
        return start <= span.start < end

    # ---- drawing -------------------------------------------------------------------

    def visible_range(self) -> tuple[int, int]:
        """Code points of the lines the viewport shows (whole lines, so a bit more).

        By line, not by block: an article of one long paragraph is one block, and all of
        its spans would otherwise be drawn at every frame."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0, 0
        height = self.viewport().height()
        offset = self.contentOffset()
        start = end = -1
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            top = geometry.top()
            if top > height:
                break
            if top >= 0 and geometry.bottom() <= height:  # wholly on screen
                first, last = 0, block.length() - 1
            else:
                # a line of slack each side: the layout's origin may sit a margin off the block's
                first, last = _lines_within(block.layout(), -top - _SLACK, height - top + _SLACK)
            if first is not None and last is not None:
                if start < 0:
                    start = block.position() + first
                end = block.position() + last
            block = block.next()
        if start < 0:
            return 0, 0
        end = min(end, self._map.utf16_length)
        return self.to_cp(start), self.to_cp(end, "up")

    def refresh_highlights(self, restyle: bool = False, visible: tuple[int, int] | None = None) -> None:
        """Rebuild the extra selections for the visible stretch only; restyle: the colours
        changed (a theme or a label's colour), so no piece made before is reused; visible:
        visible_range() as just found by the caller, the view neither scrolled nor re-laid
        out since (an opening's first frame: it is found once)."""
        if restyle:
            self._forget_looks()
        self._stale = False
        if self._aset is None:
            self._visible = []
            self.setExtraSelections([])
            return
        start, end = self._range = visible or self.visible_range()
        self._visible = list(self._aset.spans_in(start, end))
        self.setExtraSelections(self._segments(self._visible, start, end))

    def _forget_looks(self) -> None:
        """The pieces and their formats were made for other colours, labels or text."""
        self._pieces.clear()
        self._formats.clear()

    def _schedule_refresh(self, *_args: object, geometry: bool = True) -> None:
        """Refresh everything at the next paint; geometry: the text moved (a scroll, a
        resize, a new font or text), so the rectangles kept are no longer where they were."""
        if geometry:
            self._forget_geometry()
        self._stale = True
        self.viewport().update()

    def _segments(self, spans: list[Span], lo: int, hi: int) -> list[QTextEdit.ExtraSelection]:
        """Cut the visible spans into pieces with one look each, so that nesting and overlap
        show: the innermost entity's fill (stronger when nested), the innermost claim's
        underline."""
        assert self._aset is not None
        palette = self.palette()
        looks = {label.id: (label.kind, label.color) for label in self._aset.schema.labels}
        entities: list[tuple[int, int, str]] = []
        claims: list[tuple[int, int, str]] = []
        for span in spans:
            kind, _color = looks.get(span.label, (LabelKind.ENTITY, "#888888"))
            (claims if kind is LabelKind.CLAIM else entities).append((span.start, span.end, span.label))
        points = sorted({lo, hi, *(max(lo, s.start) for s in spans), *(min(hi, s.end) for s in spans)})
        pieces: list[list[object]] = []  # [a, b, look], consecutive pieces of one look merged
        previous_key: tuple[object, ...] | None = None
        entity_sweep, claim_sweep = _Sweep(entities), _Sweep(claims)
        for a, b in itertools.pairwise(points):
            entity, depth = entity_sweep.innermost(a)
            claim, _ = claim_sweep.innermost(a)
            if entity is None and claim is None:
                previous_key = None
                continue
            key = (entity, depth, claim)
            if key == previous_key and pieces:
                pieces[-1][1] = b
                continue
            previous_key = key
            pieces.append([a, b, key])
        document = self.document()
        selections: list[QTextEdit.ExtraSelection] = []
        kept, self._pieces = self._pieces, {}
        for a, b, key in pieces:
            found = kept.get((a, b, key))  # type: ignore[index]
            if found is not None:  # the same piece as last time: no new cursor
                self._pieces[(a, b, key)] = found  # type: ignore[index]
                selections.append(found)
                continue
            fmt = self._formats.get(key)
            if fmt is None:
                entity, depth, claim = key  # type: ignore[misc]
                fmt = self._formats[key] = QTextCharFormat()
                if entity is not None:
                    fmt.setBackground(background_for(looks.get(entity, ("", "#888888"))[1], palette, depth))
                if claim is not None:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(line_color_for(looks.get(claim, ("", "#888888"))[1], palette))
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(self.to_qt(a))
            cursor.setPosition(self.to_qt(b), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[misc]
            selection.format = fmt  # type: ignore[misc]
            self._pieces[(a, b, key)] = selection  # type: ignore[index]
            selections.append(selection)
        return selections

    def paintEvent(self, event: QPaintEvent) -> None:
        while self._after_paint:
            QTimer.singleShot(0, self._after_paint.pop(0))
        if self._stale:
            # the new selections take part in this very paint (Qt reads them while painting)
            self.refresh_highlights()
        super().paintEvent(event)
        self._box_missing_glyphs()
        if self._aset is None or not self._visible:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        schema = self._aset.schema
        palette = self.palette()
        depths = _nesting_depths(self._visible)
        for span in self._visible:
            depth = depths[span.id]
            color = line_color_for(_color(schema, span.label), palette)
            painter.setPen(QPen(color, 4 if span.id == self._current else 2))
            inset = min(depth * 3, 9)
            width = 4 if span.id == self._current else 2
            for pos, inside, outside in ((span.start, span.start, span.start - 1), (span.end, span.end - 1, span.end)):
                rect = self._edge_rect(pos, inside)
                x = rect.center().x() + self._bar_side(pos, inside, outside) * (width // 2)
                painter.drawLine(x, rect.top() + inset, x, rect.bottom() - inset)
            if span.id == self._current:
                self._outline(painter, span, color)
        if self._linked:
            self._paint_links(painter)
        painter.end()

    def _paint_links(self, painter: QPainter) -> None:
        """A box around each visible linked span and a line from the current span to it:
        a few rectangles for the spans on screen, nothing for the rest."""
        assert self._aset is not None
        current = next((s for s in self._visible if s.id == self._current), None)
        anchor = self._caret_rect(current.start).center() if current is not None else None
        color = link_color(self.palette())
        for span in self._visible:
            if span.id not in self._linked:
                continue
            first, last = self._caret_rect(span.start), self._caret_rect(span.end)
            if first.top() == last.top():
                left, right = sorted((first.center().x(), last.center().x()))
                box = QRect(left - 2, first.top() - 1, right - left + 4, first.height() + 2)
            else:  # across lines: box the first line's part, from its start to the line's end (left)
                left = self.viewport().rect().left() + 4
                box = QRect(left, first.top() - 1, first.center().x() - left + 2, first.height() + 2)
            painter.setPen(QPen(color, 2, Qt.PenStyle.SolidLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 3, 3)
            if anchor is not None:
                painter.setPen(QPen(color, 1, Qt.PenStyle.DotLine))
                painter.drawLine(anchor, box.center())

    def _caret_rect(self, cp: int) -> QRect:
        rect = self._caret_rects.get(cp)
        if rect is None:
            if cp > self._shown:  # the end of a span past the first screens: far below them
                return QRect(0, 1 << 24, self.cursorWidth(), 1)
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.to_qt(cp))
            rect = self._caret_rects[cp] = self.cursorRect(cursor)
            if len(self._caret_rects) > 20_000:  # a long session without scrolling
                self._forget_geometry()
        return rect

    def _forget_geometry(self) -> None:
        """Drop every rectangle kept for where the text was drawn (it moved, or too many)."""
        self._caret_rects.clear()
        self._caret_width_now = 0
        self._bar_sides.clear()
        self._edge_rects.clear()
        self._boxes.clear()
        self._block_origins.clear()

    def _edge_rect(self, boundary: int, inside: int) -> QRect:
        """Where a span's bar at `boundary` stands: at the edge of its own first (or last)
        character, the one at `inside`, on that character's line. The caret at a boundary
        is not always there: between a right-to-left space and a Latin word inside a
        Persian line, Qt puts it on the space's side, so the bars of "Comissaria" stood
        before the space and over its last letter."""
        key = (boundary, inside)
        rect = self._edge_rects.get(key)
        if rect is None:
            text = self._aset.text if self._aset is not None else ""
            found = self._char_box(inside) if 0 <= inside < len(text) and boundary <= self._shown else None
            if found is not None:
                box, right_to_left = found
                # a span's first character's leading edge, its last one's trailing edge
                x = box.right() if right_to_left == (inside == boundary) else box.left()
                # centred on x as Qt centres a caret there (QRect.center() of an even width)
                width = self._caret_width()
                left = round(x) - (width - 1) // 2
                rect = QRect(left, round(box.top()), width, round(box.height()))
            else:
                rect = self._caret_rect(boundary)
            self._edge_rects[key] = rect
        return rect

    def _caret_width(self) -> int:
        """A caret's width: the same wherever it stands (the cursor width, and a slant
        only for an italic font), so it is asked of Qt once, not once for each bar (a
        QTextCursor set at every span boundary on screen took a tenth of a frame)."""
        if not self._caret_width_now:
            self._caret_width_now = self._caret_rect(0).width()
        return self._caret_width_now

    def _char_box(self, cp: int) -> tuple[QRectF, bool] | None:
        if cp in self._boxes:  # a bar asks for its character's box twice (where, which side)
            return self._boxes[cp]
        found = self._char_box_now(cp)
        self._boxes[cp] = found
        return found

    def _char_box_now(self, cp: int) -> tuple[QRectF, bool] | None:
        """Where the character at cp is drawn (viewport coordinates, the height of its
        line: between the layout's leading and trailing cursor edges of it), and whether
        it runs right to left; None when it takes no room (a ZWNJ).
        Where a Latin word starts inside a Persian line both edges are the same x (Qt puts
        the cursor on the Persian side), which made its first letter's box empty and put
        its bars on the wrong side: its glyphs' own box is taken there. So it is for an
        emoji of several code points (👍🏽, 🇮🇷, a ZWJ family): the box of the whole, as no
        caret stands inside it (a flag's second half had the box of the space after it,
        and a span over the flag both its bars at one side)."""
        qt = self.to_qt(cp)
        block = self.document().findBlock(qt)
        layout = block.layout()
        if layout is None:
            return None
        line = layout.lineForTextPosition(qt - block.position())
        if not line.isValid():
            return None
        at = qt - block.position()
        emoji = self._emoji_cluster(cp)
        lead = trail = 0.0
        if emoji is None:
            lead = line.cursorToX(at, QTextLine.Edge.Leading)[0]
            trail = line.cursorToX(at, QTextLine.Edge.Trailing)[0]
        if lead != trail:  # a right-to-left character leads on its right
            right_to_left = lead > trail
            left, right = sorted((lead, trail))
        else:  # the first letter of a Latin word in a Persian line: its glyphs say
            if emoji is not None:
                at = self.to_qt(emoji[0]) - block.position()
            runs = line.glyphRuns(at, 1 if emoji is None else self.to_qt(emoji[1]) - self.to_qt(emoji[0]))
            if not runs:
                return None
            right_to_left = runs[0].isRightToLeft()
            left = min(run.boundingRect().left() for run in runs)
            right = max(run.boundingRect().right() for run in runs)
            if right <= left:
                return None
        origin = self._block_origin(block, layout)
        box = QRectF(origin.x() + left, origin.y() + line.y(), right - left, line.height())
        return box, right_to_left

    def _emoji_cluster(self, cp: int) -> tuple[int, int] | None:
        """The cluster holding cp when it is several code points with an astral one among
        them (an emoji sequence, a flag), else None: at once for a text without astral
        characters, and for a Persian letter with its marks (their carets are right)."""
        if self._aset is None or self._map.is_identity:
            return None
        text = self._aset.text
        first, after = cluster_at(text, cp)
        if after - first > 1 and any(ord(ch) > 0xFFFF for ch in text[first:after]):
            return first, after
        return None

    def _block_origin(self, block: QTextBlock, layout: QTextLayout) -> QPointF:
        origin = self._block_origins.get(block.blockNumber())
        if origin is None:
            origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft() + layout.position()
            self._block_origins[block.blockNumber()] = origin
        return origin

    def _bar_side(self, boundary: int, inside: int, outside: int) -> int:
        """Which way a span's bar at boundary is moved off the caret: +1 right, -1 left.
        It lies outside the span, like a bracket, unless a visible character is there on
        the same line (a full stop right after a claim): then inside, so the neighbour stays
        readable.  Bidi, not the text's direction, says which side is which."""
        key = (boundary, inside)
        side = self._bar_sides.get(key)
        if side is None:
            side = 0
            text = self._aset.text if self._aset is not None else ""
            if 0 <= inside < len(text):
                char = self._char_rect(inside)
                caret = self._edge_rect(boundary, inside)
                if not char.isEmpty() and char.top() <= caret.center().y() <= char.bottom():
                    side = 1 if char.center().x() > caret.center().x() else -1  # inward
                    neighbour = 0 <= outside < len(text) and not text[outside].isspace()
                    if not (neighbour and self._char_rect(outside).contains(QPointF(caret.center()))):
                        side = -side  # nothing there to cover: outward
            self._bar_sides[key] = side
        return side

    def _outline(self, painter: QPainter, span: Span, color: QColor) -> None:
        """A dashed line under every line of the current span, so it is found at a glance."""
        pen = QPen(color, 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        first, last = self._caret_rect(span.start), self._caret_rect(span.end)
        if first.top() == last.top():
            left, right = sorted((first.center().x(), last.center().x()))
            painter.drawLine(left, first.bottom() + 1, right, first.bottom() + 1)

    # ---- input ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        text = event.text().translate(_DIGITS)
        if self._aset is not None and modifiers == Qt.KeyboardModifier.NoModifier and text:
            for label in self._aset.schema.labels:
                if label.shortcut and text == label.shortcut:
                    self.labelRequested.emit(label.id)
                    return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not modifiers:
            self.deleteRequested.emit()
            return
        if event.key() == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier:
            # the context menu, as the Menu key opens it: Qt makes Shift+F10 one on Windows
            # only, and on Linux it did nothing (the README promises both)
            at = self.cursorRect().center()
            self.contextMenuEvent(
                QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, self.viewport().mapToGlobal(at))
            )
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear_selection()
            self.set_current_span("", reveal=False)
            self.spanClicked.emit("")
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        moved = self._press_pos is not None and ((event.position().toPoint() - self._press_pos).manhattanLength() > 3)
        if event.button() == Qt.MouseButton.LeftButton and not moved and not self.textCursor().hasSelection():
            span = self.span_at_point(event.position().toPoint())
            self.spanClicked.emit(span.id if span else "")

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard  # the Menu key or Shift+F10
        if keyboard and self._aset is not None and self._aset.has_span(self._current):
            # the current span's menu, shown at the span
            rect = self._caret_rect(self._aset.span(self._current).start)
            self.spanMenuRequested.emit(self._current, self.viewport().mapToGlobal(rect.bottomLeft()))
            return
        span = self.span_at_point(event.pos())
        if span is None:
            super().contextMenuEvent(event)  # Qt's own: copy, select all
            return
        self.spanMenuRequested.emit(span.id, event.globalPos())

    def span_at_point(self, point: QPoint) -> Span | None:
        """The innermost span under a point of the viewport."""
        if self._aset is None:
            return None
        pos = self.to_cp(self.cursorForPosition(point).position())
        # the caret Qt finds sits between characters, and where the line's direction changes
        # (a guillemet, a digit, a Latin word) its neighbours in memory are not the ones on
        # screen: test the glyphs of the characters around it against the point itself
        for cp in (pos, pos - 1, pos + 1, pos - 2):
            if 0 <= cp < len(self._aset.text):
                spans = self._aset.spans_at(cp)
                if spans and self._char_rect(cp).contains(QPointF(point)):
                    return spans[0]
        return None

    def _char_rect(self, cp: int) -> QRectF:
        """Where the character at cp is drawn, in viewport coordinates, a pixel wider on
        each side (right whichever way bidi ordered its line); empty when it has no glyph."""
        found = self._char_box(cp)
        return found[0].adjusted(-1, 0, 1, 0) if found is not None else QRectF()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:  # a scroll bar came or went: lines re-wrap
            self._schedule_refresh()
        if event.type() == QEvent.Type.ToolTip and self._aset is not None:
            point = event.pos()  # type: ignore[attr-defined]
            cursor = self.cursorForPosition(point)
            pos = self.to_cp(cursor.position())
            spans = [s for cp in (pos, pos - 1) if cp >= 0 for s in self._aset.spans_at(cp)]
            unique = list(dict.fromkeys(spans))
            if unique:
                lines = [f"{isolated(self._label_name(s.label))}: {rtl(clip(s.text, 60))}" for s in unique]
                # shown with the window's direction (the view is always right to left)
                QToolTip.showText(event.globalPos(), "\n".join(lines), self.window())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _label_name(self, label_id: str) -> str:
        assert self._aset is not None
        language = "fa" if self.window().layoutDirection() == Qt.LayoutDirection.RightToLeft else "en"
        return self._aset.schema.label_name(label_id, language)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._schedule_refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.StyleChange,
        ):
            self._forget_looks()  # their fills and underlines were made for the old palette
            self._schedule_refresh()
        super().changeEvent(event)

    def _box_missing_glyphs(self) -> None:
        """A visible box where no installed font has the character (an emoji, most often):
        Qt leaves an empty gap there, and a gap reads as a space, hiding that the text has
        something the reader cannot see."""
        boxes = self._missing_glyph_boxes()
        if not boxes:
            return
        painter = QPainter(self.viewport())
        painter.setPen(QPen(self.palette().text().color(), 1))
        side = self.fontMetrics().ascent() * 0.8
        for rect in boxes:
            width = rect.width() - 4 if rect.width() > side * 0.5 else side * 0.35  # zero-width: a sliver
            painter.drawRect(QRectF(rect.center().x() - width / 2, rect.center().y() - side / 2, width, side))
        painter.end()

    def _missing_glyph_boxes(self) -> list[QRectF]:
        """Where the characters without a glyph are drawn, one rectangle a user-perceived
        character: 👍🏽, 🇮🇷 or a ZWJ family is one character of several code points, and
        boxing each code point drew two or three boxes, or a box on half of it."""
        if self._aset is None:
            return []
        text = self._aset.text
        start, end = self._range  # what this frame's refresh_highlights found
        boxes: list[QRectF] = []
        boxed = -1  # the end of the last cluster boxed
        for m in _RARE.finditer(text, start, end):  # positions count from the text's start
            if m.start() < boxed or has_glyph(m.group()):
                continue
            first, boxed = _grapheme_at(text, m.start())
            boxes.append(self._char_rect(first) if boxed - first == 1 else self._cluster_rect(first, boxed))
        return boxes

    def _cluster_rect(self, first: int, after: int) -> QRectF:
        """Where the cluster [first, after) is drawn, as _char_rect says it for one code
        point: from its glyphs (the caret edges inside it are not its edges: a flag, left
        to right in a Persian line, had its second half's box on the space after it)."""
        qt = self.to_qt(first)
        block = self.document().findBlock(qt)
        layout = block.layout()
        line = layout.lineForTextPosition(qt - block.position()) if layout is not None else None
        runs = line.glyphRuns(qt - block.position(), self.to_qt(after) - qt) if line and line.isValid() else []
        if layout is None or line is None or not runs:
            return self._char_rect(first)
        left = min(run.boundingRect().left() for run in runs)
        right = max(run.boundingRect().right() for run in runs)
        origin = self._block_origin(block, layout)
        return QRectF(origin.x() + left - 1, origin.y() + line.y(), right - left + 2, line.height())

    def set_font_size(self, size: int, family: str) -> None:
        font = QFont(family, size)
        font.setFamilies([family, *EMOJI_FAMILIES])  # emoji from a colour emoji font where there is one
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._schedule_refresh()


# colour emoji fonts of Linux, macOS and Windows, tried after the article's font
EMOJI_FAMILIES = ("Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", "Twemoji", "EmojiOne Color")
# characters worth checking for a glyph: beyond Latin, Arabic and Persian, except the ones
# drawn as nothing on purpose (joiners, variation selectors, marks, spaces)
_RARE = re.compile(
    "[^\u0000-\u1fff\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufb50-\ufdff\ufe00-\ufe0f\ufe70-\ufeff\U000e0000-\U000e007f]"
)


def _grapheme_at(text: str, cp: int) -> tuple[int, int]:
    """The user-perceived character (grapheme cluster) holding the character at cp, as
    Qt's text layout groups them (QTextBoundaryFinder), in code points. Only the word
    around cp is looked at (no cluster crosses white space)."""
    lo = max(0, cp - 64)
    lo = max([lo, *(text.rfind(c, lo, cp) + 1 for c in " \n\t")])
    hi = min(len(text), cp + 64)
    hi = min([hi, *(i for i in (text.find(c, cp, hi) for c in " \n\t") if i >= 0)])
    piece = text[lo:hi]
    units = Utf16Map(piece)
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, piece)
    at = units.to_utf16(cp - lo)
    finder.setPosition(at)
    first = at if finder.isAtBoundary() else finder.toPreviousBoundary()
    finder.setPosition(at)
    after = finder.toNextBoundary()
    if first < 0 or after < 0:  # Qt found no boundary (cannot happen in a valid piece)
        return cp, cp + 1
    return lo + units.to_codepoint(first, "down"), lo + units.to_codepoint(after, "up")


@cache
def has_glyph(char: str) -> bool:
    """Whether any installed font draws this character."""
    if unicodedata.category(char) in ("Mn", "Me", "Cf", "Zs", "Zl", "Zp", "Cc", "Co", "Cn"):
        return True  # drawn as nothing (or not at all) on purpose: no box
    code = ord(char)
    return any(QFontMetrics(QFont(family)).inFontUcs4(code) for family in QFontDatabase.families())


def _color(schema: Schema, label_id: str) -> str:
    label = schema.label(label_id)
    return label.color if label else "#888888"


_SLACK = 40  # pixels
# the least of a long text put in the view for an opening's first frame (set_annotations)
FIRST_SCREEN_CHARS = 16_000


class _Sweep:
    """The spans covering each piece between consecutive cut points, found left to right.

    Every span's (clipped) start and end is a cut point, so a span that starts at or before
    a piece's start and ends after it covers the whole piece; only the spans open at the
    moment are looked at, not all the visible ones (a frame cuts a few hundred pieces)."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self._spans = sorted(spans)
        self._next = 0
        self._open: list[tuple[int, int, str]] = []

    def innermost(self, a: int) -> tuple[str | None, int]:
        """The label of the shortest span covering the piece starting at a (cut points
        asked in increasing order), and how many cover it."""
        spans = self._spans
        while self._next < len(spans) and spans[self._next][0] <= a:
            self._open.append(spans[self._next])
            self._next += 1
        self._open = [s for s in self._open if s[1] > a]
        label: str | None = None
        shortest = -1
        for start, end, span_label in self._open:
            if shortest < 0 or end - start < shortest:
                shortest, label = end - start, span_label
        return label, len(self._open)


def _nesting_depths(spans: list[Span]) -> dict[str, int]:
    """For each span, how many longer spans contain it (its bracket bars are inset by it)."""
    depths: dict[str, int] = {}
    open_spans: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        open_spans = [o for o in open_spans if o.end > span.start]
        length = span.end - span.start
        depths[span.id] = sum(1 for o in open_spans if o.end >= span.end and o.end - o.start > length)
        open_spans.append(span)
    return depths


def _lines_within(layout: QTextLayout, top: float, bottom: float) -> tuple[int | None, int | None]:
    """The first and the end position (relative to the block) of the layout lines between
    top and bottom (layout coordinates), by bisection: a long paragraph has thousands."""
    count = layout.lineCount()
    if count == 0:
        return None, None
    lo, hi = 0, count
    while lo < hi:  # first line whose bottom is below top
        mid = (lo + hi) // 2
        line = layout.lineAt(mid)
        if line.y() + line.height() < top:
            lo = mid + 1
        else:
            hi = mid
    first = lo
    if first >= count:
        return None, None
    lo, hi = first, count
    while lo < hi:  # first line whose top is below bottom
        mid = (lo + hi) // 2
        if layout.lineAt(mid).y() > bottom:
            hi = mid
        else:
            lo = mid + 1
    if lo == first:
        return None, None
    last = layout.lineAt(lo - 1)
    return layout.lineAt(first).textStart(), last.textStart() + last.textLength()
