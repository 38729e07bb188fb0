#pragma once
// The Graphs tab's overview: the whole layout (open scopes and all) shrunk into a corner of the
// GraphView, with the part in sight outlined. Click or drag in it to move the view there.

#include <QWidget>

namespace lantern::ui {

class GraphView;

class GraphMinimap : public QWidget {
    Q_OBJECT
public:
    // Lives in `view`'s bottom-right corner and follows its panning and zooming.
    explicit GraphMinimap(GraphView* view);

    // Where scene point `scene` is drawn here, and back (tests click through these).
    QPointF toMap(QPointF scene) const;
    QPointF toScene(QPointF mapPoint) const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void placeInCorner();
    double scale() const;

    GraphView* m_view;
};

} // namespace lantern::ui
