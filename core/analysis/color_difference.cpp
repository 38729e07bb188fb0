#include "core/analysis/color_difference.h"

#include <cmath>
#include <numbers>

namespace lantern::core {
namespace {

double linear(std::uint8_t channel)
{
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// CIELAB's cube root, with its linear part near black.
double labF(double t)
{
    constexpr double epsilon = 216.0 / 24389.0, kappa = 24389.0 / 27.0;
    return t > epsilon ? std::cbrt(t) : (kappa * t + 16) / 116;
}

double radians(double degrees)
{
    return degrees * std::numbers::pi / 180;
}

double degrees(double radians)
{
    return radians * 180 / std::numbers::pi;
}

// Hue angle in degrees, [0, 360); 0 for a grey.
double hueAngle(double b, double aPrime)
{
    if (b == 0 && aPrime == 0)
        return 0;
    const double h = degrees(std::atan2(b, aPrime));
    return h < 0 ? h + 360 : h;
}

} // namespace

Lab labOf(Rgb color)
{
    const double r = linear(color.r), g = linear(color.g), b = linear(color.b);
    // sRGB to XYZ, then relative to the D65 white point.
    const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    const double fx = labF(x), fy = labF(y), fz = labF(z);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double ciede2000(const Lab& first, const Lab& second)
{
    const double c1 = std::hypot(first.a, first.b), c2 = std::hypot(second.a, second.b);
    const double cMean7 = std::pow((c1 + c2) / 2, 7);
    constexpr double k25Pow7 = 6103515625.0; // 25^7
    // Stretches a* of low-chroma colours, where CIELAB's hue spacing is too tight.
    const double g = 0.5 * (1 - std::sqrt(cMean7 / (cMean7 + k25Pow7)));
    const double a1 = (1 + g) * first.a, a2 = (1 + g) * second.a;
    const double c1p = std::hypot(a1, first.b), c2p = std::hypot(a2, second.b);
    const double h1 = hueAngle(first.b, a1), h2 = hueAngle(second.b, a2);

    const double deltaL = second.l - first.l;
    const double deltaC = c2p - c1p;
    const bool grey = c1p * c2p == 0;
    double deltaH = grey ? 0 : h2 - h1;
    if (deltaH > 180)
        deltaH -= 360;
    else if (deltaH < -180)
        deltaH += 360;
    const double deltaBigH = 2 * std::sqrt(c1p * c2p) * std::sin(radians(deltaH / 2));

    const double lMean = (first.l + second.l) / 2;
    const double cpMean = (c1p + c2p) / 2;
    double hMean = h1 + h2;
    if (!grey)
        hMean = std::abs(h1 - h2) <= 180 ? hMean / 2
            : hMean < 360                ? (hMean + 360) / 2
                                         : (hMean - 360) / 2;
    const double t = 1 - 0.17 * std::cos(radians(hMean - 30)) + 0.24 * std::cos(radians(2 * hMean))
        + 0.32 * std::cos(radians(3 * hMean + 6)) - 0.20 * std::cos(radians(4 * hMean - 63));
    const double deltaTheta = 30 * std::exp(-std::pow((hMean - 275) / 25, 2));
    const double cpMean7 = std::pow(cpMean, 7);
    const double rc = 2 * std::sqrt(cpMean7 / (cpMean7 + k25Pow7));
    const double lOffset = (lMean - 50) * (lMean - 50);
    const double sl = 1 + 0.015 * lOffset / std::sqrt(20 + lOffset);
    const double sc = 1 + 0.045 * cpMean;
    const double sh = 1 + 0.015 * cpMean * t;
    // The blue region's hue and chroma differences interact (the rotation term).
    const double rt = -std::sin(radians(2 * deltaTheta)) * rc;
    const double l = deltaL / sl, c = deltaC / sc, h = deltaBigH / sh;
    return std::sqrt(l * l + c * c + h * h + rt * c * h);
}

} // namespace lantern::core
