#include "ui/dashboards/images/image_adjustment.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lantern::ui {

QImage adjustImage(const QImage& image, double brightness, double contrast)
{
    if ((brightness == 1.0 && contrast == 1.0) || image.isNull())
        return image;
    // One table for the 256 levels: brightness v·b, then contrast (v − ½)·c + ½.
    std::array<uchar, 256> level {};
    for (int v = 0; v < 256; ++v) {
        const double bright = v / 255.0 * brightness;
        const double contrasted = (bright - 0.5) * contrast + 0.5;
        level[std::size_t(v)] = uchar(std::lround(std::clamp(contrasted, 0.0, 1.0) * 255));
    }
    const bool alpha = image.hasAlphaChannel();
    QImage adjusted = image.convertToFormat(alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    for (int y = 0; y < adjusted.height(); ++y) {
        auto* row = reinterpret_cast<QRgb*>(adjusted.scanLine(y));
        for (int x = 0; x < adjusted.width(); ++x) {
            const QRgb pixel = row[x];
            row[x] = qRgba(level[std::size_t(qRed(pixel))], level[std::size_t(qGreen(pixel))],
                level[std::size_t(qBlue(pixel))], qAlpha(pixel));
        }
    }
    return adjusted;
}

} // namespace lantern::ui
