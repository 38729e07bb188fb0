#pragma once
// Reads the numbers or strings out of a TensorProto, whichever field and dtype the writer used.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lantern::pb {
class TensorProto;
}

namespace lantern::core {

// Number of elements the shape claims, or nullopt for an unknown rank or a negative dimension.
std::optional<std::uint64_t> tensorElementCount(const pb::TensorProto& tensor);
std::vector<std::int64_t> tensorShape(const pb::TensorProto& tensor);

// Every element of a numeric tensor (float, double, half, bfloat16, signed and unsigned
// integers, bool) as a double; empty for strings and unsupported dtypes.
std::vector<double> tensorNumbers(const pb::TensorProto& tensor);

// The single value of a numeric tensor holding exactly one element.
std::optional<double> tensorScalar(const pb::TensorProto& tensor);

// The elements of a string tensor, in row-major order.
std::vector<std::string> tensorStrings(const pb::TensorProto& tensor);

float halfToFloat(std::uint16_t half);
float bfloat16ToFloat(std::uint16_t bits);

} // namespace lantern::core
