#pragma once
// How a text summary's string tensor is shown, as TensorBoard's text plugin shows it: a
// rank-0 tensor is one markdown paragraph; rank 1 is a table of one column (a row per
// element); rank 2 a table of its rows and columns; a higher rank shows only its first 2-D
// slice (index 0 along every leading dimension), with a warning. One string written for a
// whole shape (TensorFlow's broadcast of a single value) fills every cell, as TensorBoard shows it.

#include <cstddef>
#include <cstdint>
#include <span>

namespace lantern::core {

struct TextLayout {
    bool isTable = false;
    // A table's cell (r, c) is strings[cellIndex(r, c)].
    std::size_t rows = 0;
    std::size_t columns = 0;
    // Rank > 2: the table is the first 2-D slice of a tensor of this rank.
    std::size_t slicedRank = 0;
    // The one string repeats in every cell.
    bool repeatsOne = false;

    std::size_t cellIndex(std::size_t row, std::size_t column) const
    {
        return repeatsOne ? 0 : row * columns + column;
    }
    bool operator==(const TextLayout&) const = default;
};

// `stringCount` is how many strings the tensor holds. A shape that does not account for
// exactly that many (a malformed file) shows every string, one per row. A table never has more
// cells than strings, unless it repeats its one string (then rows and columns come from the
// shape and may be huge: a view shows what fits).
TextLayout textLayoutOf(std::span<const std::int64_t> shape, std::size_t stringCount);

} // namespace lantern::core
