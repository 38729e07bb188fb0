#include "core/io/logdir_spec.h"

#include "core/io/path_text.h"

namespace lantern::core {

LogdirSpec parseLogdirSpec(std::string_view spec)
{
    const std::size_t colon = spec.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return {{}, pathFromText(spec)};
    const std::string_view name = spec.substr(0, colon);
    const std::string_view rest = spec.substr(colon + 1);
#if defined(_WIN32)
    const bool isDriveLetter = name.size() == 1; // C:\logs is a path on Windows only
#else
    const bool isDriveLetter = false;
#endif
    const bool isUrl = rest.starts_with("//");
    const bool nameHasSlash = name.find_first_of("/\\") != std::string_view::npos;
    if (isDriveLetter || isUrl || nameHasSlash || rest.empty())
        return {{}, pathFromText(spec)};
    return {std::string(name), pathFromText(rest)};
}

std::vector<LogdirSpec> parseLogdirSpecList(std::string_view specs)
{
    std::vector<LogdirSpec> result;
    while (!specs.empty()) {
        const std::size_t comma = specs.find(',');
        const std::string_view one = specs.substr(0, comma);
        if (!one.empty())
            result.push_back(parseLogdirSpec(one));
        if (comma == std::string_view::npos)
            break;
        specs.remove_prefix(comma + 1);
    }
    return result;
}

} // namespace lantern::core
