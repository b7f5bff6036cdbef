"""The relationship graph: N hops around a CI, layered left to right by dependency.

The neighbourhood, the layout and the open-incident counts are computed on the database
worker (``desk.cmdb.graph_data.load_graph``, Qt-free); the view only builds and paints items.
Nodes are coloured by class, CIs with open incidents carry a red badge, the centre has a heavy
frame. A click on a node re-centres the graph on it; the wheel zooms; PNG and SVG export
render the whole scene.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStyleOptionGraphicsItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.cmdb.graph import CiRef
from desk.cmdb.graph_data import DEFAULT_HOPS, MAX_NODES, MORE_NODES, GraphData, load_graph
from desk.cmdb.vocab import RelType
from desk.services.changes import Changes
from desk.ui.cmdb.common import (
    CLASS_COLORS,
    REL_COLORS,
    class_color,
    class_label,
    rel_label,
)
from desk.ui.i18n import translate
from desk.ui.worker import DbRunner, Op

NODE_W, NODE_H = 170.0, 40.0
LAYER_GAP, ROW_GAP, SUBCOL_GAP = 90.0, 14.0, 16.0
WRAP_ROWS = 16
ZOOM_STEP = 1.15


def _tint(color: QColor, amount: float = 0.35) -> QColor:
    """The class colour mixed with white: a fill that dark text stays readable on."""
    return QColor(int(color.red() * amount + 255 * (1 - amount)),
                  int(color.green() * amount + 255 * (1 - amount)),
                  int(color.blue() * amount + 255 * (1 - amount)))


class NodeItem(QGraphicsItem):
    def __init__(self, ref: CiRef, open_incidents: int, centre: bool) -> None:
        super().__init__()
        self.ref = ref
        self.open_incidents = open_incidents
        self.centre = centre
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAcceptHoverEvents(True)
        tip = f"{ref.name}\n{class_label(ref.class_name)}"
        if open_incidents:
            tip += "\n" + (translate("1 open incident") if open_incidents == 1 else
                           translate("{n} open incidents").format(n=open_incidents))
        self.setToolTip(tip)

    def boundingRect(self) -> QRectF:
        return QRectF(-4, -10, NODE_W + 14, NODE_H + 14)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        color = class_color(self.ref.class_name)
        rect = QRectF(0, 0, NODE_W, NODE_H)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#111111") if self.centre else color.darker(130),
                            3.0 if self.centre else 1.2))
        painter.setBrush(QBrush(_tint(color)))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(0, 0, 7, NODE_H), 3, 3)
        font = QFont(painter.font())
        font.setPointSizeF(9.0)
        font.setBold(self.centre or self.ref.is_service)
        painter.setFont(font)
        painter.setPen(QColor("#111111"))
        fm = QFontMetrics(font)
        name = fm.elidedText(self.ref.name, Qt.TextElideMode.ElideRight, int(NODE_W - 18))
        painter.drawText(QRectF(12, 3, NODE_W - 16, 18), Qt.AlignmentFlag.AlignLeft
                         | Qt.AlignmentFlag.AlignVCenter, name)
        small = QFont(painter.font())
        small.setPointSizeF(7.5)
        small.setBold(False)
        painter.setFont(small)
        painter.setPen(QColor("#444444"))
        painter.drawText(QRectF(12, 21, NODE_W - 16, 15), Qt.AlignmentFlag.AlignLeft
                         | Qt.AlignmentFlag.AlignVCenter, class_label(self.ref.class_name))
        if self.open_incidents:
            badge = QRectF(NODE_W - 12, -8, 22, 18)
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(QColor("#C62828"))
            painter.drawRoundedRect(badge, 9, 9)
            painter.setFont(small)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter,
                             str(self.open_incidents) if self.open_incidents < 100 else "99+")


class EdgeItem(QGraphicsItem):
    def __init__(self, a: QPointF, b: QPointF, rel_type: str, loop: bool = False) -> None:
        super().__init__()
        self.rel_type = rel_type
        self.setZValue(-1)
        path = QPainterPath(a)
        dx = max(abs(b.x() - a.x()) / 2, 40.0)
        forward = b.x() >= a.x() and not loop
        if loop:  # both ends on the right side of one column
            c1, c2 = QPointF(a.x() + 60, a.y()), QPointF(b.x() + 60, b.y())
        else:
            c1 = QPointF(a.x() + (dx if forward else -dx), a.y())
            c2 = QPointF(b.x() - (dx if forward else -dx), b.y())
        path.cubicTo(c1, c2, b)
        self.path = path
        tip = QPointF(b)
        back = -1 if forward else 1
        self.arrow = QPolygonF([tip, QPointF(tip.x() + back * 9, tip.y() - 4.5),
                                QPointF(tip.x() + back * 9, tip.y() + 4.5)])
        self._bounds = path.boundingRect().adjusted(-10, -10, 10, 10)
        self.setToolTip(rel_label(rel_type))

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self.path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        color = QColor(REL_COLORS.get(self.rel_type, "#555555"))  # type: ignore[call-overload]
        pen = QPen(color, 1.3)
        if self.rel_type == RelType.BACKED_UP_BY:
            pen.setStyle(Qt.PenStyle.DashLine)  # does not propagate an outage by default
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(self.arrow)


class CiGraphView(QGraphicsView):
    """The picture itself; ``CiGraphPanel`` adds the toolbar and the legend."""

    centreChanged = Signal(object)  # uuid.UUID
    built = Signal()  # a graph was drawn (tests wait on it)

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAccessibleName(self.tr("Relationship graph"))
        self.hops = DEFAULT_HOPS
        self.max_nodes = MAX_NODES
        self.centre: uuid.UUID | None = None
        self.data: GraphData | None = None
        self.nodes: dict[uuid.UUID, NodeItem] = {}
        self._op: Op | None = None
        self._seq = 0
        self._press: QPointF | None = None
        self._fit_when_shown = False
        runner.changed.connect(self._on_changed)

    def show_ci(self, ci_id: uuid.UUID, hops: int | None = None) -> None:
        """Draw ``hops`` around ``ci_id``; a new centre or depth starts from the readable
        node cap again."""
        if (hops is not None and hops != self.hops) or ci_id != self.centre:
            self.max_nodes = MAX_NODES
        if hops is not None:
            self.hops = hops
        self._load(ci_id)

    def show_more(self) -> None:
        """Raise the node cap by ``MORE_NODES`` (nearest CIs first) and draw again."""
        if self.centre is not None:
            self.max_nodes += MORE_NODES
            self._load(self.centre)

    def _load(self, ci_id: uuid.UUID) -> None:
        self.centre = ci_id
        self._seq += 1
        seq = self._seq
        if self._op is not None:
            self._op.cancel()
        self._op = self.runner.read(load_graph, ci_id, self.hops, self.max_nodes,
                                    owner=self, on_done=lambda d: self._build(seq, d),
                                    on_error=lambda e: self._failed(seq, e),
                                    label="cmdb graph")

    def reload(self) -> None:
        if self.centre is not None:
            self._load(self.centre)

    def _failed(self, seq: int, err: BaseException) -> None:
        if seq == self._seq:
            self.scene().clear()
            self.nodes = {}
            self.data = None
            self.scene().addText(str(err))
            self.built.emit()

    def _build(self, seq: int, data: GraphData) -> None:
        if seq != self._seq:
            return
        scene = self.scene()
        scene.clear()
        self.data = data
        self.nodes = {}
        counts = data.open_incidents
        # A layer taller than WRAP_ROWS wraps into several columns, so 200 CIs make a block
        # that fits a screen at a readable zoom instead of one very tall column.
        rows_in: dict[int, int] = {}
        for p in data.placement.values():
            rows_in[p.layer] = p.rows
        cols_in = {lyr: -(-rows // WRAP_ROWS) for lyr, rows in rows_in.items()}
        x_of: dict[int, float] = {}
        x = 0.0
        for lyr in sorted(rows_in):
            x_of[lyr] = x
            x += cols_in[lyr] * (NODE_W + SUBCOL_GAP) - SUBCOL_GAP + LAYER_GAP
        tallest = max((min(r, WRAP_ROWS) for r in rows_in.values()), default=1)
        for ref in data.hood.nodes:
            p = data.placement[ref.id]
            item = NodeItem(ref, counts.get(ref.id, 0), ref.id == data.hood.center)
            col, row = divmod(p.row, WRAP_ROWS)
            in_col = min(WRAP_ROWS, p.rows - col * WRAP_ROWS)
            # Each column is centred vertically on the tallest one.
            offset = (tallest - in_col) * (NODE_H + ROW_GAP) / 2
            item.setPos(x_of[p.layer] + col * (NODE_W + SUBCOL_GAP),
                        offset + row * (NODE_H + ROW_GAP))
            scene.addItem(item)
            self.nodes[ref.id] = item
        for a, t, b in data.hood.edges:
            na, nb = self.nodes[a], self.nodes[b]
            if na.pos().x() < nb.pos().x():
                pa = na.pos() + QPointF(NODE_W, NODE_H / 2)
                pb = nb.pos() + QPointF(0, NODE_H / 2)
            elif na.pos().x() > nb.pos().x():
                pa = na.pos() + QPointF(0, NODE_H / 2)
                pb = nb.pos() + QPointF(NODE_W, NODE_H / 2)
            else:  # same column: loop out to the right
                pa = na.pos() + QPointF(NODE_W, NODE_H / 2)
                pb = nb.pos() + QPointF(NODE_W, NODE_H / 2)
                scene.addItem(EdgeItem(pa, pb, t, loop=True))
                continue
            scene.addItem(EdgeItem(pa, pb, t))
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-30, -30, 30, 30))
        self.fit()
        self.built.emit()

    # ---------------------------------------------------------------- interaction

    def fit(self) -> None:
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        if not self.isVisible():
            # A hidden view (the Graph tab not shown yet) has no real size: fitting now
            # would draw the graph tiny once it is shown.
            self._fit_when_shown = True
            return
        self._fit_when_shown = False
        self.resetTransform()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        # Never blow a small graph up beyond 1:1, and keep big ones legible enough to read
        # the nearest nodes (the user scrolls or zooms out for the rest).
        scale = self.transform().m11()
        if scale > 1.0 or scale < 0.35:
            self.resetTransform()
            target = min(max(scale, 0.35), 1.0)
            self.scale(target, target)
            if self.centre in self.nodes:
                self.centerOn(self.nodes[self.centre])  # type: ignore[index]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_when_shown:
            QTimer.singleShot(0, self.fit)  # once the layout has given the view its size

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(0.05 / current, min(factor, 4.0 / current))
        self.scale(factor, factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps)
            event.accept()
        else:
            super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        super().mouseReleaseEvent(event)
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (event.position() - press).manhattanLength() > 4:
            return  # a drag, not a click
        node = self.node_at(event.position().toPoint())
        if node is not None and node.ref.id != self.centre:
            self.recentre(node.ref.id)

    def node_at(self, pos: object) -> NodeItem | None:
        for item in self.items(pos):  # type: ignore[call-overload]
            if isinstance(item, NodeItem):
                return item
        return None

    def recentre(self, ci_id: uuid.UUID) -> None:
        self.show_ci(ci_id)
        self.centreChanged.emit(ci_id)

    def _on_changed(self, changes: Changes, _origin: str) -> None:
        if self.centre is not None and changes.touches(
                "configuration_items", "ci_relationships", "ticket_cis", "tickets"):
            self.reload()

    # ---------------------------------------------------------------- export

    def export_png(self, path: str | Path, scale: float = 2.0) -> None:
        rect = self.scene().sceneRect()
        size = QSize(max(1, int(rect.width() * scale)), max(1, int(rect.height() * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing
                               | QPainter.RenderHint.TextAntialiasing)
        self.scene().render(painter, QRectF(0, 0, size.width(), size.height()), rect)
        painter.end()
        image.save(str(path), "PNG")

    def export_svg(self, path: str | Path) -> None:
        rect = self.scene().sceneRect()
        gen = QSvgGenerator()
        gen.setFileName(str(path))
        gen.setSize(QSize(int(rect.width()), int(rect.height())))
        gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        gen.setTitle(self.tr("CMDB relationships"))
        painter = QPainter(gen)
        self.scene().render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        painter.end()


class CiGraphPanel(QWidget):
    """Toolbar (hops, zoom, export) + graph + legend + a line saying what is shown."""

    centreChanged = Signal(object)

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Hops:"), self))
        self.hops = QSpinBox(self)
        self.hops.setRange(1, 5)
        self.hops.setValue(DEFAULT_HOPS)
        self.hops.setAccessibleName(self.tr("Hops around the CI"))
        bar.addWidget(self.hops)
        self.view = CiGraphView(runner, self)
        buttons = (("+", self.tr("Zoom in"), lambda: self.view.zoom(ZOOM_STEP)),
                   ("−", self.tr("Zoom out"), lambda: self.view.zoom(1 / ZOOM_STEP)),
                   (self.tr("Fit"), self.tr("Fit to window"), self.view.fit),
                   (self.tr("PNG…"), self.tr("Export as PNG image"), self._export_png),
                   (self.tr("SVG…"), self.tr("Export as SVG drawing"), self._export_svg))
        for text, tip, fn in buttons:
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            b.clicked.connect(fn)
            bar.addWidget(b)
        bar.addStretch(1)
        self.status = QLabel(self)
        bar.addWidget(self.status)
        self.more = QToolButton(self)
        self.more.setToolTip(self.tr("Show the next nearest CIs"))
        self.more.clicked.connect(self.view.show_more)
        self.more.hide()
        bar.addWidget(self.more)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setText(self._legend_html())
        lay.addWidget(self.legend)
        self.hops.valueChanged.connect(self._hops_changed)
        self.view.built.connect(self._built)
        self.view.centreChanged.connect(self.centreChanged)

    def show_ci(self, ci_id: uuid.UUID) -> None:
        self.view.show_ci(ci_id, self.hops.value())

    def _hops_changed(self, n: int) -> None:
        if self.view.centre is not None:
            self.view.show_ci(self.view.centre, n)

    def _built(self) -> None:
        data = self.view.data
        self.more.setVisible(data is not None and data.hood.hidden > 0)
        if data is None:
            self.status.setText("")
            return
        shown, hops = len(data.hood.nodes), self.view.hops
        if data.hood.hidden:
            text = (self.tr("{shown} CIs shown, {hidden} more within 1 hop") if hops == 1 else
                    self.tr("{shown} CIs shown, {hidden} more within {hops} hops"))
            self.status.setText(text.format(shown=shown, hidden=data.hood.hidden, hops=hops))
            self.more.setText(self.tr("Show {n} more").format(
                n=min(data.hood.hidden, MORE_NODES)))
        else:
            text = (self.tr("{shown} CIs within 1 hop") if hops == 1 else
                    self.tr("{shown} CIs within {hops} hops"))
            self.status.setText(text.format(shown=shown, hops=hops))

    def _legend_html(self) -> str:
        parts = [f'<span style="color:{c}">■</span>&nbsp;{class_label(n)}'
                 for n, c in CLASS_COLORS.items()]
        rels = [f'<span style="color:{REL_COLORS[t]}">{"╌" if t == RelType.BACKED_UP_BY else "─"}▶</span>&nbsp;{t.label}'  # noqa: E501
                for t in RelType]
        badge = '<span style="color:#C62828">●</span>&nbsp;' + self.tr("open incidents")
        return "&nbsp;&nbsp; ".join(parts) + "<br>" + "&nbsp;&nbsp; ".join(rels) + \
            "&nbsp;&nbsp; " + badge

    def _export_png(self) -> None:
        path, _sel = QFileDialog.getSaveFileName(self, self.tr("Export graph"), "cmdb-graph.png",
                                                 self.tr("PNG image (*.png)"))
        if path:
            self.view.export_png(path)

    def _export_svg(self) -> None:
        path, _sel = QFileDialog.getSaveFileName(self, self.tr("Export graph"), "cmdb-graph.svg",
                                                 self.tr("SVG drawing (*.svg)"))
        if path:
            self.view.export_svg(path)
