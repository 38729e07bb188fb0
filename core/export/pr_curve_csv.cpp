// Rows of PR-curve points.

#include "core/export/pr_curve_csv.h"

#include "core/export/csv_text.h"

namespace lantern::core {

std::string prCurveCsvHeader()
{
    return "run,tag,step,wall_time,threshold,precision,recall,tp,fp,tn,fn\n";
}

void appendPrCurveCsv(std::string& out, std::string_view run, std::string_view tag,
    std::int64_t step, double wallTime, std::span<const PrCurvePoint> points)
{
    const std::string prefix = csvRowPrefix(run, tag, step, wallTime);
    for (const PrCurvePoint& point : points) {
        out += prefix;
        for (const double value :
            {point.threshold, point.precision, point.recall, point.truePositives,
                point.falsePositives, point.trueNegatives, point.falseNegatives}) {
            out += shortestNumber(value);
            out += ',';
        }
        out.back() = '\n';
    }
}

} // namespace lantern::core
