#pragma once
// The HParams scatter-plot matrix: one row per shown metric, one column per shown hparam; each
// cell plots the sessions the filters (and brushes) let through, the hparam across and the metric
// up, coloured by the same column as the parallel coordinates. Hover a point to ring that
// session in every cell (and tell the other views), click it to select the session; the selected
// session is ringed in the highlight colour. Cells never shrink below a readable size: with many
// hparams and metrics the matrix grows and its scroll area scrolls. Titles wrap at word or
// underscore boundaries and are elided, never clipped; the bottom row and the left column carry
// the hparams' and metrics' tick labels. Titles, ticks and cell frames are drawn into one cached
// image; the points, stamped from dot images rendered once per colour, over a copy of it on a
// worker (the latest request wins) whenever a picture of the view's size exists, the last
// picture standing in meanwhile. Hovering repaints only the rings.

#include "core/analysis/scatter_matrix_layout.h"
#include "ui/dashboards/hparams/parallel_axis.h"
#include "ui/widgets/worker_picture.h"

#include <QImage>
#include <QRectF>
#include <QSet>
#include <QWidget>

#include <cstdint>
#include <optional>

namespace lantern::ui {

class HParamsFilterModel;

class ScatterMatrixView : public QWidget {
    Q_OBJECT
public:
    explicit ScatterMatrixView(HParamsFilterModel* shown, QWidget* parent = nullptr);

    void setHiddenColumns(const QSet<QString>& keys);
    // The column points are coloured by; "" for the first metric.
    void setColorColumn(const QString& key);
    void setHighlightedSession(const QString& run);
    QString highlightedSession() const { return m_highlighted; }
    void setHoveredSession(const QString& run);
    QString hoveredSession() const { return m_hovered; }

    // The matrix's columns (hparam keys) and rows (metric keys) in order.
    QStringList hparamKeys() const;
    QStringList metricKeys() const;
    core::ScatterMatrixLayout matrixLayout() const;
    // Where `run` is drawn in the cell of (hparam, metric), or nullopt.
    std::optional<QPointF> pointOf(
        const QString& run, const QString& hparamKey, const QString& metricKey) const;
    // The session drawn within a few pixels of `position`, or "".
    QString sessionAt(const QPointF& position) const;
    int pointCount() const;

    // A piece of text as drawn: the box it is drawn in, the text itself and, for a tick label,
    // the x (below a cell) or y (left of one) of its tick.
    struct Label {
        QRectF box;
        QString text;
        double at = 0;
    };
    // Every line of the columns' titles (above the first row), then the rows' (at the left).
    std::vector<Label> titleLabels() const;
    // The hparams' tick labels below the last row, then the metrics' left of the first column.
    std::vector<Label> tickLabels() const;

    // True while the points are still being drawn in the background (an older picture stands
    // in); finishDrawing waits for them and shows them (a benchmark's or test's settle point).
    bool isDrawing() const { return m_picture.isDrawing(); }
    void finishDrawing();
    // Off: every change is drawn on the GUI thread before it is shown (a benchmark's baseline).
    void setBackgroundDrawing(bool on) { m_backgroundDrawing = on; }

    // As small as the cells may get: the scroll area gives it the rest.
    QSize sizeHint() const override { return minimumSize(); }

signals:
    void sessionClicked(const QString& run);
    void sessionHovered(const QString& run);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void markDirty();
    void ensureLayout() const;
    struct Points; // what drawPoints needs, copied for a worker
    static QImage drawPoints(const Points& points);
    void renderBase() const;
    Points points() const;
    void paintTitles(QPainter& painter) const;
    void paintTicks(QPainter& painter) const;
    void paintRings(QPainter& painter, const QString& run, const QColor& color) const;
    QPointF pixelOf(std::size_t point, core::MatrixCell cell) const;
    std::optional<std::size_t> pointOfRun(const QString& run) const;
    QString valuesText(std::size_t point, core::MatrixCell cell) const;

    HParamsFilterModel* m_shown;
    QSet<QString> m_hiddenColumns;
    QString m_colorKey;
    QString m_highlighted;
    QString m_hovered;

    mutable std::vector<ParallelAxis> m_hparams; // the columns
    mutable std::vector<ParallelAxis> m_metrics; // the rows
    mutable std::vector<QString> m_runs; // per point
    mutable std::vector<int> m_sourceRows; // per point
    mutable std::vector<std::vector<double>> m_x; // [hparam][point], NaN: no value
    mutable std::vector<std::vector<double>> m_y; // [metric][point]
    mutable std::vector<int> m_shadeBucket; // per point: colour bucket, -1 for grey
    mutable core::ScatterMatrixLayout m_layout;
    mutable bool m_dirty = true;
    mutable QImage m_base; // titles, ticks and cell frames
    mutable bool m_baseDirty = true;
    QImage m_cache; // m_base with the points
    bool m_backgroundDrawing = true;
    WorkerPicture<Points, QImage> m_picture; // m_cache's version and its worker
};

} // namespace lantern::ui
