#include "ui/dashboards/hparams/parallel_coordinates_view.h"

#include "ui/dashboards/hparams/hparams_filter_model.h"
#include "ui/dashboards/hparams/hparams_table_model.h"
#include "ui/dashboards/hparams/session_shade.h"

#include <QPainter>

#include <cmath>

namespace lantern::ui {
namespace {

constexpr double kBottom = 30, kMinLeft = 24, kTickWidth = 64;
constexpr double kMinSpacing = 96, kMaxTitleWidth = 240, kTitleGap = 12;

// The narrowest box that holds `text` word-wrapped onto at most two lines (at most
// kMaxTitleWidth: longer titles are elided there).
double titleWidth(const QFontMetricsF& metrics, const QString& text)
{
    const double full = metrics.horizontalAdvance(text) + 2;
    const auto fits = [&](double width) {
        const QRectF box = metrics.boundingRect(
            QRectF(0, 0, width, 1e6), Qt::AlignHCenter | Qt::TextWordWrap, text);
        return box.height() <= 2 * metrics.lineSpacing() + 1 && box.width() <= width + 1;
    };
    double lo = full / 2, hi = full;
    if (fits(lo))
        return std::min(lo, kMaxTitleWidth);
    for (int i = 0; i < 14; ++i) {
        const double mid = (lo + hi) / 2;
        (fits(mid) ? hi : lo) = mid;
    }
    return std::min(std::ceil(hi), kMaxTitleWidth);
}

} // namespace

ParallelCoordinatesView::ParallelCoordinatesView(HParamsFilterModel* shown, QWidget* parent)
    : QWidget(parent)
    , m_shown(shown)
    , m_picture(
          &ParallelCoordinatesView::drawLayers,
          [this](Layers& layers) { return showLayers(layers); }, [this] { update(); })
{
    setMouseTracking(true);
    setMinimumHeight(200);
    // The lines follow the table and every filter but the brushes, which this view sets itself.
    const QAbstractItemModel* table = shown->table();
    connect(table, &QAbstractItemModel::modelReset, this, &ParallelCoordinatesView::onModelChanged);
    connect(
        table, &QAbstractItemModel::rowsInserted, this, &ParallelCoordinatesView::onModelChanged);
    connect(
        table, &QAbstractItemModel::rowsRemoved, this, &ParallelCoordinatesView::onModelChanged);
    connect(
        table, &QAbstractItemModel::dataChanged, this, &ParallelCoordinatesView::onModelChanged);
    connect(
        shown, &HParamsFilterModel::filtersChanged, this, &ParallelCoordinatesView::onModelChanged);
}

void ParallelCoordinatesView::onModelChanged()
{
    markDirty();
    // New or changed sessions may fall outside the brushes: filter them once the model settles.
    if (!m_brushes.isEmpty())
        QMetaObject::invokeMethod(
            this, &ParallelCoordinatesView::applyBrushes, Qt::QueuedConnection);
}

void ParallelCoordinatesView::markDirty()
{
    m_dirty = true;
    m_axesDirty = true;
    m_picture.invalidate();
    ++m_faintVersion;
    m_versionBrushed = !m_brushes.isEmpty();
    ensureLayout();
    setMinimumWidth(requiredWidth());
    update();
}

void ParallelCoordinatesView::setHiddenColumns(const QSet<QString>& keys)
{
    m_hiddenColumns = keys;
    markDirty();
    applyBrushes(); // a hidden axis's brushes no longer filter
}

void ParallelCoordinatesView::setHighlightedSession(const QString& run)
{
    m_highlighted = run;
    update();
}

void ParallelCoordinatesView::setHoveredSession(const QString& run)
{
    if (run == m_hovered)
        return;
    m_hovered = run;
    update();
}

void ParallelCoordinatesView::setLogScale(const QString& key, bool on)
{
    setScale(key, on ? AxisScale::Log : AxisScale::Linear);
}

bool ParallelCoordinatesView::isLogScale(const QString& key) const
{
    const std::size_t axis = axisIndex(key);
    return axis < m_axes.size() && m_axes[axis].log;
}

void ParallelCoordinatesView::setScale(const QString& key, AxisScale scale)
{
    // The brushes as values on the old scale, placed again on the new one.
    std::vector<std::pair<double, double>> values;
    if (const std::size_t axis = axisIndex(key); axis < m_axes.size() && m_axes[axis].numeric)
        for (const core::BrushRange& range : m_brushes.value(key))
            values.emplace_back(m_axes[axis].valueAt(range.lo), m_axes[axis].valueAt(range.hi));
    m_scales.insert(key, scale);
    markDirty();
    if (const std::size_t axis = axisIndex(key); axis < m_axes.size() && !values.empty()) {
        std::vector<core::BrushRange> ranges;
        for (const auto& [lo, hi] : values) {
            const double from = m_axes[axis].fractionOfValue(lo);
            const double to = m_axes[axis].fractionOfValue(hi);
            // A log scale has no place for values ≤ 0: a brush reaching them reaches the bottom,
            // one entirely below zero goes.
            if (std::isnan(to))
                continue;
            ranges.push_back(core::brushBetween(std::isnan(from) ? 0.0 : from, to));
        }
        m_brushes.insert(key, std::move(ranges));
    }
    applyBrushes();
}

void ParallelCoordinatesView::setColorColumn(const QString& key)
{
    m_colorKey = key;
    markDirty();
}

QString ParallelCoordinatesView::colorColumn() const
{
    return m_colorKey.isEmpty() ? defaultShadeKey(*m_shown->table()) : m_colorKey;
}

void ParallelCoordinatesView::setAxisOrder(const QStringList& keys)
{
    m_order = keys;
    markDirty();
    emit axisOrderChanged();
}

QStringList ParallelCoordinatesView::axisOrder() const
{
    ensureLayout();
    QStringList keys;
    for (const ParallelAxis& axis : m_axes)
        keys.append(axis.key);
    return keys;
}

void ParallelCoordinatesView::setBrushes(const QString& key, std::vector<core::BrushRange> ranges)
{
    if (ranges.empty())
        m_brushes.remove(key);
    else
        m_brushes.insert(key, std::move(ranges));
    applyBrushes();
}

void ParallelCoordinatesView::clearBrushes()
{
    m_brushes.clear();
    applyBrushes();
}

const std::vector<ParallelAxis>& ParallelCoordinatesView::axes() const
{
    ensureLayout();
    return m_axes;
}

std::size_t ParallelCoordinatesView::axisIndex(const QString& key) const
{
    ensureLayout();
    for (std::size_t i = 0; i < m_axes.size(); ++i)
        if (m_axes[i].key == key)
            return i;
    return m_axes.size();
}

void ParallelCoordinatesView::ensureLayout() const
{
    if (!m_dirty)
        return;
    m_dirty = false;
    const HParamsTableModel& table = *m_shown->table();
    m_axes.clear();
    for (int column = 0; column < table.columnCount(); ++column) {
        const auto& c = table.columns()[column];
        const bool plotted = c.kind == HParamsTableModel::ColumnKind::HParam
            || c.kind == HParamsTableModel::ColumnKind::Metric;
        if (plotted && !m_hiddenColumns.contains(c.key))
            m_axes.push_back(ParallelAxis::of(table, column, m_scales.value(c.key)));
    }
    const auto rank = [this](const ParallelAxis& axis) {
        const qsizetype i = m_order.indexOf(axis.key);
        return i < 0 ? m_order.size() : i;
    };
    std::stable_sort(m_axes.begin(), m_axes.end(),
        [&](const ParallelAxis& a, const ParallelAxis& b) { return rank(a) < rank(b); });

    const QString colorKey = colorColumn();
    const std::optional<ParallelAxis> shade = shadeAxis(table, colorKey);
    const int shadeColumn = table.columnOf(colorKey);
    m_shadeTitle = shadeColumn < 0 ? QString() : table.columns()[shadeColumn].title;
    m_lines.clear();
    for (int row = 0; row < table.rowCount(); ++row)
        if (m_shown->acceptsBeforeBrushing(row))
            m_lines.push_back({QString::fromStdString(table.session(row).run), row,
                shade ? shade->fraction(table, row) : std::nullopt});
    m_fractions.assign(m_axes.size(), {});
    for (std::size_t axis = 0; axis < m_axes.size(); ++axis) {
        m_fractions[axis].reserve(m_lines.size());
        for (const Line& line : m_lines)
            m_fractions[axis].push_back(m_axes[axis].fraction(table, line.sourceRow).value_or(NAN));
    }
    layoutAxes();
    std::vector<std::vector<core::BrushRange>> brushes;
    for (const ParallelAxis& axis : m_axes)
        brushes.push_back(m_brushes.value(axis.key));
    m_brushedIn = core::brushedSessions(m_fractions, brushes, m_lines.size());
}

void ParallelCoordinatesView::layoutAxes() const
{
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF metrics(bold);
    m_titleWidths.clear();
    double widest = 0;
    for (const ParallelAxis& axis : m_axes) {
        m_titleWidths.push_back(titleWidth(metrics, axis.label()));
        widest = std::max(widest, m_titleWidths.back());
    }
    m_spacing = std::max(kMinSpacing, widest + kTitleGap);
}

void ParallelCoordinatesView::applyBrushes()
{
    ensureLayout();
    std::vector<std::vector<core::BrushRange>> brushes;
    for (const ParallelAxis& axis : m_axes)
        brushes.push_back(m_brushes.value(axis.key));
    std::vector<std::uint8_t> brushedIn
        = core::brushedSessions(m_fractions, brushes, m_lines.size());
    // The lines change only when sessions go in or out, or the grey lines come or go: the
    // release of a drag, which leaves the brushes as its last move did, keeps the last picture.
    if (brushedIn != m_brushedIn || m_versionBrushed == m_brushes.isEmpty()) {
        m_picture.invalidate(); // the next paint asks for the lines in the background
        m_versionBrushed = !m_brushes.isEmpty();
    }
    m_brushedIn = std::move(brushedIn);
    QSet<QString> out;
    for (std::size_t line = 0; line < m_lines.size(); ++line)
        if (!m_brushedIn[line])
            out.insert(m_lines[line].run);
    m_applyingBrushes = true;
    m_shown->setBrushedOut(out);
    m_applyingBrushes = false;
    update();
    emit brushesChanged();
}

int ParallelCoordinatesView::requiredWidth() const
{
    ensureLayout();
    if (m_axes.empty())
        return 0;
    const double left = std::max(kMinLeft, m_titleWidths.front() / 2 + 4);
    const double right = std::max(kTickWidth, m_titleWidths.back() / 2 + 4);
    return int(std::ceil(left + m_spacing * double(m_axes.size() - 1) + right));
}

QRectF ParallelCoordinatesView::plotRect() const
{
    const double top = 2 * QFontMetricsF(font()).lineSpacing() + 22;
    return QRectF(0, top, width(), std::max(1.0, height() - top - kBottom));
}

double ParallelCoordinatesView::axisXAt(std::size_t axis) const
{
    if (m_axes.size() < 2)
        return width() / 2.0;
    const double left = std::max(kMinLeft, m_titleWidths.front() / 2 + 4);
    const double right = std::max(kTickWidth, m_titleWidths.back() / 2 + 4);
    // Spread over the width, never closer than the titles need (the view is then wider).
    const double spacing
        = std::max(m_spacing, (width() - left - right) / double(m_axes.size() - 1));
    return left + spacing * double(axis);
}

double ParallelCoordinatesView::axisX(const QString& key) const
{
    const std::size_t axis = axisIndex(key);
    return axis < m_axes.size() ? axisXAt(axis) : NAN;
}

QRectF ParallelCoordinatesView::titleRect(const QString& key) const
{
    const std::size_t axis = axisIndex(key);
    if (axis >= m_axes.size())
        return {};
    const double lineSpacing = QFontMetricsF(font()).lineSpacing();
    const double w = m_titleWidths[axis];
    return QRectF(
        axisXAt(axis) - w / 2, plotRect().top() - 8 - 2 * lineSpacing - 6, w, 2 * lineSpacing + 6);
}

double ParallelCoordinatesView::yOf(double fraction) const
{
    const QRectF plot = plotRect();
    return plot.bottom() - fraction * plot.height();
}

std::optional<double> ParallelCoordinatesView::fractionOf(std::size_t line, std::size_t axis) const
{
    const double f = m_fractions[axis][line];
    return std::isnan(f) ? std::nullopt : std::optional(f);
}

QPointF ParallelCoordinatesView::pointAt(std::size_t line, std::size_t axis) const
{
    return {axisXAt(axis), yOf(m_fractions[axis][line])};
}

std::optional<std::size_t> ParallelCoordinatesView::lineOf(const QString& run) const
{
    ensureLayout();
    for (std::size_t line = 0; line < m_lines.size(); ++line)
        if (m_lines[line].run == run)
            return line;
    return std::nullopt;
}

bool ParallelCoordinatesView::isBrushedIn(const QString& run) const
{
    const auto line = lineOf(run);
    return line && m_brushedIn[*line];
}

std::optional<QPointF> ParallelCoordinatesView::pointOf(
    const QString& run, const QString& key) const
{
    const auto line = lineOf(run);
    const std::size_t axis = axisIndex(key);
    if (!line || axis >= m_axes.size() || !fractionOf(*line, axis))
        return std::nullopt;
    return pointAt(*line, axis);
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

} // namespace lantern::ui
