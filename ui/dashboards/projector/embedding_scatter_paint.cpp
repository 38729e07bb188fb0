// EmbeddingScatterPlot's painting: points back to front into an image with a depth cue,
// sprites over them, then the rings of the selection and neighbours, labels and the legend.

#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_labels.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace lantern::ui {
namespace {

constexpr QRgb kFaded = 0xffd0d0d0; // points that do not match a search
constexpr QRgb kPointHighlight = 0xffe37400;
constexpr int kDepthBands = 16; // 3-D: points sorted into this many depths, farthest first
constexpr double kSpriteSide = 20; // pixels at zoom 1
// Sprites together cover at most this many times the widget's area: past it, the cost of
// scaling tiles grows with no more to see.
constexpr double kSpriteCoverage = 3;
constexpr int kFewPoints = 50; // this many in view or fewer: every point is labelled
constexpr std::size_t kMaxLabels = 120; // more would neither read nor paint quickly
constexpr int kMaxLabelCharacters = 40;
constexpr double kAxesMargin = 36; // from the bottom-left corner to the axes' origin
constexpr double kAxisLength = 24;

// 3-D depth cue: nearer points larger, farther ones smaller and faded toward the background.
float depthScale(float depth)
{
    return 1.4f - 0.7f * depth;
}

QRgb fadedWithDepth(QRgb color, float depth, QRgb background)
{
    const float amount = 0.6f * depth;
    const auto mix
        = [amount](int from, int to) { return int(float(from) + float(to - from) * amount); };
    return qRgb(mix(qRed(color), qRed(background)), mix(qGreen(color), qGreen(background)),
        mix(qBlue(color), qBlue(background)));
}

} // namespace

float EmbeddingScatterPlot::pointSide() const
{
    // Few points may be large; many must be small to stay apart. Zooming in grows them a little.
    const float base = m_points.size() < 2000 ? 5 : m_points.size() < 20000 ? 4 : 3;
    return base * std::clamp(std::sqrt(m_camera.zoom), 1.f, 3.f);
}

double EmbeddingScatterPlot::spriteSide() const
{
    return kSpriteSide * std::clamp(double(m_camera.zoom), 0.3, 8.0);
}

void EmbeddingScatterPlot::orderForDrawing(float margin)
{
    const float left = -margin, top = -margin, right = float(width()) + margin,
                bottom = float(height()) + margin;
    const auto inView = [&](const QPointF& p) {
        return float(p.x()) >= left && float(p.x()) < right && float(p.y()) >= top
            && float(p.y()) < bottom;
    };
    m_order.clear();
    if (m_dimensions != 3) {
        for (std::size_t i = 0; i < m_points.size(); ++i)
            if (inView(m_screen[i]))
                m_order.push_back(int(i));
        return;
    }
    // A counting sort into depth bands, farthest first, so nearer points cover farther ones.
    const auto bandOf = [](float depth) {
        return kDepthBands - 1 - std::min(kDepthBands - 1, int(depth * kDepthBands));
    };
    std::array<int, kDepthBands + 1> start {};
    for (std::size_t i = 0; i < m_points.size(); ++i)
        if (m_depth[i] >= 0 && inView(m_screen[i]))
            ++start[std::size_t(bandOf(m_depth[i])) + 1];
    for (int band = 0; band < kDepthBands; ++band)
        start[std::size_t(band) + 1] += start[std::size_t(band)];
    m_order.resize(std::size_t(start[kDepthBands]));
    for (std::size_t i = 0; i < m_points.size(); ++i)
        if (m_depth[i] >= 0 && inView(m_screen[i]))
            m_order[std::size_t(start[std::size_t(bandOf(m_depth[i]))]++)] = int(i);
}

