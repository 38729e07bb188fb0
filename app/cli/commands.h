#pragma once
// The verbs of lantern-cli; each takes the arguments after its name and returns an exit code.

#include <string>
#include <vector>

namespace lantern::cli {

int runInspect(const std::vector<std::string>& arguments);

} // namespace lantern::cli
