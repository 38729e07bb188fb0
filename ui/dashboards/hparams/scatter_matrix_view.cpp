#include "ui/dashboards/hparams/scatter_matrix_view.h"

#include "core/analysis/dot_stamps.h"
#include "ui/dashboards/hparams/hparams_filter_model.h"
#include "ui/dashboards/hparams/hparams_table_model.h"
#include "ui/dashboards/hparams/scatter_matrix_labels.h"
#include "ui/dashboards/hparams/session_shade.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace lantern::ui {
namespace {

constexpr double kGap = 6, kMinCell = 56, kPickDistance = 6;
constexpr int kShadeBuckets = 48; // colours quantized: a stamp per colour, not per point
constexpr double kDotRadius = 2.2, kDotAlpha = 0.75;

// Where fractions (fx, fy) of a cell are drawn: fy = 0 at the bottom, inside the cell's inset.
QPointF pixelIn(const core::CellBox& box, double fx, double fy)
{
    return {box.left + kScatterInset + fx * (box.width - 2 * kScatterInset),
        box.top + kScatterInset + (1 - fy) * (box.height - 2 * kScatterInset)};
}

} // namespace

struct ScatterMatrixView::Points {
    QImage base;
    core::ScatterMatrixLayout layout;
    std::vector<std::vector<double>> x; // [hparam][point]
    std::vector<std::vector<double>> y; // [metric][point]
    std::vector<int> shadeBucket;
    std::vector<std::uint32_t> colors; // grey, then the buckets
};

ScatterMatrixView::ScatterMatrixView(HParamsFilterModel* shown, QWidget* parent)
    : QWidget(parent)
    , m_shown(shown)
    , m_picture(
          &ScatterMatrixView::drawPoints,
          [this](QImage& picture) {
              if (picture.size() != size() * devicePixelRatioF())
                  return false; // drawn before a resize
              m_cache = std::move(picture);
              return true;
          },
          [this] { update(); })
{
    setMouseTracking(true);
    connect(shown, &QAbstractItemModel::modelReset, this, &ScatterMatrixView::markDirty);
    connect(shown, &QAbstractItemModel::layoutChanged, this, &ScatterMatrixView::markDirty);
    connect(shown, &QAbstractItemModel::rowsInserted, this, &ScatterMatrixView::markDirty);
    connect(shown, &QAbstractItemModel::rowsRemoved, this, &ScatterMatrixView::markDirty);
    connect(shown, &QAbstractItemModel::dataChanged, this, &ScatterMatrixView::markDirty);
}

void ScatterMatrixView::markDirty()
{
    // Lazily: a filter change can signal once per range of rows it removes.
    m_dirty = true;
    m_baseDirty = true;
    m_picture.invalidate();
    int hparams = 0, metrics = 0;
    for (const auto& column : m_shown->table()->columns())
        if (!m_hiddenColumns.contains(column.key)) {
            hparams += column.kind == HParamsTableModel::ColumnKind::HParam;
            metrics += column.kind == HParamsTableModel::ColumnKind::Metric;
        }
    setMinimumSize(int(std::ceil(kScatterLeftMargin + hparams * (kMinCell + kGap))),
        int(std::ceil(
            scatterTopMargin(font()) + metrics * (kMinCell + kGap) + scatterBottomMargin(font()))));
    update();
}

void ScatterMatrixView::setHiddenColumns(const QSet<QString>& keys)
{
    m_hiddenColumns = keys;
    markDirty();
}

void ScatterMatrixView::setColorColumn(const QString& key)
{
    m_colorKey = key;
    markDirty();
}

void ScatterMatrixView::setHighlightedSession(const QString& run)
{
    m_highlighted = run;
    update();
}

void ScatterMatrixView::setHoveredSession(const QString& run)
{
    if (run == m_hovered)
        return;
    m_hovered = run;
    update();
}

void ScatterMatrixView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_dirty = true; // the cells fit the new size
    m_baseDirty = true;
    m_picture.invalidate();
}