int EmbeddingScatterPlot::chooseSprites()
{
    m_asSprite.assign(m_points.size(), 0);
    m_spritesInView = 0;
    if (!m_spritesShown || m_atlas.isNull() || m_tile.isEmpty())
        return 0;
    const int perRow = m_atlas.width() / m_tile.width();
    const int tiles = perRow * (m_atlas.height() / m_tile.height());
    // The last in drawing order are the nearest in 3-D: past the cap, they keep their sprites.
    const double coverage = kSpriteCoverage * width() * height() / (spriteSide() * spriteSide());
    const int cap = int(std::min(double(kMaxSprites), coverage));
    int drawn = 0;
    for (auto i = m_order.rbegin(); i != m_order.rend(); ++i) {
        if (*i >= tiles)
            continue;
        ++m_spritesInView;
        if (drawn < cap) {
            m_asSprite[std::size_t(*i)] = 1;
            ++drawn;
        }
    }
    return drawn;
}

void EmbeddingScatterPlot::paintPoints(QPainter& painter)
{
    m_raster.begin(size(), devicePixelRatioF(), kBackground);
    const bool searching = !m_highlighted.empty();
    const bool depthCue = m_dimensions == 3;
    const float side = pointSide();
    const auto matches = [this](int i) {
        return std::size_t(i) < m_highlighted.size() && m_highlighted[std::size_t(i)];
    };
    for (int i : m_order) {
        if (m_asSprite[std::size_t(i)] || (searching && matches(i)))
            continue;
        const QRgb color = searching ? kFaded : colorOf(i);
        const float depth = m_depth[std::size_t(i)];
        if (depthCue)
            m_raster.square(m_screen[std::size_t(i)], side * depthScale(depth),
                fadedWithDepth(color, depth, kBackground));
        else
            m_raster.square(m_screen[std::size_t(i)], side, color);
    }
    // Search matches on top, larger.
    if (searching)
        for (int i : m_order)
            if (matches(i) && !m_asSprite[std::size_t(i)])
                m_raster.square(m_screen[std::size_t(i)], side + 3, kPointHighlight);
    painter.drawImage(QPoint(0, 0), m_raster.image());
}

void EmbeddingScatterPlot::paintSprites(QPainter& painter)
{
    if (m_spritesDrawn == 0)
        return;
    const int perRow = m_atlas.width() / m_tile.width();
    const double side = spriteSide();
    for (int i : m_order) {
        if (!m_asSprite[std::size_t(i)])
            continue;
        const QRect source(
            QPoint((i % perRow) * m_tile.width(), (i / perRow) * m_tile.height()), m_tile);
        const double scaled = m_dimensions == 3 ? side * depthScale(m_depth[std::size_t(i)]) : side;
        // Keep the tile's aspect: its height takes `scaled`.
        const QSizeF size(scaled * m_tile.width() / m_tile.height(), scaled);
        painter.drawImage(
            QRectF(m_screen[std::size_t(i)] - QPointF(size.width() / 2, size.height() / 2), size),
            m_atlas, source);
    }
    if (m_spritesInView > m_spritesDrawn) {
        // Honest about the cap: say how many were left as points.
        const QString note = tr("Thumbnails for %L1 of %L2 points in view; zoom in to see more")
                                 .arg(m_spritesDrawn)
                                 .arg(m_spritesInView);
        // Along the bottom, right of the 3-D axes.
        const double left = m_dimensions == 3 ? 2 * kAxesMargin : 8;
        const double line = QFontMetricsF(font()).height();
        const QRectF box(left, height() - 8 - line, width() - left - 8, line);
        paintLabel(painter, box, note);
    }
}

void EmbeddingScatterPlot::paintMarks(QPainter& painter)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    const auto ring = [&](int index, double radius) {
        if (m_depth[std::size_t(index)] >= 0)
            painter.drawEllipse(m_screen[std::size_t(index)], radius, radius);
    };
    painter.setPen(QPen(QColor(0xd9, 0x30, 0x25), 1.5));
    for (int neighbour : m_neighbours)
        ring(neighbour, 5);
    painter.setPen(QPen(Qt::black, 2));
    for (int selected : m_selection)
        ring(selected, 7);
    if (m_hovered >= 0) {
        painter.setPen(QPen(Qt::black, 1));
        ring(m_hovered, 5);
    }
}

