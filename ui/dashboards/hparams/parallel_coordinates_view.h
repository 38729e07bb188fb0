#pragma once
// Parallel coordinates for the HParams tab: one vertical axis per shown hparam and metric, one
// polyline per session the filters let through, coloured by a chosen column (the first metric
// unless another is chosen), low to high.
// - Drag along an axis to brush a range: only sessions inside it stay in the table; brushes on
//   one axis add up, brushes on several axes narrow down; lines brushed out stay faint grey.
//   Click a brush to remove it, double-click an axis to remove all of its brushes.
// - Drag an axis by its title to move it among the others.
// - Right-click an axis for a linear, log (when every value is positive) or quantile scale.
// - Hover a line to emphasize it (and tell the other views), click it to select its session;
//   the selected session is drawn on top in the highlight colour.
// Axes keep at least a title's width apart: with many of them the view grows wider than its
// scroll area instead of clipping or overlapping titles. Painting uses three cached images: the
// axes (drawn with QPainter on the GUI thread: text and ticks, a few milliseconds); the faint
// layer, the axes with (while anything is brushed) every line in grey; and over a copy of it the
// lines inside the brushes in colour. The two line layers are drawn on a worker (the latest
// request wins) whenever a picture of the view's size exists: during a brush drag, on its
// release, after a colour or scale change. Meanwhile the last picture stands in, so the GUI
// thread never blends thousands of lines after the first paint at a size.

#include "core/analysis/hparams_brush.h"
#include "core/analysis/line_raster.h"
#include "ui/dashboards/hparams/parallel_axis.h"
#include "ui/widgets/worker_picture.h"

#include <QHash>
#include <QImage>
#include <QSet>
#include <QWidget>

#include <cstdint>
#include <optional>

namespace lantern::ui {

class HParamsFilterModel;

class ParallelCoordinatesView : public QWidget {
    Q_OBJECT
public:
    explicit ParallelCoordinatesView(HParamsFilterModel* shown, QWidget* parent = nullptr);

    void setHiddenColumns(const QSet<QString>& keys);
    void setHighlightedSession(const QString& run);
    QString highlightedSession() const { return m_highlighted; }
    void setHoveredSession(const QString& run);
    QString hoveredSession() const { return m_hovered; }
    void setLogScale(const QString& key, bool on);
    bool isLogScale(const QString& key) const;
    // An axis's brushes keep the values they cover when its scale changes.
    void setScale(const QString& key, AxisScale scale);
    AxisScale scale(const QString& key) const { return m_scales.value(key, AxisScale::Linear); }
    // The column (HParamsTableModel::Column::key) lines are coloured by; "" for the first metric.
    void setColorColumn(const QString& key);
    QString colorColumn() const;
    // Axis keys in the order shown; axes not named go after them in the table's order.
    void setAxisOrder(const QStringList& keys);
    QStringList axisOrder() const;

    // Brushes (fractions of the axis) on the axis `key`.
    void setBrushes(const QString& key, std::vector<core::BrushRange> ranges);
    std::vector<core::BrushRange> brushes(const QString& key) const { return m_brushes.value(key); }
    void clearBrushes();

    const std::vector<ParallelAxis>& axes() const;
    // Where `run`'s line crosses the axis `key`, or nullopt when it is not drawn there.
    std::optional<QPointF> pointOf(const QString& run, const QString& key) const;
    // The session whose line passes within a few pixels of `position`, nearest first, or "".
    QString sessionAt(const QPointF& position) const;
    // Whether `run`'s line is drawn in colour (inside every brush) rather than faint grey.
    bool isBrushedIn(const QString& run) const;
    // Where the axis `key` is drawn, its title's box, and the y of a fraction along it.
    double axisX(const QString& key) const;
    QRectF titleRect(const QString& key) const;
    double yOf(double fraction) const;
    // The width every axis title needs without clipping or overlapping.
    int requiredWidth() const;

    QSize sizeHint() const override { return {requiredWidth(), 320}; }