void ScatterMatrixView::ensureLayout() const
{
    if (!m_dirty)
        return;
    m_dirty = false;
    const HParamsTableModel& table = *m_shown->table();
    m_hparams.clear();
    m_metrics.clear();
    for (int column = 0; column < table.columnCount(); ++column) {
        const auto& c = table.columns()[column];
        if (m_hiddenColumns.contains(c.key))
            continue;
        if (c.kind == HParamsTableModel::ColumnKind::HParam)
            m_hparams.push_back(ParallelAxis::of(table, column, AxisScale::Linear));
        else if (c.kind == HParamsTableModel::ColumnKind::Metric)
            m_metrics.push_back(ParallelAxis::of(table, column, AxisScale::Linear));
    }
    m_runs.clear();
    m_sourceRows.clear();
    for (int row = 0; row < m_shown->rowCount(); ++row) {
        const int sourceRow = m_shown->mapToSource(m_shown->index(row, 0)).row();
        m_sourceRows.push_back(sourceRow);
        m_runs.push_back(QString::fromStdString(table.session(sourceRow).run));
    }
    const auto fractions = [&](const std::vector<ParallelAxis>& axes) {
        std::vector<std::vector<double>> result(axes.size());
        for (std::size_t a = 0; a < axes.size(); ++a)
            for (const int row : m_sourceRows)
                result[a].push_back(axes[a].fraction(table, row).value_or(NAN));
        return result;
    };
    m_x = fractions(m_hparams);
    m_y = fractions(m_metrics);
    const auto shade = shadeAxis(table, m_colorKey.isEmpty() ? defaultShadeKey(table) : m_colorKey);
    m_shadeBucket.clear();
    for (const int row : m_sourceRows) {
        const auto f = shade ? shade->fraction(table, row) : std::nullopt;
        m_shadeBucket.push_back(
            f ? int(std::lround(std::clamp(*f, 0.0, 1.0) * (kShadeBuckets - 1))) : -1);
    }
    m_layout = core::ScatterMatrixLayout::fit(m_metrics.size(), m_hparams.size(), width(),
        height() - scatterBottomMargin(font()), kScatterLeftMargin, scatterTopMargin(font()), kGap,
        kMinCell);
    // Cells no taller than wide, nor more than half as wide again as tall: a scatter of one
    // metric over the whole height (or width) reads badly.
    m_layout.cellHeight = std::min(m_layout.cellHeight, std::max(kMinCell, m_layout.cellWidth));
    m_layout.cellWidth = std::min(m_layout.cellWidth, 1.5 * m_layout.cellHeight);
}

QStringList ScatterMatrixView::hparamKeys() const
{
    ensureLayout();
    QStringList keys;
    for (const ParallelAxis& axis : m_hparams)
        keys.append(axis.key);
    return keys;
}

QStringList ScatterMatrixView::metricKeys() const
{
    ensureLayout();
    QStringList keys;
    for (const ParallelAxis& axis : m_metrics)
        keys.append(axis.key);
    return keys;
}

core::ScatterMatrixLayout ScatterMatrixView::matrixLayout() const
{
    ensureLayout();
    return m_layout;
}

int ScatterMatrixView::pointCount() const
{
    ensureLayout();
    return int(m_runs.size());
}

QPointF ScatterMatrixView::pixelOf(std::size_t point, core::MatrixCell cell) const
{
    return pixelIn(m_layout.box(cell), m_x[cell.column][point], m_y[cell.row][point]);
}

std::optional<std::size_t> ScatterMatrixView::pointOfRun(const QString& run) const
{
    ensureLayout();
    const auto it = std::find(m_runs.begin(), m_runs.end(), run);
    return it == m_runs.end() ? std::nullopt : std::optional(std::size_t(it - m_runs.begin()));
}

std::optional<QPointF> ScatterMatrixView::pointOf(
    const QString& run, const QString& hparamKey, const QString& metricKey) const
{
    const auto point = pointOfRun(run);
    const qsizetype column = hparamKeys().indexOf(hparamKey);
    const qsizetype row = metricKeys().indexOf(metricKey);
    if (!point || column < 0 || row < 0 || std::isnan(m_x[column][*point])
        || std::isnan(m_y[row][*point]))
        return std::nullopt;
    return pixelOf(*point, {std::size_t(row), std::size_t(column)});
}

QString ScatterMatrixView::sessionAt(const QPointF& position) const
{
    ensureLayout();
    const auto cell = m_layout.cellAt(position.x(), position.y());
    if (!cell)
        return {};
    QString nearest;
    double best = kPickDistance;
    for (std::size_t point = 0; point < m_runs.size(); ++point) {
        if (std::isnan(m_x[cell->column][point]) || std::isnan(m_y[cell->row][point]))
            continue;
        const QPointF d = pixelOf(point, *cell) - position;
        if (const double distance = std::hypot(d.x(), d.y()); distance <= best) {
            best = distance;
            nearest = m_runs[point];
        }
    }
    return nearest;
}

ScatterMatrixView::Points ScatterMatrixView::points() const
{
    Points points {m_base, m_layout, m_x, m_y, m_shadeBucket, {}};
    points.colors.push_back(sessionColor(std::nullopt).rgb());
    for (int bucket = 0; bucket < kShadeBuckets; ++bucket)
        points.colors.push_back(shadeColor(double(bucket) / double(kShadeBuckets - 1)).rgb());
    return points;
}

