// Every event file in the real-world corpus, checked against MANIFEST.tsv, which was decoded
// independently of Lantern: the record count of every file, every record a valid Event, and
// the negative cases (empty files, a Git LFS pointer) reported without crashing, and every
// case loads, with runs exactly where there are event files.

#include "core/events/event_decoder.h"
#include "core/events/scalar_fast_path.h"
#include "core/io/file_byte_source.h"
#include "core/io/path_text.h"
#include "core/io/record_reader.h"
#include "core/io/run_discovery.h"
#include "core/load/logdir_loader.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTest>

#include <cmath>
#include <fstream>
#include <regex>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;

namespace {

struct ManifestFile {
    fs::path path;
    std::string contents;
};

std::vector<ManifestFile> manifestFiles(const fs::path& corpus)
{
    std::vector<ManifestFile> files;
    std::ifstream manifest(corpus / "MANIFEST.tsv");
    std::string line;
    std::getline(manifest, line); // header
    while (std::getline(manifest, line)) {
        std::vector<std::string> columns;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
            columns.push_back(line.substr(start, tab - start));
        columns.push_back(line.substr(start));
        if (columns.size() >= 7)
            files.push_back({corpus / columns[0] / columns[3], columns[6]});
    }
    return files;
}

struct FileReading {
    std::size_t records = 0;
    std::size_t undecodable = 0;
    std::vector<RecordDiagnostic> diagnostics;
};

FileReading readFile(const fs::path& path)
{
    FileReading reading;
    RecordReader reader(std::make_unique<FileByteSource>(path, 0));
    EventDecoder decoder;
    while (const auto record = reader.next()) {
        ++reading.records;
        if (!decoder.decode(record->data))
            ++reading.undecodable;
    }
    reading.diagnostics = reader.takeDiagnostics();
    return reading;
}

} // namespace

