// Damage swept over real-looking event files: truncations at and between every record
// boundary, seeded random bit flips and byte-range overwrites. Each damaged file is loaded
// through LogdirLoader and compared with a load of only the records the damage left whole:
// the same values must come back (nothing lost that was intact, nothing made up), and the
// diagnostics must name the file and an offset at or before the damage. Under the sanitizers
// (several times slower) a third of the variants are loaded: every third record's truncations
// and the last record's, and a third of the flips and overwrites.

#include "core/io/crc32c.h"
#include "core/io/little_endian.h"
#include "core/io/path_text.h"
#include "core/io/record_reader.h"
#include "core/io/record_writer.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/sanitizers.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;

namespace {

struct Framed {
    std::uint64_t offset = 0;
    std::uint64_t size = 0; // header + data + footer
};

std::string readAll(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const fs::path& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), std::streamsize(bytes.size()));
}

// The records of an undamaged plain file, by parsing its framing directly.
std::vector<Framed> framesOf(const std::string& bytes)
{
    std::vector<Framed> frames;
    std::uint64_t at = 0;
    while (at + RecordReader::kHeaderBytes <= bytes.size()) {
        const std::uint64_t length = loadLittleEndian64(bytes.data() + at);
        const std::uint64_t size = RecordReader::kHeaderBytes + length + RecordReader::kFooterBytes;
        if (at + size > bytes.size())
            break;
        frames.push_back({at, size});
        at += size;
    }
    return frames;
}

std::string hexBits(double value)
{
    std::ostringstream out;
    out << std::hex << std::bit_cast<std::uint64_t>(value);
    return out.str();
}

// Everything a run holds, one line per stored value, sorted. Record offsets are left out:
// the reference file has the damaged records cut out, so its offsets differ.
std::vector<std::string> factsOf(const RunData& run)
{
    std::vector<std::string> facts;
    for (const auto& [tag, data] : run.tags) {
        const std::string head
            = std::string(tag) + "|" + std::string(valueKindName(data.kind)) + "|";
        data.scalars().snapshot().forEach([&](const ScalarPoint& p) {
            facts.push_back(head + "s|" + std::to_string(p.step) + "|" + hexBits(p.wallTime) + "|"
                + hexBits(p.value));
        });
        const auto histograms = data.histograms().snapshot();
        for (std::size_t i = 0; i < histograms.size(); ++i) {
            std::string line = head + "h|" + std::to_string(histograms[i].step);
            for (const HistogramBucket& b : histograms[i].buckets)
                line.append("|")
                    .append(hexBits(b.left))
                    .append(",")
                    .append(hexBits(b.right))
                    .append(",")
                    .append(hexBits(b.count));
            facts.push_back(line);
        }
        const auto blobs = data.blobs().snapshot();
        for (std::size_t i = 0; i < blobs.size(); ++i)
            facts.push_back(head + "b|" + std::to_string(blobs[i].step) + "|"
                + std::to_string(blobs[i].count) + "|" + std::to_string(blobs[i].location.length));
        const auto tensors = data.tensors().snapshot();
        for (std::size_t i = 0; i < tensors.size(); ++i) {
            std::string line = head + "t|" + std::to_string(tensors[i].step);
            for (const double n : tensors[i].numbers)
                line.append("|").append(hexBits(n));
            for (const std::string& s : tensors[i].strings)
                line += "|'" + s + "'";
            facts.push_back(line);
        }
    }
    facts.push_back("graph|" + std::to_string(run.graphCount) + "|"
        + std::to_string(run.metaGraphCount) + "|" + std::to_string(run.runMetadataCount)
        + "|version " + run.fileVersion);
    std::sort(facts.begin(), facts.end());
    return facts;
}

struct Loaded {
    std::vector<std::string> facts;
    std::vector<Diagnostic> diagnostics;
    bool found = false;
};

Loaded load(const fs::path& logdir)
{
    LogdirLoader loader({LogdirSpec {{}, logdir}});
    loader.reload();
    Loaded loaded;
    const auto runs = loader.runs();
    if (runs.size() == 1) {
        loaded.found = true;
        loaded.facts = factsOf(*runs.front());
        loaded.diagnostics = runs.front()->diagnostics;
    }
    return loaded;
}

struct Fixture {
    std::string name;
    std::string bytes;
    std::vector<Framed> frames;
};

