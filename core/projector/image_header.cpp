#include "core/projector/image_header.h"

#include "core/io/file_access.h"

#include <string>

namespace lantern::core {

namespace {

std::uint32_t bigEndian(std::string_view bytes, std::size_t at, int width)
{
    std::uint32_t value = 0;
    for (int i = 0; i < width; ++i)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + std::size_t(i)]);
    return value;
}

std::uint32_t littleEndian(std::string_view bytes, std::size_t at, int width)
{
    std::uint32_t value = 0;
    for (int i = width - 1; i >= 0; --i)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + std::size_t(i)]);
    return value;
}

// Walks the JPEG's segments to the first start-of-frame, which holds the size.
void readJpegSize(std::string_view bytes, ImageHeader& header)
{
    std::size_t at = 2;
    while (at + 4 <= bytes.size()) {
        if (static_cast<unsigned char>(bytes[at]) != 0xFF)
            return; // not at a marker: damaged
        const auto marker = static_cast<unsigned char>(bytes[at + 1]);
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length
            at += 2;
            continue;
        }
        const std::uint32_t length = bigEndian(bytes, at + 2, 2);
        const bool startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4
            && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame) {
            if (length < 7 || at + 9 > bytes.size())
                return;
            header.height = bigEndian(bytes, at + 5, 2);
            header.width = bigEndian(bytes, at + 7, 2);
            return;
        }
        if (length < 2 || marker == 0xD9 || marker == 0xDA)
            return; // end of image, or the scan began without a frame header
        at += 2 + length;
    }
}

} // namespace

ImageHeader parseImageHeader(std::string_view bytes)
{
    ImageHeader header;
    if (bytes.starts_with("\x89PNG\r\n\x1a\n")) {
        header.format = ImageFormat::Png;
        if (bytes.size() >= 24 && bytes.substr(12, 4) == "IHDR") {
            header.width = bigEndian(bytes, 16, 4);
            header.height = bigEndian(bytes, 20, 4);
        }
    } else if (bytes.starts_with("\xFF\xD8\xFF")) {
        header.format = ImageFormat::Jpeg;
        readJpegSize(bytes, header);
    } else if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) {
        header.format = ImageFormat::Gif;
        if (bytes.size() >= 10) {
            header.width = littleEndian(bytes, 6, 2);
            header.height = littleEndian(bytes, 8, 2);
        }
    } else if (bytes.starts_with("BM")) {
        header.format = ImageFormat::Bmp;
        if (bytes.size() >= 26) {
            header.width = littleEndian(bytes, 18, 4);
            const auto height = static_cast<std::int32_t>(littleEndian(bytes, 22, 4));
            // Negative means stored top-down; the size is the same.
            header.height
                = height < 0 ? std::uint32_t(0) - std::uint32_t(height) : std::uint32_t(height);
        }
    } else if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") {
        header.format = ImageFormat::Webp;
    }
    return header;
}

ImageHeader readImageHeader(const std::filesystem::path& path)
{
    std::string ignored; // a file that cannot be read has no header: Unknown
    return parseImageHeader(readFileRange(path, 0, 256 * 1024, ignored).value_or(std::string()));
}

} // namespace lantern::core
