#include "ui/dashboards/projector/projector_camera.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lantern::ui {
namespace {

constexpr float kFitMargin = 16; // pixels between the fitted points and the widget's edge
constexpr float kEyeDistance = 3; // 3-D: from the eye to the target at zoom 1, in frame radii
constexpr float kRadiansPerPixel = 0.01f;
constexpr float kMaxPitch = 1.55f; // just short of straight down, where yaw would flip
constexpr float kMinZoom = 1e-3f, kMaxZoom2D = 1e5f, kMaxZoom3D = 20;

// Half the widget's smaller side less the margin: the fitted points' radius on screen.
float halfSpan(const ViewFrame& frame)
{
    return std::max(
        1.f, float(std::min(frame.widget.width(), frame.widget.height())) / 2 - kFitMargin);
}

// Half the widget's smaller side: TensorBoard's view spans its whole widget.
float halfWidget(const ViewFrame& frame)
{
    return std::max(1.f, float(std::min(frame.widget.width(), frame.widget.height())) / 2);
}

// TensorBoard's 3-D view sees tan(35°) of the eye's distance each way from the target (its
// vertical field of view is 70°), in its units: each axis scaled to [-1, 1] on its own. Their
// geometric mean turns that into data units.
float tensorBoardSight(const ViewFrame& frame)
{
    const QVector3D half = frame.size / 2;
    return std::tan(35.f * float(M_PI) / 180) * std::cbrt(half.x() * half.y() * half.z());
}

float scale2D(const ViewFrame& frame)
{
    const float width = std::max(1.f, float(frame.widget.width()) - 2 * kFitMargin);
    const float height = std::max(1.f, float(frame.widget.height()) - 2 * kFitMargin);
    // One scale for both axes: distances mean the same in every direction.
    return std::min(width / frame.size.x(), height / frame.size.y());
}

} // namespace

bool isDrawable(const QVector3D& point, int dimensions)
{
    return std::isfinite(point.x()) && std::isfinite(point.y())
        && (dimensions != 3 || std::isfinite(point.z()));
}

ViewFrame frameOf(const std::vector<QVector3D>& points, int dimensions, QSize widget)
{
    ViewFrame frame;
    frame.widget = widget;
    frame.dimensions = dimensions == 3 ? 3 : 2;
    // In doubles: the sides of a box of huge floats may not fit a float.
    std::array<double, 3> low {}, high {};
    bool any = false;
    for (const QVector3D& point : points) {
        if (!isDrawable(point, frame.dimensions))
            continue;
        const std::array<double, 3> p {
            point.x(), point.y(), frame.dimensions == 3 ? point.z() : 0.f};
        for (std::size_t axis = 0; axis < 3; ++axis) {
            low[axis] = any ? std::min(low[axis], p[axis]) : p[axis];
            high[axis] = any ? std::max(high[axis], p[axis]) : p[axis];
        }
        any = true;
    }
    std::array<double, 3> size {}, centre {};
    for (std::size_t axis = 0; axis < 3; ++axis) {
        size[axis] = std::min(high[axis] - low[axis], 1e30);
        centre[axis] = low[axis] / 2 + high[axis] / 2;
    }
    frame.centre = QVector3D(float(centre[0]), float(centre[1]), float(centre[2]));
    // A flat side takes the largest side's length (or 1 when all points coincide), so the
    // scale stays finite.
    const double largest = std::max({size[0], size[1], size[2]});
    const auto side = [largest](double s) {
        return float(s > largest * 1e-6 ? s : (largest > 0 ? largest : 1));
    };
    frame.size = {side(size[0]), side(size[1]), side(size[2])};
    // The sphere about the centre that holds every point: tighter than the box's corners.
    double radius = 0;
    for (QVector3D point : points) {
        if (!isDrawable(point, frame.dimensions))
            continue;
        if (frame.dimensions == 2)
            point.setZ(0);
        radius = std::max(radius, double((point - frame.centre).length()));
    }
    frame.radius = radius > 0 && radius < 1e30 ? float(radius) : frame.size.length() / 2;
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
    const float radius = frame.radius;
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

std::optional<ProjectorCamera> cameraFromTensorBoard(
    const core::ProjectorBookmarkCamera& saved, const ViewFrame& frame)
{
    if (saved.orthographic != (frame.dimensions == 2))
        return std::nullopt;
    // From TensorBoard's [-1, 1] per axis to data units: the centre plus half the side.
    const QVector3D half = frame.size / 2;
    const auto toData = [&](const std::array<double, 3>& p) {
        return frame.centre
            + QVector3D(float(p[0]) * half.x(), float(p[1]) * half.y(), float(p[2]) * half.z());
    };
    ProjectorCamera camera;
    camera.target = toData(saved.target);
    const auto zoom = float(saved.zoom);
    if (frame.dimensions == 2) {
        camera.target.setZ(frame.centre.z());
        // TensorBoard shows ±1.2 / zoom of each axis across the widget's smaller side.
        const float pixelsPerUnit = halfWidget(frame) * zoom / 1.2f / std::max(half.x(), half.y());
        camera.zoom = std::clamp(pixelsPerUnit / scale2D(frame), kMinZoom, kMaxZoom2D);
        return camera;
    }
    const QVector3D saw(float(saved.position[0] - saved.target[0]),
        float(saved.position[1] - saved.target[1]), float(saved.position[2] - saved.target[2]));
    const float distance = saw.length();
    const QVector3D toEye = saw * half; // the same line, in data units
    if (!(distance > 1e-6f) || !(toEye.length() > 0))
        return std::nullopt;
    // The eye looks from (−cos p sin y, sin p, cos p cos y) about the target (ViewProjection).
    const QVector3D eye = toEye.normalized();
    camera.pitch = std::clamp(std::asin(std::clamp(eye.y(), -1.f, 1.f)), -kMaxPitch, kMaxPitch);
    camera.yaw = std::atan2(-eye.x(), eye.z());
    // This view sees radius / zoom of data units across halfSpan pixels.
    const float seen = distance * tensorBoardSight(frame) / zoom;
    camera.zoom = std::clamp(
        frame.radius / seen * halfWidget(frame) / halfSpan(frame), kMinZoom, kMaxZoom3D);
    return camera;
}

core::ProjectorBookmarkCamera cameraForTensorBoard(
    const ProjectorCamera& camera, const ViewFrame& frame)
{
    // From data units to TensorBoard's [-1, 1] per axis.
    const QVector3D half = frame.size / 2;
    const QVector3D target = (camera.target - frame.centre) / half;
    core::ProjectorBookmarkCamera saved;
    saved.orthographic = frame.dimensions == 2;
    if (saved.orthographic) {
        saved.target = {target.x(), target.y(), 0};
        saved.position = {target.x(), target.y(), 4};
        const float pixelsPerUnit = scale2D(frame) * camera.zoom;
        saved.zoom = pixelsPerUnit * 1.2f * std::max(half.x(), half.y()) / halfWidget(frame);
        return saved;
    }
    saved.target = {target.x(), target.y(), target.z()};
    const float cp = std::cos(camera.pitch);
    const QVector3D eye(
        -cp * std::sin(camera.yaw), std::sin(camera.pitch), cp * std::cos(camera.yaw));
    const QVector3D direction = (eye / half).normalized(); // in TensorBoard's units
    const float seen = frame.radius * halfWidget(frame) / halfSpan(frame) / camera.zoom;
    const float distance = seen / tensorBoardSight(frame);
    const QVector3D position = target + direction * distance;
    saved.position = {position.x(), position.y(), position.z()};
    saved.zoom = 1;
    return saved;
}

} // namespace lantern::ui
