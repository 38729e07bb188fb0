#pragma once
// TensorBoard-style log directory specs: "PATH" or "NAME:PATH".

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct LogdirSpec {
    std::string name; // empty when the spec named no group
    std::filesystem::path path;
};

// "NAME:PATH" splits at the first colon unless what precedes it looks like part of a path
// (a Windows drive letter on Windows, a URL scheme such as gs://, or text with a slash).
LogdirSpec parseLogdirSpec(std::string_view spec);

// A comma-separated list, as `tensorboard --logdir_spec` takes.
std::vector<LogdirSpec> parseLogdirSpecList(std::string_view specs);

} // namespace lantern::core
