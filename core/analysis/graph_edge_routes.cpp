#include "core/analysis/graph_edge_routes.h"

#include "core/io/cancellation_poll.h"

#include <queue>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
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
        std::optional<std::uint32_t> best;
        double bestT = 2;
        visitBoxes(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y),
            [&](std::uint32_t box) {
                if (std::find(exempt.begin(), exempt.end(), box) != exempt.end())
                    return;
                const auto t = entry(a, b, rectOf(m_layout.boxes[box]));
                if (t && (*t < bestT - 1e-9 || (*t < bestT + 1e-9 && best && box < *best))) {
                    bestT = *t;
                    best = box; // an open group's index precedes its children's
                }
            });
        return best;
    }

    std::size_t work() const { return m_work; }

    // How far a line (x = `line` when `vertical`, else y = `line`) running over [low, high]
    // can move towards lower and towards higher coordinates, up to `limit`, before it touches
    // a box beside it. Boxes it runs through (the open groups around it) do not count.
    std::pair<double, double> room(
        bool vertical, double line, double low, double high, double limit)
    {
        double lower = limit, higher = limit;
        const double x0 = vertical ? line - limit : low, x1 = vertical ? line + limit : high;
        const double y0 = vertical ? low : line - limit, y1 = vertical ? high : line + limit;
        visitBoxes(x0, y0, x1, y1, [&](std::uint32_t index) {
            const ExpandedLayout::Box& box = m_layout.boxes[index];
            const double across0 = vertical ? box.x : box.y;
            const double across1 = across0 + (vertical ? box.width : box.height);
            const double along0 = vertical ? box.y : box.x;
            const double along1 = along0 + (vertical ? box.height : box.width);
            if (along1 <= low || along0 >= high || (across0 < line && across1 > line))
                return;
            if (across1 <= line)
                lower = std::min(lower, line - across1);
            else
                higher = std::min(higher, across0 - line);
        });
        return {lower, higher};
    }

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
    // Calls `visit` once with each box in the cells that the rectangle touches.
    template <typename Visit>
    void visitBoxes(double left, double top, double right, double bottom, Visit visit)
    {
        ++m_stamp;
        const std::size_t firstRow = rowOf(top), lastRow = rowOf(bottom);
        const std::size_t firstColumn = columnOf(left), lastColumn = columnOf(right);
        m_work += (lastRow - firstRow + 1) * (lastColumn - firstColumn + 1);
        for (std::size_t row = firstRow; row <= lastRow; ++row)
            for (std::size_t column = firstColumn; column <= lastColumn; ++column)
                for (const std::uint32_t box : m_cells[row * m_columns + column]) {
                    ++m_work;
                    if (m_seen[box] != m_stamp) {
                        m_seen[box] = m_stamp;
                        visit(box);
                    }
                }
    }

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

// Where `edge` is drawn through: its source's centre, its bends, its target's centre.
void pathOf(const ExpandedLayout& layout, const ExpandedLayout::Edge& edge,
    const GraphLayout::Position* bends, std::vector<Point>& points)
{
    points.assign(1, centreOf(layout.boxes[edge.from]));
    points.insert(points.end(), bends, bends + edge.bendCount);
    points.push_back(centreOf(layout.boxes[edge.to]));
}

// How many of the segments of `points` pass through a box not in `exempt`.
std::size_t segmentsThroughBoxes(
    BoxIndex& index, const std::vector<Point>& points, const std::vector<std::uint32_t>& exempt)
{
    std::size_t crossing = 0;
    for (std::size_t i = 1; i < points.size(); ++i)
        crossing += index.firstHit(points[i - 1], points[i], exempt).has_value();
    return crossing;
}

// Lanes. Edges that pass the same box on the same side run along the same line, and drawn
// there they merge into one. The straight parts between two bends that share a line and
// overlap are given lanes beside each other, as far apart as the corridor they run in
// allows.
constexpr double kLaneGap = 6; // between neighbouring lanes, when the corridor has room
constexpr double kLaneMargin = 3; // kept free between the outer lanes and the boxes beside
constexpr double kSharedLength = 2; // parts that overlap by less merely touch
constexpr double kSameLine = 0.01; // parts closer than that run along one line

// A straight part of a routed edge between two of its bends, parallel to an axis.
struct Run {
    bool vertical = true;
    double line = 0; // its x when vertical, else its y
    double low = 0; // its extent along the line
    double high = 0;
    std::uint32_t bend = 0; // its first bend, in `layout.bends`; the next is its second
    std::uint32_t lane = 0;
};

