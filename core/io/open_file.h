#pragma once
// Opening a file by its path on every system. On Windows the narrow fopen reads the name in the
// ANSI code page, which cannot spell every file name; the wide call takes the path as it is.

#include <cstdio>
#include <filesystem>

namespace lantern::core {

// std::fopen's modes ("rb", "wb", "ab"); null with errno set when the file cannot be opened.
std::FILE* openFile(const std::filesystem::path& path, const char* mode);

} // namespace lantern::core
