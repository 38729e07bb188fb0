#pragma once
// The projector's point view: an embedding's projected points in 2-D (wheel zoom about the
// cursor, drag pan) or 3-D (orbit, pan, zoom, perspective with a depth cue), coloured per point,
// drawn as sprite thumbnails when asked, with a legend, labels, and selection by click,
// shift-click, box and lasso. Points are written straight into an image, back to front, off-screen
// ones culled; marks, sprites, labels and the legend are painted over it.

#include "ui/dashboards/projector/point_raster.h"
#include "ui/dashboards/projector/point_style.h"
#include "ui/dashboards/projector/projector_camera.h"
#include "ui/dashboards/projector/projector_legend.h"
#include "ui/widgets/interactive_plot.h"

#include <QImage>
#include <QPoint>
#include <QPolygonF>
#include <QRect>
#include <QRgb>
#include <QSize>
#include <QString>
#include <QVector3D>

#include <utility>
#include <vector>

class QPainter;

namespace lantern::ui {

class EmbeddingScatterPlot : public InteractivePlot {
    Q_OBJECT
public:
    explicit EmbeddingScatterPlot(QWidget* parent = nullptr);
    ~EmbeddingScatterPlot() override;

    // `dimensions` 2 or 3 (z is ignored in 2-D). Clears colours, labels, highlights, selection,
    // neighbours and hover, and fits the camera to the points.
    void setPoints(std::vector<QVector3D> points, int dimensions);
    // The same points in new places (other components), maybe in other dimensions: keeps
    // colours, labels, highlights, selection and neighbours, and fits the camera. Ignored
    // unless there are as many points.
    void setCoordinates(std::vector<QVector3D> points, int dimensions);
    // 2-D or 3-D, keeping everything else; fits the camera to the points.
    void setDimensions(int dimensions);
    // The same points moved a little (a t-SNE or UMAP step): keeps everything else, and the
    // camera's zoom, turn and place relative to the points' frame, which follows the points.
    void moveCoordinates(std::vector<QVector3D> points);
    // One colour per point, or empty for the default colour.
    void setColors(std::vector<QRgb> colors);
    // An empty title, no categories and no gradient: no legend.
    void setLegend(ProjectorLegend legend);
    // One per point or empty. Drawn for the hovered, selected, neighbour and highlighted
    // points, and for every point when few are on screen.
    void setLabels(PointLabels labels);
    void setLabels(const std::vector<QString>& labels) { setLabels(PointLabels(labels)); }
    // Search matches, one flag per point; empty for no search.
    void setHighlighted(std::vector<bool> highlighted);
    // Drawn emphasised; none of these emit selectionChanged.
    void setSelection(std::vector<int> selected);
    // Drawn emphasised differently from the selection.
    void setNeighbours(std::vector<int> neighbours);
    // A null atlas is none. Tile i is row-major from the top left, atlas.width() / tile.width()
    // tiles per row; points past the atlas's tiles are drawn as points. An atlas in any format
    // but ARGB32_Premultiplied or RGB32 is converted here, on the calling thread: convert large
    // ones where they are loaded.
    void setSprites(QImage atlas, QSize tile);
    void setSpritesShown(bool shown);
    // What a plain left drag does: move the view (pan in 2-D, orbit in 3-D), select the points
    // in a box, or select the points inside a free-hand loop (a lasso). Whatever the tool,
    // Shift-drag selects a box and Shift+Alt-drag a lasso.
    enum class DragTool { Navigate, Box, Lasso };
    void setDragTool(DragTool tool);
    DragTool dragTool() const { return m_tool; }

    // Fits the camera to the points (2-D: no zoom or pan; 3-D: also facing the x–y plane).
    void resetView();
    ProjectorCamera camera() const { return m_camera; }
    // What the camera frames: the points' box and the widget's size.
    const ViewFrame& frame() const { return m_frame; }
    void setCamera(const ProjectorCamera& camera);

