#include "ui/dashboards/projector/projector_camera.h"

#include <algorithm>
#include <cmath>

namespace lantern::ui {
namespace {

constexpr float kMargin = 16; // pixels between the fitted points and the widget's edge
constexpr float kEyeDistance = 3; // 3-D: from the eye to the target at zoom 1, in frame radii
constexpr float kRadiansPerPixel = 0.01f;
constexpr float kMaxPitch = 1.55f; // just short of straight down, where yaw would flip
constexpr float kMinZoom = 1e-3f, kMaxZoom2D = 1e5f, kMaxZoom3D = 20;

float radiusOf(const ViewFrame& frame)
{
    return frame.dimensions == 3 ? frame.size.length() / 2
                                 : QVector3D(frame.size.x(), frame.size.y(), 0).length() / 2;
}

// Half the widget's smaller side less the margin: the fitted points' radius on screen.
float halfSpan(const ViewFrame& frame)
{
    return std::max(
        1.f, float(std::min(frame.widget.width(), frame.widget.height())) / 2 - kMargin);
}

float scale2D(const ViewFrame& frame)
{
    const float width = std::max(1.f, float(frame.widget.width()) - 2 * kMargin);
    const float height = std::max(1.f, float(frame.widget.height()) - 2 * kMargin);
    // One scale for both axes: distances mean the same in every direction.
    return std::min(width / frame.size.x(), height / frame.size.y());
}

} // namespace

ViewFrame frameOf(const std::vector<QVector3D>& points, int dimensions, QSize widget)
{
    ViewFrame frame;
    frame.widget = widget;
    frame.dimensions = dimensions == 3 ? 3 : 2;
    if (points.empty()) {
        frame.size = {1, 1, 1};
        return frame;
    }
    QVector3D low = points.front(), high = low;
    for (const QVector3D& point : points) {
        low = QVector3D(std::min(low.x(), point.x()), std::min(low.y(), point.y()),
            std::min(low.z(), point.z()));
        high = QVector3D(std::max(high.x(), point.x()), std::max(high.y(), point.y()),
            std::max(high.z(), point.z()));
    }
    if (frame.dimensions == 2)
        low.setZ(0), high.setZ(0);
    frame.centre = (low + high) / 2;
    const QVector3D size = high - low;
    // A flat side takes the largest side's length (or 1 when all points coincide), so the
    // scale stays finite.
    const float largest = std::max({size.x(), size.y(), size.z()});
    const auto side
        = [largest](float s) { return s > largest * 1e-6f ? s : (largest > 0 ? largest : 1); };
    frame.size = {side(size.x()), side(size.y()), side(size.z())};
    return frame;
}

ProjectorCamera fittedCamera(const ViewFrame& frame)
{
    ProjectorCamera camera;
    camera.target = frame.centre;
    return camera;
}

ViewProjection::ViewProjection(const ProjectorCamera& camera, const ViewFrame& frame)
    : m_centre(frame.widget.width() / 2.0, frame.widget.height() / 2.0)
{
    const QVector3D& t = camera.target;
    if (frame.dimensions != 3) {
        m_focal = scale2D(frame) * camera.zoom;
        m_row[0][0] = m_focal;
        m_row[0][3] = -m_focal * t.x();
        m_row[1][1] = m_focal;
        m_row[1][3] = -m_focal * t.y();
        return;
    }
    m_perspective = true;
    // Rotation = pitch about x after yaw about y; the eye looks down −z from +z.
    const float cy = std::cos(camera.yaw), sy = std::sin(camera.yaw);
    const float cp = std::cos(camera.pitch), sp = std::sin(camera.pitch);
    const float rotation[3][3] = {
        {cy, 0, sy},
        {sp * sy, cp, -sp * cy},
        {-cp * sy, sp, cp * cy},
    };
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c)
            m_row[r][c] = rotation[r][c];
        m_row[r][3] = -(rotation[r][0] * t.x() + rotation[r][1] * t.y() + rotation[r][2] * t.z());
    }
    const float radius = radiusOf(frame);
    m_eyeDistance = kEyeDistance * radius / camera.zoom;
    // At zoom 1 the frame's sphere fills the widget's smaller side.
    m_focal = halfSpan(frame) * kEyeDistance;
    m_nearest = radius * 1e-3f;
    m_depthNear = kEyeDistance * radius / camera.zoom - radius;
    m_depthRange = 2 * radius;
}

QVector3D ViewProjection::screenRight() const
{
    return QVector3D(m_row[0][0], m_row[0][1], m_row[0][2]).normalized() / pixelsPerUnit();
}

QVector3D ViewProjection::screenUp() const
{
    return QVector3D(m_row[1][0], m_row[1][1], m_row[1][2]).normalized() / pixelsPerUnit();
}

ProjectorCamera zoomed(
    const ProjectorCamera& camera, const ViewFrame& frame, QPointF cursor, float factor)
{
    ProjectorCamera result = camera;
    if (frame.dimensions == 3) {
        result.zoom = std::clamp(camera.zoom * factor, kMinZoom, kMaxZoom3D);
        return result;
    }
    result.zoom = std::clamp(camera.zoom * factor, kMinZoom, kMaxZoom2D);
    // The data point under the cursor stays under it.
    const QPointF fromCentre
        = cursor - QPointF(frame.widget.width() / 2.0, frame.widget.height() / 2.0);
    const float before = scale2D(frame) * camera.zoom, after = scale2D(frame) * result.zoom;
    const QVector3D under = camera.target
        + QVector3D(float(fromCentre.x()) / before, -float(fromCentre.y()) / before, 0);
    result.target
        = under - QVector3D(float(fromCentre.x()) / after, -float(fromCentre.y()) / after, 0);
    return result;
}

ProjectorCamera panned(const ProjectorCamera& camera, const ViewFrame& frame, QPointF pixels)
{
    const ViewProjection projection(camera, frame);
    ProjectorCamera result = camera;
    result.target
        -= projection.screenRight() * float(pixels.x()) - projection.screenUp() * float(pixels.y());
    return result;
}

ProjectorCamera orbited(const ProjectorCamera& camera, QPointF pixels)
{
    ProjectorCamera result = camera;
    result.yaw = std::remainder(camera.yaw + float(pixels.x()) * kRadiansPerPixel, float(2 * M_PI));
    result.pitch
        = std::clamp(camera.pitch + float(pixels.y()) * kRadiansPerPixel, -kMaxPitch, kMaxPitch);
    return result;
}

} // namespace lantern::ui
