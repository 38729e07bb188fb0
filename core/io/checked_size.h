#pragma once
// Sizes a file declares (tensor shapes, image and embedding dimensions) multiplied without
// wrapping around: a hostile file can declare [6, 3074457345618258603], whose product wraps to
// 2 in 64 bits. Every product of declared dimensions goes through these.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>

namespace lantern::core {

// a × b, or nullopt when it does not fit in 64 bits.
// (Plain comparisons, not GCC's __builtin_mul_overflow: MSVC has no such builtin, and
// compilers turn these into the same overflow check.)
constexpr std::optional<std::uint64_t> checkedProduct(std::uint64_t a, std::uint64_t b)
{
    if (a != 0 && b > UINT64_MAX / a)
        return std::nullopt;
    return a * b;
}

// a + b, or nullopt when it does not fit in 64 bits.
constexpr std::optional<std::uint64_t> checkedSum(std::uint64_t a, std::uint64_t b)
{
    if (b > UINT64_MAX - a)
        return std::nullopt;
    return a + b;
}

// How many elements a shape declares; nullopt for a negative dimension or a product that does
// not fit in 64 bits. A zero dimension makes it 0 wherever it stands.
constexpr std::optional<std::uint64_t> checkedElementCount(std::span<const std::int64_t> shape)
{
    if (std::any_of(shape.begin(), shape.end(), [](std::int64_t size) { return size < 0; }))
        return std::nullopt;
    if (std::find(shape.begin(), shape.end(), 0) != shape.end())
        return 0;
    std::uint64_t count = 1;
    for (const std::int64_t size : shape) {
        const auto product = checkedProduct(count, std::uint64_t(size));
        if (!product)
            return std::nullopt;
        count = *product;
    }
    return count;
}

} // namespace lantern::core