    // True while lines are still being drawn in the background (an older picture stands in).
    bool isDrawingLines() const { return m_picture.isDrawing(); }
    // Waits for those lines and shows them (a benchmark's or test's settle point).
    void finishDrawingLines();
    // How often the lines were drawn on the GUI thread: once per size of the view, never for a
    // brush, its release, a colour or a scale.
    int linesDrawnHere() const { return m_picture.drawnHere(); }
    // Off: every change is drawn on the GUI thread before it is shown, as before the worker (a
    // benchmark's baseline). On by default.
    void setBackgroundDrawing(bool on) { m_backgroundDrawing = on; }

signals:
    void sessionClicked(const QString& run);
    void sessionHovered(const QString& run);
    void brushesChanged();
    void axisOrderChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    struct Line {
        QString run;
        int sourceRow = 0;
        std::optional<double> shade; // 0..1 along the colouring column
    };
    enum class Drag { None, Brush, Move };

    void onModelChanged();
    void markDirty();
    void ensureLayout() const;
    void layoutAxes() const;
    void applyBrushes();
    std::size_t axisIndex(const QString& key) const; // m_axes.size() when not shown
    std::optional<std::size_t> axisNear(double x) const;
    QRectF plotRect() const;
    double axisXAt(std::size_t axis) const;
    std::optional<double> fractionOf(std::size_t line, std::size_t axis) const;
    QPointF pointAt(std::size_t line, std::size_t axis) const;
    std::optional<std::size_t> lineOf(const QString& run) const;
    // The two line layers, drawn from the axes on any thread.
    struct Layers {
        QImage faint;
        QImage lines;
        bool greyLines = false; // `faint` holds every line in grey
        std::uint64_t faintVersion = 0;
    };
    // What drawLayers needs, copied so that a worker may draw while the view changes.
    struct LayerInputs {
        QImage axes;
        QImage faint; // null: drawn from `axes` and `grey`
        std::vector<core::ColoredSegment> grey;
        std::vector<core::ColoredSegment> lines;
        bool greyLines = false;
        std::uint64_t faintVersion = 0;
    };
    static Layers drawLayers(LayerInputs inputs);
    void renderAxes() const;
    LayerInputs layerInputs() const;
    bool showLayers(Layers& layers);
    // The lines inside the brushes in their colours, or (not `coloured`) every line in grey.
    std::vector<core::ColoredSegment> segments(bool coloured) const;
    void paintAxes(QPainter& painter) const;
    void paintBrushes(QPainter& painter) const;
    void paintCount(QPainter& painter) const;
    void paintLine(QPainter& painter, std::size_t line, const QPen& pen) const;
    QString valuesText(const QString& run) const;
    void removeBrushAt(std::size_t axis, double fraction);

    HParamsFilterModel* m_shown;
    QSet<QString> m_hiddenColumns;
    QHash<QString, AxisScale> m_scales;
    QHash<QString, std::vector<core::BrushRange>> m_brushes;
    QStringList m_order;
    QString m_colorKey;
    QString m_highlighted;
    QString m_hovered;
    bool m_applyingBrushes = false;

    Drag m_drag = Drag::None;
    std::size_t m_dragAxis = 0;
    QPointF m_pressPos;
    QPointF m_dragPos;

    mutable std::vector<ParallelAxis> m_axes;
    mutable std::vector<Line> m_lines;
    mutable std::vector<std::vector<double>> m_fractions; // [axis][line], NaN: no value
    mutable std::vector<std::uint8_t> m_brushedIn; // per line
    mutable std::vector<double> m_titleWidths; // per axis, wrapped onto two lines
    mutable double m_spacing = 0;
    mutable QString m_shadeTitle;
    mutable bool m_dirty = true;
    mutable QImage m_axesImage; // the axes and their titles, no lines
    mutable bool m_axesDirty = true;
    // Bumped by every change of the grey lines' places; m_faint is current when drawn for it.
    mutable std::uint64_t m_faintVersion = 1;
    bool m_versionBrushed = false; // whether the present picture has brushes (grey lines)
    mutable QImage m_faint; // the axes and, while anything is brushed, every line in grey
    mutable std::uint64_t m_faintDrawnFor = 0;
    mutable bool m_faintHasLines = false;
    mutable QImage m_cache; // m_faint with the lines inside the brushes in colour
    bool m_backgroundDrawing = true;
    WorkerPicture<LayerInputs, Layers> m_picture; // m_cache's version and its worker
};

} // namespace lantern::ui
