#include "core/io/opened_logdirs.h"

#include "core/io/file_access.h"
#include "core/io/logdir_spec.h"
#include "core/io/path_text.h"
#include "core/io/run_discovery.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace lantern::core {
namespace {

// A local event file's path (not a folder's, nor a remote one's, which are opened as they are;
// another file is too, and refused as not a log directory).
bool isLocalEventFile(const std::filesystem::path& path)
{
    std::error_code error;
    return !isRemotePath(path) && isEventFileName(pathText(path.filename()))
        && std::filesystem::is_regular_file(path, error);
}

// The folder as one spelling of it, to tell whether two paths name the same folder.
std::filesystem::path folderIdentity(const std::filesystem::path& folder)
{
    std::error_code error;
    const std::filesystem::path identity = canonicalPath(std::filesystem::absolute(folder, error));
    return identity.has_filename() ? identity : identity.parent_path(); // no trailing slash
}

} // namespace

std::string namedFolderSpec(const std::filesystem::path& folder)
{
    const std::string name = pathText(folder.filename());
    if (name.empty() || name.find(':') != std::string::npos)
        return pathText(folder);
    return name + ":" + pathText(folder);
}

std::vector<std::string> openedLogdirSpecs(const std::vector<std::string>& arguments)
{
    std::vector<std::filesystem::path> logdirs; // the folders opened as logdirs
    for (const std::string& argument : arguments)
        if (!isLocalEventFile(pathFromText(argument)))
            logdirs.push_back(folderIdentity(parseLogdirSpec(argument).path));
    std::vector<std::string> specs;
    for (const std::string& argument : arguments) {
        std::string spec = argument;
        if (const std::filesystem::path path = pathFromText(argument); isLocalEventFile(path)) {
            const std::filesystem::path folder = folderIdentity(path.parent_path());
            if (std::find(logdirs.begin(), logdirs.end(), folder) != logdirs.end())
                continue;
            std::error_code error;
            spec = namedFolderSpec(
                std::filesystem::absolute(path, error).lexically_normal().parent_path());
        }
        if (std::find(specs.begin(), specs.end(), spec) == specs.end())
            specs.push_back(std::move(spec));
    }
    return specs;
}

} // namespace lantern::core
