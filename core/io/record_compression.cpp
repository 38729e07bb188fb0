#include "core/io/record_compression.h"

#include "core/io/record_reader.h"

#include <zlib.h>

namespace lantern::core {
namespace {

// A plain file's first record is nearly always the 24-byte file_version event, so its first
// byte is 0x18, which is also a valid ZLIB CMF byte: one damaged second byte can complete a
// ZLIB header. So a ZLIB header counts only if the bytes after it inflate without error and,
// once there are enough of them, into a valid record header.
bool inflatesToRecordHeader(std::string_view bytes)
{
    z_stream z {};
    if (inflateInit2(&z, 15) != Z_OK)
        return true; // cannot check: trust the header
    char out[RecordReader::kHeaderBytes];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out);
    z.avail_out = sizeof out;
    int status = Z_OK;
    while (z.avail_out > 0 && status == Z_OK && z.avail_in > 0)
        status = inflate(&z, Z_NO_FLUSH);
    const bool whole = z.avail_out == 0;
    inflateEnd(&z);
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR)
        return false; // not a deflate stream: a damaged plain header
    return !whole || RecordReader::isValidHeader(out);
}

} // namespace

RecordCompression detectRecordCompression(std::string_view firstBytes)
{
    // Fewer bytes than a header cannot be told apart, and hold no whole record either way.
    if (firstBytes.size() < RecordReader::kHeaderBytes)
        return RecordCompression::Unknown;
    if (RecordReader::isValidHeader(firstBytes.data()))
        return RecordCompression::None;
    const auto b0 = static_cast<unsigned char>(firstBytes[0]);
    const auto b1 = static_cast<unsigned char>(firstBytes[1]);
    const auto b2 = static_cast<unsigned char>(firstBytes[2]);
    // RFC 1952: magic 1F 8B, then compression method 8 (deflate), the only one defined.
    if (b0 == 0x1F && b1 == 0x8B && b2 == 8)
        return RecordCompression::Gzip;
    // RFC 1950: deflate method, 32K window at most, header checksum divisible by 31.
    if ((b0 & 0x0F) == 8 && (b0 >> 4) <= 7 && (b0 * 256 + b1) % 31 == 0
        && inflatesToRecordHeader(firstBytes))
        return RecordCompression::Zlib;
    return RecordCompression::None; // a damaged plain file: the reader resyncs and reports it
}

} // namespace lantern::core
