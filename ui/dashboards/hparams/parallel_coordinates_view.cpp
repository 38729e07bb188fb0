#include "ui/dashboards/hparams/parallel_coordinates_view.h"

#include "ui/dashboards/hparams/hparams_filter_model.h"
#include "ui/dashboards/hparams/hparams_table_model.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace lantern::ui {
namespace {

constexpr double kTop = 46, kBottom = 30, kLeft = 24, kRight = 70;
constexpr double kPickDistance = 6;

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t
        = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

// Dark purple through teal and green to a dark yellow: ordered, and readable on white.
QColor shadeColor(double t)
{
    static const QColor stops[] = {{"#440154"}, {"#31688E"}, {"#35B779"}, {"#B59A00"}};
    const double scaled = std::clamp(t, 0.0, 1.0) * 3;
    const int i = std::min(int(scaled), 2);
    const double f = scaled - i;
    const QColor& a = stops[i];
    const QColor& b = stops[i + 1];
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * f),
        float(a.greenF() + (b.greenF() - a.greenF()) * f),
        float(a.blueF() + (b.blueF() - a.blueF()) * f));
}

} // namespace

ParallelCoordinatesView::ParallelCoordinatesView(HParamsFilterModel* shown, QWidget* parent)
    : QWidget(parent)
    , m_shown(shown)
{
    setMouseTracking(true);
    setMinimumHeight(200);
    connect(shown, &QAbstractItemModel::modelReset, this, &ParallelCoordinatesView::markDirty);
    connect(shown, &QAbstractItemModel::layoutChanged, this, &ParallelCoordinatesView::markDirty);
    connect(shown, &QAbstractItemModel::rowsInserted, this, &ParallelCoordinatesView::markDirty);
    connect(shown, &QAbstractItemModel::rowsRemoved, this, &ParallelCoordinatesView::markDirty);
    connect(shown, &QAbstractItemModel::dataChanged, this, &ParallelCoordinatesView::markDirty);
}

void ParallelCoordinatesView::markDirty()
{
    m_dirty = true;
    update();
}

void ParallelCoordinatesView::setHiddenColumns(const QSet<QString>& keys)
{
    m_hiddenColumns = keys;
    markDirty();
}

void ParallelCoordinatesView::setHighlightedSession(const QString& run)
{
    m_highlighted = run;
    update();
}

void ParallelCoordinatesView::setLogScale(const QString& key, bool on)
{
    if (on)
        m_logAxes.insert(key);
    else
        m_logAxes.remove(key);
    markDirty();
}

bool ParallelCoordinatesView::isLogScale(const QString& key) const
{
    for (const ParallelAxis& axis : axes())
        if (axis.key == key)
            return axis.log;
    return false;
}

const std::vector<ParallelAxis>& ParallelCoordinatesView::axes() const
{
    ensureLayout();
    return m_axes;
}

void ParallelCoordinatesView::ensureLayout() const
{
    if (!m_dirty)
        return;
    m_dirty = false;
    const HParamsTableModel& table = *m_shown->table();
    m_axes.clear();
    m_shadeTitle.clear();
    std::optional<std::size_t> shadeAxis;
    for (int column = 0; column < table.columnCount(); ++column) {
        const auto& c = table.columns()[column];
        const bool plotted = c.kind == HParamsTableModel::ColumnKind::HParam
            || c.kind == HParamsTableModel::ColumnKind::Metric;
        if (!plotted || m_hiddenColumns.contains(c.key))
            continue;
        if (!shadeAxis && c.kind == HParamsTableModel::ColumnKind::Metric) {
            shadeAxis = m_axes.size();
            m_shadeTitle = c.title;
        }
        m_axes.push_back(ParallelAxis::of(table, column, m_logAxes.contains(c.key)));
    }
    m_lines.clear();
    for (int row = 0; row < m_shown->rowCount(); ++row) {
        const int sourceRow = m_shown->mapToSource(m_shown->index(row, 0)).row();
        Line line {QString::fromStdString(table.session(sourceRow).run), {}, {}};
        for (const ParallelAxis& axis : m_axes)
            line.fractions.push_back(axis.fraction(table, sourceRow));
        if (shadeAxis)
            line.shade = line.fractions[*shadeAxis];
        m_lines.push_back(std::move(line));
    }
}

QRectF ParallelCoordinatesView::plotRect() const
{
    return QRectF(kLeft, kTop, width() - kLeft - kRight, height() - kTop - kBottom);
}

double ParallelCoordinatesView::axisX(std::size_t axis) const
{
    const QRectF plot = plotRect();
    return m_axes.size() < 2
        ? plot.center().x()
        : plot.left() + plot.width() * double(axis) / double(m_axes.size() - 1);
}

QPointF ParallelCoordinatesView::pointAt(const Line& line, std::size_t axis) const
{
    const QRectF plot = plotRect();
    return {axisX(axis), plot.bottom() - *line.fractions[axis] * plot.height()};
}

const ParallelCoordinatesView::Line* ParallelCoordinatesView::lineOf(const QString& run) const
{
    ensureLayout();
    for (const Line& line : m_lines)
        if (line.run == run)
            return &line;
    return nullptr;
}

std::optional<QPointF> ParallelCoordinatesView::pointOf(
    const QString& run, const QString& key) const
{
    const Line* line = lineOf(run);
    for (std::size_t axis = 0; line && axis < m_axes.size(); ++axis)
        if (m_axes[axis].key == key && line->fractions[axis])
            return pointAt(*line, axis);
    return std::nullopt;
}

