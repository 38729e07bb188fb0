#include "ui/dashboards/projector/projector_layout.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <string_view>

namespace lantern::ui {
namespace {

using Clock = std::chrono::steady_clock;

// The KL divergence costs about one gradient step: it is brought up to date this often.
constexpr auto kDivergenceInterval = std::chrono::milliseconds(500);
constexpr std::size_t kMaxBatch = 64;

QStringList qtNotes(const std::vector<std::string>& notes)
{
    QStringList lines;
    for (const auto& note : notes)
        lines << QString::fromStdString(note);
    return lines;
}

// Passes prepare()'s stages on to the view as frames without points.
std::function<void(std::string_view, double)> stageReporter(
    const std::shared_ptr<LayoutRun>& run, const LayoutJob::Control& control)
{
    return [run, &control](std::string_view stage, double done) {
        LayoutFrame frame;
        frame.run = run;
        frame.stage = QString::fromUtf8(stage.data(), qsizetype(stage.size()));
        frame.stageDone = done;
        control.report(std::move(frame));
    };
}

void prepare(const std::shared_ptr<LayoutRun>& shared, const LayoutJob::Control& control)
{
    LayoutRun& run = *shared;
    const std::function<bool()> cancelled = [&control] { return control.isCancelled(); };
    const LayoutSettings& settings = run.settings;
    std::span<const float> values = run.values;
    std::size_t points = run.rows;
    std::vector<float> subset;
    std::vector<std::size_t> rows = run.subset;
    if (!rows.empty()) {
        std::erase_if(rows, [&run](std::size_t row) { return row >= run.rows; });
        subset.reserve(rows.size() * run.columns);
        for (const std::size_t row : rows)
            subset.insert(subset.end(), values.begin() + std::ptrdiff_t(row * run.columns),
                values.begin() + std::ptrdiff_t((row + 1) * run.columns));
        values = subset;
        points = rows.size();
    } else {
        rows.resize(points);
        for (std::size_t row = 0; row < points; ++row)
            rows[row] = row;
    }
    if (settings.method == ProjectionMethod::Tsne) {
        core::TsneOptions options;
        options.dimensions = std::size_t(settings.dimensions);
        options.perplexity = settings.perplexity;
        options.learningRate = settings.learningRate;
        options.seed = settings.seed;
        options.progress = stageReporter(shared, control);
        options.initial = run.initial;
        options.startIteration = run.startIteration;
        std::vector<std::int32_t> labels;
        if (settings.superviseColumn >= 0 && settings.supervision > 0 && run.metadata) {
            labels = supervisionLabels(*run.metadata, std::size_t(settings.superviseColumn), rows);
            options.labels = labels;
            options.supervision = settings.supervision;
        }
        auto layout = core::TsneLayout::prepare(values, points, run.columns, options, cancelled);
        if (!layout.ok() && cancelled())
            return; // prepared again by the next job
        run.notes = qtNotes(layout.notes());
        if (!layout.ok())
            run.error = QString::fromStdString(layout.error());
        run.layout = std::move(layout);
    } else {
        core::UmapOptions options;
        options.dimensions = std::size_t(settings.dimensions);
        options.neighbours = settings.neighbours;
        options.minDist = settings.minDist;
        options.epochs = settings.epochs;
        options.seed = settings.seed;
        options.progress = stageReporter(shared, control);
        auto layout = core::UmapLayout::prepare(values, points, run.columns, options, cancelled);
        if (!layout.ok() && cancelled())
            return;
        run.notes = qtNotes(layout.notes());
        if (!layout.ok())
            run.error = QString::fromStdString(layout.error());
        run.layout = std::move(layout);
    }
}

bool finished(const LayoutRun& run)
{
    if (const auto* umap = std::get_if<core::UmapLayout>(&run.layout))
        return umap->finished();
    if (const auto* tsne = std::get_if<core::TsneLayout>(&run.layout)) {
        const std::size_t stopAt = run.stopAt;
        return stopAt > 0 && tsne->iteration() >= stopAt;
    }
    return true;
}

void step(LayoutRun& run, std::size_t count, const std::function<bool()>& cancelled)
{
    if (auto* umap = std::get_if<core::UmapLayout>(&run.layout))
        umap->iterate(count, cancelled);
    else if (auto* tsne = std::get_if<core::TsneLayout>(&run.layout)) {
        const std::size_t stopAt = run.stopAt;
        if (stopAt > 0)
            count = std::min(count, stopAt - std::min(stopAt, tsne->iteration()));
        tsne->iterate(count, cancelled);
    }
}

std::vector<QVector3D> pointsOf(std::span<const float> coordinates, std::size_t dimensions)
{
    std::vector<QVector3D> points;
    if (dimensions < 2)
        return points;
    const std::size_t count = coordinates.size() / dimensions;
    points.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const float* p = coordinates.data() + i * dimensions;
        points.emplace_back(p[0], p[1], dimensions > 2 ? p[2] : 0.f);
    }
    return points;
}

} // namespace

