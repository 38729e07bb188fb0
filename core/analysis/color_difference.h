#pragma once
// How different two colours look: sRGB to CIELAB (D65) and the CIEDE2000 colour difference
// (Sharma, Wu and Dalal, "The CIEDE2000 colour-difference formula", 2005). About 1 is the
// smallest difference people notice side by side; run colours want ten times that.

#include <cstdint>

namespace lantern::core {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};

struct Lab {
    double l = 0, a = 0, b = 0;
};

Lab labOf(Rgb color);
double ciede2000(const Lab& first, const Lab& second);

} // namespace lantern::core
