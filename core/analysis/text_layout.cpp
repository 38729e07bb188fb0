// Chooses paragraph or table for a text tensor from its shape.

#include "core/analysis/text_layout.h"

#include "core/io/checked_size.h"

namespace lantern::core {
namespace {

// True when the shape's dimensions multiply to exactly `count` (checked without overflow).
bool declaresExactly(std::span<const std::int64_t> shape, std::size_t count)
{
    return checkedElementCount(shape) == count;
}

} // namespace

TextLayout textLayoutOf(std::span<const std::int64_t> shape, std::size_t stringCount)
{
    const TextLayout column {true, stringCount, 1, 0};
    // No strings: an empty table, whatever the shape's other dimensions say ([0, 5, 7] has
    // no first slice; its 5 × 7 would be cells past the strings).
    if (stringCount == 0)
        return column;
    const bool repeatsOne
        = stringCount == 1 && !shape.empty() && checkedElementCount(shape).value_or(0) > 1;
    if (!declaresExactly(shape, stringCount) && !repeatsOne)
        return stringCount == 1 ? TextLayout {} : column;
    if (shape.empty())
        return {};
    const std::size_t rank = shape.size();
    if (rank == 1)
        return {true, std::size_t(shape[0]), 1, 0, repeatsOne};
    return {true, std::size_t(shape[rank - 2]), std::size_t(shape[rank - 1]), rank > 2 ? rank : 0,
        repeatsOne};
}

} // namespace lantern::core