QString ParallelCoordinatesView::sessionAt(const QPointF& position) const
{
    ensureLayout();
    QString nearest;
    double best = kPickDistance;
    for (const Line& line : m_lines)
        for (std::size_t axis = 0; axis + 1 < m_axes.size(); ++axis) {
            if (!line.fractions[axis] || !line.fractions[axis + 1])
                continue;
            const double d
                = distanceToSegment(position, pointAt(line, axis), pointAt(line, axis + 1));
            if (d <= best) {
                best = d;
                nearest = line.run;
            }
        }
    return nearest;
}

QColor ParallelCoordinatesView::colorOf(const Line& line) const
{
    return line.shade ? shadeColor(*line.shade) : QColor(150, 150, 150);
}

void ParallelCoordinatesView::paintLine(QPainter& painter, const Line& line, const QPen& pen) const
{
    painter.setPen(pen);
    for (std::size_t axis = 0; axis + 1 < m_axes.size(); ++axis)
        if (line.fractions[axis] && line.fractions[axis + 1])
            painter.drawLine(pointAt(line, axis), pointAt(line, axis + 1));
    painter.setBrush(pen.color());
    for (std::size_t axis = 0; axis < m_axes.size(); ++axis)
        if (line.fractions[axis])
            painter.drawEllipse(pointAt(line, axis), pen.widthF(), pen.widthF());
}

void ParallelCoordinatesView::paintAxes(QPainter& painter) const
{
    const QRectF plot = plotRect();
    const double spacing
        = m_axes.size() < 2 ? plot.width() : plot.width() / double(m_axes.size() - 1);
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF titleMetrics(bold);
    for (std::size_t i = 0; i < m_axes.size(); ++i) {
        // The title centred over the axis, but kept inside the widget (the first and last).
        const double x = axisX(i);
        const double titleWidth
            = std::min(spacing - 4, titleMetrics.horizontalAdvance(m_axes[i].label()) + 2);
        const double left = std::clamp(x - titleWidth / 2, 2.0, width() - 2 - titleWidth);
        m_axes[i].paint(
            painter, palette(), x, plot, QRectF(left, 4, titleWidth, kTop - 14), kRight - 8);
    }
}

void ParallelCoordinatesView::paintEvent(QPaintEvent*)
{
    ensureLayout();
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_axes.empty()) {
        painter.drawText(rect(), Qt::AlignCenter, tr("No hyperparameters or metrics to show"));
        return;
    }
    paintAxes(painter);
    for (const Line& line : m_lines) {
        QColor color = colorOf(line);
        color.setAlpha(m_highlighted.isEmpty() && m_hovered.isEmpty() ? 200 : 110);
        paintLine(painter, line, QPen(color, 1.5));
    }
    if (const Line* hovered = lineOf(m_hovered); hovered && m_hovered != m_highlighted)
        paintLine(painter, *hovered, QPen(colorOf(*hovered), 3));
    if (const Line* highlighted = lineOf(m_highlighted))
        paintLine(painter, *highlighted, QPen(palette().color(QPalette::Highlight), 3));
    const QString count = tr("%n session(s)", "", int(m_lines.size()));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRectF(kLeft, height() - kBottom + 8, width() - kLeft, kBottom - 8),
        Qt::AlignLeft | Qt::AlignVCenter,
        m_shadeTitle.isEmpty()
            ? count
            : tr("%1 · coloured by %2, low (purple) to high (yellow)").arg(count, m_shadeTitle));
}

QString ParallelCoordinatesView::valuesText(const QString& run) const
{
    const HParamsTableModel& table = *m_shown->table();
    const int row = table.rowOf(run);
    QStringList lines {QStringLiteral("<b>%1</b>").arg(run.toHtmlEscaped())};
    for (const ParallelAxis& axis : m_axes) {
        const QString value = table.data(table.index(row, axis.column), Qt::DisplayRole).toString();
        lines.append(QStringLiteral("%1: %2").arg(
            axis.title.toHtmlEscaped(), value.isEmpty() ? tr("(not set)") : value.toHtmlEscaped()));
    }
    return lines.join(QStringLiteral("<br>"));
}

void ParallelCoordinatesView::mouseMoveEvent(QMouseEvent* event)
{
    const QString run = sessionAt(event->position());
    if (run != m_hovered) {
        m_hovered = run;
        update();
    }
    if (run.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), valuesText(run), this);
}

void ParallelCoordinatesView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (const QString run = sessionAt(event->position()); !run.isEmpty())
        emit sessionClicked(run);
}

void ParallelCoordinatesView::leaveEvent(QEvent*)
{
    m_hovered.clear();
    update();
}

void ParallelCoordinatesView::contextMenuEvent(QContextMenuEvent* event)
{
    ensureLayout();
    for (std::size_t i = 0; i < m_axes.size(); ++i) {
        const ParallelAxis axis = m_axes[i];
        if (std::abs(event->pos().x() - axisX(i)) > 40 || !axis.numeric)
            continue;
        QMenu menu(this);
        QAction* log = menu.addAction(tr("Logarithmic scale for %1").arg(axis.title));
        log->setCheckable(true);
        log->setChecked(axis.log);
        log->setEnabled(axis.positive);
        if (menu.exec(event->globalPos()) == log)
            setLogScale(axis.key, log->isChecked());
        return;
    }
}

} // namespace lantern::ui
