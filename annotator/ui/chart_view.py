"""A bar chart drawn with QPainter: on screen, into a PNG and into an SVG, from one routine.

Labels and numbers go through QPainter.drawText, that is Qt's own text layout, so Persian
shapes and runs right to left. In a right-to-left interface the bars of a category chart
grow from the right, beside their labels; a time chart keeps time running left to right,
as Persian news graphics usually do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from .theme import persian_digits

Series = list[tuple[str, int]]


def _digits(n: int, persian: bool) -> str:
    text = f"{n:,}"
    return persian_digits(text.replace(",", "٬")) if persian else text


def paint_chart(
    painter: QPainter,
    rect: QRectF,
    series: Series,
    title: str,
    *,
    vertical: bool,
    rtl: bool,
    persian_digits: bool,
    font: QFont,
    palette: QPalette,
    empty: str,
) -> None:
    """Draw `series` (label, count) as bars in `rect`: horizontal bars for categories,
    columns for a time series (`vertical`)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
    text_colour = palette.color(QPalette.ColorRole.Text)
    bar_colour = QColor("#4363d8")
    title_font = QFont(font)
    title_font.setBold(True)
    title_font.setPointSizeF(font.pointSizeF() * 1.15)
    painter.setFont(title_font)
    painter.setPen(text_colour)
    direction = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    margin = 12.0
    fm_title = QFontMetricsF(title_font)
    title_rect = QRectF(rect.left() + margin, rect.top() + margin, rect.width() - 2 * margin, fm_title.height() * 1.4)
    painter.drawText(title_rect, direction | Qt.AlignmentFlag.AlignVCenter, title)
    painter.setFont(font)
    fm = QFontMetricsF(font)
    area = QRectF(
        rect.left() + margin,
        title_rect.bottom() + margin / 2,
        rect.width() - 2 * margin,
        rect.bottom() - title_rect.bottom() - 1.5 * margin,
    )
    if not series:
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, empty)
        painter.restore()
        return
    top = max(n for _, n in series) or 1
    if vertical:
        _columns(painter, area, series, top, fm, bar_colour, text_colour, persian_digits)
    else:
        _bars(painter, area, series, top, fm, bar_colour, text_colour, rtl, persian_digits)
    painter.restore()


def _bars(
    painter: QPainter,
    area: QRectF,
    series: Series,
    top: int,
    fm: QFontMetricsF,
    bar: QColor,
    text: QColor,
    rtl: bool,
    persian: bool,
) -> None:
    row = min(fm.height() * 1.8, area.height() / len(series))
    gap = 10.0  # between a label and its bar
    label_width = min(max(fm.horizontalAdvance(label) for label, _ in series) + gap, area.width() * 0.4)
    number_width = fm.horizontalAdvance(_digits(top, persian)) + 8
    bar_space = area.width() - label_width - number_width
    for i, (label, n) in enumerate(series):
        y = area.top() + i * row
        length = bar_space * n / top
        shown = fm.elidedText(label, Qt.TextElideMode.ElideMiddle, label_width - gap)
        if rtl:
            label_rect = QRectF(area.right() - label_width + gap, y, label_width - gap, row)
            bar_rect = QRectF(area.right() - label_width - length, y + row * 0.15, length, row * 0.7)
            number_rect = QRectF(bar_rect.left() - number_width, y, number_width - 4, row)
            label_align, number_align = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignRight
        else:
            label_rect = QRectF(area.left(), y, label_width - gap, row)
            bar_rect = QRectF(area.left() + label_width, y + row * 0.15, length, row * 0.7)
            number_rect = QRectF(bar_rect.right() + 4, y, number_width, row)
            label_align, number_align = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignLeft
        painter.fillRect(bar_rect, bar)
        painter.setPen(text)
        painter.drawText(label_rect, label_align | Qt.AlignmentFlag.AlignVCenter, shown)
        painter.drawText(number_rect, number_align | Qt.AlignmentFlag.AlignVCenter, _digits(n, persian))


def _columns(
    painter: QPainter,
    area: QRectF,
    series: Series,
    top: int,
    fm: QFontMetricsF,
    bar: QColor,
    text: QColor,
    persian: bool,
) -> None:
    label_height = fm.height() * 1.4
    plot = QRectF(area.left(), area.top() + fm.height(), area.width(), area.height() - label_height - fm.height())
    width = plot.width() / len(series)
    widest = max(fm.horizontalAdvance(label) for label, _ in series) + fm.horizontalAdvance("  ")
    every = max(1, int(widest / max(width, 1)) + 1)  # every n-th label, so that they fit
    for i, (label, n) in enumerate(series):
        height = plot.height() * n / top
        x = plot.left() + i * width
        column = QRectF(x + width * 0.15, plot.bottom() - height, width * 0.7, height)
        painter.fillRect(column, bar)
        painter.setPen(text)
        if width >= fm.horizontalAdvance(_digits(n, persian)):
            painter.drawText(
                QRectF(x, column.top() - fm.height(), width, fm.height()),
                Qt.AlignmentFlag.AlignCenter,
                _digits(n, persian),
            )
        if i % every == 0:
            shown = persian_digits(label) if persian else label
            painter.drawText(
                QRectF(x - width * every / 2 + width / 2, plot.bottom() + 2, width * every, label_height),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                shown,
            )
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())


class ChartView(QWidget):
    """Shows one chart; save_png/save_svg write exactly what it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.series: Series = []
        self.title = ""
        self.vertical = False
        self.persian_digits = False
        self.empty_text = ""

    def sizeHint(self) -> QSize:
        return QSize(720, 440)

    def set_chart(self, series: Series, title: str, vertical: bool, persian_digits: bool, empty: str) -> None:
        self.series, self.title, self.vertical = series, title, vertical
        self.persian_digits, self.empty_text = persian_digits, empty
        self.update()

    def _paint(self, painter: QPainter, rect: QRectF) -> None:
        paint_chart(
            painter,
            rect,
            self.series,
            self.title,
            vertical=self.vertical,
            rtl=self.layoutDirection() == Qt.LayoutDirection.RightToLeft,
            persian_digits=self.persian_digits,
            font=self.font(),
            palette=self.palette(),
            empty=self.empty_text,
        )

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        self._paint(painter, QRectF(self.rect()))
        painter.end()

    def save_png(self, path: Path) -> bool:
        image = QImage(self.size() * 2, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(2)
        painter = QPainter(image)
        self._paint(painter, QRectF(self.rect()))
        painter.end()
        return image.save(str(path), "PNG")

    def save_svg(self, path: Path) -> bool:
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(self.size())
        generator.setViewBox(self.rect())
        generator.setTitle(self.title)
        painter = QPainter()
        if not painter.begin(generator):
            return False
        self._paint(painter, QRectF(self.rect()))
        return painter.end()
