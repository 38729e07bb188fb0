#pragma once
// Apple's .icns and Windows' .ico containers around PNG images. Both formats accept PNG data
// as an entry (.icns since OS X 10.7, .ico since Windows Vista), so the pixels are encoded once.

#include <QByteArray>
#include <QList>

namespace lantern::packaging {

struct PngIcon {
    int size = 0; // pixels, square
    QByteArray png;
};

// An .icns file: "icns", the file length, then one (type, length, PNG) entry per image whose
// size has an .icns type (16, 32, 64, 128, 256, 512 and 1024 pixels); other sizes are left out.
QByteArray icnsFile(const QList<PngIcon>& icons);

// An .ico file: a directory of 16-byte entries (width, height, 32 bits per pixel, offset),
// then the PNG images. Sizes above 256 pixels cannot be described and are left out.
QByteArray icoFile(const QList<PngIcon>& icons);

} // namespace lantern::packaging
