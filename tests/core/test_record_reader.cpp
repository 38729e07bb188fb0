// TFRecord framing: a hand-built record, partial tails, damaged records and resync,
// absurd lengths, and GZIP/ZLIB-compressed streams.

#include "core/io/crc32c.h"
#include "core/io/inflating_byte_source.h"
#include "core/io/little_endian.h"
#include "core/io/record_compression.h"
#include "core/io/record_reader.h"
#include "core/io/record_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTest>

#include <algorithm>
#include <cstring>
#include <memory>

using namespace lantern::core;
using lantern::test::compress;
using lantern::test::framedRecords;
using lantern::test::headerClaiming;

namespace {

// A byte stream that a test can append to, like a file still being written.
class GrowingSource final : public ByteSource {
public:
    explicit GrowingSource(std::shared_ptr<std::string> bytes, std::size_t maxChunk = SIZE_MAX)
        : m_bytes(std::move(bytes))
        , m_maxChunk(maxChunk)
    {
    }
    std::size_t read(char* buffer, std::size_t size) override
    {
        const std::size_t n = std::min({size, m_maxChunk, m_bytes->size() - m_position});
        std::memcpy(buffer, m_bytes->data() + m_position, n);
        m_position += n;
        return n;
    }
    const std::string& error() const override { return m_error; }

private:
    std::shared_ptr<std::string> m_bytes;
    std::size_t m_maxChunk;
    std::size_t m_position = 0;
    std::string m_error;
};

std::vector<std::string> readAll(RecordReader& reader)
{
    std::vector<std::string> records;
    while (auto record = reader.next())
        records.emplace_back(record->data);
    return records;
}

RecordReader readerOver(const std::string& bytes, std::size_t maxChunk = SIZE_MAX)
{
    return RecordReader(
        std::make_unique<GrowingSource>(std::make_shared<std::string>(bytes), maxChunk));
}

std::vector<std::string> numbered(const std::string& prefix, int count)
{
    std::vector<std::string> records;
    for (int i = 0; i < count; ++i)
        records.push_back(prefix + std::to_string(i));
    return records;
}

std::vector<std::string> joined(std::vector<std::string> a, const std::vector<std::string>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// A source over a file with a hole of `holeBytes` zeros after `before`: it can skip the hole
// as a sparse file's source does, and counts the bytes it really hands out.
class SparseSource final : public ByteSource {
public:
    SparseSource(std::string before, std::uint64_t holeBytes, std::string after)
        : m_before(std::move(before))
        , m_hole(holeBytes)
        , m_after(std::move(after))
    {
    }
    std::size_t read(char* buffer, std::size_t size) override
    {
        std::size_t n = 0;
        while (n < size && m_at < total()) {
            const std::uint64_t holeEnd = m_before.size() + m_hole;
            std::size_t chunk;
            if (m_at < m_before.size()) {
                chunk = std::min(size - n, std::size_t(m_before.size() - m_at));
                std::memcpy(buffer + n, m_before.data() + m_at, chunk);
            } else if (m_at < holeEnd) {
                chunk = std::size_t(std::min<std::uint64_t>(size - n, holeEnd - m_at));
                std::memset(buffer + n, 0, chunk);
            } else {
                chunk = std::min(size - n, std::size_t(total() - m_at));
                std::memcpy(buffer + n, m_after.data() + (m_at - holeEnd), chunk);
            }
            n += chunk;
            m_at += chunk;
        }
        handedOut += n;
        return n;
    }
    std::uint64_t skipHole() override
    {
        const std::uint64_t holeEnd = m_before.size() + m_hole;
        if (m_at < m_before.size() || m_at >= holeEnd)
            return 0;
        const std::uint64_t skipped = holeEnd - m_at;
        m_at = holeEnd;
        return skipped;
    }
    const std::string& error() const override { return m_error; }
    std::uint64_t total() const { return m_before.size() + m_hole + m_after.size(); }

    std::uint64_t handedOut = 0;

private:
    std::string m_before;
    std::uint64_t m_hole;
    std::string m_after;
    std::uint64_t m_at = 0;
    std::string m_error;
};

} // namespace

class TestRecordReader : public QObject {
    Q_OBJECT
private slots:
    void handBuiltRecord()
    {
        // Bytes computed independently (bitwise CRC-32C in Python) for the data "lantern".
        const unsigned char bytes[] = {0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xbb, 0xd7,
            0x9f, 0x11, 0x6c, 0x61, 0x6e, 0x74, 0x65, 0x72, 0x6e, 0xd6, 0x44, 0x64, 0xba};
        const std::string framed(reinterpret_cast<const char*>(bytes), sizeof bytes);
        QCOMPARE(frameRecord("lantern"), framed);
        auto reader = readerOver(framed);
        const auto record = reader.next();
        QVERIFY(record.has_value());
        QCOMPARE(record->offset, 0u);
        QCOMPARE(std::string(record->data), std::string("lantern"));
        QVERIFY(!reader.next());
        QCOMPARE(reader.resumeOffset(), std::uint64_t(sizeof bytes));
        QVERIFY(reader.takeDiagnostics().empty());
    }

