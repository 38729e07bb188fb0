#include "ui/widgets/step_table_rows.h"

#include <cmath>

namespace lantern::ui {
namespace {

const StepTableSource* sourceNamed(const std::vector<StepTableSource>& sources, const QString& run)
{
    for (const StepTableSource& source : sources)
        if (source.run == run)
            return &source;
    return nullptr;
}

} // namespace

std::vector<StepTableSource> prepareStepTableSources(const std::vector<LineSeries>& series,
    double weight, const std::vector<StepTableSource>& previous)
{
    std::vector<StepTableSource> sources;
    sources.reserve(series.size());
    for (const LineSeries& line : series) {
        StepTableSource source {line.name, line.color, line.data, nullptr, nullptr};
        const StepTableSource* was = sourceNamed(previous, line.name);
        const bool same = was && was->data.generation() == line.data.generation();
        if (weight > 0) {
            const SmoothedSeries* before = was && was->smoothed ? was->smoothed.get() : nullptr;
            if (same && before && before->weight() == weight)
                source.smoothed = was->smoothed;
            else
                source.smoothed = std::make_shared<const SmoothedSeries>(
                    SmoothedSeries::of(line.data, weight, before));
        }
        if (same && was->sums)
            source.sums = was->sums;
        else
            source.sums = std::make_shared<const core::ScalarSumPyramid>(
                core::ScalarSumPyramid::of(line.data, was ? was->sums.get() : nullptr));
        sources.push_back(std::move(source));
    }
    return sources;
}

std::vector<StepTableRow> stepTableRows(
    const std::vector<StepTableSource>& sources, const StepSelection& selection)
{
    std::vector<StepTableRow> rows;
    rows.reserve(sources.size());
    for (const StepTableSource& source : sources) {
        StepTableRow row;
        row.run = source.run;
        row.color = source.color;
        if (selection.isRange()) {
            row.range = source.sums
                ? source.sums->statistics(source.data, selection.lo, selection.hi)
                : core::scanRangeStatistics(source.data, selection.lo, selection.hi);
        } else if (const auto index = core::indexNearestStep(source.data, selection.lo)) {
            const core::ScalarPoint point = source.data[*index];
            row.point = point;
            row.smoothed = source.smoothed && *index < source.smoothed->size()
                ? (*source.smoothed)[*index]
                : point.value;
            // From where the plot's Relative axis starts.
            row.relativeHours
                = (point.wallTime - seriesExtent(source.data).firstWall) / kSecondsPerHour;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace lantern::ui
