// Conversions between std::filesystem::path and UTF-8 std::string through std::u8string.

#include "core/io/path_text.h"

namespace lantern::core {
namespace {

std::string bytesOf(const std::u8string& text)
{
    return std::string(text.begin(), text.end());
}

} // namespace

std::string pathText(const std::filesystem::path& path)
{
    return bytesOf(path.u8string());
}

std::string genericPathText(const std::filesystem::path& path)
{
    return bytesOf(path.generic_u8string());
}

std::filesystem::path pathFromText(std::string_view utf8)
{
    return std::filesystem::path(std::u8string(utf8.begin(), utf8.end()));
}

} // namespace lantern::core
