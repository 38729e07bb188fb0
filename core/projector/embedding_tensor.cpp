#include "core/projector/embedding_tensor.h"

#include "core/io/cancellation_poll.h"
#include "core/io/checked_size.h"
#include "core/io/file_access.h"

#include <bit>
#include <charconv>
#include <cstring>

namespace lantern::core {

namespace {

constexpr const char* kBinaryNeedsShape
    = "a binary tensor file needs a two-dimensional tensor_shape in the config";
constexpr std::size_t kLinesBetweenPolls = 256;

EmbeddingTensor tensorFailure(std::string why)
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

// A text tensor one line at a time, so that a file can be parsed whole or measured in pieces.
class TextRows {
public:
    // Takes the next line (without its '\n'); false, with error set, when it is not a row of
    // numbers as long as the rows before it. Values are appended to `values` when given.
    bool add(std::string_view line, std::vector<float>* values)
    {
        ++m_lineNumber;
        if (line.empty() || line == "\r")
            return true;
        std::size_t cells = 0;
        std::size_t cellStart = 0;
        while (true) {
            const std::size_t tab = line.find('\t', cellStart);
            const std::string_view cell = line.substr(cellStart,
                tab == std::string_view::npos ? std::string_view::npos : tab - cellStart);
            float value = 0;
            if (!parseFloat(cell, value)) {
                error = "line " + std::to_string(m_lineNumber) + ": \""
                    + std::string(cell.substr(0, 40)) + "\" is not a number";
                return false;
            }
            if (values != nullptr)
                values->push_back(value);
            ++cells;
            if (tab == std::string_view::npos)
                break;
            cellStart = tab + 1;
        }
        if (rows > 0 && cells != columns) {
            error = "line " + std::to_string(m_lineNumber) + " has " + std::to_string(cells)
                + " values, the lines before it " + std::to_string(columns);
            return false;
        }
        columns = cells;
        ++rows;
        return true;
    }

    // False, with error set, when no row was read.
    bool finish()
    {
        if (rows == 0 && error.empty())
            error = "the file holds no rows";
        return rows > 0;
    }

    std::size_t rows = 0;
    std::size_t columns = 0;
    std::string error;

private:
    std::size_t m_lineNumber = 0;
};

EmbeddingTensor parseText(std::string_view text, const std::function<bool()>& cancelled)
{
    EmbeddingTensor tensor;
    TextRows rows;
    CancellationPoll poll(cancelled, kLinesBetweenPolls);
    std::size_t start = 0;
    while (start < text.size()) {
        if (poll.step())
            return tensorFailure("cancelled");
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (!rows.add(text.substr(start, end - start), &tensor.values))
            return tensorFailure(rows.error);
        start = end + 1;
    }
    if (!rows.finish())
        return tensorFailure(rows.error);
    tensor.rows = rows.rows;
    tensor.columns = rows.columns;
    return tensor;
}

EmbeddingTensor parseBinary(std::string_view bytes, std::span<const std::uint32_t> shape)
{
    if (shape.size() != 2)
        return tensorFailure(kBinaryNeedsShape);
    const std::int64_t dims[] = {shape[0], shape[1], std::int64_t(sizeof(float))};
    const auto needed = checkedElementCount(dims);
    if (!needed || *needed == 0 || *needed != bytes.size())
        return tensorFailure("the file holds " + std::to_string(bytes.size())
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

EmbeddingTensor parseEmbeddingTensor(std::string_view bytes, std::span<const std::uint32_t> shape,
    const std::function<bool()>& cancelled)
{
    return isValidUtf8(bytes) ? parseText(bytes, cancelled) : parseBinary(bytes, shape);
}

EmbeddingTensorShape measureEmbeddingTensorFile(
    const std::filesystem::path& path, std::span<const std::uint32_t> shape)
{
    EmbeddingTensorShape measured;
    const FileStatus status = fileStatus(path);
    const std::uintmax_t size = status.size;
    const std::unique_ptr<ByteSource> file
        = status.error.empty() ? openByteSource(path, 0) : nullptr;
    if (!file || !file->error().empty()) {
        measured.error = "cannot be read: " + (file ? file->error() : status.error);
        return measured;
    }
    // A line holds no '\n', and no UTF-8 sequence holds one either: the file is UTF-8 text
    // exactly when each of its lines is, so it can be judged a line at a time.
    constexpr std::size_t kChunk = std::size_t(1) << 20;
    constexpr std::size_t kMaxLine = std::size_t(64) << 20;
    TextRows rows;
    std::string pending;
    std::string chunk(kChunk, '\0');
    bool text = true;
    const auto takeLine = [&](std::string_view line) {
        if (!isValidUtf8(line)) {
            text = false;
            return false;
        }
        return rows.add(line, nullptr);
    };
    for (bool more = true; more && text && rows.error.empty();) {
        const std::string_view got(chunk.data(), readUpTo(*file, chunk.data(), chunk.size()));
        more = got.size() == chunk.size() && file->error().empty();
        std::size_t start = 0;
        for (std::size_t end; (end = got.find('\n', start)) != std::string_view::npos;
             start = end + 1) {
            const std::string_view piece = got.substr(start, end - start);
            bool ok;
            if (pending.empty()) {
                ok = takeLine(piece);
            } else {
                pending += piece;
                ok = takeLine(pending);
                pending.clear();
            }
            if (!ok)
                break;
        }
        if (!text || !rows.error.empty())
            break;
        pending += got.substr(start);
        if (pending.size() > kMaxLine) {
            measured.error = "a line longer than 64 MiB: not an embedding tensor";
            return measured;
        }
    }
    if (text && rows.error.empty() && !pending.empty())
        takeLine(pending);
    if (!text) {
        // Raw float32: the config's shape must account for every byte.
        if (shape.size() != 2)
            measured.error = kBinaryNeedsShape;
        else if (std::uint64_t(shape[0]) * shape[1] * sizeof(float) != size || size == 0)
            measured.error = "the file holds " + std::to_string(size) + " bytes, but tensor_shape "
                + std::to_string(shape[0]) + " × " + std::to_string(shape[1]) + " needs "
                + std::to_string(std::uint64_t(shape[0]) * shape[1] * sizeof(float));
        else {
            measured.rows = shape[0];
            measured.columns = shape[1];
            measured.binary = true;
        }
        return measured;
    }
    if (!rows.error.empty() || !rows.finish()) {
        measured.error = rows.error;
        return measured;
    }
    measured.rows = rows.rows;
    measured.columns = rows.columns;
    return measured;
}

} // namespace lantern::core