    void manyRecordsAcrossSmallReads()
    {
        std::string stream;
        std::vector<std::string> written;
        for (int i = 0; i < 500; ++i) {
            written.push_back(std::string(std::size_t(i * 7 % 300), char('a' + i % 26)));
            stream += frameRecord(written.back());
        }
        auto reader = readerOver(stream, 13); // the source hands out 13 bytes at a time
        QCOMPARE(readAll(reader), written);
        QCOMPARE(reader.resumeOffset(), std::uint64_t(stream.size()));
    }

    void partialTailWaitsForTheWriter()
    {
        auto bytes = std::make_shared<std::string>(frameRecord("first"));
        const std::string second = frameRecord("second record");
        bytes->append(second.substr(0, 9)); // header not even complete
        RecordReader reader(std::make_unique<GrowingSource>(bytes));
        QCOMPARE(readAll(reader), std::vector<std::string> {"first"});
        const std::uint64_t resume = reader.resumeOffset();
        QCOMPARE(resume, std::uint64_t(frameRecord("first").size()));
        bytes->append(second.substr(9, 10)); // header complete, data still partial
        QVERIFY(!reader.next());
        bytes->append(second.substr(19));
        QCOMPARE(readAll(reader), std::vector<std::string> {"second record"});
        QVERIFY(reader.takeDiagnostics().empty());
    }

    void dataChecksumMismatchSkipsOneRecord()
    {
        std::string stream
            = frameRecord("good one") + frameRecord("damaged") + frameRecord("good two");
        const std::size_t damagedAt = frameRecord("good one").size();
        stream[damagedAt + 12 + 2] ^= 0x01; // flip a bit inside the data
        auto reader = readerOver(stream);
        QCOMPARE(readAll(reader), (std::vector<std::string> {"good one", "good two"}));
        const auto diagnostics = reader.takeDiagnostics();
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics[0].offset, std::uint64_t(damagedAt));
        QCOMPARE(diagnostics[0].bytesSkipped, std::uint64_t(frameRecord("damaged").size()));
        QVERIFY(diagnostics[0].reason.find("data checksum") != std::string::npos);
    }

