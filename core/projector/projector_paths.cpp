#include "core/projector/projector_paths.h"

#include "core/io/file_access.h"
#include "core/io/path_text.h"

#include <algorithm>
#include <cstdlib>

namespace lantern::core {

namespace fs = std::filesystem;

namespace {

// `~` and `~/rest` are the home directory (TensorBoard expands them); nullopt without a HOME.
std::optional<fs::path> expandHome(const std::string& path)
{
    if (path != "~" && !path.starts_with("~/"))
        return pathFromText(path);
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0')
        return std::nullopt;
    return fs::path(home) / pathFromText(path.substr(path.size() > 1 ? 2 : 1));
}

} // namespace

ProjectorFileSearch findProjectorFile(
    const fs::path& configDirectory, const fs::path& logDirectory, std::string_view written)
{
    ProjectorFileSearch search;
    if (written.empty())
        return search;
    const auto consider = [&](fs::path candidate) {
        candidate = normalPath(candidate);
        if (search.found || candidate.empty()
            || std::find(search.tried.begin(), search.tried.end(), candidate) != search.tried.end())
            return;
        search.tried.push_back(candidate);
        if (isRegularFile(candidate))
            search.found = candidate;
    };

    std::string slashes(written);
    std::replace(slashes.begin(), slashes.end(), '\\', '/');
    // A name holding a real backslash is legal here, so the text as written comes first.
    std::vector<std::string> spellings {std::string(written)};
    if (slashes != written)
        spellings.push_back(slashes);
    // A Windows drive path ("E:/work/x.tsv") is absolute where it was written.
    const bool windowsAbsolute = slashes.size() > 2 && slashes[1] == ':' && slashes[2] == '/';
    for (const std::string& spelling : spellings) {
        const auto path = expandHome(spelling);
        if (!path)
            continue;
        if (path->is_absolute()) // on the machine the config is on
            consider(onMachineOf(configDirectory, *path));
        else if (!windowsAbsolute)
            consider(configDirectory / *path);
    }
    const fs::path normalised = pathFromText(slashes);
    if (!logDirectory.empty() && normalised.is_relative() && !windowsAbsolute
        && !slashes.starts_with("~"))
        consider(logDirectory / normalised);
    if (const fs::path name = normalised.filename(); !name.empty() && name != "." && name != "..")
        consider(configDirectory / name);
    return search;
}

std::string describeMissingFile(
    std::string_view field, std::string_view written, const ProjectorFileSearch& search)
{
    std::string text = std::string(field) + " \"" + std::string(written) + "\" names no file here";
    if (search.tried.empty())
        return text;
    text += "; tried: ";
    for (std::size_t i = 0; i < search.tried.size(); ++i)
        text += (i ? "; " : "") + pathText(search.tried[i]);
    return text;
}

} // namespace lantern::core