std::vector<Run> runsOf(const ExpandedLayout& layout)
{
    std::vector<Run> runs;
    for (const ExpandedLayout::Edge& edge : layout.edges)
        for (std::uint32_t i = edge.firstBend; i + 1 < edge.firstBend + edge.bendCount; ++i) {
            const Point a = layout.bends[i], b = layout.bends[i + 1];
            if (a.x == b.x && a.y != b.y)
                runs.push_back({true, a.x, std::min(a.y, b.y), std::max(a.y, b.y), i, 0});
            else if (a.y == b.y && a.x != b.x)
                runs.push_back({false, a.y, std::min(a.x, b.x), std::max(a.x, b.x), i, 0});
        }
    // Runs on one line together (lines a rounding error apart are one), in order along it;
    // the bend index breaks ties, so that lanes are the same from one layout to the next.
    std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) {
        return std::tie(a.vertical, a.line, a.bend) < std::tie(b.vertical, b.line, b.bend);
    });
    for (std::size_t first = 0, end = 0; first < runs.size(); first = end) {
        for (end = first + 1; end < runs.size() && runs[end].vertical == runs[first].vertical
             && runs[end].line - runs[end - 1].line <= kSameLine;
             ++end)
            runs[end].line = runs[first].line;
        std::sort(runs.begin() + std::ptrdiff_t(first), runs.begin() + std::ptrdiff_t(end),
            [](const Run& a, const Run& b) {
                return std::tie(a.low, a.high, a.bend) < std::tie(b.low, b.high, b.bend);
            });
    }
    return runs;
}

// Gives each run of `runs` (on one line, overlapping in a chain, in order along it) the lowest
// lane free where it starts. Returns how many lanes they take. Heaps keep it quick when
// thousands of runs share a line.
std::uint32_t assignLanes(Run* runs, std::size_t count)
{
    using Busy = std::pair<double, std::uint32_t>; // where a lane's last run ends; the lane
    std::priority_queue<Busy, std::vector<Busy>, std::greater<>> busy;
    std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> idle;
    std::uint32_t lanes = 0;
    for (Run* run = runs; run != runs + count; ++run) {
        while (!busy.empty() && busy.top().first <= run->low + kSharedLength) {
            idle.push(busy.top().second);
            busy.pop();
        }
        if (idle.empty()) {
            run->lane = lanes++;
        } else {
            run->lane = idle.top();
            idle.pop();
        }
        busy.emplace(run->high, run->lane);
    }
    return lanes;
}

// Moves the bends of the runs that share a line onto lanes beside it: how far each bend
// moves, per bend of `layout.bends`.
std::vector<Point> laneShifts(const ExpandedLayout& layout, BoxIndex& index, double clearance)
{
    std::vector<Run> runs = runsOf(layout);
    std::vector<Point> shifts(layout.bends.size(), Point {0, 0});
    std::vector<std::uint8_t> shifted(layout.bends.size(), 0); // bit 1: x moved, bit 2: y
    for (std::size_t first = 0; first < runs.size();) {
        // The runs that overlap in a chain along the same line.
        std::size_t end = first + 1;
        double high = runs[first].high, low = runs[first].low;
        while (end < runs.size() && runs[end].vertical == runs[first].vertical
            && runs[end].line == runs[first].line && runs[end].low < high - kSharedLength) {
            high = std::max(high, runs[end].high);
            ++end;
        }
        const std::uint32_t lanes = assignLanes(&runs[first], end - first);
        if (lanes > 1) {
            const Run& run = runs[first];
            // How far the lanes may spread either way (a narrow corridor keeps narrow
            // margins), centred on the line when there is room on both sides.
            const auto [lower, higher]
                = index.room(run.vertical, run.line, low, high, 2 * clearance + kLaneMargin);
            const double below = std::max(lower - kLaneMargin, lower / 2);
            const double above = std::max(higher - kLaneMargin, higher / 2);
            const double spread = std::min(kLaneGap * (lanes - 1), below + above);
            const double start = std::clamp(-spread / 2, -below, above - spread);
            const double gap = spread / (lanes - 1);
            const std::uint8_t bit = run.vertical ? 1 : 2;
            for (std::size_t i = first; i < end; ++i) {
                const double offset = start + runs[i].lane * gap;
                for (const std::uint32_t bend : {runs[i].bend, runs[i].bend + 1}) {
                    if (shifted[bend] & bit)
                        continue; // on two runs along one line: the first decides
                    shifted[bend] |= bit;
                    (run.vertical ? shifts[bend].x : shifts[bend].y) = offset;
                }
            }
        }
        first = end;
    }
    return shifts;
}

