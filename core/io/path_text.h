#pragma once
// File paths as UTF-8 text and back. std::filesystem::path::string() is in the ANSI code page on
// Windows, which cannot spell every file name; these go through char8_t, so the text is UTF-8 on
// every system. Keep std::filesystem::path for opening files; use text for messages and names.

#include <filesystem>
#include <string>
#include <string_view>

namespace lantern::core {

// The path as written by the system (native separators), in UTF-8.
std::string pathText(const std::filesystem::path& path);

// The path with '/' between folders, in UTF-8.
std::string genericPathText(const std::filesystem::path& path);

// The path that UTF-8 text names (text from a user, a config file or the Qt side).
std::filesystem::path pathFromText(std::string_view utf8);

} // namespace lantern::core