class TestCorpus : public QObject {
    Q_OBJECT
private slots:
    void recordCountsMatchTheManifest()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        const std::regex recordCount("^\"?TFRecord OK \\| (\\d+) records");
        std::size_t checked = 0, negative = 0;
        for (const ManifestFile& file : manifestFiles(*corpus)) {
            std::smatch match;
            const QByteArray where = QByteArray::fromStdString(pathText(file.path));
            if (std::regex_search(file.contents, match, recordCount)) {
                const FileReading reading = readFile(file.path);
                QVERIFY2(reading.records == std::stoul(match[1]), where);
                QVERIFY2(reading.diagnostics.empty(), where);
                QVERIFY2(reading.undecodable == 0, where);
                ++checked;
            } else if (file.contents.find("NOT a TFRecord") != std::string::npos) {
                const FileReading reading = readFile(file.path);
                QVERIFY2(reading.records == 0, where);
                QVERIFY2(!reading.diagnostics.empty(), where);
                ++negative;
            } else if (file.contents.find("EMPTY 0-byte event file") != std::string::npos) {
                const FileReading reading = readFile(file.path);
                QVERIFY2(reading.records == 0 && reading.diagnostics.empty(), where);
                ++negative;
            }
        }
        qInfo("checked %zu event files and %zu negative cases", checked, negative);
        QVERIFY(checked > 300);
        QVERIFY(negative >= 7);
    }

    void everyCaseLoads()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        std::size_t cases = 0;
        for (const auto& entry : fs::directory_iterator(*corpus)) {
            if (!entry.is_directory())
                continue;
            bool hasEventFiles = false;
            for (const auto& file : fs::recursive_directory_iterator(entry.path()))
                hasEventFiles = hasEventFiles || isEventFileName(pathText(file.path().filename()));
            LogdirLoader loader({{"", entry.path()}});
            loader.reload();
            QVERIFY2(loader.runs().empty() != hasEventFiles, pathText(entry.path()).c_str());
            ++cases;
        }
        QCOMPARE(cases, std::size_t(31));
    }

    void fastPathAgreesWithLibprotobuf()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        std::size_t fast = 0, total = 0;
        for (const ManifestFile& file : manifestFiles(*corpus)) {
            if (file.contents.find("TFRecord OK") == std::string::npos)
                continue;
            RecordReader reader(std::make_unique<FileByteSource>(file.path, 0));
            EventDecoder decoder;
            FastScalarEvent fastEvent;
            while (const auto record = reader.next()) {
                ++total;
                const bool accepted = decodeScalarsFast(record->data, decoder, fastEvent);
                const auto slow = decoder.decode(record->data); // also teaches the decoder metadata
                QVERIFY(slow.has_value());
                if (!accepted)
                    continue;
                ++fast;
                QCOMPARE(fastEvent.step, slow->step);
                QCOMPARE(fastEvent.wallTime, slow->wallTime);
                QCOMPARE(fastEvent.count, slow->items.size());
                for (std::size_t i = 0; i < fastEvent.count; ++i) {
                    QCOMPARE(std::string(fastEvent.values[i].tag), slow->items[i].tag);
                    QCOMPARE(slow->items[i].kind, ValueKind::Scalar);
                    const double a = fastEvent.values[i].value, b = slow->items[i].scalar;
                    QVERIFY(a == b || (std::isnan(a) && std::isnan(b)));
                    QCOMPARE(fastEvent.values[i].type, slow->items[i].scalarType);
                }
            }
        }
        qInfo("%zu of %zu corpus records took the fast path; all agreed", fast, total);
        QVERIFY(fast > 80000);
    }

    void concreteContents()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        auto load = [&](const char* name) {
            auto loader
                = std::make_unique<LogdirLoader>(std::vector<LogdirSpec> {{"", *corpus / name}});
            loader->reload();
            return loader;
        };
        { // A TF1 Estimator resumed into a second file: both files' points, in order.
            const auto loader = load("a02_tf1_custom_estimator_resumed");
            const RunData& run = *loader->runs().at(0);
            const ScalarSnapshot loss = run.tags.at("loss").scalars().snapshot();
            QCOMPARE(loss.size(), std::size_t(20));
            QCOMPARE(loss[0].step, std::int64_t(1));
            QCOMPARE(loss[10].step, std::int64_t(1001));
            QCOMPARE(run.graphCount, std::uint64_t(4));
            QVERIFY(run.graph && !run.graph->isMetaGraph);
        }
        { // Steps that go back from 99 to 90: the new 90-99 hide the old ten, one diagnostic a tag.
            const auto loader = load("c07_torch_reducer_strict_lax_duplicate_steps");
            const RunData& run = *loader->runs().at(0);
            QCOMPARE(run.name, std::string("tests/runs/duplicate_steps/run_1"));
            QCOMPARE(run.tags.at("dup_steps/foo").scalars().size(), std::size_t(200));
            QCOMPARE(run.diagnostics.size(), std::size_t(2));
        }
        { // ML-Agents: scalars, a histogram tag and a text summary.
            const auto loader = load("c10_mlagents_torch_text_histo");
            const RunData& run = *loader->runs().at(0);
            QCOMPARE(run.tags.at("Environment/Cumulative Reward_hist").kind, ValueKind::Histogram);
            QCOMPARE(run.tags.at("Environment/Cumulative Reward_hist").histograms().size(),
                std::size_t(8));
            QCOMPARE(run.tags.at("Hyperparameters/text_summary").kind, ValueKind::Text);
            QVERIFY(!run.tags.at("Hyperparameters/text_summary")
                         .tensors()
                         .snapshot()[0]
                         .strings.empty());
        }
        { // TF2 Keras: float tensors with the scalars plugin, and the Keras model JSON.
            const auto loader = load("f07_tf2_ckpt_projector_backslash_path");
            const RunData& validation = *loader->runs().at(1);
            QCOMPARE(validation.name, std::string("logs/validation"));
            QCOMPARE(validation.tags.at("epoch_loss").scalars().size(), std::size_t(50));
            QCOMPARE(validation.tags.at("epoch_loss").metadata->pluginName, std::string("scalars"));
            const RunData& train = *loader->runs().at(0);
            QCOMPARE(train.tags.at("keras").kind, ValueKind::KerasModel);
            // Stored as a reference (graph_loader.h reads it back), not as the JSON itself.
            QCOMPARE(train.tags.at("keras").blobs().size(), std::size_t(1));
            QVERIFY(train.tags.at("keras").tensors().empty());
        }
    }

    void gitLfsPointerIsReported()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        LogdirLoader loader({{"", *corpus / "x01_git_lfs_pointer_not_tfrecord"}});
        // Settled at once whatever the copy's modification time: no writer is appending.
        loader.setSettlePolicy({std::chrono::seconds(0)});
        loader.reload();
        QCOMPARE(loader.runs().size(), std::size_t(1));
        const RunData& run = *loader.runs()[0];
        QCOMPARE(run.eventCount, std::uint64_t(0));
        QCOMPARE(run.diagnostics.size(), std::size_t(1));
        QCOMPARE(run.diagnostics[0].offset, std::uint64_t(0));
        QCOMPARE(run.diagnostics[0].bytesSkipped, std::uint64_t(131)); // the whole file
    }
};

LANTERN_TEST_GUILESS_MAIN(TestCorpus)
#include "test_corpus.moc"
