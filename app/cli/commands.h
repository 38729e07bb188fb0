#pragma once
// The verbs of lantern-cli; each takes the arguments after its name and returns an exit code.

#include "core/events/decoded_event.h"

#include <string>
#include <string_view>
#include <vector>

namespace lantern::cli {

int runInspect(const std::vector<std::string>& arguments);
int runExport(const std::vector<std::string>& arguments);
int runGen(const std::vector<std::string>& arguments);
int runBench(const std::vector<std::string>& arguments);

// Text shared by the verbs (defined in export_command.cpp).

// `text` as a JSON string literal, quotes included.
std::string jsonString(std::string_view text);
// The shortest text that reads back as exactly `value`: as a float for Float32 series, as a
// double otherwise. Non-finite values come out as "nan", "inf" and "-inf".
std::string formatValue(double value, core::ScalarType type = core::ScalarType::Float64);

} // namespace lantern::cli
