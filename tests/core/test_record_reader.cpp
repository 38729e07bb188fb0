// TFRecord framing: a hand-built record, partial tails, damaged records and resync,
// absurd lengths, and GZIP/ZLIB-compressed streams.

#include "core/io/crc32c.h"
#include "core/io/inflating_byte_source.h"
#include "core/io/little_endian.h"
#include "core/io/record_compression.h"
#include "core/io/record_reader.h"
#include "core/io/record_writer.h"
#include "tests/support/test_support.h"

#include <QTest>

#include <algorithm>
#include <cstring>
#include <memory>

using namespace lantern::core;
using lantern::test::compress;

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

QTEST_GUILESS_MAIN(TestRecordReader)
#include "test_record_reader.moc"
