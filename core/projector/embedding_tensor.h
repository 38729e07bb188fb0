#pragma once
// Reading an embedding tensor from the file a projector config's tensor_path names: rows of
// tab-separated numbers (what PyTorch and tensorboardX write), or, when the file is not UTF-8
// text, raw little-endian float32 values shaped by the config's tensor_shape.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct EmbeddingTensor {
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<float> values; // row-major, rows × columns
    std::string error; // why nothing was read, naming the line when it is the text's fault
};

// `shape` is the config's tensor_shape; only raw binary files need it. Text is parsed asking
// `cancelled` every few hundred lines: once it says yes, the error is "cancelled".
EmbeddingTensor parseEmbeddingTensor(std::string_view bytes, std::span<const std::uint32_t> shape,
    const std::function<bool()>& cancelled = {});

struct EmbeddingTensorShape {
    std::size_t rows = 0;
    std::size_t columns = 0;
    bool binary = false; // raw float32 rather than text
    std::string error; // as parseEmbeddingTensor would say it
};

// The shape parseEmbeddingTensor would find in the file at `path`, with the same checks (every
// cell a number, every row as long), read in 1 MiB pieces and keeping no values: what
// `lantern-cli inspect` needs without holding a large tensor.
EmbeddingTensorShape measureEmbeddingTensorFile(
    const std::filesystem::path& path, std::span<const std::uint32_t> shape);

// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool isValidUtf8(std::string_view bytes);

} // namespace lantern::core
