#pragma once
// A scratch folder for targets that must put fuzzed bytes into files: one per fuzzing process
// (made on first use under the system's temp folder), its contents the target's to replace.
// It is removed at a normal exit; libFuzzer's timed runs end with _Exit and leave it behind
// (a few small files under /tmp/lantern_fuzz_*).

#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace lantern::fuzz {

inline const std::filesystem::path& scratchFolder()
{
    static const std::filesystem::path folder = [] {
        std::string pattern
            = (std::filesystem::temp_directory_path() / "lantern_fuzz_XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            std::abort();
        return std::filesystem::path(pattern);
    }();
    return folder;
}

// Removes everything in the scratch folder.
inline void emptyScratchFolder()
{
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(scratchFolder(), error))
        std::filesystem::remove_all(entry.path(), error);
}

} // namespace lantern::fuzz