QImage ScatterMatrixView::drawPoints(const Points& points)
{
    // Straight into the pixels: QPainter's dots cost a thread pool's round trip each.
    QImage image = points.base.copy();
    const qreal scale = image.devicePixelRatio();
    const core::PixelBuffer pixels = pixelsOf(image);
    const core::DotStamps dots(kDotRadius * scale, kDotAlpha, points.colors);
    for (std::size_t r = 0; r < points.y.size(); ++r)
        for (std::size_t c = 0; c < points.x.size(); ++c) {
            const core::CellBox box = points.layout.box({r, c});
            const std::vector<double>& xs = points.x[c];
            const std::vector<double>& ys = points.y[r];
            for (std::size_t point = 0; point < xs.size(); ++point)
                if (!std::isnan(xs[point]) && !std::isnan(ys[point])) {
                    const QPointF p = pixelIn(box, xs[point], ys[point]) * scale;
                    dots.stamp(pixels, p.x(), p.y(), std::size_t(points.shadeBucket[point] + 1));
                }
        }
    return image;
}

void ScatterMatrixView::renderBase() const
{
    resetCache(m_base, *this);
    m_baseDirty = false;
    QPainter painter(&m_base);
    painter.setFont(font());
    if (m_hparams.empty() || m_metrics.empty()) {
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(rect(), Qt::AlignCenter, tr("A scatter matrix needs hparams and metrics"));
        return;
    }
    paintTitles(painter);
    paintTicks(painter);
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    for (std::size_t r = 0; r < m_metrics.size(); ++r)
        for (std::size_t c = 0; c < m_hparams.size(); ++c) {
            const core::CellBox box = m_layout.box({r, c});
            painter.drawRect(QRectF(box.left, box.top, box.width, box.height));
        }
}

void ScatterMatrixView::finishDrawing()
{
    ensureLayout();
    if (m_baseDirty || m_base.size() != size() * devicePixelRatioF())
        renderBase();
    m_picture.finish([this] { return points(); });
    repaint();
}

void ScatterMatrixView::paintRings(QPainter& painter, const QString& run, const QColor& color) const
{
    const auto point = pointOfRun(run);
    if (!point)
        return;
    painter.setPen(QPen(color, 2));
    painter.setBrush(Qt::NoBrush);
    for (std::size_t r = 0; r < m_metrics.size(); ++r)
        for (std::size_t c = 0; c < m_hparams.size(); ++c)
            if (!std::isnan(m_x[c][*point]) && !std::isnan(m_y[r][*point]))
                painter.drawEllipse(pixelOf(*point, {r, c}), 5.0, 5.0);
}

void ScatterMatrixView::paintEvent(QPaintEvent*)
{
    ensureLayout();
    const QSize pixels = size() * devicePixelRatioF();
    if (m_baseDirty || m_base.size() != pixels)
        renderBase();
    // The last picture stands in while the worker draws, if there is one of this size.
    m_picture.refresh(m_backgroundDrawing && m_cache.size() == pixels, [this] { return points(); });
    QPainter painter(this);
    painter.drawImage(0, 0, m_cache);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_hovered != m_highlighted)
        paintRings(painter, m_hovered, palette().color(QPalette::Text));
    paintRings(painter, m_highlighted, palette().color(QPalette::Highlight));
}

QString ScatterMatrixView::valuesText(std::size_t point, core::MatrixCell cell) const
{
    const HParamsTableModel& table = *m_shown->table();
    const int row = m_sourceRows[point];
    const auto text = [&](const ParallelAxis& axis) {
        return QStringLiteral("%1: %2").arg(axis.title.toHtmlEscaped(),
            table.data(table.index(row, axis.column), Qt::DisplayRole).toString().toHtmlEscaped());
    };
    return QStringLiteral("<b>%1</b><br>%2<br>%3")
        .arg(
            m_runs[point].toHtmlEscaped(), text(m_hparams[cell.column]), text(m_metrics[cell.row]));
}

void ScatterMatrixView::mouseMoveEvent(QMouseEvent* event)
{
    const QString run = sessionAt(event->position());
    if (run != m_hovered) {
        m_hovered = run;
        update();
        emit sessionHovered(run);
    }
    const auto cell = m_layout.cellAt(event->position().x(), event->position().y());
    if (const auto point = pointOfRun(run); point && cell)
        QToolTip::showText(event->globalPosition().toPoint(), valuesText(*point, *cell), this);
    else
        QToolTip::hideText();
}

void ScatterMatrixView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (const QString run = sessionAt(event->position()); !run.isEmpty())
        emit sessionClicked(run);
}

void ScatterMatrixView::leaveEvent(QEvent*)
{
    if (m_hovered.isEmpty())
        return;
    m_hovered.clear();
    update();
    emit sessionHovered(QString());
}

} // namespace lantern::ui
