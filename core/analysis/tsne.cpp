#include "core/analysis/tsne.h"

#include "core/analysis/knn_graph.h"
#include "core/analysis/pca.h"
#include "core/analysis/tsne_affinities.h"
#include "core/analysis/tsne_gradient.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

namespace lantern::core {
namespace {

// The schedule of van der Maaten (2014) as current implementations keep it: P exaggerated 12
// times for the first 250 steps, so clusters form before they spread; momentum 0.5, then 0.8.
constexpr double kEarlyExaggeration = 12;
constexpr std::size_t kExaggerationSteps = 250;
constexpr double kEarlyMomentum = 0.5;
constexpr double kLateMomentum = 0.8;
constexpr double kMinimumGain = 0.01;
// Wider inputs are reduced to this many principal components first: the neighbours barely
// change, and the kNN search gets much cheaper.
constexpr std::size_t kPcaDimensions = 50;
constexpr double kInitialSpread = 1e-4;

std::string formatNumber(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

// The first row and column holding a NaN or an infinity, or rows when there is none.
std::pair<std::size_t, std::size_t> firstNonFinite(
    std::span<const float> values, std::size_t rows, std::size_t columns)
{
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < columns; ++c)
            if (!std::isfinite(values[r * columns + c]))
                return {r, c};
    return {rows, 0};
}

} // namespace

struct TsneLayout::State {
    std::string error;
    std::vector<std::string> notes;
    std::size_t rows = 0;
    std::size_t dimensions = 2;
    double perplexity = 0;
    double learningRate = 0;
    double theta = 0.5;
    TsneAffinities affinities;
    TsneGradient gradient;
    std::vector<double> y, update, gains, step;
    std::vector<float> coordinates;
    std::size_t iteration = 0;
    double divergence = NAN; // at `divergenceIteration`
    std::size_t divergenceIteration = std::size_t(-1);

