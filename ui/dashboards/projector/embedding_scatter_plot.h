#pragma once
// A 2D scatter of an embedding's projected points, drawn with QPainter in one call per
// colour so that 100,000 points stay quick. Reports the point under the mouse and clicks.

#include <QColor>
#include <QPointF>
#include <QVector>
#include <QWidget>

#include <vector>

namespace lantern::ui {

class EmbeddingScatterPlot : public QWidget {
    Q_OBJECT
public:
    explicit EmbeddingScatterPlot(QWidget* parent = nullptr);

    void setPoints(std::vector<QPointF> points);
    // One colour per point (same length as the points), or empty for the default.
    void setColors(std::vector<QRgb> colors);
    // Points matching a search; drawn larger and on top. Empty for no search.
    void setHighlighted(std::vector<bool> highlighted);
    void setSelected(int index, std::vector<int> neighbours);

    int pointCount() const { return int(m_points.size()); }
    QRgb colorOf(int index) const;
    // The nearest point within a few pixels of `position`, or -1.
    int pointAt(QPoint position) const;
    // Where point `index` is drawn, in widget coordinates.
    QPoint positionOf(int index) const;

signals:
    void pointHovered(int index); // -1 when the mouse leaves every point
    void pointClicked(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitView();
    QPointF toScreen(QPointF point) const;

    std::vector<QPointF> m_points;
    std::vector<QRgb> m_colors;
    std::vector<bool> m_highlighted;
    int m_selected = -1;
    std::vector<int> m_neighbours;
    int m_hovered = -1;
    // Data → screen: screen = m_offset + m_scale · (x, −y).
    double m_scale = 1;
    QPointF m_offset;
};

} // namespace lantern::ui
