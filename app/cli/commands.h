#pragma once
// The verbs of lantern-cli; each takes the arguments after its name and returns an exit code.

#include "core/events/decoded_event.h"
#include "core/export/json_text.h"
#include "core/export/scalar_export.h"
#include "core/io/logdir_spec.h"

#include <string>
#include <string_view>
#include <vector>

namespace lantern::cli {

int runInspect(const std::vector<std::string>& arguments);
int runExport(const std::vector<std::string>& arguments);
int runGen(const std::vector<std::string>& arguments);
int runBench(const std::vector<std::string>& arguments);
int runProject(const std::vector<std::string>& arguments);

// Text shared by the verbs (core/export).
using core::jsonString;
inline std::string formatValue(double value, core::ScalarType type = core::ScalarType::Float64)
{
    return core::scalarValueText(value, type);
}

// False, after saying why on stderr, when a log directory does not exist or cannot be listed
// (defined in export_command.cpp).
bool logdirsReadable(const std::vector<core::LogdirSpec>& specs, std::string_view verb);

} // namespace lantern::cli
