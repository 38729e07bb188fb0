#pragma once
// Strict JSON text (RFC 8259) for every export: strings always valid UTF-8, and no bare NaN or
// infinity, which JSON does not have.

#include "core/events/decoded_event.h"

#include <string>
#include <string_view>

namespace lantern::core {

// `text` as a JSON string literal, quotes included: valid UTF-8 (ill-formed bytes become
// U+FFFD), quotes, backslashes and control characters escaped.
std::string jsonString(std::string_view text);

// `value` as scalarValueText writes it, non-finite values as the strings "NaN", "Infinity" and
// "-Infinity" (what JavaScript prints).
std::string jsonNumber(double value, ScalarType type = ScalarType::Float64);

} // namespace lantern::core
