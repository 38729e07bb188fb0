#include "core/analysis/graph_edge_routes.h"

#include "core/io/cancellation_poll.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace lantern::core {

namespace {

using Point = GraphLayout::Position;
constexpr std::size_t kEdgesBetweenPolls = 256;
constexpr int kDetoursPerEdge = 24; // past that, the rest of the edge goes straight
constexpr double kInset = 0.5; // a segment grazing a box's border does not pass through it
// Cells and boxes looked at, in all: past that (a huge graph opened wide) the edges left are
// drawn straight, so that the layout stays quick.
constexpr std::size_t kMaxWork = 30'000'000;

struct Rect {
    double left = 0, top = 0, right = 0, bottom = 0;

    bool contains(Point p) const { return p.x > left && p.x < right && p.y > top && p.y < bottom; }
};

Rect rectOf(const ExpandedLayout::Box& box)
{
    return {
        box.x + kInset, box.y + kInset, box.x + box.width - kInset, box.y + box.height - kInset};
}

Point centreOf(const ExpandedLayout::Box& box)
{
    return {box.x + box.width / 2, box.y + box.height / 2};
}

// Where segment a→b enters `r` (0 … 1 along it), if it passes through it (Liang–Barsky).
std::optional<double> entry(Point a, Point b, const Rect& r)
{
    double t0 = 0, t1 = 1;
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - r.left, r.right - a.x, a.y - r.top, r.bottom - a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] <= 0)
                return std::nullopt; // parallel to this side and outside it
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 >= t1)
            return std::nullopt;
    }
    return t0;
}

// The boxes in a uniform grid of cells, so that a segment is tested against the boxes near
// it only.
class BoxIndex {
public:
    explicit BoxIndex(const ExpandedLayout& layout)
        : m_layout(layout)
    {
        // Cells of at least 256 units, and at most about a million of them.
        const double area = std::max(layout.width, 1.0) * std::max(layout.height, 1.0);
        m_cell = std::max(256.0, std::sqrt(area / 1e6));
        m_columns = std::size_t(std::max(layout.width, 1.0) / m_cell) + 1;
        m_rows = std::size_t(std::max(layout.height, 1.0) / m_cell) + 1;
        m_cells.resize(m_columns * m_rows);
        m_seen.assign(layout.boxes.size(), 0);
        for (std::uint32_t b = 0; b < layout.boxes.size(); ++b) {
            const Rect r = rectOf(layout.boxes[b]);
            for (std::size_t row = rowOf(r.top); row <= rowOf(r.bottom); ++row)
                for (std::size_t column = columnOf(r.left); column <= columnOf(r.right); ++column)
                    m_cells[row * m_columns + column].push_back(b);
        }
    }

    // The box that segment a→b enters first, of those not in `exempt`; the outer one of two
    // entered at the same point (an open group before its children).
    std::optional<std::uint32_t> firstHit(
        Point a, Point b, const std::vector<std::uint32_t>& exempt)
    {
        ++m_stamp;
        std::optional<std::uint32_t> best;
        double bestT = 2;
        const std::size_t top = rowOf(std::min(a.y, b.y)), bottom = rowOf(std::max(a.y, b.y));
        const std::size_t left = columnOf(std::min(a.x, b.x)), right = columnOf(std::max(a.x, b.x));
        m_work += (bottom - top + 1) * (right - left + 1);
        for (std::size_t row = top; row <= bottom; ++row)
            for (std::size_t column = left; column <= right; ++column)
                for (const std::uint32_t box : m_cells[row * m_columns + column]) {
                    ++m_work;
                    if (m_seen[box] == m_stamp)
                        continue;
                    m_seen[box] = m_stamp;
                    if (std::find(exempt.begin(), exempt.end(), box) != exempt.end())
                        continue;
                    const auto t = entry(a, b, rectOf(m_layout.boxes[box]));
                    if (!t)
                        continue;
                    if (*t < bestT - 1e-9 || (*t < bestT + 1e-9 && best && box < *best)) {
                        bestT = *t;
                        best = box; // an open group's index precedes its children's
                    }
                }
        return best;
    }

    std::size_t work() const { return m_work; }

    // Whether `p` lies inside a box not in `exempt`.
    bool blocked(Point p, const std::vector<std::uint32_t>& exempt) const
    {
        for (const std::uint32_t box : m_cells[rowOf(p.y) * m_columns + columnOf(p.x)])
            if (rectOf(m_layout.boxes[box]).contains(p)
                && std::find(exempt.begin(), exempt.end(), box) == exempt.end())
                return true;
        return false;
    }

private:
    std::size_t rowOf(double y) const
    {
        return std::min(m_rows - 1, std::size_t(std::max(0.0, y / m_cell)));
    }
    std::size_t columnOf(double x) const
    {
        return std::min(m_columns - 1, std::size_t(std::max(0.0, x / m_cell)));
    }

    const ExpandedLayout& m_layout;
    double m_cell = 256;
    std::size_t m_columns = 1, m_rows = 1;
    std::vector<std::vector<std::uint32_t>> m_cells;
    std::vector<std::uint32_t> m_seen; // the query that saw each box last
    std::uint32_t m_stamp = 0;
    std::size_t m_work = 0;
};

