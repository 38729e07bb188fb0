#pragma once
// How the Images tab shows its images: at their actual size or fitted to the card, and the
// brightness and contrast applied when drawing, as CSS filters define them (the stored image
// is never changed).

#include <QImage>

namespace lantern::ui {

struct ImageDisplayOptions {
    bool actualSize = false;
    double brightness = 1.0; // multiplies each colour channel
    double contrast = 1.0; // scales each channel's distance from mid-grey
    int cardWidth = 360;
    bool operator==(const ImageDisplayOptions&) const = default;
};

// `image` with brightness, then contrast, applied to its colour channels, clamped to [0, 255];
// alpha is kept. The image itself when both are 1.
QImage adjustImage(const QImage& image, double brightness, double contrast);

} // namespace lantern::ui