    int dimensions() const { return m_dimensions; }
    int pointCount() const { return int(m_points.size()); }
    const std::vector<QVector3D>& points() const { return m_points; }
    QRgb colorOf(int index) const;
    // The nearest drawn point within a few pixels of `position`, or -1.
    int pointAt(QPoint position) const;
    // Where point `index` is drawn now, in widget coordinates; far outside the widget when it
    // is behind the eye.
    QPoint positionOf(int index) const;
    const std::vector<int>& selection() const { return m_selection; }
    // As set by setHighlighted: one flag per point, or empty for no search.
    const std::vector<bool>& highlighted() const { return m_highlighted; }
    // The sprites drawn by the last paint (the rest of the points in view were drawn as
    // points, past the cap), for the note under the legend and tests.
    int spritesDrawn() const { return m_spritesDrawn; }
    // How many points are drawn as sprites at most (fewer when zoomed in so far that they
    // would cover the widget several times); the others in view are drawn as points.
    static constexpr int kMaxSprites = 3000;

signals:
    void pointHovered(int index); // -1 when the mouse leaves every point
    // From user gestures only: a click selects that point, shift-click toggles one, a box or
    // lasso drag selects the points drawn inside it, a click on empty space clears.
    void selectionChanged(const std::vector<int>& selected);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    // Hovering marks the point under the pointer; a click selects. The keys held at the press
    // and the drag tool choose what a drag does: select in a box or lasso, pan or orbit. The
    // wheel zooms about the pointer; a double click fits the view again.
    void hovered(std::optional<QPointF> at) override;
    void dragStarted(const Press& press) override;
    void dragged(const Press& press, QPointF from, QPointF to) override;
    void released(const Press& press, QPointF at, bool wasDrag) override;
    void doubleClicked(QPointF at, Qt::MouseButton button) override;
    bool wheelTurned(QPointF at, int angleDelta) override;

private:
    enum class Drag { None, Pan, Orbit, Box, Lasso };
    static constexpr QRgb kBackground = 0xffffffff;

    // Projects every point for the current camera and size when either changed.
    void ensureProjected() const;
    void cameraChanged();
    void setHovered(int index);
    void userSelect(std::vector<int> selected);
    void selectBox(QRect box);
    void selectLasso(const QPolygonF& lasso);
    void updateCursor();
    // Painting (embedding_scatter_paint.cpp).
    float pointSide() const;
    double spriteSide() const; // at the target's depth
    void orderForDrawing(float margin);
    int chooseSprites();
    void paintPoints(QPainter& painter);
    void paintSprites(QPainter& painter);
    void paintMarks(QPainter& painter);
    void paintLabels(QPainter& painter);
    void paintAxes(QPainter& painter);

    std::vector<QVector3D> m_points;
    int m_dimensions = 2;
    std::vector<QRgb> m_colors;
    ProjectorLegend m_legend;
    PointLabels m_labels;
    std::vector<bool> m_highlighted;
    std::vector<int> m_selection;
    std::vector<int> m_neighbours;
    QImage m_atlas;
    QSize m_tile;
    bool m_spritesShown = false;
    DragTool m_tool = DragTool::Navigate;
    int m_hovered = -1;
    int m_spritesDrawn = 0;

    ViewFrame m_frame; // of the points, for the widget's size
    ProjectorCamera m_camera;

    // The points' screen positions and depths for m_camera and the size, recomputed lazily.
    mutable std::vector<QPointF> m_screen;
    mutable std::vector<float> m_depth; // < 0: behind the eye
    mutable bool m_projected = false;

    // Scratch of each paint: the points in view back to front, which of them are drawn as
    // sprites, and the image the points are drawn into.
    std::vector<int> m_order;
    std::vector<char> m_asSprite;
    int m_spritesInView = 0;
    PointRaster m_raster;

    Drag m_drag = Drag::None; // what the drag under way does
    QPoint m_pressPosition;
    QPoint m_lastPosition;
    QPolygonF m_lasso; // while a lasso is drawn: its corners, in widget coordinates
};

} // namespace lantern::ui
