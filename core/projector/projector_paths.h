#pragma once
// Finding the files a projector config names (tensor, metadata, sprite, bookmarks) when the
// config was written elsewhere: on Windows (backslashes), on another machine (absolute paths
// that do not exist here), or before its folder was moved. Candidates, in order:
//   1. the path as written (`~` expanded; a relative one against the config's folder, as
//      TensorBoard does), with backslashes read as separators;
//   2. a relative path against the log directory the run belongs to;
//   3. the file name alone, beside the config.
// Only regular files count: a config naming a device, a FIFO or a folder finds nothing (it
// would hang or mean nothing).
//
// Unlike TensorBoard (since 2026) we do not refuse files outside the config's folder.
// TensorBoard is a web server: a path leaving the folder would let a remote browser read any
// file of the server's. Lantern reads, for the user at this desk, files that user can read
// anyway, and the recovery above must look outside that folder (the log directory, a config in
// the plugin's asset folder naming files beside the run). The dangers that remain for a local
// reader (hangs, huge reads) are met by the regular-file rule and the loaders' size caps.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct ProjectorFileSearch {
    std::optional<std::filesystem::path> found; // the first candidate that is a regular file
    std::vector<std::filesystem::path> tried; // every candidate looked at, in order
};

// `logDirectory` may be empty (then step 2 is skipped). An empty `written` finds nothing and
// tries nothing.
ProjectorFileSearch findProjectorFile(const std::filesystem::path& configDirectory,
    const std::filesystem::path& logDirectory, std::string_view written);

// "FIELD \"WRITTEN\" names no file here; tried: A; B; C" — for a problem message.
std::string describeMissingFile(
    std::string_view field, std::string_view written, const ProjectorFileSearch& search);

} // namespace lantern::core