void EmbeddingScatterPlot::paintLabels(QPainter& painter)
{
    if (m_labels.empty())
        return;
    // Candidates by priority: hovered, selected, neighbours, search matches, then every point
    // in view when few are.
    std::vector<int> candidates;
    std::vector<char> taken(m_points.size(), 0);
    const QRectF view(rect());
    const auto add = [&](int i) {
        if (i < 0 || std::size_t(i) >= m_labels.size() || taken[std::size_t(i)]
            || candidates.size() >= kMaxLabels || m_depth[std::size_t(i)] < 0
            || !view.contains(m_screen[std::size_t(i)]) || m_labels.at(std::size_t(i)).isEmpty())
            return;
        taken[std::size_t(i)] = 1;
        candidates.push_back(i);
    };
    add(m_hovered);
    const std::size_t always = candidates.size();
    for (int i : m_selection)
        add(i);
    for (int i : m_neighbours)
        add(i);
    for (std::size_t i = 0; i < m_highlighted.size() && candidates.size() < kMaxLabels; ++i)
        if (m_highlighted[i])
            add(int(i));
    if (m_order.size() <= std::size_t(kFewPoints))
        for (int i : m_order)
            add(i);

    const QFontMetricsF metrics(painter.font());
    std::vector<QString> texts;
    std::vector<QRectF> boxes;
    for (int i : candidates) {
        texts.push_back(
            metrics.elidedText(m_labels.at(std::size_t(i)).left(kMaxLabelCharacters * 2).toString(),
                Qt::ElideRight, metrics.averageCharWidth() * kMaxLabelCharacters));
        boxes.push_back(
            labelBox(m_screen[std::size_t(i)], metrics.size(Qt::TextSingleLine, texts.back())));
    }
    painter.setRenderHint(QPainter::Antialiasing);
    for (std::size_t kept : placeLabels(boxes, always))
        paintLabel(painter, boxes[kept], texts[kept]);
}

void EmbeddingScatterPlot::paintAxes(QPainter& painter)
{
    if (m_dimensions != 3)
        return;
    // A small x/y/z gizmo in the bottom-left corner turning with the points; the axis nearest
    // the eye is drawn last.
    const ViewProjection projection(m_camera, m_frame);
    const QPointF origin(kAxesMargin, height() - kAxesMargin);
    std::array<int, 3> axes {0, 1, 2};
    std::sort(axes.begin(), axes.end(),
        [&](int a, int b) { return projection.axisTowardEye(a) < projection.axisTowardEye(b); });
    static constexpr std::array<QRgb, 3> kColors {0xffd93025, 0xff188038, 0xff1a73e8};
    static constexpr std::array<char, 3> kNames {'x', 'y', 'z'};
    painter.setRenderHint(QPainter::Antialiasing);
    for (int axis : axes) {
        const QPointF end = origin + projection.axisOnScreen(axis) * kAxisLength;
        painter.setPen(
            QPen(QColor::fromRgb(kColors[std::size_t(axis)]), 2, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(origin, end);
        // Its name past its end, unless it points at the eye and the name would hide the rest.
        if (QPointF::dotProduct(end - origin, end - origin) > kAxisLength * kAxisLength / 16)
            painter.drawText(end + (end - origin) * 0.25 + QPointF(-3, 4),
                QString(QLatin1Char(kNames[std::size_t(axis)])));
    }
}

void EmbeddingScatterPlot::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    ensureProjected();
    const float margin = std::max(float(pointSide()) * 2, float(spriteSide()));
    orderForDrawing(margin);
    m_spritesDrawn = chooseSprites();
    paintPoints(painter);
    paintSprites(painter);
    paintMarks(painter);
    paintLabels(painter);
    paintAxes(painter);
    paintLegend(painter, m_legend, rect());
    if (m_drag == Drag::Box) {
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(QColor(0x42, 0x85, 0xf4), 1, Qt::DashLine));
        painter.setBrush(QColor(0x42, 0x85, 0xf4, 40));
        painter.drawRect(QRect(m_pressPosition, m_lastPosition).normalized());
    } else if (m_drag == Drag::Lasso) {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(QColor(0x42, 0x85, 0xf4), 1, Qt::DashLine));
        painter.setBrush(QColor(0x42, 0x85, 0xf4, 40));
        painter.drawPolygon(m_lasso, Qt::WindingFill);
    }
}

} // namespace lantern::ui
