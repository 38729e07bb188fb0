#include "core/projector/embedding_tensor.h"

#include "core/io/checked_size.h"

#include <bit>
#include <charconv>
#include <cstring>

namespace lantern::core {

namespace {

EmbeddingTensor failure(std::string why)
{
    EmbeddingTensor tensor;
    tensor.error = std::move(why);
    return tensor;
}

// Parses one number, allowing the spaces Python's float() allows around it.
bool parseFloat(std::string_view cell, float& value)
{
    while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\r'))
        cell.remove_prefix(1);
    while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\r'))
        cell.remove_suffix(1);
    if (!cell.empty() && cell.front() == '+')
        cell.remove_prefix(1);
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    return !cell.empty() && error == std::errc() && end == cell.data() + cell.size();
}

EmbeddingTensor parseText(std::string_view text)
{
    EmbeddingTensor tensor;
    std::size_t start = 0;
    std::size_t lineNumber = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (line.empty() || line == "\r")
            continue;
        std::size_t columns = 0;
        std::size_t cellStart = 0;
        while (true) {
            const std::size_t tab = line.find('\t', cellStart);
            const std::string_view cell = line.substr(cellStart,
                tab == std::string_view::npos ? std::string_view::npos : tab - cellStart);
            float value = 0;
            if (!parseFloat(cell, value))
                return failure("line " + std::to_string(lineNumber) + ": \""
                    + std::string(cell.substr(0, 40)) + "\" is not a number");
            tensor.values.push_back(value);
            ++columns;
            if (tab == std::string_view::npos)
                break;
            cellStart = tab + 1;
        }
        if (tensor.rows > 0 && columns != tensor.columns)
            return failure("line " + std::to_string(lineNumber) + " has " + std::to_string(columns)
                + " values, the lines before it " + std::to_string(tensor.columns));
        tensor.columns = columns;
        ++tensor.rows;
    }
    if (tensor.rows == 0)
        return failure("the file holds no rows");
    return tensor;
}

EmbeddingTensor parseBinary(std::string_view bytes, std::span<const std::uint32_t> shape)
{
    if (shape.size() != 2)
        return failure("a binary tensor file needs a two-dimensional tensor_shape in the config");
    const std::int64_t dims[] = {shape[0], shape[1], std::int64_t(sizeof(float))};
    const auto needed = checkedElementCount(dims);
    if (!needed || *needed == 0 || *needed != bytes.size())
        return failure("the file holds " + std::to_string(bytes.size())
            + " bytes, but tensor_shape " + std::to_string(shape[0]) + " × "
            + std::to_string(shape[1]) + " needs "
            + (needed ? std::to_string(*needed) : std::string("more than 64 bits count")));
    const std::size_t count = *needed / sizeof(float);
    EmbeddingTensor tensor;
    tensor.rows = shape[0];
    tensor.columns = shape[1];
    tensor.values.resize(count);
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(tensor.values.data(), bytes.data(), bytes.size());
    } else {
        for (std::size_t i = 0; i < count; ++i) {
            std::uint32_t word = 0;
            for (int b = 3; b >= 0; --b)
                word = (word << 8) | static_cast<unsigned char>(bytes[i * 4 + std::size_t(b)]);
            tensor.values[i] = std::bit_cast<float>(word);
        }
    }
    return tensor;
}

} // namespace

bool isValidUtf8(std::string_view bytes)
{
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t code = 0;
        if ((lead & 0xE0) == 0xC0) {
            length = 2;
            code = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            code = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            code = lead & 0x07;
        } else {
            return false;
        }
        if (i + length > bytes.size())
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(bytes[i + k]);
            if ((next & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (next & 0x3F);
        }
        const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

EmbeddingTensor parseEmbeddingTensor(std::string_view bytes, std::span<const std::uint32_t> shape)
{
    return isValidUtf8(bytes) ? parseText(bytes) : parseBinary(bytes, shape);
}

} // namespace lantern::core