LayoutFrame frameOf(const std::shared_ptr<LayoutRun>& run)
{
    LayoutFrame frame;
    frame.run = run;
    frame.notes = run->notes;
    frame.error = run->error;
    if (const auto* tsne = std::get_if<core::TsneLayout>(&run->layout); tsne && tsne->ok()) {
        frame.points = pointsOf(tsne->coordinates(), tsne->dimensions());
        frame.iteration = tsne->iteration();
        frame.klDivergence = run->klDivergence;
    } else if (const auto* umap = std::get_if<core::UmapLayout>(&run->layout); umap && umap->ok()) {
        frame.points = pointsOf(umap->coordinates(), umap->dimensions());
        frame.iteration = umap->epoch();
        frame.totalEpochs = umap->totalEpochs();
    }
    frame.finished = !frame.points.empty() && finished(*run);
    return frame;
}

LayoutFrame runLayout(
    const std::shared_ptr<LayoutRun>& run, const LayoutJob::Control& control, int frameInterval)
{
    run->frameQueued = false;
    const std::function<bool()> cancelled = [&control] { return control.isCancelled(); };
    if (std::holds_alternative<std::monostate>(run->layout))
        prepare(run, control);
    if (std::holds_alternative<std::monostate>(run->layout) || !run->error.isEmpty())
        return frameOf(run);

    auto* tsne = std::get_if<core::TsneLayout>(&run->layout);
    // The divergence is one more walk of every point through the tree: on a million points it
    // costs as much as an iteration, so it is refreshed at most every kDivergenceInterval and
    // never for more than a fifth of the time.
    auto lastDivergence = Clock::now() - kDivergenceInterval;
    auto divergenceCost = Clock::duration::zero();
    const auto refreshDivergence = [&] {
        if (const double divergence = tsne->klDivergence(cancelled); !std::isnan(divergence))
            run->klDivergence = divergence;
    };
    const auto send = [&] {
        const auto wait = std::max<Clock::duration>(kDivergenceInterval, 4 * divergenceCost);
        if (tsne && Clock::now() - lastDivergence >= wait) {
            const auto start = Clock::now();
            refreshDivergence();
            lastDivergence = Clock::now();
            divergenceCost = lastDivergence - start;
        }
        if (run->frameQueued.exchange(true))
            return false; // the view has not taken the last one yet
        control.report(frameOf(run));
        return true;
    };
    const auto interval = std::chrono::milliseconds(std::max(1, frameInterval));
    send(); // the starting layout
    auto lastFrame = Clock::now();
    std::size_t batch = 1;
    while (!control.isCancelled() && !finished(*run)) {
        const auto start = Clock::now();
        step(*run, batch, cancelled);
        const auto took = Clock::now() - start;
        // Batches of well under a frame's time, so that frames come at their pace.
        if (took < interval / 4)
            batch = std::min(batch * 2, kMaxBatch);
        else if (took > interval / 2 && batch > 1)
            batch /= 2;
        if (Clock::now() - lastFrame >= interval && send())
            lastFrame = Clock::now();
    }
    if (tsne && !control.isCancelled())
        refreshDivergence();
    return frameOf(run);
}

std::vector<std::int32_t> supervisionLabels(
    const core::MetadataTable& metadata, std::size_t column, const std::vector<std::size_t>& rows)
{
    std::vector<std::int32_t> labels;
    labels.reserve(rows.size());
    std::map<std::string_view, std::int32_t> ranks;
    for (const std::size_t row : rows) {
        const std::string_view cell
            = row < metadata.rows.size() ? metadata.cell(row, column) : std::string_view();
        if (cell.empty()) {
            labels.push_back(-1);
            continue;
        }
        const auto [at, added] = ranks.emplace(cell, std::int32_t(ranks.size()));
        labels.push_back(at->second);
    }
    return labels;
}

} // namespace lantern::ui
