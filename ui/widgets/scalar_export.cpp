#include "ui/widgets/scalar_export.h"

#include "core/export/scalar_export.h"
#include "core/export/text_encoding.h"
#include "ui/widgets/line_plot.h"

#include <QIODevice>

#include <charconv>
#include <cmath>

namespace lantern::ui {
namespace {

// The lines as core exports them: each with its own run (or its name) and tag (or `tag`).
std::vector<core::ScalarExportSeries> exportSeries(
    const std::vector<LinePlot::Series>& lines, const QString& tag)
{
    std::vector<core::ScalarExportSeries> series;
    series.reserve(lines.size());
    for (const LinePlot::Series& line : lines)
        series.push_back({(line.run.isEmpty() ? line.name : line.run).toStdString(),
            (line.tag.isEmpty() ? tag : line.tag).toStdString(), line.data});
    return series;
}

// A sink writing each piece to `out`; `ok` turns false at the first failed write.
core::ExportSink sinkInto(QIODevice& out, bool& ok)
{
    return [&out, &ok](std::string_view piece) {
        ok = ok && out.write(piece.data(), qint64(piece.size())) == qint64(piece.size());
    };
}

} // namespace

QString exactNumber(double value)
{
    char buffer[64];
    const double magnitude = std::abs(value);
    const bool plain = magnitude == 0 || (magnitude >= 1e-5 && magnitude < 1e16);
    const auto result = plain
        ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed)
        : std::to_chars(buffer, buffer + sizeof buffer, value);
    return QString::fromLatin1(buffer, int(result.ptr - buffer));
}

QString exportedName(std::string_view name)
{
    return QString::fromStdString(core::validUtf8(name));
}

bool writeScalarsCsv(QIODevice& out, const std::vector<LinePlot::Series>& lines, const QString& tag)
{
    bool ok = true;
    core::writeScalarsCsv(exportSeries(lines, tag), sinkInto(out, ok));
    return ok;
}

bool writeScalarsJson(
    QIODevice& out, const std::vector<LinePlot::Series>& lines, const QString& tag)
{
    bool ok = true;
    core::writeScalarsJson(exportSeries(lines, tag), sinkInto(out, ok));
    return ok;
}

} // namespace lantern::ui