    void lengthChecksumMismatchResyncs()
    {
        std::string stream = frameRecord("before") + frameRecord("broken header")
            + frameRecord("after") + frameRecord("later");
        const std::size_t damagedAt = frameRecord("before").size();
        stream[damagedAt + 1] ^= 0x40; // the length field no longer matches its checksum
        auto reader = readerOver(stream);
        QCOMPARE(readAll(reader), (std::vector<std::string> {"before", "after", "later"}));
        const auto diagnostics = reader.takeDiagnostics();
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics[0].offset, std::uint64_t(damagedAt));
        QCOMPARE(diagnostics[0].bytesSkipped, std::uint64_t(frameRecord("broken header").size()));
        QVERIFY(diagnostics[0].reason.find("length checksum") != std::string::npos);
    }

    void absurdLengthIsNotTrusted()
    {
        // A header whose checksum is right but whose length claims 2^60 bytes.
        std::string header(12, '\0');
        storeLittleEndian64(header.data(), std::uint64_t(1) << 60);
        storeLittleEndian32(header.data() + 8, maskCrc(crc32c(header.data(), 8)));
        const std::string stream = frameRecord("a") + header + frameRecord("b");
        auto reader = readerOver(stream);
        QCOMPARE(readAll(reader), (std::vector<std::string> {"a", "b"}));
        const auto diagnostics = reader.takeDiagnostics();
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics[0].bytesSkipped, std::uint64_t(12));
        QVERIFY(diagnostics[0].reason.find("absurd") != std::string::npos);
    }

    void garbageTailIsReported()
    {
        const std::string stream = frameRecord("kept") + std::string(100, '\x5a');
        auto reader = readerOver(stream);
        QCOMPARE(readAll(reader), std::vector<std::string> {"kept"});
        const auto diagnostics = reader.takeDiagnostics();
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics[0].offset, std::uint64_t(frameRecord("kept").size()));
        QVERIFY(diagnostics[0].bytesSkipped >= 100 - 11);
    }

    void emptyStream()
    {
        auto reader = readerOver("");
        QVERIFY(!reader.next());
        QCOMPARE(reader.resumeOffset(), 0u);
        QVERIFY(reader.takeDiagnostics().empty());
    }

    // Resync recovers every record whose two checksums hold, wherever it starts: a damaged
    // record's claimed length is never trusted to say where the next record begins.
    void bytesDeletedInsideARecordSwallowNothing()
    {
        const std::vector<std::string> records = numbered("a fairly long record, number ", 6);
        std::string stream = framedRecords(records);
        const std::size_t damagedAt = frameRecord(records[0]).size();
        stream.erase(damagedAt + 12 + 5, 3); // three bytes of record 1's data are gone
        auto reader = readerOver(stream);
        std::vector<std::string> expected = records;
        expected.erase(expected.begin() + 1);
        QCOMPARE(readAll(reader), expected);
        const auto diagnostics = reader.takeDiagnostics();
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics[0].offset, std::uint64_t(damagedAt));
        QCOMPARE(diagnostics[0].bytesSkipped, std::uint64_t(frameRecord(records[1]).size() - 3));
        QVERIFY(diagnostics[0].reason.find("data checksum") != std::string::npos);
    }

    void fileReopenedForAppendAfterACrash()
    {
        // The first writer died inside a long record; a second one appended a whole file.
        const std::vector<std::string> first = numbered("first ", 20);
        const std::vector<std::string> second = numbered("second ", 6000);
        const std::string cut = frameRecord(std::string(100000, 'i')).substr(0, 500);
        const std::string stream = framedRecords(first) + cut + framedRecords(second);
        auto reader = readerOver(stream, 4096);
        QCOMPARE(readAll(reader), joined(first, second));
        const auto diagnostics = reader.takeDiagnostics();
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics[0].offset, std::uint64_t(framedRecords(first).size()));
        QCOMPARE(diagnostics[0].bytesSkipped, std::uint64_t(cut.size()));
    }

    void lengthOfTwoGigabytesIsAbsurd()
    {
        const std::vector<std::string> after = numbered("after ", 50);
        const std::string stream
            = frameRecord("before") + headerClaiming(std::uint64_t(1) << 31) + framedRecords(after);
        auto reader = readerOver(stream);
        QCOMPARE(readAll(reader), joined({"before"}, after));
        const auto diagnostics = reader.takeDiagnostics();
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics[0].bytesSkipped, std::uint64_t(12));
        QVERIFY(diagnostics[0].reason.find("absurd") != std::string::npos);
    }

    void claimPastTheEndWaitsUntilSettled()
    {
        // A valid header claiming more than the file holds may be a record still being written;
        // once the file is settled, the records its claim covers are recovered.
        const std::vector<std::string> after = numbered("after ", 50);
        const std::string claim = headerClaiming(1 << 20);
        const std::string stream = frameRecord("before") + claim + framedRecords(after);
        auto reader = readerOver(stream);
        QCOMPARE(readAll(reader), std::vector<std::string> {"before"});
        QVERIFY(reader.takeDiagnostics().empty());
        QCOMPARE(reader.resumeOffset(), std::uint64_t(frameRecord("before").size()));
        reader.setSettled(true);
        QCOMPARE(readAll(reader), after);
        const auto diagnostics = reader.takeDiagnostics();
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics[0].offset, std::uint64_t(frameRecord("before").size()));
        QCOMPARE(diagnostics[0].bytesSkipped, std::uint64_t(claim.size()));
        QVERIFY(diagnostics[0].reason.find("past the end") != std::string::npos);
        QVERIFY(!reader.truncatedRecord()); // records were found behind it
    }

    void truncationIsReportedOnceSettled_data()
    {
        QTest::addColumn<int>("cut");
        QTest::newRow("inside the header") << 7;
        QTest::newRow("inside the data") << 20;
        QTest::newRow("inside the footer") << 12 + 30 + 2;
    }
    void truncationIsReportedOnceSettled()
    {
        QFETCH(int, cut);
        const std::string kept = framedRecords(numbered("kept ", 10));
        const std::string stream = kept + frameRecord(std::string(30, 'c')).substr(0, cut);
        auto reader = readerOver(stream);
        QCOMPARE(readAll(reader).size(), std::size_t(10));
        QVERIFY(reader.takeDiagnostics().empty()); // a writer may still be writing it
        reader.setSettled(true);
        QVERIFY(readAll(reader).empty());
        const auto diagnostics = reader.takeDiagnostics();
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics[0].offset, std::uint64_t(kept.size()));
        QCOMPARE(diagnostics[0].bytesSkipped, std::uint64_t(cut));
        QVERIFY(diagnostics[0].reason.find("truncated") != std::string::npos);
        QCOMPARE(reader.truncatedRecord(), std::optional<std::uint64_t>(kept.size()));
        QCOMPARE(reader.resumeOffset(), std::uint64_t(stream.size()));
    }

    void holeIsSkippedUnread()
    {
        // One GiB of never-written bytes between records: the reader asks its source to skip
        // the hole instead of reading a gigabyte of zeros.
        const std::vector<std::string> before = numbered("before ", 30);
        const std::vector<std::string> after = numbered("after ", 30);
        const std::uint64_t hole = std::uint64_t(1) << 30;
        auto source
            = std::make_unique<SparseSource>(framedRecords(before), hole, framedRecords(after));
        SparseSource* sparse = source.get();
        RecordReader reader(std::move(source));
        QCOMPARE(readAll(reader), joined(before, after));
        QVERIFY2(sparse->handedOut < (1u << 20),
            qPrintable(QString::number(sparse->handedOut) + " bytes read"));
        const auto diagnostics = reader.takeDiagnostics();
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics[0].offset, std::uint64_t(framedRecords(before).size()));
        QCOMPARE(diagnostics[0].bytesSkipped, hole);
        QCOMPARE(reader.resumeOffset(), sparse->total());
    }

    void zerosWithoutHoleInformationAreScannedQuickly()
    {
        // The same without hole support: the zeros are read, and every record still comes back.
        const std::string zeros(3 << 20, '\0');
        const std::string stream = frameRecord("a") + zeros + zeros.substr(0, 5) + frameRecord("b");
        auto reader = readerOver(stream);
        QCOMPARE(readAll(reader), (std::vector<std::string> {"a", "b"}));
        const auto diagnostics = reader.takeDiagnostics();
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics[0].bytesSkipped, std::uint64_t(zeros.size() + 5));
    }

    void craftedFalseHeadersKeepTheSearchLinear()
    {
        // A valid header every 12 bytes, each claiming a mebibyte that is there but fails its
        // checksum: checking every claim would checksum gigabytes. The search stops checking
        // long claims after its budget, and the short records behind are still recovered.
        std::string stream;
        for (int i = 0; i < 3000; ++i)
            stream += headerClaiming(1 << 20);
        stream += std::string((1 << 20) + 4096, 'x');
        const std::vector<std::string> after = numbered("after ", 50);
        stream += framedRecords(after);
        auto reader = readerOver(stream);
        QCOMPARE(readAll(reader), after);
        QVERIFY2(reader.checkedBytes() < (std::uint64_t(256) << 20),
            qPrintable(QString::number(reader.checkedBytes()) + " bytes checksummed"));
        QCOMPARE(reader.takeDiagnostics().size(), std::size_t(1));
    }

    void inflateServesHugeRequestsInPart()
    {
        // zlib counts output in 32 bits: a request of 4 GiB + 16 bytes once became 16, and read()
        // then claimed 4 GiB it had not written. The request is larger than the buffer, but the
        // stream holds only a few hundred bytes, so inflate writes no further than those.
        const std::string plain = framedRecords(numbered("record ", 20));
        const std::string compressed = compress(plain, 15 + 16);
        InflatingByteSource source(
            std::make_unique<GrowingSource>(std::make_shared<std::string>(compressed)));
        std::vector<char> buffer(plain.size() + 64);
        const std::size_t got = source.read(buffer.data(), (std::size_t(1) << 32) + 16);
        QCOMPARE(got, plain.size());
        QCOMPARE(std::string(buffer.data(), got), plain);
    }

    // A compressed stream holding a header that claims 2 GiB (or just under) over megabytes of
    // zeros: memory follows the bytes that really arrive, every offset lies inside the stream,
    // and no record comes back twice.
    void compressedClaimOfTwoGigabytes_data()
    {
        QTest::addColumn<int>("windowBits");
        QTest::addColumn<quint64>("claim");
        QTest::newRow("gzip, 2^31") << 15 + 16 << (quint64(1) << 31);
        QTest::newRow("zlib, 2^31") << 15 << (quint64(1) << 31);
        QTest::newRow("gzip, 2^31 - 1") << 15 + 16 << (quint64(1) << 31) - 1;
    }
    void compressedClaimOfTwoGigabytes()
    {
        QFETCH(int, windowBits);
        QFETCH(quint64, claim);
        const std::vector<std::string> before = numbered("before ", 40);
        const std::vector<std::string> after = numbered("after ", 40);
        const std::string plain = framedRecords(before) + headerClaiming(claim)
            + std::string(16 << 20, '\0') + framedRecords(after);
        auto bytes = std::make_shared<std::string>(compress(plain, windowBits));
        RecordReader reader(
            std::make_unique<InflatingByteSource>(std::make_unique<GrowingSource>(bytes)));
        reader.setSettled(true);
        std::vector<std::string> read;
        std::uint64_t previous = 0;
        while (const auto record = reader.next()) {
            QVERIFY(read.empty() || record->offset > previous);
            previous = record->offset;
            read.emplace_back(record->data);
        }
        QCOMPARE(read, joined(before, after));
        QCOMPARE(reader.resumeOffset(), std::uint64_t(plain.size()));
        QVERIFY2(reader.bufferCapacity() <= 2 * plain.size(),
            qPrintable(QString::number(reader.bufferCapacity())));
        const auto diagnostics = reader.takeDiagnostics();
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics[0].offset, std::uint64_t(framedRecords(before).size()));
        QCOMPARE(diagnostics[0].offset + diagnostics[0].bytesSkipped,
            std::uint64_t(plain.size() - framedRecords(after).size()));
    }

    void compressedStreams_data()
    {
        QTest::addColumn<int>("windowBits");
        QTest::addColumn<int>("expected");
        QTest::newRow("gzip") << 15 + 16 << int(RecordCompression::Gzip);
        QTest::newRow("zlib") << 15 << int(RecordCompression::Zlib);
    }
    void compressedStreams()
    {
        QFETCH(int, windowBits);
        QFETCH(int, expected);
        std::string plain;
        std::vector<std::string> written;
        for (int i = 0; i < 2000; ++i) {
            written.push_back("record number " + std::to_string(i));
            plain += frameRecord(written.back());
        }
        const std::string compressed = compress(plain, windowBits);
        QCOMPARE(int(detectRecordCompression(compressed)), expected);
        QCOMPARE(detectRecordCompression(plain), RecordCompression::None);
        // Feed the compressed bytes in two halves, as a writer that is still going would.
        auto bytes = std::make_shared<std::string>(compressed.substr(0, compressed.size() / 2));
        RecordReader reader(
            std::make_unique<InflatingByteSource>(std::make_unique<GrowingSource>(bytes)));
        std::vector<std::string> read = readAll(reader);
        QVERIFY(read.size() < written.size());
        bytes->append(compressed.substr(compressed.size() / 2));
        for (auto& more : readAll(reader))
            read.push_back(std::move(more));
        QCOMPARE(read, written);
        QVERIFY(reader.sourceError().empty());
    }

    void plainHeaderThatLooksLikeZlibIsPlain()
    {
        // Length 0x0178 starts with bytes 78 01, a valid ZLIB header; the CRC decides.
        const std::string record = frameRecord(std::string(0x178, 'x'));
        QCOMPARE(static_cast<unsigned char>(record[0]), 0x78);
        QCOMPARE(detectRecordCompression(record), RecordCompression::None);
        QCOMPARE(detectRecordCompression(record.substr(0, 5)), RecordCompression::Unknown);
    }
};

LANTERN_TEST_GUILESS_MAIN(TestRecordReader)
#include "test_record_reader.moc"
