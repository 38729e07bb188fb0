// Chooses paragraph or table for a text tensor from its shape.

#include "core/analysis/text_layout.h"

#include <algorithm>

namespace lantern::core {
namespace {

// True when the shape's dimensions multiply to exactly `count` (checked without overflow).
bool declaresExactly(std::span<const std::int64_t> shape, std::size_t count)
{
    if (std::any_of(shape.begin(), shape.end(), [](std::int64_t size) { return size < 0; }))
        return false;
    if (std::find(shape.begin(), shape.end(), 0) != shape.end())
        return count == 0;
    std::size_t elements = 1;
    for (const std::int64_t size : shape) {
        if (elements > count / std::size_t(size))
            return false; // the product already exceeds count
        elements *= std::size_t(size);
    }
    return elements == count;
}

} // namespace

TextLayout textLayoutOf(std::span<const std::int64_t> shape, std::size_t stringCount)
{
    const TextLayout column {true, stringCount, 1, 0};
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
