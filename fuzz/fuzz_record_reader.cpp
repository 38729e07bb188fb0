// RecordReader over a fuzzed byte stream, plain or through InflatingByteSource (GZIP/ZLIB).
// Input: byte 0 selects the mode (bit 0: inflate; bit 1: also read it growing), byte 1 the growth
// step, the rest is the file.
// Checks: no crash, leak or runaway memory; every record returned is a verified one lying
// inside the stream; and reading the file as it grows (a new reader from resumeOffset() after
// every stop, as the loader does for plain files; one open reader for compressed ones) returns
// exactly the records of reading it whole.

#include "core/io/byte_source.h"
#include "core/io/crc32c.h"
#include "core/io/inflating_byte_source.h"
#include "core/io/little_endian.h"
#include "core/io/record_reader.h"

#include "fuzz/fuzz_check.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

using namespace lantern::core;
using lantern::fuzz::check;

namespace {

// The first `*visible` bytes of `bytes` from `offset` on; `*visible` may grow between reads.
class GrowingSource final : public ByteSource {
public:
    GrowingSource(const std::string& bytes, const std::size_t* visible, std::size_t offset)
        : m_bytes(bytes)
        , m_visible(visible)
        , m_at(offset)
    {
    }
    std::size_t read(char* buffer, std::size_t size) override
    {
        const std::size_t end = std::min(*m_visible, m_bytes.size());
        if (m_at >= end)
            return 0;
        const std::size_t n = std::min(size, end - m_at);
        std::memcpy(buffer, m_bytes.data() + m_at, n);
        m_at += n;
        return n;
    }
    const std::string& error() const override { return m_error; }

private:
    const std::string& m_bytes;
    const std::size_t* m_visible;
    std::size_t m_at;
    std::string m_error;
};

struct Seen {
    std::uint64_t offset;
    std::string data;
    bool operator==(const Seen&) const = default;
};

void checkRecord(const Record& record, std::uint64_t previousEnd, const std::string* plain)
{
    check(record.offset >= previousEnd, "records overlap or go backwards");
    check(record.data.size() <= RecordReader::kMaxRecordBytes, "record longer than allowed");
    if (plain) {
        const std::uint64_t end = record.offset + RecordReader::kHeaderBytes + record.data.size()
            + RecordReader::kFooterBytes;
        check(end <= plain->size(), "record extends past the stream");
        const char* at = plain->data() + record.offset;
        check(RecordReader::isValidHeader(at), "record header not valid");
        check(loadLittleEndian64(at) == record.data.size(), "record length mismatch");
        check(std::memcmp(at + RecordReader::kHeaderBytes, record.data.data(), record.data.size())
                == 0,
            "record data differs from the stream");
    }
    check(maskCrc(crc32c(record.data.data(), record.data.size()))
            == loadLittleEndian32(record.data.data() + record.data.size()),
        "record data checksum not verified");
}

std::unique_ptr<ByteSource> makeSource(
    bool inflate, const std::string& bytes, const std::size_t* visible, std::size_t offset)
{
    auto source = std::make_unique<GrowingSource>(bytes, visible, offset);
    if (!inflate)
        return source;
    return std::make_unique<InflatingByteSource>(std::move(source));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2)
        return 0;
    const bool inflate = data[0] & 1;
    // At most ~8 growth rounds (each opens a new reader), so a large input
    // stays fast; small inputs still grow a few bytes at a time.
    const std::size_t step = std::max<std::size_t>(1 + data[1] % 64, size / 8);
    const std::string file(reinterpret_cast<const char*>(data) + 2, size - 2);
    const std::string* plain = inflate ? nullptr : &file;

    // Whole.
    std::vector<Seen> whole;
    {
        const std::size_t all = file.size();
        RecordReader reader(makeSource(inflate, file, &all, 0));
        std::uint64_t end = 0;
        while (const auto record = reader.next()) {
            checkRecord(*record, end, plain);
            end = record->offset + RecordReader::kHeaderBytes + record->data.size()
                + RecordReader::kFooterBytes;
            whole.push_back({record->offset, std::string(record->data)});
        }
        for (const RecordDiagnostic& diagnostic : reader.takeDiagnostics())
            check(diagnostic.bytesSkipped > 0, "diagnostic that skipped nothing");
        if (plain)
            check(reader.resumeOffset() <= file.size(), "resume offset past the end");
    }

    // Growing, `step` bytes at a time, for inputs with bit 1 of byte 0 set: every round
    // opens a new reader, which costs more than the rest of the run.
    if ((data[0] & 2) == 0)
        return 0;
    std::vector<Seen> growing;
    {
        std::size_t visible = 0;
        std::uint64_t resume = 0;
        bool resyncing = false;
        std::unique_ptr<RecordReader> open; // compressed streams keep their reader
        std::uint64_t end = 0;
        while (true) {
            std::unique_ptr<RecordReader> fresh;
            RecordReader* reader = open.get();
            if (!inflate) {
                fresh = std::make_unique<RecordReader>(
                    makeSource(false, file, &visible, resume), resume, resyncing);
                reader = fresh.get();
            } else if (!open) {
                open = std::make_unique<RecordReader>(makeSource(true, file, &visible, 0));
                reader = open.get();
            }
            while (const auto record = reader->next()) {
                checkRecord(*record, end, plain);
                end = record->offset + RecordReader::kHeaderBytes + record->data.size()
                    + RecordReader::kFooterBytes;
                growing.push_back({record->offset, std::string(record->data)});
            }
            resume = reader->resumeOffset();
            resyncing = reader->isResyncing();
            if (plain)
                check(resume <= visible, "resume offset past the visible end");
            if (visible >= file.size())
                break;
            visible = std::min(file.size(), visible + step);
        }
    }
    check(whole == growing, "reading a growing file differs from reading it whole");
    return 0;
}
