#include "ui/widgets/scalar_export.h"

#include "ui/widgets/line_plot.h"

#include <QTextStream>

#include <charconv>
#include <cmath>

namespace lantern::ui {
namespace {

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString jsonString(const QString& text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

QString jsonNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("\"NaN\"");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("\"Infinity\"") : QStringLiteral("\"-Infinity\"");
    return exactNumber(value);
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
    out << "run,tag,step,wall_time,value\n";
    for (const LinePlot::Series& series : lines) {
        const QString prefix
            = csvField(runOf(series)) + QLatin1Char(',') + csvField(tagOf(series, tag));
        series.data.forEach([&](const core::ScalarPoint& p) {
            out << prefix << ',' << p.step << ',' << exactNumber(p.wallTime) << ','
                << exactNumber(p.value) << '\n';
        });
    }
}

void writeScalarsJson(
    QTextStream& out, const std::vector<LinePlot::Series>& lines, const QString& title)
{
    out << "{\"tag\":" << jsonString(title) << ",\"runs\":[";
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const LinePlot::Series& series = lines[i];
        out << (i ? ",\n" : "\n") << "{\"run\":" << jsonString(runOf(series))
            << ",\"tag\":" << jsonString(tagOf(series, title)) << ",\"points\":[";
        bool first = true;
        series.data.forEach([&](const core::ScalarPoint& p) {
            out << (first ? "[" : ",[") << p.step << ',' << jsonNumber(p.wallTime) << ','
                << jsonNumber(p.value) << ']';
            first = false;
        });
        out << "]}";
    }
    out << "\n]}\n";
}

} // namespace lantern::ui
