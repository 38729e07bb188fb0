// The text rules every export follows (core/export): valid UTF-8, strict JSON, CSV text that a
// spreadsheet cannot run as a formula while numbers stay as written, and terminal-safe names.

#include "core/export/csv_text.h"
#include "core/export/json_text.h"
#include "core/export/scalar_export.h"
#include "core/export/text_encoding.h"
#include "core/store/scalar_series.h"
#include "tests/support/test_main.h"

#include <QJsonDocument>
#include <QStringDecoder>
#include <QTest>

#include <cmath>
#include <limits>

using namespace lantern::core;

namespace {

bool isValidUtf8(const std::string& text)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder(QByteArray::fromStdString(text));
    return !decoder.hasError();
}

std::string csvField(std::string_view field)
{
    std::string out;
    appendCsvField(out, field);
    return out;
}

} // namespace

class TestExportText : public QObject {
    Q_OBJECT
private slots:
    void invalidUtf8BecomesReplacementCharacters()
    {
        QCOMPARE(validUtf8("plain ascii"), std::string("plain ascii"));
        QCOMPARE(validUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"),
            std::string("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80")); // valid stays as is
        QCOMPARE(validUtf8("a\xFFz"), std::string("a\xEF\xBF\xBDz"));
        QCOMPARE(validUtf8("\xC0\xAF"), std::string("\xEF\xBF\xBD\xEF\xBF\xBD")); // overlong
        QCOMPARE(validUtf8("\xED\xA0\x80"), // a surrogate: three ill-formed bytes
            std::string("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"));
        QCOMPARE(validUtf8("\xE2\x82"), std::string("\xEF\xBF\xBD")); // truncated: one subpart
        QCOMPARE(validUtf8("\xF4\x90\x80\x80").size(), std::size_t(12)); // past U+10FFFF
        // Every byte string comes out valid, and QString agrees on the result.
        std::string all;
        for (int i = 0; i < 256; ++i)
            for (int j = 0; j < 256; j += 17)
                all += {char(i), char(j), char(0xBF)};
        const std::string valid = validUtf8(all);
        QVERIFY(isValidUtf8(valid));
        QCOMPARE(QString::fromUtf8(QByteArray::fromStdString(valid)).toUtf8().toStdString(), valid);
    }

    void csvTextCannotStartAFormula()
    {
        QCOMPARE(csvField("=1+2"), std::string("'=1+2"));
        QCOMPARE(csvField("+1"), std::string("'+1"));
        QCOMPARE(csvField("-cmd"), std::string("'-cmd"));
        QCOMPARE(csvField("@SUM(A1)"), std::string("'@SUM(A1)"));
        QCOMPARE(csvField("\tx"), std::string("'\tx"));
        QCOMPARE(csvField("\rx"), std::string("\"'\rx\"")); // and quoted for its line break
        QCOMPARE(csvField("=a,b"), std::string("\"'=a,b\""));
        QCOMPARE(csvField("loss"), std::string("loss"));
        QCOMPARE(csvField("a=b"), std::string("a=b"));
        QCOMPARE(csvField(""), std::string(""));
        QCOMPARE(csvField("bad\xFF"), std::string("bad\xEF\xBF\xBD"));
        // Numbers are never fields: a row keeps "-1.5" and "-inf" as they are.
        QCOMPARE(csvRowPrefix("-run", "=tag", -3, 1.5), std::string("'-run,'=tag,-3,1.5,"));
    }

    void scalarExportsAreStrict()
    {
        ScalarSeries series;
        series.type = ScalarType::Float64;
        series.append({0, 1.5, -1.5});
        series.append({1, 2.5, std::numeric_limits<double>::quiet_NaN()});
        series.append({2, 3.5, std::numeric_limits<double>::infinity()});
        series.append({3, 4.5, -std::numeric_limits<double>::infinity()});
        series.append({4, 5.5, 1e300});
        const ScalarSnapshot points = series.snapshot();

        std::string csv = scalarsCsvHeader();
        appendScalarsCsv(csv, "=run", "tag\xFF", points);
        QCOMPARE(csv,
            std::string("run,tag,step,wall_time,value\n"
                        "'=run,tag\xEF\xBF\xBD,0,1.5,-1.5\n"
                        "'=run,tag\xEF\xBF\xBD,1,2.5,nan\n"
                        "'=run,tag\xEF\xBF\xBD,2,3.5,inf\n"
                        "'=run,tag\xEF\xBF\xBD,3,4.5,-inf\n"
                        "'=run,tag\xEF\xBF\xBD,4,5.5,1e+300\n"));

        std::string json;
        appendScalarsJson(json, "=run", "tag\xFF\n", points);
        QCOMPARE(json,
            std::string("{\"run\":\"=run\",\"tag\":\"tag\xEF\xBF\xBD\\n\",\"type\":\"float64\","
                        "\"points\":[[0,1.5,-1.5],[1,2.5,\"NaN\"],[2,3.5,\"Infinity\"],"
                        "[3,4.5,\"-Infinity\"],[4,5.5,1e+300]]}"));
        QVERIFY(isValidUtf8(json));
        QJsonParseError error;
        QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(jsonNumber(std::nan(""), ScalarType::Float32), std::string("\"NaN\""));
        QCOMPARE(jsonString("\x01\x1f\"\\"), std::string("\"\\u0001\\u001f\\\"\\\\\""));
    }

    void printableTextEscapesControlCharacters()
    {
        QCOMPARE(printableText("\x1b[31mred\x1b[0m"), std::string("\\x1B[31mred\\x1B[0m"));
        QCOMPARE(printableText("a\nb\tc\rd\\e\x7f"), std::string("a\\nb\\tc\\rd\\\\e\\x7F"));
        QCOMPARE(printableText("\xC2\x9B"
                               "2J"),
            std::string("\\u{9B}2J")); // C1 CSI
        QCOMPARE(printableText("caf\xC3\xA9\xFF"), std::string("caf\xC3\xA9\xEF\xBF\xBD"));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestExportText)
#include "test_export_text.moc"
