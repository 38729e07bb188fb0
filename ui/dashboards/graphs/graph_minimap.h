#pragma once
// The Graphs tab's overview: the whole layout (open scopes and all) shrunk into a corner of the
// GraphView, with the part in sight outlined. Click or drag in it to move the view there. It
// shows only while part of the graph is out of sight (and the user has not turned it off).

#include <QWidget>

namespace lantern::ui {

class GraphView;

class GraphMinimap : public QWidget {
    Q_OBJECT
public:
    // Lives in `view`'s bottom-right corner and follows its panning and zooming.
    explicit GraphMinimap(GraphView* view);

    // Whether the user wants the overview (it still hides while the whole graph is in sight).
    void setWanted(bool wanted);

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
    void showIfNeeded();
    double scale() const;

    GraphView* m_view;
    bool m_wanted = true;
};

} // namespace lantern::ui
