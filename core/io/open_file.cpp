#include "core/io/open_file.h"

#include <string>

namespace lantern::core {

std::FILE* openFile(const std::filesystem::path& path, const char* mode)
{
#if defined(_WIN32)
    const std::string narrowMode(mode);
    const std::wstring wideMode(narrowMode.begin(), narrowMode.end()); // modes are ASCII
    return _wfopen(path.c_str(), wideMode.c_str());
#else
    return std::fopen(path.c_str(), mode);
#endif
}

} // namespace lantern::core
