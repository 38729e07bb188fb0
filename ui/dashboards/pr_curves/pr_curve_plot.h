#pragma once
// A precision–recall chart: recall along x and precision up y, both from 0 to 1, one curve per
// run in the run's colour, a legend naming each run and the step it shows, and on hover the
// point nearest the cursor with its threshold, precision, recall and counts.

#include "core/analysis/pr_curve.h"

#include <QColor>
#include <QWidget>

#include <optional>
#include <vector>

namespace lantern::ui {

class PrCurvePlot : public QWidget {
    Q_OBJECT
public:
    struct Curve {
        QString run;
        QColor color;
        std::int64_t step = 0;
        double wallTime = 0;
        std::vector<core::PrCurvePoint> points; // by threshold
    };
    struct Hovered {
        std::size_t curve = 0;
        std::size_t point = 0;
        bool operator==(const Hovered&) const = default;
    };

    explicit PrCurvePlot(QWidget* parent = nullptr);

    void setCurves(std::vector<Curve> curves);
    const std::vector<Curve>& curves() const { return m_curves; }

    // Where (recall, precision) is drawn in a target of the widget's size.
    QPointF positionOf(double recall, double precision) const;
    // Hover at a widget position, as a mouse move does: the point of any curve nearest to it
    // on screen, and its description.
    void hoverAt(const QPointF& position);
    std::optional<Hovered> hovered() const { return m_hovered; }
    QString hoverText() const { return m_hoverText; }

    // Draws the whole chart into `target` (used by paintEvent and exports).
    void render(QPainter& painter, const QRect& target) const;
    QSize sizeHint() const override { return {400, 280}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void drawAxes(QPainter& painter, const QRectF& area) const;
    void drawLegend(QPainter& painter, const QRectF& area) const;
    void drawHover(QPainter& painter, const QRectF& area) const;

    std::vector<Curve> m_curves;
    std::optional<Hovered> m_hovered;
    QString m_hoverText;
};

} // namespace lantern::ui