    void publish()
    {
        coordinates.resize(y.size());
        std::transform(y.begin(), y.end(), coordinates.begin(), [](double v) { return float(v); });
    }
};

TsneLayout::TsneLayout()
    : m_state(std::make_unique<State>())
{
    m_state->error = "not prepared";
}
TsneLayout::TsneLayout(TsneLayout&&) noexcept = default;
TsneLayout& TsneLayout::operator=(TsneLayout&&) noexcept = default;
TsneLayout::~TsneLayout() = default;

TsneLayout TsneLayout::prepare(std::span<const float> values, std::size_t rows, std::size_t columns,
    const TsneOptions& options, const std::function<bool()>& cancelled)
{
    TsneLayout layout;
    State& s = *layout.m_state;
    s.error.clear();
    SharedCancellation shared(cancelled);
    const auto fail = [&](std::string why) {
        s.error = std::move(why);
        return std::move(layout);
    };
    if (rows == 0)
        return fail("no points to lay out");
    if (columns == 0 || values.size() / columns < rows)
        return fail("the values are fewer than rows × columns");
    if (rows > std::size_t(UINT32_MAX))
        return fail("too many points");
    if (const auto [row, column] = firstNonFinite(values, rows, columns); row < rows)
        return fail("row " + std::to_string(row + 1) + " has a NaN or infinite value (column "
            + std::to_string(column + 1) + "; rows and columns counted from 1)");
    if (shared())
        return fail("cancelled");

    s.rows = rows;
    s.dimensions = options.dimensions == 3 ? 3 : 2;
    if (options.dimensions != 2 && options.dimensions != 3)
        s.notes.push_back("t-SNE lays out in 2 or 3 dimensions; using 2");
    s.theta = std::isfinite(options.theta) ? std::clamp(options.theta, 0.0, 1.0) : 0.5;

    const double asked = std::isfinite(options.perplexity) ? options.perplexity : 30;
    s.perplexity = std::clamp(asked, 2.0, 100.0);
    if (s.perplexity != asked)
        s.notes.push_back("perplexity " + formatNumber(asked) + " is outside 2–100; using "
            + formatNumber(s.perplexity));
    // Each point's affinities come from its 3 × perplexity nearest neighbours.
    const double allowed = std::max(1.0, double(rows - 1) / 3);
    if (s.perplexity > allowed) {
        s.notes.push_back("perplexity " + formatNumber(s.perplexity) + " needs "
            + formatNumber(std::ceil(3 * s.perplexity)) + " neighbours per point but there are "
            + std::to_string(rows) + " points; using perplexity " + formatNumber(allowed));
        s.perplexity = allowed;
    }
    const std::size_t k = std::min(rows - 1, std::size_t(std::ceil(3 * s.perplexity)));

    StageProgress progress(options.progress);
    std::vector<float> reduced;
    std::span<const float> input = values.first(rows * columns);
    std::size_t width = columns;
    if (columns > kPcaDimensions) {
        progress.begin("Reducing to " + std::to_string(kPcaDimensions) + " dimensions (PCA)", 1);
        PcaOptions pcaOptions;
        pcaOptions.cancelled = [&shared] { return shared(); };
        PcaResult pca = principalComponents(input, rows, columns, kPcaDimensions, pcaOptions);
        if (pca.cancelled)
            return fail("cancelled");
        reduced = std::move(pca.coordinates);
        input = reduced;
        width = pca.components;
        s.notes.push_back("reduced from " + std::to_string(columns) + " to " + std::to_string(width)
            + " dimensions by PCA first");
        progress.finish();
    }
    if (shared())
        return fail("cancelled");
    progress.begin("Finding neighbours");
    const KnnGraph graph = nearestNeighbourGraph(
        input, rows, width, k, DistanceMetric::Euclidean, [&] { return shared(); }, &progress);
    if (shared() || graph.rows != rows)
        return fail("cancelled");
    progress.finish();
    progress.begin("Computing affinities");
    s.affinities = tsneAffinities(graph, s.perplexity, shared, &progress);
    if (shared())
        return fail("cancelled");
    if (options.supervision > 0 && options.labels.size() < rows)
        s.notes.push_back("supervision needs a label for every point (" + std::to_string(rows)
            + "), not " + std::to_string(options.labels.size()) + "; laid out without it");
    superviseAffinities(s.affinities, options.labels, options.supervision);

    s.learningRate = options.learningRate > 0 && std::isfinite(options.learningRate)
        ? options.learningRate
        : std::max(double(rows) / kEarlyExaggeration, 200.0);
    std::mt19937_64 random(options.seed);
    std::normal_distribution<double> normal(0, kInitialSpread);
    s.y.resize(rows * s.dimensions);
    const bool restart = options.initial.size() == s.y.size()
        && std::all_of(options.initial.begin(), options.initial.end(),
            [](float v) { return std::isfinite(v); });
    for (std::size_t i = 0; i < s.y.size(); ++i)
        s.y[i] = restart ? double(options.initial[i]) : normal(random);
    if (restart)
        s.iteration = options.startIteration;
    s.update.assign(s.y.size(), 0.0);
    s.gains.assign(s.y.size(), 1.0);
    s.step.assign(s.y.size(), 0.0);
    s.publish();
    progress.finish();
    return layout;
}

bool TsneLayout::ok() const
{
    return m_state && m_state->error.empty();
}

const std::string& TsneLayout::error() const
{
    static const std::string movedFrom = "moved from";
    return m_state ? m_state->error : movedFrom;
}

const std::vector<std::string>& TsneLayout::notes() const
{
    static const std::vector<std::string> none;
    return m_state ? m_state->notes : none;
}

void TsneLayout::iterate(std::size_t iterations, const std::function<bool()>& cancelled)
{
    if (!ok())
        return;
    State& s = *m_state;
    SharedCancellation shared(cancelled);
    for (std::size_t n = 0; n < iterations && !shared(); ++n) {
        const bool early = s.iteration < kExaggerationSteps;
        if (!s.gradient.compute(s.affinities, early ? kEarlyExaggeration : 1, s.y, s.dimensions,
                s.theta, s.step, shared))
            break;
        const double momentum = early ? kEarlyMomentum : kLateMomentum;
        // Per-coordinate gains (Jacobs 1988): grow while the gradient keeps pushing the way the
        // last update went (their signs differ: the update goes down the gradient), shrink
        // when it turns.
        for (std::size_t c = 0; c < s.y.size(); ++c) {
            const bool sameWay = (s.step[c] > 0) != (s.update[c] > 0);
            s.gains[c] = std::max(kMinimumGain, sameWay ? s.gains[c] + 0.2 : s.gains[c] * 0.8);
            s.update[c] = momentum * s.update[c] - s.learningRate * s.gains[c] * s.step[c];
            s.y[c] += s.update[c];
        }
        // Keep the layout centred: the cost does not see a shift, the view would.
        for (std::size_t d = 0; d < s.dimensions; ++d) {
            double mean = 0;
            for (std::size_t i = 0; i < s.rows; ++i)
                mean += s.y[i * s.dimensions + d];
            mean /= double(s.rows);
            for (std::size_t i = 0; i < s.rows; ++i)
                s.y[i * s.dimensions + d] -= mean;
        }
        ++s.iteration;
    }
    s.publish();
}

std::size_t TsneLayout::iteration() const
{
    return m_state ? m_state->iteration : 0;
}

double TsneLayout::klDivergence(const std::function<bool()>& cancelled) const
{
    if (!ok())
        return NAN;
    State& s = *m_state;
    if (s.divergenceIteration != s.iteration) {
        SharedCancellation shared(cancelled);
        const double divergence
            = s.gradient.klDivergence(s.affinities, s.y, s.dimensions, s.theta, shared);
        if (shared())
            return NAN; // not kept: the next call computes it whole
        s.divergence = divergence;
        s.divergenceIteration = s.iteration;
    }
    return s.divergence;
}

std::span<const float> TsneLayout::coordinates() const
{
    return m_state ? std::span<const float>(m_state->coordinates) : std::span<const float>();
}

std::size_t TsneLayout::dimensions() const
{
    return m_state ? m_state->dimensions : 2;
}

double TsneLayout::perplexity() const
{
    return m_state ? m_state->perplexity : 0;
}

double TsneLayout::learningRate() const
{
    return m_state ? m_state->learningRate : 0;
}

} // namespace lantern::core
