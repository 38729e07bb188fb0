// TensorProto decoding. Writers put values either in the typed repeated fields or as raw
// little-endian bytes in tensor_content; a scalar may also be one value "broadcast" to a shape.

#include "core/events/tensor_values.h"

#include "core/io/checked_size.h"
#include "core/io/little_endian.h"

#include "tensor.pb.h"

#include <bit>
#include <cstring>

namespace lantern::core {
namespace {

std::size_t elementBytes(pb::DataType dtype)
{
    switch (dtype) {
    case pb::DT_FLOAT:
    case pb::DT_INT32:
    case pb::DT_UINT32:
    case pb::DT_QINT32:
        return 4;
    case pb::DT_DOUBLE:
    case pb::DT_INT64:
    case pb::DT_UINT64:
        return 8;
    case pb::DT_HALF:
    case pb::DT_BFLOAT16:
    case pb::DT_INT16:
    case pb::DT_UINT16:
    case pb::DT_QINT16:
    case pb::DT_QUINT16:
        return 2;
    case pb::DT_INT8:
    case pb::DT_UINT8:
    case pb::DT_BOOL:
    case pb::DT_QINT8:
    case pb::DT_QUINT8:
        return 1;
    default:
        return 0;
    }
}

double decodeRawElement(pb::DataType dtype, const char* p)
{
    switch (dtype) {
    case pb::DT_FLOAT:
        return std::bit_cast<float>(loadLittleEndian32(p));
    case pb::DT_DOUBLE:
        return std::bit_cast<double>(loadLittleEndian64(p));
    case pb::DT_INT32:
    case pb::DT_QINT32:
        return static_cast<std::int32_t>(loadLittleEndian32(p));
    case pb::DT_UINT32:
        return loadLittleEndian32(p);
    case pb::DT_INT64:
        return static_cast<double>(static_cast<std::int64_t>(loadLittleEndian64(p)));
    case pb::DT_UINT64:
        return static_cast<double>(loadLittleEndian64(p));
    case pb::DT_HALF:
        return halfToFloat(static_cast<std::uint16_t>(loadLittleEndian32(p) & 0xFFFFu));
    case pb::DT_BFLOAT16:
        return bfloat16ToFloat(static_cast<std::uint16_t>(loadLittleEndian32(p) & 0xFFFFu));
    case pb::DT_INT16:
    case pb::DT_QINT16: {
        const auto lo = static_cast<unsigned char>(p[0]), hi = static_cast<unsigned char>(p[1]);
        return static_cast<std::int16_t>(lo | hi << 8);
    }
    case pb::DT_UINT16:
    case pb::DT_QUINT16: {
        const auto lo = static_cast<unsigned char>(p[0]), hi = static_cast<unsigned char>(p[1]);
        return lo | hi << 8;
    }
    case pb::DT_INT8:
    case pb::DT_QINT8:
        return static_cast<signed char>(p[0]);
    case pb::DT_UINT8:
    case pb::DT_QUINT8:
        return static_cast<unsigned char>(p[0]);
    case pb::DT_BOOL:
        return p[0] != 0 ? 1.0 : 0.0;
    default:
        return 0.0;
    }
}

template <typename Field> void appendAll(std::vector<double>& out, const Field& field)
{
    for (const auto& value : field)
        out.push_back(static_cast<double>(value));
}

} // namespace

float halfToFloat(std::uint16_t half)
{
    const std::uint32_t sign = std::uint32_t(half & 0x8000u) << 16;
    const std::uint32_t exponent = (half >> 10) & 0x1Fu;
    const std::uint32_t mantissa = half & 0x3FFu;
    if (exponent == 0) {
        // Zero or subnormal: mantissa * 2^-24, exact in float.
        const float magnitude = static_cast<float>(mantissa) * (1.0f / 16777216.0f);
        return sign ? -magnitude : magnitude;
    }
    if (exponent == 31)
        return std::bit_cast<float>(sign | 0x7F800000u | (mantissa << 13));
    return std::bit_cast<float>(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

float bfloat16ToFloat(std::uint16_t bits)
{
    return std::bit_cast<float>(std::uint32_t(bits) << 16);
}

std::vector<std::int64_t> tensorShape(const pb::TensorProto& tensor)
{
    std::vector<std::int64_t> shape;
    for (const auto& dim : tensor.tensor_shape().dim())
        shape.push_back(dim.size());
    return shape;
}

std::optional<std::uint64_t> tensorElementCount(const pb::TensorProto& tensor)
{
    if (tensor.tensor_shape().unknown_rank())
        return std::nullopt;
    return checkedElementCount(tensorShape(tensor));
}

std::string shapeText(std::span<const std::int64_t> shape)
{
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

std::string tensorShapeError(const pb::TensorProto& tensor, std::size_t held)
{
    if (tensor.tensor_shape().unknown_rank())
        return "its shape has an unknown rank";
    const std::string shape = "its shape " + shapeText(tensorShape(tensor));
    const auto count = tensorElementCount(tensor);
    if (!count)
        return shape + " declares a negative or overflowing number of elements";
    if (!tensor.tensor_content().empty()) {
        const auto bytes = checkedProduct(*count, elementBytes(tensor.dtype()));
        if (!bytes || *bytes != tensor.tensor_content().size())
            return shape + " declares " + std::to_string(*count) + " element(s) but it holds "
                + std::to_string(tensor.tensor_content().size()) + " bytes of "
                + pb::DataType_Name(tensor.dtype());
        return {};
    }
    if (held > *count)
        return shape + " declares " + std::to_string(*count) + " element(s) but it holds "
            + std::to_string(held);
    return {};
}

std::vector<double> tensorNumbers(const pb::TensorProto& tensor)
{
    std::vector<double> out;
    const pb::DataType dtype = tensor.dtype();
    if (!tensor.tensor_content().empty()) {
        const std::size_t width = elementBytes(dtype);
        if (width == 0)
            return out;
        const std::string& raw = tensor.tensor_content();
        out.reserve(raw.size() / width);
        for (std::size_t at = 0; at + width <= raw.size(); at += width) {
            char element[8] = {};
            std::memcpy(element, raw.data() + at, width);
            out.push_back(decodeRawElement(dtype, element));
        }
        return out;
    }
    switch (dtype) {
    case pb::DT_FLOAT:
        appendAll(out, tensor.float_val());
        break;
    case pb::DT_DOUBLE:
        appendAll(out, tensor.double_val());
        break;
    case pb::DT_INT64:
        appendAll(out, tensor.int64_val());
        break;
    case pb::DT_UINT32:
        appendAll(out, tensor.uint32_val());
        break;
    case pb::DT_UINT64:
        appendAll(out, tensor.uint64_val());
        break;
    case pb::DT_BOOL:
        appendAll(out, tensor.bool_val());
        break;
    case pb::DT_HALF:
        for (const int bits : tensor.half_val())
            out.push_back(halfToFloat(static_cast<std::uint16_t>(bits)));
        break;
    case pb::DT_BFLOAT16:
        for (const int bits : tensor.half_val())
            out.push_back(bfloat16ToFloat(static_cast<std::uint16_t>(bits)));
        break;
    case pb::DT_INT32:
    case pb::DT_INT16:
    case pb::DT_INT8:
    case pb::DT_UINT8:
    case pb::DT_UINT16:
    case pb::DT_QINT8:
    case pb::DT_QUINT8:
    case pb::DT_QINT16:
    case pb::DT_QUINT16:
    case pb::DT_QINT32:
        appendAll(out, tensor.int_val());
        break;
    default:
        break;
    }
    return out;
}

std::optional<double> tensorScalar(const pb::TensorProto& tensor)
{
    if (tensorElementCount(tensor) != 1u)
        return std::nullopt;
    const std::vector<double> numbers = tensorNumbers(tensor);
    if (numbers.size() != 1)
        return std::nullopt;
    return numbers.front();
}

std::vector<std::string> tensorStrings(const pb::TensorProto& tensor)
{
    if (tensor.dtype() != pb::DT_STRING)
        return {};
    return {tensor.string_val().begin(), tensor.string_val().end()};
}

} // namespace lantern::core
