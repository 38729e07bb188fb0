// lantern-cli end to end: the built executable run as a user would, its output parsed and
// compared with what the loader reads from the same files.

#include "core/analysis/pca.h"
#include "core/io/path_text.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/checkpoint_writer.h"
#include "tests/support/cli_process.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include "graph.pb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;

namespace {

CliResult runCli(const QStringList& arguments, int timeoutMs = 120000)
{
    return runProgram(QStringLiteral(LANTERN_CLI), arguments, {}, timeoutMs);
}

QString native(const fs::path& path)
{
    return QString::fromStdString(pathText(path));
}

bool sameNumber(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

// Checks that `csv` holds exactly the scalar points the loader reads from `specs`, in order,
// every value and wall time reading back bit for bit. Returns an empty string or the problem.
std::string compareCsvWithLoader(
    const std::string& csv, const std::vector<LogdirSpec>& specs, std::size_t* rowCount = nullptr)
{
    const auto rows = parseCsv(csv);
    if (rows.empty()
        || rows[0] != std::vector<std::string> {"run", "tag", "step", "wall_time", "value"})
        return "bad header";
    LogdirLoader loader(specs);
    loader.reload();
    std::size_t row = 1;
    for (const auto& run : loader.runs())
        for (const auto& [tag, data] : run->tags) {
            if (data.kind != ValueKind::Scalar)
                continue;
            const ScalarSnapshot points = data.scalars().snapshot();
            for (std::size_t i = 0; i < points.size(); ++i, ++row) {
                const std::string where
                    = run->name + " " + std::string(tag) + " #" + std::to_string(i);
                if (row >= rows.size() || rows[row].size() != 5)
                    return "missing or short row for " + where;
                const auto& fields = rows[row];
                std::int64_t step = 0;
                double wallTime = 0, value = 0;
                float single = 0;
                if (fields[0] != run->name || fields[1] != tag || !parseExactly(fields[2], step)
                    || step != points[i].step || !parseExactly(fields[3], wallTime)
                    || wallTime != points[i].wallTime)
                    return "row " + std::to_string(row) + " differs at " + where;
                if (points.type() == ScalarType::Float32) {
                    if (!parseExactly(fields[4], single))
                        return "unparsable float at " + where + ": " + fields[4];
                    value = single;
                } else if (!parseExactly(fields[4], value)) {
                    return "unparsable double at " + where + ": " + fields[4];
                }
                if (!sameNumber(value, points[i].value))
                    return "value differs at " + where + ": " + fields[4];
            }
        }
    if (row != rows.size())
        return "extra rows: " + std::to_string(rows.size() - row);
    if (rowCount)
        *rowCount = row - 1;
    return {};
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(LANTERN_CLI)), LANTERN_CLI);
        QVERIFY(m_logs.isValid());
        const CliResult gen = runCli({"gen", m_logs.path(), "--runs", "3", "--tags", "4", "--steps",
            "250", "--histograms", "--images", "--seed", "7"});
        QVERIFY2(gen.exitCode == 0, gen.err.constData());
        QVERIFY(gen.out.contains("3000 scalar points"));
    }

    void usageNamesEveryVerb()
    {
        const CliResult help = runCli({"--help"});
        QCOMPARE(help.exitCode, 0);
        for (const char* verb : {"inspect SPEC", "export SPEC", "gen DIR", "bench SPEC"})
            QVERIFY2(help.out.contains(verb), verb);
        QCOMPARE(runCli({"frobnicate"}).exitCode, 2);
        QCOMPARE(runCli({"export"}).exitCode, 2);
        QCOMPARE(runCli({"gen"}).exitCode, 2);
        QCOMPARE(runCli({"bench"}).exitCode, 2);
    }

    void genWritesRunsAndExportReadsBackExactly()
    {
        const fs::path root = pathFromText(m_logs.path().toStdString());
        for (int run = 0; run < 3; ++run) {
            const fs::path directory = root / ("run_00" + std::to_string(run));
            QVERIFY(fs::is_directory(directory));
            std::size_t files = 0;
            for (const auto& entry : fs::directory_iterator(directory))
                files += pathText(entry.path().filename()).starts_with("events.out.tfevents.");
            QCOMPARE(files, std::size_t(1));
        }
        QTemporaryDir out;
        const fs::path csv = pathFromText(out.path().toStdString()) / "scalars.csv";
        const CliResult exported = runCli({"export", m_logs.path(), "--out", native(csv)});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QVERIFY(exported.out.isEmpty());
        std::size_t rows = 0;
        const std::string problem = compareCsvWithLoader(readFile(csv), {{"", root}}, &rows);
        QVERIFY2(problem.empty(), problem.c_str());
        QCOMPARE(rows, std::size_t(3 * 4 * 250));

        // Tags are grouped by a prefix; wall times advance ~0.05 s a step, with microseconds.
        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunData& run = *loader.runs().front();
        QVERIFY(run.tags.contains("loss/tag_0"));
        QVERIFY(run.tags.contains("metrics/tag_1"));
        const ScalarSnapshot loss = run.tags.at("loss/tag_0").scalars().snapshot();
        const double span = loss[249].wallTime - loss[0].wallTime;
        QVERIFY2(span > 249 * 0.045 && span < 249 * 0.055, std::to_string(span).c_str());
        bool fractional = false;
        for (std::size_t i = 0; i < loss.size(); ++i)
            fractional |= std::fmod(loss[i].wallTime * 1e3, 1.0) != 0;
        QVERIFY(fractional);
        QCOMPARE(run.tags.at("weights/layer_0").kind, ValueKind::Histogram);
        QCOMPARE(run.tags.at("weights/layer_0").size(), std::size_t(25));
        QCOMPARE(run.tags.at("samples/image").kind, ValueKind::Image);
        QCOMPARE(run.tags.at("samples/image").size(), std::size_t(3));

        // The same export on stdout, byte for byte.
        const CliResult toStdout = runCli({"export", m_logs.path(), "--format", "csv"});
        QCOMPARE(toStdout.exitCode, 0);
        QCOMPARE(toStdout.out.toStdString(), readFile(csv));
    }

    void exportsHistogramsAndDistributions()
    {
        const fs::path root = pathFromText(m_logs.path().toStdString());
        LogdirLoader loader({{"", root}});
        loader.reload();
        std::vector<EntrySnapshot<HistogramEntry>> snapshots;
        snapshots.reserve(64); // the rows below point into it
        std::vector<HistogramSeriesRows> series;
        for (const auto& run : loader.runs())
            for (const auto& [tag, data] : run->tags)
                if (data.kind == ValueKind::Histogram) {
                    QVERIFY(snapshots.size() < snapshots.capacity());
                    snapshots.push_back(data.histograms().snapshot());
                    series.push_back({run->name, std::string(tag), &snapshots.back()});
                }
        QVERIFY(series.size() >= 3);

        const CliResult buckets = runCli({"export", m_logs.path(), "--kind", "histograms"});
        QVERIFY2(buckets.exitCode == 0, buckets.err.constData());
        std::string problem = compareBucketsCsv(buckets.out.toStdString(), series);
        QVERIFY2(problem.empty(), problem.c_str());

        const CliResult values = runCli({"export", m_logs.path(), "--kind", "distributions"});
        QVERIFY2(values.exitCode == 0, values.err.constData());
        problem = compareDistributionCsv(values.out.toStdString(), series);
        QVERIFY2(problem.empty(), problem.c_str());

        QCOMPARE(
            runCli({"export", m_logs.path(), "--kind", "histograms", "--format", "json"}).exitCode,
            2);
        QCOMPARE(runCli({"export", m_logs.path(), "--kind", "images"}).exitCode, 2);
    }

    void sameSeedSameValues()
    {
        QTemporaryDir a, b, c;
        for (const auto& [dir, seed] :
            {std::pair {&a, "11"}, std::pair {&b, "11"}, std::pair {&c, "12"}})
            QCOMPARE(runCli({"gen", dir->path(), "--runs", "2", "--tags", "3", "--steps", "40",
                                "--seed", seed})
                         .exitCode,
                0);
        const auto values = [](const QTemporaryDir& dir) {
            const auto rows = parseCsv(runCli({"export", dir.path()}).out.toStdString());
            std::vector<std::string> column;
            for (const auto& row : rows)
                column.push_back(row.at(0) + " " + row.at(1) + " " + row.at(2) + " " + row.at(4));
            return column;
        };
        QCOMPARE(values(a).size(), std::size_t(1 + 2 * 3 * 40));
        QCOMPARE(values(a), values(b));
        QVERIFY(values(a) != values(c));
    }

    void exportQuotesAndKeepsFullPrecision()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        {
            EventFileWriter writer(root);
            writer.addScalar("comma,tag", 0, 0.1f, 1700000000.000001);
            writer.addScalar("quote\"tag", 0, 1e-8f, 1700000000.5);
            writer.addScalar("special", 0, std::numeric_limits<float>::quiet_NaN(), 1.0);
            writer.addScalar("special", 1, std::numeric_limits<float>::infinity(), 2.0);
            writer.addScalar("special", 2, -std::numeric_limits<float>::infinity(), 3.0);
            writer.addScalarTensor("double", 5, 0.1, ScalarType::Float64, 1700000000.25);
            writer.addScalarTensor("double", 6, 1.0 / 3.0, ScalarType::Float64, 1700000000.75);
            writer.addScalarTensor("int", 7, 123456789.0, ScalarType::Integer, 1e9);
        }
        EventFileWriter sub(root / "sub, dir");
        sub.addScalar("x", 1, 2.5f, 10.0);
        sub.flush();

        const CliResult csv = runCli({"export", temp.path()});
        QCOMPARE(csv.exitCode, 0);
        const std::string text = csv.out.toStdString();
        const std::string problem = compareCsvWithLoader(text, {{"", root}});
        QVERIFY2(problem.empty(), problem.c_str());
        for (const char* line :
            {"run,tag,step,wall_time,value\n", ".,\"comma,tag\",0,1700000000.000001,0.1\n",
                ".,\"quote\"\"tag\",0,1700000000.5,1e-08\n", ".,special,0,1,nan\n",
                ".,special,1,2,inf\n", ".,special,2,3,-inf\n", ".,double,5,1700000000.25,0.1\n",
                ".,double,6,1700000000.75,0.3333333333333333\n", ".,int,7,1000000000,123456789\n",
                "\"sub, dir\",x,1,10,2.5\n"})
            QVERIFY2(text.find(line) != std::string::npos, line);

        const CliResult json = runCli({"export", temp.path(), "--format", "json"});
        QCOMPARE(json.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        std::map<QString, QJsonArray> series;
        for (const QJsonValue& entry : document.array()) {
            const QJsonObject object = entry.toObject();
            series[object["run"].toString() + "|" + object["tag"].toString()]
                = object["points"].toArray();
        }
        QCOMPARE(series.size(), std::size_t(6));
        const QJsonArray special = series.at(".|special");
        QCOMPARE(special.size(), 3);
        QCOMPARE(special[0].toArray()[2].toString(), QString("NaN"));
        QCOMPARE(special[1].toArray()[2].toString(), QString("Infinity"));
        QCOMPARE(special[2].toArray()[2].toString(), QString("-Infinity"));
        QCOMPARE(series.at(".|double")[1].toArray()[2].toDouble(), 1.0 / 3.0);
        QCOMPARE(series.at(".|comma,tag")[0].toArray()[1].toDouble(), 1700000000.000001);
        // float32 values are the shortest text that reads back as the same float.
        QCOMPARE(float(series.at(".|quote\"tag")[0].toArray()[2].toDouble()), 1e-8f);
        QCOMPARE(series.at("sub, dir|x")[0].toArray()[0].toInt(), 1);
    }

    // A tag written as float32, then float64: every value keeps its full precision.
    void exportKeepsFullPrecisionWhenTheDtypeChanges()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        writeMixedDtypeTag(root);
        for (const char* format : {"csv", "json"}) {
            const CliResult result = runCli({"export", temp.path(), "--format", format});
            QCOMPARE(result.exitCode, 0);
            std::vector<double> values;
            if (std::string(format) == "csv") {
                const auto rows = parseCsv(result.out.toStdString());
                for (std::size_t r = 1; r < rows.size(); ++r) {
                    double value = 0;
                    QVERIFY(parseExactly(rows[r].at(4), value));
                    values.push_back(value);
                }
            } else {
                const QJsonArray series = QJsonDocument::fromJson(result.out).array();
                QCOMPARE(series.size(), 1);
                for (const QJsonValue& point : series[0].toObject()["points"].toArray())
                    values.push_back(point.toArray()[2].toDouble());
            }
            QCOMPARE(values, kMixedDtypeValues);
        }
    }

    // TensorBoard keys series by (tag, plugin): a tag written as a histogram and as a scalar
    // keeps both, and each export finds its own.
    void exportKeepsBothKindsOfATag()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        const std::vector<double> sample {1.0, 2.0, 4.0};
        {
            EventFileWriter writer(root);
            writer.addHistogram("w", 0, sample, SummaryStyle::Tf2, 1.0);
            writer.addHistogram("w", 1, sample, SummaryStyle::Tf1, 2.0);
            writer.addScalar("w", 2, 0.25f, 3.0);
            writer.addScalar("v", 0, 1.5f, 1.0);
            writer.addHistogram("v", 1, sample, SummaryStyle::Tf2, 2.0);
            writer.addScalar("v", 2, 2.5f, 3.0);
            writer.addScalar("w", 3, 0.75f, 4.0);
        }
        const CliResult scalars = runCli({"export", temp.path()});
        QCOMPARE(scalars.exitCode, 0);
        std::vector<std::vector<std::string>> expected {
            {"run", "tag", "step", "wall_time", "value"}, {".", "v", "0", "1", "1.5"},
            {".", "v", "2", "3", "2.5"}, {".", "w", "2", "3", "0.25"},
            {".", "w", "3", "4", "0.75"}};
        QCOMPARE(parseCsv(scalars.out.toStdString()), expected);

        const CliResult histograms = runCli({"export", temp.path(), "--kind", "histograms"});
        QCOMPARE(histograms.exitCode, 0);
        std::map<std::string, std::set<std::string>> stepsByTag;
        const auto rows = parseCsv(histograms.out.toStdString());
        for (std::size_t r = 1; r < rows.size(); ++r)
            stepsByTag[rows[r].at(1)].insert(rows[r].at(2));
        QCOMPARE(stepsByTag["w"], (std::set<std::string> {"0", "1"}));
        QCOMPARE(stepsByTag["v"], (std::set<std::string> {"1"}));

        const QJsonObject run
            = QJsonDocument::fromJson(runCli({"inspect", temp.path(), "--json"}).out)
                  .object()["runs"]
                  .toArray()[0]
                  .toObject();
        const QJsonObject tags = run["tags"].toObject();
        QCOMPARE(tags["scalars"].toArray().size(), 2);
        QCOMPARE(tags["histograms"].toArray().size(), 2);
    }

    void anEventFileOpensItsRunNamedAfterItsFolder()
    {
        // Not "." (TensorBoard's name for a logdir's root, which says nothing of the file
        // opened), unless the folder is itself a logdir opened.
        QTemporaryDir temp;
        const fs::path folder = pathFromText(temp.path().toStdString()) / "train";
        {
            EventFileWriter writer(folder);
            writer.addScalar("loss", 0, 0.5f, 1.0);
        }
        QString file;
        for (const auto& entry : fs::directory_iterator(folder))
            file = QString::fromStdString(pathText(entry.path()));
        const auto runsOf = [](const QStringList& arguments) {
            const CliResult result = runCli(arguments);
            std::set<std::string> runs;
            const auto rows = parseCsv(result.out.toStdString());
            for (std::size_t r = 1; r < rows.size(); ++r)
                runs.insert(rows[r].at(0));
            return runs;
        };
        QCOMPARE(runsOf({"export", file}), std::set<std::string> {"train"});
        const QString plain = QString::fromStdString(pathText(folder));
        QCOMPARE(runsOf({"export", file, plain}), std::set<std::string> {"."});
        const QJsonArray runs = QJsonDocument::fromJson(runCli({"inspect", file, "--json"}).out)
                                    .object()["runs"]
                                    .toArray();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs[0].toObject()["name"].toString(), QStringLiteral("train"));
    }

    // Steps 0-4, then a restart writing 2-3: TensorBoard's rule keeps 0, 1 and the new 2, 3;
    // --keep-orphaned-data keeps all seven points as written.
    void keepOrphanedDataKeepsEveryPoint()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        {
            EventFileWriterOptions options;
            options.fileName = "events.out.tfevents.1.h";
            EventFileWriter writer(root, options);
            for (int step = 0; step <= 4; ++step)
                writer.addScalar("loss", step, float(step), double(step));
        }
        {
            EventFileWriterOptions options;
            options.fileName = "events.out.tfevents.2.h";
            EventFileWriter writer(root, options);
            for (int step = 2; step <= 3; ++step)
                writer.addScalar("loss", step, float(step) + 10, double(step) + 10);
        }
        const auto stepsAndValues = [](const CliResult& result) {
            std::vector<std::string> out;
            const auto rows = parseCsv(result.out.toStdString());
            for (std::size_t r = 1; r < rows.size(); ++r)
                out.push_back(rows[r].at(2) + "=" + rows[r].at(4));
            return out;
        };
        const CliResult rule = runCli({"export", temp.path()});
        QCOMPARE(rule.exitCode, 0);
        QCOMPARE(stepsAndValues(rule), (std::vector<std::string> {"0=0", "1=1", "2=12", "3=13"}));
        const CliResult everything = runCli({"export", temp.path(), "--keep-orphaned-data"});
        QCOMPARE(everything.exitCode, 0);
        QCOMPARE(stepsAndValues(everything),
            (std::vector<std::string> {"0=0", "1=1", "2=2", "3=3", "4=4", "2=12", "3=13"}));

        const CliResult inspected = runCli({"inspect", temp.path()});
        QVERIFY(inspected.out.contains("loss  4\n"));
        QVERIFY(inspected.out.contains("3 point(s) of scalars tag 'loss' hidden"));
        const CliResult inspectedAll = runCli({"inspect", temp.path(), "--keep-orphaned-data"});
        QVERIFY(inspectedAll.out.contains("loss  7\n"));
        QVERIFY(!inspectedAll.out.contains("hidden"));
        const QJsonObject run = QJsonDocument::fromJson(
            runCli({"inspect", temp.path(), "--json", "--keep-orphaned-data"}).out)
                                    .object()["runs"]
                                    .toArray()[0]
                                    .toObject();
        QCOMPARE(run["tags"].toObject()["scalars"].toArray()[0].toObject()["values"].toInt(), 7);
    }

    // Names from the log cannot break a spreadsheet, a JSON parser or a terminal: CSV text
    // fields that would start a formula get a leading ', numbers stay as they are; JSON is
    // strict and valid UTF-8; inspect escapes control characters.
    void exportsAndInspectAreValidAndSafe()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        {
            EventFileWriter writer(root / "=HYPERLINK(1)");
            writer.addScalar("-2+3", 0, -1.5f, 1.0);
            writer.addScalar("@cmd", 0, std::numeric_limits<float>::infinity(), 2.0);
            writer.addScalar("\tt", 0, -std::numeric_limits<float>::infinity(), 3.0);
            writer.addScalar("\x1b[31mred", 0, std::numeric_limits<float>::quiet_NaN(), 4.0);
            writer.addScalar("+sum", 0, 1.0f, 5.0);
        }
        EventFileWriter bad(root / "bad\xff\xfe");
        bad.addScalar("x", 0, 2.0f, 6.0);
        bad.flush();

        const CliResult csv = runCli({"export", temp.path()});
        QCOMPARE(csv.exitCode, 0);
        const std::string text = csv.out.toStdString();
        for (const char* line : {"'=HYPERLINK(1),'-2+3,0,1,-1.5\n",
                 "'=HYPERLINK(1),'@cmd,0,2,inf\n", "'=HYPERLINK(1),'\tt,0,3,-inf\n",
                 "'=HYPERLINK(1),'+sum,0,5,1\n", "bad\xEF\xBF\xBD\xEF\xBF\xBD,x,0,6,2\n"})
            QVERIFY2(text.find(line) != std::string::npos, line);
        const auto validUtf8 = [](const QByteArray& bytes) {
            QStringDecoder decoder(QStringDecoder::Utf8);
            const QString decoded = decoder(bytes);
            return !decoder.hasError();
        };
        QVERIFY(validUtf8(csv.out));

        const CliResult json = runCli({"export", temp.path(), "--format", "json"});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(validUtf8(json.out));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        std::map<QString, QJsonValue> values;
        for (const QJsonValue& entry : document.array())
            values[entry["run"].toString() + "|" + entry["tag"].toString()]
                = entry["points"].toArray()[0].toArray()[2];
        QCOMPARE(values.at("=HYPERLINK(1)|@cmd").toString(), QString("Infinity"));
        QCOMPARE(values.at("=HYPERLINK(1)|\tt").toString(), QString("-Infinity"));
        QCOMPARE(values.at("=HYPERLINK(1)|\x1b[31mred").toString(), QString("NaN"));
        QCOMPARE(values.at("=HYPERLINK(1)|-2+3").toDouble(), -1.5); // names as written in JSON
        QCOMPARE(values.at(QString::fromUtf8("bad\uFFFD\uFFFD|x")).toDouble(), 2.0);

        const CliResult inspect = runCli({"inspect", temp.path()});
        QCOMPARE(inspect.exitCode, 0);
        QVERIFY(validUtf8(inspect.out));
        QVERIFY(!inspect.out.contains('\x1b'));
        QVERIFY(!inspect.out.contains('\t'));
        QVERIFY(inspect.out.contains("\\x1B[31mred"));
        QVERIFY(inspect.out.contains("\\tt"));
        const CliResult inspectJson = runCli({"inspect", temp.path(), "--json"});
        QVERIFY(validUtf8(inspectJson.out));
        QVERIFY(!QJsonDocument::fromJson(inspectJson.out).isNull());
        fs::remove_all(root / "bad\xff\xfe"); // QTemporaryDir cannot name it
    }

    // A log directory that does not exist or is not a directory is an error, not an empty run.
    void missingLogdirFails()
    {
        QTemporaryDir temp;
        const QString missing = temp.path() + "/no-such-dir";
        const QString file = temp.path() + "/a-file";
        const fs::path root = pathFromText(temp.path().toStdString());
        writeBytes(pathFromText(file.toStdString()), "not a directory");
        for (const QString& verb : {QString("inspect"), QString("export")}) {
            const CliResult absent = runCli({verb, missing});
            QVERIFY2(absent.exitCode == 1, qPrintable(verb));
            QVERIFY2(absent.err.contains("No such file or directory"), absent.err.constData());
            QVERIFY(absent.err.contains(missing.toUtf8()));
            const CliResult notDirectory = runCli({verb, file});
            QCOMPARE(notDirectory.exitCode, 1);
            QVERIFY2(notDirectory.err.contains("Not a directory"), notDirectory.err.constData());
            // An empty directory is fine: nothing to show, but nothing wrong.
            QVERIFY(fs::create_directories(root / "empty") || fs::is_directory(root / "empty"));
            QCOMPARE(runCli({verb, temp.path() + "/empty"}).exitCode, 0);
        }
    }

    // The command looks once: a file that ends inside a record is reported as truncated at
    // once (the app waits for a writer that may still be appending), and every whole record
    // before the cut is still read.
    void truncationIsReportedAtOnce()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        fs::path file;
        {
            EventFileWriter writer(root);
            for (int step = 0; step < 10; ++step)
                writer.addScalar("loss", step, float(step));
            file = writer.path();
        }
        const std::string bytes = readBytes(file);
        writeBytes(file, bytes.substr(0, bytes.size() - 7));
        const CliResult inspected = runCli({"inspect", temp.path()});
        QCOMPARE(inspected.exitCode, 0);
        QVERIFY2(inspected.out.contains("loss  9\n"), inspected.out.constData());
        QVERIFY2(inspected.out.contains("truncated"), inspected.out.constData());
        const CliResult exported = runCli({"export", temp.path()});
        QCOMPARE(exported.exitCode, 0);
        QCOMPARE(exported.out.count('\n'), 10); // the header and nine points
    }

    void exportsTheCorpus()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        std::size_t cases = 0, points = 0;
        for (const auto& entry : fs::directory_iterator(*corpus)) {
            if (!entry.is_directory())
                continue;
            const CliResult csv = runCli({"export", native(entry.path())});
            QVERIFY2(csv.exitCode == 0, csv.err.constData());
            std::size_t rows = 0;
            const std::string problem
                = compareCsvWithLoader(csv.out.toStdString(), {{"", entry.path()}}, &rows);
            QVERIFY2(problem.empty(), (pathText(entry.path().filename()) + ": " + problem).c_str());
            ++cases;
            points += rows;
        }
        QVERIFY(cases > 0);
        QVERIFY(points > 0);
        qInfo("exported %zu scalar points from %zu corpus cases", points, cases);
    }

    void inspectJsonParses()
    {
        const CliResult inspect = runCli({"inspect", m_logs.path(), "--json"});
        QCOMPARE(inspect.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(inspect.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray runs = document["runs"].toArray();
        QCOMPARE(runs.size(), 3);
        QCOMPARE(document["event_files"].toInt(), 3);
        const QJsonObject run = runs[0].toObject();
        QCOMPARE(run["name"].toString(), QString("run_000"));
        QCOMPARE(run["file_version"].toString(), QString("brain.Event:2"));
        const QJsonObject tags = run["tags"].toObject();
        QCOMPARE(tags["scalars"].toArray().size(), 4);
        QCOMPARE(tags["scalars"].toArray()[0].toObject()["values"].toInt(), 250);
        QCOMPARE(tags["histograms"].toArray()[0].toObject()["values"].toInt(), 25);
        QCOMPARE(tags["images"].toArray()[0].toObject()["blobs"].toInt(), 3);
        QVERIFY(run["diagnostics"].toArray().isEmpty());
    }

    // A folder holding only projector data (a checkpoint, a TSV, metadata): no event files, yet
    // inspect lists each embedding, in both forms, and exits 0.
    void inspectListsProjectorEmbeddings()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        QVERIFY(writeCheckpoint(root / "model.ckpt-3",
            {{"emb", {1, {3, 2}, floatBytes({1, 2, 3, 4, 5, 6})}},
                {"emb/Adam", {1, {3, 2}, floatBytes({1, 2, 3, 4, 5, 6})}}}));
        writeBytes(root / "vectors.tsv", "1\t2\t3\n4\t5\t6\n");
        writeBytes(root / "labels.tsv", "name\tkind\na\tx\nb\ty\nc\tz\n");
        writeBytes(root / "marks.json", "[{}, {}, {}]");
        writeBytes(root / "projector_config.pbtxt", R"(
            embeddings { tensor_name: "emb:0" metadata_path: "C:\\data\\labels.tsv"
                         bookmarks_path: "marks.json" }
            embeddings { tensor_path: "vectors.tsv" metadata_path: "gone.tsv" }
        )");
        const CliResult json = runCli({"inspect", native(root), "--json"});
        QCOMPARE(json.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(document["runs"].toArray().isEmpty());
        const QJsonArray embeddings = document["embeddings"].toArray();
        QCOMPARE(embeddings.size(), 2); // emb/Adam is an optimizer slot: not listed
        const QJsonObject emb = embeddings[0].toObject();
        QCOMPARE(emb["run"].toString(), QString("."));
        QCOMPARE(emb["name"].toString(), QString("emb"));
        QCOMPARE(emb["shape"].toArray(), (QJsonArray {3, 2}));
        QCOMPARE(emb["source"].toObject()["kind"].toString(), QString("checkpoint"));
        QCOMPARE(emb["source"].toObject()["variable"].toString(), QString("emb"));
        QCOMPARE(emb["metadata_rows"].toInt(), 3); // found beside the config
        QCOMPARE(emb["metadata_columns"].toArray(), (QJsonArray {"name", "kind"}));
        QCOMPARE(emb["bookmarks"].toInt(), 3);
        QVERIFY(emb["problems"].toArray().isEmpty());
        const QJsonObject tsv = embeddings[1].toObject();
        QCOMPARE(tsv["name"].toString(), QString("vectors.tsv"));
        QCOMPARE(tsv["shape"].toArray(), (QJsonArray {2, 3}));
        QCOMPARE(tsv["source"].toObject()["kind"].toString(), QString("tsv"));
        QCOMPARE(tsv["metadata_rows"].toInt(), 0);
        const QJsonArray problems = tsv["problems"].toArray();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(
            problems[0].toString().contains("metadata_path \"gone.tsv\" names no file here; tried: "
                + native(root / "gone.tsv")),
            qPrintable(problems[0].toString()));

        const CliResult text = runCli({"inspect", native(root)});
        QCOMPARE(text.exitCode, 0);
        const QString out = QString::fromUtf8(text.out);
        QVERIFY2(out.contains("projector: 2 embedding(s)"), qPrintable(out));
        QVERIFY(out.contains("emb: 3 × 2 from checkpoint " + native(root / "model.ckpt-3")));
        QVERIFY(out.contains("vectors.tsv: 2 × 3 from tsv file"));
        QVERIFY(out.contains("bookmarks: 3"));
        QVERIFY(out.contains("! run \".\", embedding \"vectors.tsv\""));
        QVERIFY(out.contains("the projector's data is listed above"));
    }

    void inspectListsCorpusF04()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        const CliResult json = runCli({"inspect", "--json",
            native(*corpus / "f04_tf1_projector_sprite_checkpoint_minimal" / "minimalsample")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray embeddings = QJsonDocument::fromJson(json.out)["embeddings"].toArray();
        QCOMPARE(embeddings.size(), 1);
        const QJsonObject f04 = embeddings[0].toObject();
        QCOMPARE(f04["shape"].toArray(), (QJsonArray {500, 784}));
        QCOMPARE(f04["metadata_rows"].toInt(), 500);
        QCOMPARE(f04["sprite"].toObject()["width"].toInt(), 644);
        QCOMPARE(f04["sprite"].toObject()["tile_width"].toInt(), 28);
        QVERIFY(f04["problems"].toArray().isEmpty());
    }

    // A 2016 folder of V1 checkpoints: its two-dimensional float variables are listed, as from
    // a V2 checkpoint.
    void inspectListsCorpusA03V1Checkpoint()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        const fs::path dir = *corpus / "a03_tf0x_2016_functionaltest_train_eval" / "tensorboard"
            / "functionaltests" / "testdata";
        const CliResult json = runCli({"inspect", "--json", native(dir)});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray embeddings = QJsonDocument::fromJson(json.out)["embeddings"].toArray();
        QJsonObject weights;
        for (const QJsonValue embedding : embeddings)
            if (embedding.toObject()["name"].toString() == "linear/language/weights")
                weights = embedding.toObject();
        QVERIFY2(!weights.isEmpty(), json.out.constData());
        QCOMPARE(weights["shape"].toArray(), (QJsonArray {100, 1}));
        const QJsonObject source = weights["source"].toObject();
        QCOMPARE(source["kind"].toString(), QString("checkpoint"));
        QVERIFY2(source["path"].toString().endsWith(QString::fromStdString(
                     "model.ckpt-3000-" + std::string(5, '?') + "-of-00001")),
            qPrintable(source["path"].toString()));
        QVERIFY(weights["problems"].toArray().isEmpty());
    }

    // Per run: images and clips counted one by one, the first graph's node count (decoded from
    // disk on demand) and the hparams values, in both output forms.
    void inspectShowsGraphsMediaAndHParams()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        {
            EventFileWriter writer(root / "trial");
            lantern::pb::GraphDef graph;
            for (const char* name : {"x", "w", "matmul", "relu", "loss"})
                graph.add_node()->set_name(name);
            writer.addGraph(graph);
            const std::vector<EncodedImage> images(2, EncodedImage {1, 1, 3, "not really a png"});
            for (int step = 0; step < 3; ++step)
                writer.addImage("samples", step, images);
            const EncodedAudio clip {"RIFF", 8000.0f, 1, 0, "label"};
            writer.addAudio("speech", 0, std::span(&clip, 1), SummaryStyle::Tf1);
            writer.addHParams({{"lr", 0.5}, {"optimizer", std::string("sgd")}});
            writer.addHParamsSessionEnd(SessionEndStatus::Failure);
        }
        {
            EventFileWriter writer(root / "keras");
            writer.addKerasModel(R"({"class_name": "Sequential", "config": {"name": "s",
                "layers": [{"class_name": "Dense", "config": {"name": "a"}},
                           {"class_name": "Dense", "config": {"name": "b"}}]}})");
        }
        const CliResult json = runCli({"inspect", temp.path(), "--json"});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonDocument document = QJsonDocument::fromJson(json.out);
        const QJsonArray runs = document["runs"].toArray();
        QCOMPARE(runs.size(), 2);
        const QJsonObject keras = runs[0].toObject();
        QCOMPARE(keras["graph"]["source"].toString(), QString("keras_model"));
        QCOMPARE(keras["graph"]["nodes"].toInt(), 2);
        QVERIFY(keras["hparams"].isNull());
        const QJsonObject trial = runs[1].toObject();
        QCOMPARE(trial["media"]["images"].toInt(), 6);
        QCOMPARE(trial["media"]["audio"].toInt(), 1);
        QCOMPARE(trial["graph"]["source"].toString(), QString("graph_def"));
        QCOMPARE(trial["graph"]["nodes"].toInt(), 5);
        QCOMPARE(trial["hparams"]["values"]["lr"].toDouble(), 0.5);
        QCOMPARE(trial["hparams"]["values"]["optimizer"].toString(), QString("sgd"));
        QCOMPARE(trial["hparams"]["status"].toString(), QString("failure"));
        QCOMPARE(trial["hparams"]["experiment"]["hparams"].toArray().size(), 2);

        const CliResult text = runCli({"inspect", temp.path()});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY2(text.out.contains("graph: graph_def, 5 node(s)"), text.out.constData());
        QVERIFY(text.out.contains("graph: keras_model 'keras', 2 node(s)"));
        QVERIFY(text.out.contains("media: 6 image(s), 1 audio clip(s)"));
        QVERIFY(text.out.contains("hparam values: lr=0.5 optimizer=sgd  (failure)"));
    }

    void inspectJsonReportsDamage()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        fs::path file;
        {
            EventFileWriter writer(root);
            for (int step = 0; step < 20; ++step)
                writer.addScalar("loss", step, float(step), 1.0 + step);
            file = writer.path();
        }
        {
            // Flip bits of a byte in the middle.
            std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
            const auto middle = std::streamoff(fs::file_size(file) / 2);
            stream.seekg(middle);
            const char byte = char(stream.get() ^ 0x5A);
            stream.seekp(middle);
            stream.put(byte);
        }
        const CliResult inspect = runCli({"inspect", temp.path(), "--json"});
        QCOMPARE(inspect.exitCode, 0);
        const QJsonDocument document = QJsonDocument::fromJson(inspect.out);
        const QJsonArray diagnostics = document["runs"][0]["diagnostics"].toArray();
        QCOMPARE(diagnostics.size(), 1);
        const QJsonObject diagnostic = diagnostics[0].toObject();
        QCOMPARE(diagnostic["file"].toString(), native(file));
        QVERIFY(diagnostic["offset"].toInteger() > 0);
        QVERIFY(diagnostic["bytes"].toInteger() > 0);
        QVERIFY(!diagnostic["reason"].toString().isEmpty());
    }

    void benchReportsAgainstTheBaseline()
    {
        const CliResult bench = runCli({"bench", m_logs.path(), "--repeat", "2", "--json"});
        QVERIFY2(bench.exitCode == 0, bench.err.constData());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(bench.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(document["scalar_points"].toInteger(), 3000);
        QCOMPARE(document["runs"].toInt(), 3);
        QCOMPARE(document["records"].toInteger(), document["baseline_records"].toInteger());
        QCOMPARE(document["load_seconds"]["all"].toArray().size(), 2);
        QVERIFY(document["load_to_baseline_ratio"].toDouble() > 0);
        QVERIFY(document["store_bytes_per_point"].toDouble() > 0);

        const CliResult table = runCli({"bench", m_logs.path(), "--repeat", "1"});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("load / baseline"));
    }

    void genLiveKeepsAppending()
    {
        QTemporaryDir temp;
        const CliResult gen = runCli({"gen", temp.path(), "--runs", "2", "--tags", "2", "--steps",
            "5", "--live", "1.5", "--seed", "3"});
        QVERIFY2(gen.exitCode == 0, gen.err.constData());
        LogdirLoader loader({{"", pathFromText(temp.path().toStdString())}});
        loader.reload();
        QCOMPARE(loader.runs().size(), std::size_t(2));
        const ScalarSnapshot points = loader.runs()[0]->tags.at("loss/tag_0").scalars().snapshot();
        // About ten live steps a second after the five written at once.
        QVERIFY2(points.size() >= 5 + 8 && points.size() <= 5 + 20,
            std::to_string(points.size()).c_str());
        for (std::size_t i = 0; i < points.size(); ++i)
            QCOMPARE(points[i].step, std::int64_t(i));
    }

    // `project`: a TSV embedding of three separated clusters laid out by t-SNE and by PCA,
    // written one row of coordinates per point; the same seed writes the same file; a name
    // that is not there, a bad method and a NaN are clear errors with a non-zero exit.
    void projectWritesALayout()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        std::string tsv;
        std::vector<float> values;
        std::uint32_t state = 12345;
        for (int row = 0; row < 300; ++row)
            for (int column = 0; column < 20; ++column) {
                state = state * 1664525u + 1013904223u; // a fixed noise in [−0.5, 0.5)
                const std::string text = std::to_string(
                    float(row % 3 * 10) + float(state >> 8) / float(1 << 24) - 0.5f);
                values.push_back(std::strtof(text.c_str(), nullptr)); // what the loader reads
                tsv += text + (column == 19 ? "\n" : "\t");
            }
        writeBytes(root / "vectors.tsv", tsv);
        writeBytes(root / "projector_config.pbtxt",
            "embeddings { tensor_name: \"points\" tensor_path: \"vectors.tsv\" }\n");
        // The file's rows of tab-separated floats; empty when a row is not `dimensions` of them.
        const auto readLayout = [](const fs::path& path, std::size_t dimensions) {
            std::vector<std::vector<float>> rows;
            for (const QString& line : QString::fromStdString(readBytes(path)).split('\n')) {
                if (line.isEmpty())
                    continue;
                std::vector<float> row;
                for (const QString& field : line.split('\t'))
                    if (!parseExactly(field.toStdString(), row.emplace_back()))
                        return std::vector<std::vector<float>> {};
                if (row.size() != dimensions)
                    return std::vector<std::vector<float>> {};
                rows.push_back(row);
            }
            return rows;
        };
        // Each point's nearest other point in the layout is of its own cluster.
        const auto clustersKept = [](const std::vector<std::vector<float>>& layout) {
            for (std::size_t i = 0; i < layout.size(); ++i) {
                std::size_t nearest = i;
                double best = HUGE_VAL;
                for (std::size_t j = 0; j < layout.size(); ++j) {
                    double d = 0;
                    for (std::size_t c = 0; c < layout[i].size(); ++c)
                        d += double(layout[i][c] - layout[j][c]) * (layout[i][c] - layout[j][c]);
                    if (j != i && d < best) {
                        best = d;
                        nearest = j;
                    }
                }
                if (nearest % 3 != i % 3)
                    return false;
            }
            return true;
        };

        const fs::path out = root / "tsne.tsv";
        const CliResult tsne = runCli({"project", native(root), "--embedding", "points", "--method",
            "tsne", "--iterations", "500", "--seed", "7", "--out", native(out)});
        QVERIFY2(tsne.exitCode == 0, tsne.err.constData());
        QVERIFY2(tsne.out.contains("tsne: 300 points × 20 → 2 dimensions"), tsne.out.constData());
        QVERIFY(
            QRegularExpression("time: [0-9.]+ s").match(QString::fromUtf8(tsne.out)).hasMatch());
        const auto layout = readLayout(out, 2);
        QCOMPARE(layout.size(), std::size_t(300));
        QVERIFY(clustersKept(layout));
        const std::string first = readBytes(out);
        QCOMPARE(runCli({"project", native(root), "--embedding", "points", "--method", "tsne",
                            "--iterations", "500", "--seed", "7", "--out", native(out)})
                     .exitCode,
            0);
        QCOMPARE(readBytes(out), first);

        const CliResult tsne3
            = runCli({"project", native(root), "--embedding", "points", "--method", "tsne",
                "--dims", "3", "--perplexity", "500", "--iterations", "300", "--out", native(out)});
        QVERIFY2(tsne3.exitCode == 0, tsne3.err.constData());
        QVERIFY(tsne3.out.contains("note: perplexity 500 is outside 2–100"));
        QCOMPARE(readLayout(out, 3).size(), std::size_t(300));

        // UMAP keeps the clusters too; out-of-range neighbours are clamped with a note. It runs
        // on two threads, so a seed fixes the quality, not the bytes.
        const CliResult umap = runCli({"project", native(root), "--embedding", "points", "--method",
            "umap", "--neighbors", "10", "--seed", "7", "--out", native(out)});
        QVERIFY2(umap.exitCode == 0, umap.err.constData());
        QVERIFY2(umap.out.contains("umap: 300 points × 20 → 2 dimensions"), umap.out.constData());
        const auto umapLayout = readLayout(out, 2);
        QCOMPARE(umapLayout.size(), std::size_t(300));
        QVERIFY(clustersKept(umapLayout));
        const CliResult umap3
            = runCli({"project", native(root), "--embedding", "points", "--method", "umap",
                "--dims", "3", "--neighbors", "80", "--iterations", "100", "--out", native(out)});
        QVERIFY2(umap3.exitCode == 0, umap3.err.constData());
        QVERIFY2(umap3.out.contains("note: neighbours 80 is outside 5–50: used 50"),
            umap3.out.constData());
        QVERIFY(clustersKept(readLayout(out, 3)));

        const CliResult pca = runCli({"project", native(root), "--embedding", "points", "--method",
            "pca", "--out", native(out)});
        QVERIFY2(pca.exitCode == 0, pca.err.constData());
        const auto pcaLayout = readLayout(out, 2);
        const PcaResult expected = principalComponents(values, 300, 20, 2);
        QCOMPARE(pcaLayout.size(), std::size_t(300));
        for (std::size_t i = 0; i < 300; ++i)
            for (std::size_t c = 0; c < 2; ++c)
                QCOMPARE(pcaLayout[i][c], expected.coordinates[i * 2 + c]);

        const CliResult missing = runCli({"project", native(root), "--embedding", "nope",
            "--method", "tsne", "--out", native(out)});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("no embedding named 'nope'"));
        QVERIFY(missing.err.contains("run '.': 'points'"));
        QCOMPARE(runCli({"project", native(root), "--embedding", "points", "--method", "mds",
                            "--out", native(out)})
                     .exitCode,
            2);
        writeBytes(root / "vectors.tsv", "1\t2\n3\t4\nnan\t5\n");
        const CliResult nan = runCli({"project", native(root), "--embedding", "points", "--method",
            "tsne", "--out", native(out)});
        QCOMPARE(nan.exitCode, 1);
        QVERIFY2(nan.err.contains("row 3 has a NaN"), nan.err.constData());
        const CliResult umapNan = runCli({"project", native(root), "--embedding", "points",
            "--method", "umap", "--out", native(out)});
        QCOMPARE(umapNan.exitCode, 1);
        QVERIFY2(umapNan.err.contains("UMAP cannot lay out 'points': row 3 has a NaN"),
            umapNan.err.constData());
    }

private:
    QTemporaryDir m_logs;
};

LANTERN_TEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
