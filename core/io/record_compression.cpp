#include "core/io/record_compression.h"

#include "core/io/record_reader.h"

namespace lantern::core {

RecordCompression detectRecordCompression(std::string_view firstBytes)
{
    // Fewer bytes than a header cannot be told apart, and hold no whole record either way.
    if (firstBytes.size() < RecordReader::kHeaderBytes)
        return RecordCompression::Unknown;
    if (RecordReader::isValidHeader(firstBytes.data()))
        return RecordCompression::None;
    const auto b0 = static_cast<unsigned char>(firstBytes[0]);
    const auto b1 = static_cast<unsigned char>(firstBytes[1]);
    if (b0 == 0x1F && b1 == 0x8B)
        return RecordCompression::Gzip;
    // RFC 1950: deflate method, 32K window at most, header checksum divisible by 31.
    if ((b0 & 0x0F) == 8 && (b0 >> 4) <= 7 && (b0 * 256 + b1) % 31 == 0)
        return RecordCompression::Zlib;
    return RecordCompression::None; // a damaged plain file: the reader resyncs and reports it
}

} // namespace lantern::core
