#pragma once
// Scalar series as CSV rows and JSON objects: the one writer the app's exports and lantern-cli
// share, so both write the same bytes. Values are the shortest text that reads back bit for
// bit (as a float for float32 series, so 0.1f prints as 0.1); wall times in fixed notation.
//
// A document is a list of series, written in pieces to a sink (writeScalarsCsv,
// writeScalarsJson); the app's card menu and `lantern-cli export` both call those, so the same
// series give the same bytes.
//
// CSV: a header row, then `run,tag,step,wall_time,value` per point; run and tag follow
// appendCsvField (quoted, formula-like text neutralised); non-finite values are nan, inf, -inf.
// JSON: an array of one object per series, [{"run": …, "tag": …, "type":
// "float32"|"float64"|"integer",
//        "points": [[step, wall_time, value], …]}, …], non-finite values as "NaN", "Infinity",
//        "-Infinity".

#include "core/events/decoded_event.h"
#include "core/store/scalar_series.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

// The shortest text that reads back as exactly `value`: as a float for Float32 series, as an
// integer for Integer ones that are whole, as a double otherwise. "nan", "inf" and "-inf"
// otherwise.
std::string scalarValueText(double value, ScalarType type = ScalarType::Float64);

std::string_view scalarTypeName(ScalarType type);

// "run,tag,step,wall_time,value\n"
std::string scalarsCsvHeader();

// Called after each point is appended, so a caller can write `out` away as it grows (a series
// can hold millions of points).
using AfterPoint = std::function<void()>;

// One row per point of `points`.
void appendScalarsCsv(std::string& out, std::string_view run, std::string_view tag,
    const ScalarSnapshot& points, const AfterPoint& afterPoint = {});

// One JSON object for the series (see above), without a separator before or after.
void appendScalarsJson(std::string& out, std::string_view run, std::string_view tag,
    const ScalarSnapshot& points, const AfterPoint& afterPoint = {});

// One series of an exported document. Names are bytes from the log, written as
// appendCsvField and jsonString make them safe.
struct ScalarExportSeries {
    std::string run;
    std::string tag;
    ScalarSnapshot points;
};

// Receives the document in pieces of about a megabyte, in order.
using ExportSink = std::function<void(std::string_view)>;

// The header row, then every point of every series in order.
void writeScalarsCsv(const std::vector<ScalarExportSeries>& series, const ExportSink& sink);

// [series, …] as appendScalarsJson writes each, one per line, and a final newline.
void writeScalarsJson(const std::vector<ScalarExportSeries>& series, const ExportSink& sink);

} // namespace lantern::core
