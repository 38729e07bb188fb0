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
    if (!declaresExactly(shape, stringCount))
        return stringCount == 1 ? TextLayout {} : column;
    if (shape.empty())
        return {};
    if (shape.size() == 1)
        return column;
    const std::size_t rank = shape.size();
    return {true, std::size_t(shape[rank - 2]), std::size_t(shape[rank - 1]), rank > 2 ? rank : 0};
}

} // namespace lantern::core
