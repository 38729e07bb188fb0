#pragma once
// The projector view's camera and the pure maths that takes data points to pixels: a 2-D view
// that zooms and pans, or a 3-D view that orbits about a target, with perspective. No widget
// here, so tests can check the maths directly.

#include "core/projector/projector_bookmarks.h"

#include <QPointF>
#include <QSize>
#include <QVector3D>

#include <algorithm>
#include <optional>
#include <vector>

namespace lantern::ui {

// Where the view looks from; the dashboard keeps one per embedding and gives it back.
struct ProjectorCamera {
    QVector3D target; // the data point drawn at the widget's centre
    float zoom = 1; // 1 = the points fit the widget
    float yaw = 0; // 3-D: radians about the vertical axis (dragging right turns it)
    float pitch = 0; // 3-D: radians about the horizontal axis
    bool operator==(const ProjectorCamera&) const = default;
};

// What the view frames: the points' bounding box and the widget it is drawn in.
struct ViewFrame {
    QVector3D centre;
    QVector3D size; // sides of the points' bounding box, each > 0
    float radius = 1; // 3-D: of the sphere about `centre` that holds every point
    QSize widget;
    int dimensions = 2; // 2 or 3
};

// Whether `point` can be drawn: its coordinates (z only in 3-D) are finite numbers.
bool isDrawable(const QVector3D& point, int dimensions);

// The frame of the drawable `points` (z ignored in 2-D) in a widget of `widget` pixels.
ViewFrame frameOf(const std::vector<QVector3D>& points, int dimensions, QSize widget);
// The camera that shows every point, centred.
ProjectorCamera fittedCamera(const ViewFrame& frame);

// A camera looking through a frame: a precomputed affine map plus, in 3-D, a perspective divide.
class ViewProjection {
public:
    ViewProjection(const ProjectorCamera& camera, const ViewFrame& frame);

    // The pixel where `point` is drawn and its depth: 0 at the frame's nearest, 1 at its
    // farthest (always 0 in 2-D). False when the point is behind the eye.
    bool project(const QVector3D& point, QPointF& screen, float& depth) const
    {
        if (!m_perspective) {
            // 2-D: x and y scale alone (z may be anything, even not a number).
            screen = {m_centre.x() + m_row[0][0] * point.x() + m_row[0][3],
                m_centre.y() - (m_row[1][1] * point.y() + m_row[1][3])};
            depth = 0;
            return true;
        }
        const float x = m_row[0][0] * point.x() + m_row[0][1] * point.y() + m_row[0][2] * point.z()
            + m_row[0][3];
        const float y = m_row[1][0] * point.x() + m_row[1][1] * point.y() + m_row[1][2] * point.z()
            + m_row[1][3];
        const float z = m_row[2][0] * point.x() + m_row[2][1] * point.y() + m_row[2][2] * point.z()
            + m_row[2][3];
        const float distance = m_eyeDistance - z;
        if (distance < m_nearest)
            return false;
        const float scale = m_focal / distance;
        screen = {m_centre.x() + scale * x, m_centre.y() - scale * y};
        depth = std::clamp((distance - m_depthNear) / m_depthRange, 0.f, 1.f);
        return true;
    }
    // Pixels per data unit at the target's depth.
    float pixelsPerUnit() const { return m_perspective ? m_focal / m_eyeDistance : m_focal; }
    // The data units one pixel covers at the target, along the screen's right and up.
    QVector3D screenRight() const;
    QVector3D screenUp() const;
    // 3-D: where data axis `axis` (0 x, 1 y, 2 z) points on screen, as a vector of length up to
    // 1 (shorter as it turns toward or away from the eye, y down), and how far toward the eye.
    QPointF axisOnScreen(int axis) const { return {m_row[0][axis], -m_row[1][axis]}; }
    float axisTowardEye(int axis) const { return m_row[2][axis]; }

private:
    float m_row[3][4] {};
    QPointF m_centre;
    float m_focal = 1; // 2-D: pixels per unit; 3-D: pixels per unit at unit distance
    float m_eyeDistance = 1; // 3-D: from the eye to the target
    float m_nearest = 0; // 3-D: nearer than this is not drawn
    float m_depthNear = 0, m_depthRange = 1; // 3-D: the frame's sphere, for depth in [0, 1]
    bool m_perspective = false;
};

// The gestures, each returning the moved camera.
// Zoom by `factor` (> 1 closer): about `cursor` in 2-D (the point under it stays put), toward
// the target in 3-D.
ProjectorCamera zoomed(
    const ProjectorCamera& camera, const ViewFrame& frame, QPointF cursor, float factor);
// Move the view by `pixels` so the points follow the mouse.
ProjectorCamera panned(const ProjectorCamera& camera, const ViewFrame& frame, QPointF pixels);
// 3-D: turn the points about the target, as if the mouse dragged the front of the cloud.
ProjectorCamera orbited(const ProjectorCamera& camera, QPointF pixels);

// The camera of `frame` that shows what TensorBoard's saved camera showed, as far as this view
// can: TensorBoard scales each axis to [-1, 1] on its own and this view keeps one scale for all,
// so the target is exact, the direction of view is carried through each axis's scale (3-D), and
// the magnification at the target matches on average (3-D: TensorBoard's 70° vertical field of
// view; 2-D: its ±1.2 across the smaller side, the larger axis fitting). Nullopt when the camera
// is for the other kind of view (orthographic is 2-D) or looks from its own target.
std::optional<ProjectorCamera> cameraFromTensorBoard(
    const core::ProjectorBookmarkCamera& saved, const ViewFrame& frame);
// The other way: `camera` as TensorBoard's saved camera, which cameraFromTensorBoard turns back
// into the same camera. 2-D: looking down from 4 above the target (as TensorBoard's own);
// 3-D: at zoom 1, the eye as far from the target as gives the same magnification.
core::ProjectorBookmarkCamera cameraForTensorBoard(
    const ProjectorCamera& camera, const ViewFrame& frame);

} // namespace lantern::ui
