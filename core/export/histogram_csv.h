#pragma once
// Histogram series as CSV, for the Histograms and Distributions tabs' "Save as CSV…" and for
// `lantern-cli export --kind histograms|distributions`. Every stored step is written (not the
// subset a plot draws), numbers in their shortest exact text (see csv_text.h).
//
// Buckets:     run,tag,step,wall_time,left,right,count — one row per step and bucket.
// Percentiles: run,tag,step,wall_time,p0,p668,…,p10000 — one row per step, the values at the
//              basis points of core::compressHistogram; a step whose histogram holds no counts
//              has "nan" in every value column.

#include "core/store/entry_series.h"
#include "core/store/tag_entries.h"

#include <string>
#include <string_view>

namespace lantern::core {

// The header rows, with their line breaks.
std::string histogramBucketsCsvHeader();
std::string distributionCsvHeader();

// Appends one series' rows.
void appendHistogramBucketsCsv(std::string& out, std::string_view run, std::string_view tag,
    const EntrySnapshot<HistogramEntry>& entries);
void appendDistributionCsv(std::string& out, std::string_view run, std::string_view tag,
    const EntrySnapshot<HistogramEntry>& entries);

} // namespace lantern::core
