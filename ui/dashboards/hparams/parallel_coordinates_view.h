#pragma once
// Parallel coordinates for the HParams tab: one vertical axis per shown hparam and metric, one
// polyline per session the filter model lets through, coloured by the first metric (low to
// high). Hovering a line emphasizes it and shows its values; clicking one reports the session;
// the session selected in the table is drawn on top in the highlight colour. Right-click an
// axis for a log scale (offered when every value on it is positive). A line skips the axes
// where its session has no value.

#include "ui/dashboards/hparams/parallel_axis.h"

#include <QSet>
#include <QWidget>

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
    QString hoveredSession() const { return m_hovered; }
    void setLogScale(const QString& key, bool on);
    bool isLogScale(const QString& key) const;

    const std::vector<ParallelAxis>& axes() const;
    // Where `run`'s line crosses the axis `key`, or nullopt when it is not drawn there.
    std::optional<QPointF> pointOf(const QString& run, const QString& key) const;
    // The session whose line passes within a few pixels of `position`, nearest first, or "".
    QString sessionAt(const QPointF& position) const;

    QSize sizeHint() const override { return {800, 320}; }

signals:
    void sessionClicked(const QString& run);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    struct Line {
        QString run;
        std::vector<std::optional<double>> fractions; // per axis
        std::optional<double> shade; // 0..1 along the first metric's axis
    };

    void markDirty();
    void ensureLayout() const;
    QRectF plotRect() const;
    double axisX(std::size_t axis) const;
    QPointF pointAt(const Line& line, std::size_t axis) const;
    const Line* lineOf(const QString& run) const;
    void paintAxes(QPainter& painter) const;
    void paintLine(QPainter& painter, const Line& line, const QPen& pen) const;
    QColor colorOf(const Line& line) const;
    QString valuesText(const QString& run) const;

    HParamsFilterModel* m_shown;
    QSet<QString> m_hiddenColumns;
    QSet<QString> m_logAxes;
    QString m_highlighted;
    QString m_hovered;
    mutable std::vector<ParallelAxis> m_axes;
    mutable std::vector<Line> m_lines;
    mutable QString m_shadeTitle; // the metric lines are coloured by, if any
    mutable bool m_dirty = true;
};

} // namespace lantern::ui
