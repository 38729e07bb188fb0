#include "ui/widgets/scalar_export.h"

#include "core/export/json_text.h"
#include "core/export/scalar_export.h"
#include "ui/widgets/line_plot.h"

#include <QTextStream>

#include <charconv>
#include <cmath>

namespace lantern::ui {
namespace {

// Moves what `text` holds into the stream once it is large (exports can be millions of rows).
void drain(QTextStream& out, std::string& text, std::size_t atLeast)
{
    if (text.size() < atLeast)
        return;
    out << QString::fromUtf8(text.data(), qsizetype(text.size()));
    text.clear();
}

QString runOf(const LinePlot::Series& series)
{
    return series.run.isEmpty() ? series.name : series.run;
}

QString tagOf(const LinePlot::Series& series, const QString& fallback)
{
    return series.tag.isEmpty() ? fallback : series.tag;
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

void writeScalarsCsv(
    QTextStream& out, const std::vector<LinePlot::Series>& lines, const QString& tag)
{
    std::string text = core::scalarsCsvHeader();
    const auto drainWhenLarge = [&] { drain(out, text, 1 << 20); };
    for (const LinePlot::Series& series : lines)
        core::appendScalarsCsv(text, runOf(series).toStdString(), tagOf(series, tag).toStdString(),
            series.data, drainWhenLarge);
    drain(out, text, 0);
}

void writeScalarsJson(
    QTextStream& out, const std::vector<LinePlot::Series>& lines, const QString& title)
{
    std::string text = "{\"tag\":" + core::jsonString(title.toStdString()) + ",\"runs\":[";
    const auto drainWhenLarge = [&] { drain(out, text, 1 << 20); };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const LinePlot::Series& series = lines[i];
        text += i ? ",\n" : "\n";
        core::appendScalarsJson(text, runOf(series).toStdString(),
            tagOf(series, title).toStdString(), series.data, drainWhenLarge);
    }
    text += "\n]}\n";
    drain(out, text, 0);
}

} // namespace lantern::ui
