// Every event file in the real-world corpus, checked against MANIFEST.tsv, which was decoded
// independently of Lantern: the record count of every file, every record a valid Event, and
// the negative cases (empty files, a Git LFS pointer) reported without crashing, and every
// case loads, with runs exactly where there are event files.

#include "core/events/event_decoder.h"
#include "core/io/file_byte_source.h"
#include "core/io/record_reader.h"
#include "core/io/run_discovery.h"
#include "core/load/logdir_loader.h"
#include "tests/support/test_support.h"

#include <QTest>

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
            const QByteArray where = QByteArray::fromStdString(file.path.string());
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
                hasEventFiles = hasEventFiles || isEventFileName(file.path().filename().string());
            LogdirLoader loader({{"", entry.path()}});
            loader.reload();
            QVERIFY2(loader.runs().empty() != hasEventFiles, entry.path().string().c_str());
            ++cases;
        }
        QCOMPARE(cases, std::size_t(31));
    }

    void gitLfsPointerIsReported()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        LogdirLoader loader({{"", *corpus / "x01_git_lfs_pointer_not_tfrecord"}});
        loader.reload();
        QCOMPARE(loader.runs().size(), std::size_t(1));
        const RunData& run = *loader.runs()[0];
        QCOMPARE(run.eventCount, std::uint64_t(0));
        QCOMPARE(run.diagnostics.size(), std::size_t(1));
        QCOMPARE(run.diagnostics[0].offset, std::uint64_t(0));
        QCOMPARE(run.diagnostics[0].bytesSkipped + 11, std::uint64_t(131));
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "test_corpus.moc"
