#pragma once
// Reads the numbers or strings out of a TensorProto, whichever field and dtype the writer used.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace lantern::pb {
class TensorProto;
}

namespace lantern::core {

// Number of elements the shape claims, or nullopt for an unknown rank, a negative dimension or
// a product past 64 bits.
std::optional<std::uint64_t> tensorElementCount(const pb::TensorProto& tensor);
std::vector<std::int64_t> tensorShape(const pb::TensorProto& tensor);

// The elements of a numeric tensor (float, double, half, bfloat16, signed and unsigned
// integers, bool) as doubles, as many as the file holds; empty for strings and unsupported
// dtypes. Fewer than the shape declares is TensorFlow's broadcast ("splat") encoding: the
// missing elements repeat the last value (broadcastElement), and are never materialised here,
// so memory follows the file, not the declared shape.
std::vector<double> tensorNumbers(const pb::TensorProto& tensor);

// Element `index` of a tensor whose file holds `held`: past the end the last value repeats,
// and a tensor holding nothing is all zeros.
inline double broadcastElement(std::span<const double> held, std::uint64_t index)
{
    if (held.empty())
        return 0.0;
    return index < held.size() ? held[std::size_t(index)] : held.back();
}

// Empty when `held` values (numbers or strings) fit the tensor's shape, else why not: the shape
// must declare a countable number of elements, tensor_content must hold exactly that many, and
// typed fields at most that many (fewer is the broadcast encoding).
std::string tensorShapeError(const pb::TensorProto& tensor, std::size_t held);
// "[6, 3]"
std::string shapeText(std::span<const std::int64_t> shape);

// The single value of a numeric tensor whose shape declares exactly one element.
std::optional<double> tensorScalar(const pb::TensorProto& tensor);

// The elements of a string tensor, in row-major order.
std::vector<std::string> tensorStrings(const pb::TensorProto& tensor);

float halfToFloat(std::uint16_t half);
float bfloat16ToFloat(std::uint16_t bits);

} // namespace lantern::core
