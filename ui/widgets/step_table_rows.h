#pragma once
// What the data table under a Scalars card lists, one row per run, as a pure function of the
// runs' series and the selection: at a step, the point nearest it (its step, value, smoothed
// value, wall time and time since the run began); over a range, the range's statistics (first
// and last values, change, min, max, mean, number of points; core/analysis/step_statistics.h).
//
// A run's smoothing and sum pyramid are computed once per series state and kept in its
// StepTableSource, so that a new selection costs O(log n) per run; when the series grows they
// are extended, not recomputed (prepareStepTableSources, to call on a worker).

#include "core/analysis/step_statistics.h"
#include "ui/widgets/line_layout.h"
#include "ui/widgets/smoothed_series.h"
#include "ui/widgets/step_selection.h"

#include <QColor>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace lantern::ui {

struct StepTableSource {
    QString run;
    QColor color;
    core::ScalarSnapshot data;
    std::shared_ptr<const SmoothedSeries> smoothed; // null without smoothing
    std::shared_ptr<const core::ScalarSumPyramid> sums;
};

struct StepTableRow {
    QString run;
    QColor color;
    // At a step (selection.lo): the nearest point, when the run has any.
    std::optional<core::ScalarPoint> point;
    double smoothed = 0;
    double relativeHours = 0; // since the run's first point
    // Over a range.
    core::RangeStatistics range;
};

// Sources for `series` smoothed with `weight` (0: none), reusing what `previous` computed for
// a run of the same name whose series only grew since.
std::vector<StepTableSource> prepareStepTableSources(const std::vector<LineSeries>& series,
    double weight, const std::vector<StepTableSource>& previous);

std::vector<StepTableRow> stepTableRows(
    const std::vector<StepTableSource>& sources, const StepSelection& selection);

} // namespace lantern::ui
