// Rows of histogram buckets and of their basis-point values.

#include "core/export/histogram_csv.h"

#include "core/analysis/percentiles.h"
#include "core/export/csv_text.h"

namespace lantern::core {
namespace {

// "run,tag,step,wall_time," — the columns every row of both tables starts with.
std::string rowPrefix(std::string_view run, std::string_view tag, const HistogramEntry& entry)
{
    std::string prefix;
    appendCsvField(prefix, run);
    prefix += ',';
    appendCsvField(prefix, tag);
    prefix += ',';
    prefix += std::to_string(entry.step);
    prefix += ',';
    prefix += formatWallTime(entry.wallTime);
    prefix += ',';
    return prefix;
}

} // namespace

std::string histogramBucketsCsvHeader()
{
    return "run,tag,step,wall_time,left,right,count\n";
}

std::string distributionCsvHeader()
{
    std::string header = "run,tag,step,wall_time";
    for (const int point : kDistributionBasisPoints)
        header += ",p" + std::to_string(point);
    return header + '\n';
}

void appendHistogramBucketsCsv(std::string& out, std::string_view run, std::string_view tag,
    const EntrySnapshot<HistogramEntry>& entries)
{
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const HistogramEntry& entry = entries[i];
        const std::string prefix = rowPrefix(run, tag, entry);
        for (const HistogramBucket& bucket : entry.buckets) {
            out += prefix;
            out += shortestNumber(bucket.left);
            out += ',';
            out += shortestNumber(bucket.right);
            out += ',';
            out += shortestNumber(bucket.count);
            out += '\n';
        }
    }
}

void appendDistributionCsv(std::string& out, std::string_view run, std::string_view tag,
    const EntrySnapshot<HistogramEntry>& entries)
{
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const HistogramEntry& entry = entries[i];
        out += rowPrefix(run, tag, entry);
        const std::optional<DistributionValues> values = compressHistogram(entry.buckets);
        for (std::size_t k = 0; k < kDistributionBasisPoints.size(); ++k) {
            if (k > 0)
                out += ',';
            out += values ? shortestNumber((*values)[k]) : std::string("nan");
        }
        out += '\n';
    }
}

} // namespace lantern::core