class CorruptionSweep : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_temp;
    std::vector<Fixture> m_fixtures;
    int m_variants = 0;

    fs::path root() const { return pathFromText(m_temp.path().toStdString()); }

    // Loads `damaged`, whose bytes differ from the fixture's in [damageBegin, damageEnd)
    // (a truncation: from damageBegin to the end), and checks it against the records left whole.
    void check(const Fixture& fixture, const std::string& damaged, std::uint64_t damageBegin,
        std::uint64_t damageEnd, bool truncation, const std::string& what)
    {
        ++m_variants;
        const fs::path damagedDir = root() / "damaged" / "run";
        const fs::path referenceDir = root() / "reference" / "run";
        const std::string fileName = "events.out.tfevents.1700000000.host.1.0";
        std::string reference;
        for (const Framed& frame : fixture.frames) {
            const bool whole = frame.offset + frame.size <= damageBegin
                || (!truncation && frame.offset >= damageEnd);
            if (whole)
                reference.append(fixture.bytes, frame.offset, frame.size);
        }
        fs::create_directories(damagedDir);
        fs::create_directories(referenceDir);
        writeAll(damagedDir / fileName, damaged);
        writeAll(referenceDir / fileName, reference);
        const Loaded got = load(root() / "damaged");
        const Loaded want = load(root() / "reference");
        const std::string context = fixture.name + ", " + what;
        if (reference.empty() && damaged.size() < RecordReader::kHeaderBytes)
            return; // nothing whole and too short to hold a record: nothing to compare
        QVERIFY2(got.found && want.found, context.c_str());
        if (got.facts != want.facts) {
            std::vector<std::string> missing, extra;
            std::set_difference(want.facts.begin(), want.facts.end(), got.facts.begin(),
                got.facts.end(), std::back_inserter(missing));
            std::set_difference(got.facts.begin(), got.facts.end(), want.facts.begin(),
                want.facts.end(), std::back_inserter(extra));
            const std::string message = context + ": " + std::to_string(missing.size())
                + " value(s) missing (first: " + (missing.empty() ? "" : missing.front()) + "), "
                + std::to_string(extra.size())
                + " extra (first: " + (extra.empty() ? "" : extra.front()) + ")";
            QFAIL(message.c_str());
        }
        QVERIFY2(want.diagnostics.empty(), context.c_str());
        if (truncation) {
            // A cut tail is a file still being written, not damage.
            if (!got.diagnostics.empty())
                QFAIL((context + ": " + got.diagnostics.front().reason).c_str());
            return;
        }
        const std::string path = pathText(damagedDir / fileName);
        bool named = false;
        for (const Diagnostic& diagnostic : got.diagnostics) {
            QCOMPARE(diagnostic.file, path);
            if (diagnostic.offset <= damageBegin
                && diagnostic.offset + std::max<std::uint64_t>(diagnostic.bytesSkipped, 1)
                    > damageBegin)
                named = true;
        }
        QVERIFY2(named,
            (context + ": no diagnostic covers offset " + std::to_string(damageBegin) + " ("
                + std::to_string(got.diagnostics.size()) + " diagnostics)")
                .c_str());
    }

    void addCorpusFixture(const fs::path& corpus, const std::string& relative)
    {
        const fs::path path = corpus / relative;
        std::error_code error;
        if (!fs::is_regular_file(path, error))
            return;
        Fixture fixture {relative, readAll(path), {}};
        fixture.frames = framesOf(fixture.bytes);
        m_fixtures.push_back(std::move(fixture));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        // Our writer: scalars (TF1 and TF2), histograms (both styles), text; steps strictly
        // increasing per tag so the restart purge never applies.
        const fs::path written = root() / "written";
        EventFileWriterOptions options;
        options.wallTime = 1.7e9;
        {
            EventFileWriter writer(written, options);
            const std::vector<double> sample {-1.5, 0, 0.5, 2, 2, 9};
            for (int step = 1; step <= 24; ++step) {
                const double wall = 1.7e9 + step * 0.5;
                writer.addScalar("loss", step, 1.0f / float(step), wall);
                writer.addScalarTensor(
                    "tf2/accuracy", step, step * 0.01, ScalarType::Float64, wall);
                if (step % 3 == 0) {
                    writer.addHistogram("weights", step, sample, SummaryStyle::Tf2, wall);
                    writer.addHistogram("biases", step, sample, SummaryStyle::Tf1, wall);
                }
                if (step % 8 == 0)
                    writer.addText("notes", step, "step " + std::to_string(step), wall);
            }
            QVERIFY(writer.flush());
            Fixture fixture {"writer", readAll(writer.path()), {}};
            fixture.frames = framesOf(fixture.bytes);
            m_fixtures.push_back(std::move(fixture));
        }
        if (const auto corpus = corpusDirectory()) {
            addCorpusFixture(*corpus,
                "b01_tf2_keras_callback_and_custom_loop/logs/standard/20200326-221129/validation/"
                "events.out.tfevents.1585231889.LEMON.12072.947.v2");
            addCorpusFixture(*corpus,
                "b04_tf2_hparams_plugin/log/text_hp/hparam_tuning/run-0/train/"
                "events.out.tfevents.1585754872.ezio-virtual-machine.111180.265.v2");
            addCorpusFixture(*corpus,
                "c03_torch_add_scalars_subdirs_embedding/only_funcs/"
                "events.out.tfevents.1663763728.Dipeshs-MacBook-Pro.local.11228.0");
        } else {
            qInfo("%s", qPrintable(corpusMissingMessage()));
        }
        for (const Fixture& fixture : m_fixtures) {
            QVERIFY2(fixture.frames.size() > 3, fixture.name.c_str());
            const Framed& last = fixture.frames.back();
            QCOMPARE(last.offset + last.size, std::uint64_t(fixture.bytes.size()));
        }
    }

    void truncations()
    {
        const std::size_t stride = fullOrSanitized<std::size_t>(1, 3);
        for (const Fixture& fixture : m_fixtures) {
            for (std::size_t i = 0; i < fixture.frames.size(); ++i) {
                if (i % stride != 0 && i + 1 != fixture.frames.size())
                    continue;
                const Framed& frame = fixture.frames[i];
                for (const std::uint64_t cut :
                    {frame.offset, frame.offset + 5, frame.offset + RecordReader::kHeaderBytes,
                        frame.offset + frame.size / 2, frame.offset + frame.size - 1}) {
                    check(fixture, fixture.bytes.substr(0, cut), cut, fixture.bytes.size(), true,
                        "truncated at " + std::to_string(cut));
                    if (QTest::currentTestFailed())
                        return;
                }
            }
        }
    }

    void bitFlips()
    {
        std::mt19937_64 random(20240607);
        for (const Fixture& fixture : m_fixtures) {
            const int flips = fullOrSanitized(
                fixture.name == "writer" ? 700 : 250, fixture.name == "writer" ? 240 : 84);
            for (int i = 0; i < flips; ++i) {
                std::string damaged = fixture.bytes;
                // Half the flips land in record headers, where they break the framing.
                std::uint64_t at;
                if (i % 2 == 0) {
                    const Framed& frame = fixture.frames[random() % fixture.frames.size()];
                    at = frame.offset + random() % RecordReader::kHeaderBytes;
                } else {
                    at = random() % damaged.size();
                }
                const int bit = int(random() % 8);
                damaged[at] = char(damaged[at] ^ (1 << bit));
                check(fixture, damaged, at, at + 1, false,
                    "bit " + std::to_string(bit) + " flipped at " + std::to_string(at));
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    void overwrites()
    {
        std::mt19937_64 random(77);
        for (const Fixture& fixture : m_fixtures) {
            const int count = fullOrSanitized(
                fixture.name == "writer" ? 400 : 150, fixture.name == "writer" ? 134 : 50);
            for (int i = 0; i < count; ++i) {
                std::string damaged = fixture.bytes;
                const std::uint64_t begin = random() % damaged.size();
                const std::uint64_t length = 1
                    + random()
                        % std::min<std::uint64_t>(i % 4 == 0 ? 4096 : 64, damaged.size() - begin);
                for (std::uint64_t k = 0; k < length; ++k)
                    damaged[begin + k] = char(i % 5 == 0 ? 0 : random() & 0xFF);
                // The damage is where the bytes really differ.
                std::uint64_t first = begin, last = begin + length;
                while (first < last && damaged[first] == fixture.bytes[first])
                    ++first;
                while (last > first && damaged[last - 1] == fixture.bytes[last - 1])
                    --last;
                if (first == last)
                    continue;
                check(fixture, damaged, first, last, false,
                    "bytes [" + std::to_string(first) + ", " + std::to_string(last)
                        + ") overwritten");
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    // A plain file's first record is nearly always the 24-byte file_version event, so its
    // first byte is 0x18: a ZLIB CMF byte. Damage to the second byte can complete a valid
    // ZLIB header; that must not turn the whole file into a failed decompression.
    void firstHeaderLookingCompressed()
    {
        for (const Fixture& fixture : m_fixtures) {
            const auto b0 = static_cast<unsigned char>(fixture.bytes[0]);
            for (int b1 = 0; b1 < 256; ++b1) {
                if ((b0 * 256 + b1) % 31 != 0 || char(b1) == fixture.bytes[1])
                    continue;
                std::string damaged = fixture.bytes;
                damaged[1] = char(b1);
                check(fixture, damaged, 1, 2, false, "second byte set to " + std::to_string(b1));
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    void cleanupTestCase() { qInfo("%d damaged variants loaded", m_variants); }
};

} // namespace

LANTERN_TEST_GUILESS_MAIN(CorruptionSweep)
#include "test_corruption_sweep.moc"
