// RecordReader over a fuzzed byte stream, plain or through InflatingByteSource (GZIP/ZLIB).
// Input: byte 0 selects the mode (bit 0: inflate; bit 1: also read it growing; bit 2: build the
// file with our writer and damage it), byte 1 the growth step, the rest is the file, or in build
// mode its recipe (see buildDamagedFile).
// Checks: no crash, leak or runaway memory (the reader's buffer stays within twice the stream);
// every record returned is a verified one lying inside the stream; every record intact in the
// final bytes (both checksums hold where it starts, and it does not overlap an earlier one) is
// recovered, and nothing else; diagnostics and offsets stay inside the stream; and reading the
// file as it grows (a new reader from resumeOffset() after every stop, as the loader does for
// plain files; one open reader for compressed ones) returns exactly the records of reading it
// whole.

#include "core/io/byte_source.h"
#include "core/io/crc32c.h"
#include "core/io/inflating_byte_source.h"
#include "core/io/little_endian.h"
#include "core/io/record_reader.h"
#include "core/io/record_writer.h"

#include "fuzz/fuzz_check.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>
#include <zlib.h>

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

constexpr std::size_t kFramingBytes = RecordReader::kHeaderBytes + RecordReader::kFooterBytes;

// Whether a whole record with both checksums holding starts at `at`. Written from the format's
// definition, not with the reader's helpers; a protobuf message stays under 2 GiB.
bool intactAt(const std::string& stream, std::size_t at, std::uint64_t& length)
{
    if (stream.size() - at < kFramingBytes)
        return false;
    const char* header = stream.data() + at;
    length = loadLittleEndian64(header);
    if (maskCrc(crc32c(header, 8)) != loadLittleEndian32(header + 8)
        || length >= (std::uint64_t(1) << 31) || length > stream.size() - at - kFramingBytes)
        return false;
    const char* data = header + RecordReader::kHeaderBytes;
    return maskCrc(crc32c(data, std::size_t(length))) == loadLittleEndian32(data + length);
}

// The rule: every intact record not overlapping an earlier recovered one, front to back.
std::vector<Seen> intactRecords(const std::string& stream)
{
    std::vector<Seen> records;
    std::size_t at = 0;
    while (at < stream.size()) {
        std::uint64_t length = 0;
        if (intactAt(stream, at, length)) {
            records.push_back({at, stream.substr(at + RecordReader::kHeaderBytes, length)});
            at += std::size_t(length) + kFramingBytes;
        } else {
            ++at;
        }
    }
    return records;
}