// An edge's two boxes and the open groups around each: it may pass through those.
void exemptOf(const ExpandedLayout& layout, const ExpandedLayout::Edge& edge,
    std::vector<std::uint32_t>& exempt)
{
    exempt.clear();
    for (const std::uint32_t end : {edge.from, edge.to})
        for (std::int32_t box = std::int32_t(end); box >= 0;
             box = layout.boxes[std::size_t(box)].parentBox)
            exempt.push_back(std::uint32_t(box));
}

// The points that lead a path going from `from` to `to` past `box`: beside it, or, when the
// path runs along the box's row (an end level with it), below or above that row. Empty when
// each way is blocked.
std::vector<Point> detour(const ExpandedLayout::Box& box, Point from, Point to, double clearance,
    const BoxIndex& index, const std::vector<std::uint32_t>& exempt)
{
    const double top = box.y - clearance, bottom = box.y + box.height + clearance;
    const auto free = [&](std::initializer_list<Point> points) {
        return std::none_of(
            points.begin(), points.end(), [&](Point p) { return index.blocked(p, exempt); });
    };
    const auto level = [&](Point p) { return p.y > box.y && p.y < box.y + box.height; };
    if (level(from) || level(to)) {
        // Leave the row vertically, pass under (or over) the box, enter the row vertically.
        const double y
            = level(from) ? (to.y >= from.y ? bottom : top) : (from.y <= to.y ? top : bottom);
        const Point out {from.x, y}, in {to.x, y};
        if (level(from) && level(to) && free({out, in}))
            return {out, in};
        if (level(from) && !level(to) && free({out}))
            return {out};
        if (level(to) && !level(from) && free({in}))
            return {in};
    }
    // Pass beside it, on the side the straight line is nearer to at the box's middle height.
    const bool down = to.y >= from.y;
    const double in = level(from) ? from.y : down ? top : bottom;
    const double out = level(to) ? to.y : down ? bottom : top;
    const double middle = box.y + box.height / 2;
    const double along
        = to.y == from.y ? 0.5 : std::clamp((middle - from.y) / (to.y - from.y), 0.0, 1.0);
    const double lineX = from.x + (to.x - from.x) * along;
    const double leftX = box.x - clearance, rightX = box.x + box.width + clearance;
    const bool leftFirst = lineX - leftX <= rightX - lineX;
    for (const double x : {leftFirst ? leftX : rightX, leftFirst ? rightX : leftX})
        if (free({Point {x, in}, Point {x, out}}))
            return {Point {x, in}, Point {x, out}};
    return {};
}

} // namespace

void routeEdges(ExpandedLayout& layout, double clearance, const std::function<bool()>& cancelled)
{
    layout.bends.clear();
    BoxIndex index(layout);
    CancellationPoll poll(cancelled, kEdgesBetweenPolls);
    std::vector<std::uint32_t> exempt;
    std::vector<Point> goals;
    std::size_t straight = 0;
    for (ExpandedLayout::Edge& edge : layout.edges) {
        edge.firstBend = std::uint32_t(layout.bends.size());
        edge.bendCount = 0;
        if (edge.auxiliary)
            continue; // drawn as a stub
        if (poll.step())
            return;
        if (index.work() > kMaxWork) {
            ++straight;
            continue;
        }
        exemptOf(layout, edge, exempt);
        Point at = centreOf(layout.boxes[edge.from]);
        goals.assign(1, centreOf(layout.boxes[edge.to]));
        int detours = 0;
        while (!goals.empty()) {
            const Point goal = goals.back();
            const auto hit
                = detours < kDetoursPerEdge ? index.firstHit(at, goal, exempt) : std::nullopt;
            if (!hit) {
                goals.pop_back();
                if (!goals.empty()) { // a bend (the last goal is the target's centre)
                    // Passing a column of boxes gives bends in a line: keep its ends only.
                    const std::size_t count = layout.bends.size() - edge.firstBend;
                    if (count >= 2 && layout.bends.back().x == goal.x
                        && layout.bends[layout.bends.size() - 2].x == goal.x)
                        layout.bends.back() = goal;
                    else
                        layout.bends.push_back(goal);
                }
                at = goal;
                continue;
            }
            ++detours;
            const auto around = detour(layout.boxes[*hit], at, goal, clearance, index, exempt);
            if (around.empty()) {
                exempt.push_back(*hit); // no way beside it: this edge crosses it
                continue;
            }
            goals.insert(goals.end(), around.rbegin(), around.rend()); // the first on top
        }
        edge.bendCount = std::uint32_t(layout.bends.size()) - edge.firstBend;
    }
    if (straight > 0)
        layout.skipped.push_back(std::to_string(straight)
            + " edge(s) drawn straight: too many boxes and edges to route them all around boxes");
}

std::size_t edgeSegmentsThroughBoxes(const ExpandedLayout& layout)
{
    BoxIndex index(layout);
    std::vector<std::uint32_t> exempt;
    std::size_t crossing = 0;
    for (const ExpandedLayout::Edge& edge : layout.edges) {
        if (edge.auxiliary)
            continue;
        exemptOf(layout, edge, exempt);
        std::vector<Point> points {centreOf(layout.boxes[edge.from])};
        for (std::uint32_t i = 0; i < edge.bendCount; ++i)
            points.push_back(layout.bends[edge.firstBend + i]);
        points.push_back(centreOf(layout.boxes[edge.to]));
        for (std::size_t i = 1; i < points.size(); ++i)
            crossing += index.firstHit(points[i - 1], points[i], exempt).has_value();
    }
    return crossing;
}

} // namespace lantern::core