// Moves routed edges onto lanes. An edge whose lanes would take it through a box (the
// corridor is measured along the shared parts only; the parts joining them tilt) moves half
// as far, then a quarter, and otherwise stays where it was.
void separateLanes(ExpandedLayout& layout, double clearance, BoxIndex& index,
    const std::function<bool()>& cancelled)
{
    const std::vector<Point> shifts = laneShifts(layout, index, clearance);
    CancellationPoll poll(cancelled, kEdgesBetweenPolls);
    std::vector<std::uint32_t> exempt;
    std::vector<Point> moved, path;
    for (const ExpandedLayout::Edge& edge : layout.edges) {
        const std::uint32_t first = edge.firstBend, last = first + edge.bendCount;
        if (std::all_of(shifts.begin() + first, shifts.begin() + last,
                [](Point p) { return p.x == 0 && p.y == 0; }))
            continue;
        exemptOf(layout, edge, exempt);
        pathOf(layout, edge, layout.bends.data() + first, path);
        const std::size_t crossing = segmentsThroughBoxes(index, path, exempt);
        for (const double scale : {1.0, 0.5, 0.25}) {
            if (poll.step() || index.work() > kMaxWork)
                return; // the edges left stay on the shared lines
            moved.assign(layout.bends.begin() + first, layout.bends.begin() + last);
            for (std::uint32_t i = first; i < last; ++i) {
                moved[i - first].x += shifts[i].x * scale;
                moved[i - first].y += shifts[i].y * scale;
            }
            pathOf(layout, edge, moved.data(), path);
            if (segmentsThroughBoxes(index, path, exempt) <= crossing) {
                std::copy(moved.begin(), moved.end(), layout.bends.begin() + first);
                break;
            }
        }
    }
}

// Drops the bends from `first` on that repeat the one before or lie on a straight line
// between their neighbours (passing a column or a row of boxes bends in a line), so that each
// straight part is one run and gets one lane. The path covers the same line as before.
void dropStraightBends(std::vector<Point>& bends, std::size_t first, Point source, Point target)
{
    const auto inLine = [](Point a, Point b, Point c) {
        return (a.x == b.x && b.x == c.x) || (a.y == b.y && b.y == c.y);
    };
    std::vector<Point> path {source};
    path.insert(path.end(), bends.begin() + std::ptrdiff_t(first), bends.end());
    path.push_back(target);
    std::size_t kept = 1;
    for (std::size_t i = 1; i < path.size(); ++i) {
        while (kept >= 2 && inLine(path[kept - 2], path[kept - 1], path[i]))
            --kept;
        if (path[kept - 1].x != path[i].x || path[kept - 1].y != path[i].y)
            path[kept++] = path[i];
    }
    // The ends stay (the target is the last point kept): the bends are those in between.
    bends.resize(first);
    for (std::size_t i = 1; i + 1 < kept; ++i)
        bends.push_back(path[i]);
}

// Bends `edge` around the boxes it does not join, appending them to `layout.bends`.
void routeEdge(ExpandedLayout& layout, ExpandedLayout::Edge& edge, double clearance,
    BoxIndex& index, std::vector<std::uint32_t>& exempt, std::vector<Point>& goals)
{
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
            if (!goals.empty()) // a bend (the last goal is the target's centre)
                layout.bends.push_back(goal);
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
    dropStraightBends(layout.bends, edge.firstBend, centreOf(layout.boxes[edge.from]),
        centreOf(layout.boxes[edge.to]));
    edge.bendCount = std::uint32_t(layout.bends.size()) - edge.firstBend;
}

} // namespace

void routeEdges(
    ExpandedLayout& layout, double clearance, const std::function<bool()>& cancelled, bool lanes)
{
    layout.bends.clear();
    for (ExpandedLayout::Edge& edge : layout.edges) {
        edge.firstBend = 0;
        edge.bendCount = 0;
    }
    BoxIndex index(layout);
    CancellationPoll poll(cancelled, kEdgesBetweenPolls);
    std::vector<std::uint32_t> exempt;
    std::vector<Point> goals;
    std::size_t straight = 0;
    // The main flow first: past the budget, edges to the auxiliary area are the ones left
    // straight (the view draws them as short stubs unless one of their ends is in focus).
    for (const bool auxiliary : {false, true})
        for (ExpandedLayout::Edge& edge : layout.edges) {
            if (edge.auxiliary != auxiliary)
                continue;
            edge.firstBend = std::uint32_t(layout.bends.size());
            if (poll.step())
                return;
            if (index.work() > kMaxWork) {
                ++straight;
                continue;
            }
            routeEdge(layout, edge, clearance, index, exempt, goals);
        }
    if (straight > 0)
        layout.skipped.push_back(std::to_string(straight)
            + " edge(s) drawn straight: too many boxes and edges to route them all around boxes");
    else if (lanes)
        separateLanes(layout, clearance, index, cancelled);
}

std::size_t edgeSegmentsThroughBoxes(const ExpandedLayout& layout)
{
    BoxIndex index(layout);
    std::vector<std::uint32_t> exempt;
    std::vector<Point> points;
    std::size_t crossing = 0;
    for (const ExpandedLayout::Edge& edge : layout.edges) {
        exemptOf(layout, edge, exempt);
        pathOf(layout, edge, layout.bends.data() + edge.firstBend, points);
        crossing += segmentsThroughBoxes(index, points, exempt);
    }
    return crossing;
}

} // namespace lantern::core