void checkRecord(const Record& record, std::uint64_t previousEnd, const std::string& stream)
{
    check(record.offset >= previousEnd, "records overlap or go backwards");
    check(record.data.size() <= RecordReader::kMaxRecordBytes, "record longer than allowed");
    const std::uint64_t end = record.offset + kFramingBytes + record.data.size();
    check(end <= stream.size(), "record extends past the stream");
    const char* at = stream.data() + record.offset;
    check(RecordReader::isValidHeader(at), "record header not valid");
    check(loadLittleEndian64(at) == record.data.size(), "record length mismatch");
    check(std::memcmp(at + RecordReader::kHeaderBytes, record.data.data(), record.data.size()) == 0,
        "record data differs from the stream");
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

// Drains one reader: checks each record, diagnostic and the buffer's size against `stream` (the
// bytes the reader sees, decompressed), and appends the records to `seen`.
void drain(
    RecordReader& reader, const std::string& stream, std::uint64_t& end, std::vector<Seen>& seen)
{
    while (const auto record = reader.next()) {
        checkRecord(*record, end, stream);
        end = record->offset + kFramingBytes + record->data.size();
        seen.push_back({record->offset, std::string(record->data)});
        check(reader.bufferCapacity() <= std::max<std::size_t>(64 * 1024, 2 * stream.size()),
            "the reader's buffer outgrew the stream");
    }
    check(reader.bufferCapacity() <= std::max<std::size_t>(64 * 1024, 2 * stream.size()),
        "the reader's buffer outgrew the stream");
    for (const RecordDiagnostic& diagnostic : reader.takeDiagnostics()) {
        check(diagnostic.bytesSkipped > 0, "diagnostic that skipped nothing");
        check(diagnostic.offset <= stream.size()
                && diagnostic.bytesSkipped <= stream.size() - diagnostic.offset,
            "diagnostic past the end of the stream");
    }
    check(reader.resumeOffset() <= stream.size(), "resume offset past the end");
}

// What the reader sees of a compressed file: everything inflate yields before it stops.
std::string inflated(const std::string& file)
{
    const std::size_t all = file.size();
    InflatingByteSource source(std::make_unique<GrowingSource>(file, &all, 0));
    std::string out;
    char chunk[65536];
    while (const std::size_t n = source.read(chunk, sizeof chunk))
        out.append(chunk, n);
    return out;
}

std::string deflated(const std::string& plain, bool gzip)
{
    z_stream z {};
    if (deflateInit2(&z, 6, Z_DEFLATED, gzip ? 15 + 16 : 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    std::string out(deflateBound(&z, uLong(plain.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
    z.avail_in = uInt(plain.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

// Build mode: records framed by our writer, then damaged. Recipe: a record count, then per
// record a length byte and that many payload bytes; what is left is damage, 4 bytes per step:
// kind (insert, delete or overwrite), position (2 bytes), and a byte giving the length and fill.
std::string buildDamagedFile(const std::uint8_t* recipe, std::size_t size)
{
    std::size_t at = 0;
    auto next = [&]() -> std::uint8_t { return at < size ? recipe[at++] : 0; };
    std::string file;
    const int records = 1 + next() % 32;
    for (int i = 0; i < records && at < size; ++i) {
        const std::size_t length = std::min<std::size_t>(next(), size - at);
        file += frameRecord(std::string(reinterpret_cast<const char*>(recipe) + at, length));
        at += length;
    }
    while (at + 4 <= size) {
        const std::uint8_t kind = next();
        const std::size_t where
            = (std::size_t(next()) | std::size_t(next()) << 8) % (file.size() + 1);
        const std::uint8_t spec = next();
        const std::size_t length = 1 + spec % 32;
        switch (kind % 3) {
        case 0:
            file.insert(where, length, char(spec));
            break;
        case 1:
            file.erase(where, length);
            break;
        default:
            for (std::size_t k = where; k < std::min(file.size(), where + length); ++k)
                file[k] = char(file[k] ^ spec ^ 0x5A);
        }
    }
    return file;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2)
        return 0;
    const bool inflate = data[0] & 1;
    const bool growingToo = data[0] & 2;
    std::string file(reinterpret_cast<const char*>(data) + 2, size - 2);
    if (data[0] & 4) {
        file = buildDamagedFile(data + 2, size - 2);
        if (inflate)
            file = deflated(file, data[1] & 1);
    }
    // At most ~8 growth rounds (each opens a new reader), so a large input
    // stays fast; small inputs still grow a few bytes at a time.
    const std::size_t step = std::max<std::size_t>(1 + data[1] % 64, file.size() / 8);
    const std::string stream = inflate ? inflated(file) : file;

    // Whole, with the file known to be complete: the rule decides every record.
    std::vector<Seen> whole;
    {
        const std::size_t all = file.size();
        RecordReader reader(makeSource(inflate, file, &all, 0));
        reader.setSettled(true);
        std::uint64_t end = 0;
        drain(reader, stream, end, whole);
        check(reader.resumeOffset() == stream.size(), "a settled read stops before the end");
    }
    check(whole == intactRecords(stream), "intact records lost, or others returned");

    // Growing, `step` bytes at a time, settled only once it is whole: every round opens a new
    // reader, which costs more than the rest of the run.
    if (!growingToo)
        return 0;
    std::vector<Seen> growing;
    {
        std::size_t visible = 0;
        std::uint64_t resume = 0;
        bool resyncing = false;
        std::string reason;
        std::unique_ptr<RecordReader> open; // compressed streams keep their reader
        std::uint64_t end = 0;
        while (true) {
            std::unique_ptr<RecordReader> fresh;
            RecordReader* reader = open.get();
            if (!inflate) {
                fresh = std::make_unique<RecordReader>(
                    makeSource(false, file, &visible, resume), resume, resyncing, reason);
                reader = fresh.get();
            } else if (!open) {
                open = std::make_unique<RecordReader>(makeSource(true, file, &visible, 0));
                reader = open.get();
            }
            reader->setSettled(visible >= file.size());
            drain(*reader, stream, end, growing);
            resume = reader->resumeOffset();
            resyncing = reader->isResyncing();
            reason = reader->resyncReason();
            if (!inflate)
                check(resume <= visible, "resume offset past the visible end");
            if (visible >= file.size())
                break;
            visible = std::min(file.size(), visible + step);
        }
    }
    check(whole == growing, "reading a growing file differs from reading it whole");
    return 0;
}
