// Rows of histogram buckets and of their basis-point values.

#include "core/export/histogram_csv.h"

#include "core/analysis/percentiles.h"
#include "core/export/csv_text.h"

namespace lantern::core {

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
        const std::string prefix = csvRowPrefix(run, tag, entry.step, entry.wallTime);
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
        out += csvRowPrefix(run, tag, entry.step, entry.wallTime);
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
