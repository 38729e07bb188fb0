#pragma once
// PR curves as CSV, for the PR Curves tab's "Save as CSV…": one row per threshold of the curve
// shown for a run at a step (after the trailing trim of core/analysis/pr_curve.h), numbers in
// their shortest exact text (see csv_text.h).
//
// run,tag,step,wall_time,threshold,precision,recall,tp,fp,tn,fn

#include "core/analysis/pr_curve.h"

#include <span>
#include <string>
#include <string_view>

namespace lantern::core {

// The header row, with its line break.
std::string prCurveCsvHeader();

// Appends one curve's rows.
void appendPrCurveCsv(std::string& out, std::string_view run, std::string_view tag,
    std::int64_t step, double wallTime, std::span<const PrCurvePoint> points);

} // namespace lantern::core
