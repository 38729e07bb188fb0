#include "icon_containers.h"

#include <QtEndian>

namespace lantern::packaging {
namespace {

// The .icns type of a PNG of each size. Several types share a size (the 2x variants of the
// smaller icons); one per size is enough for the Finder to choose from.
struct IcnsType {
    int size;
    const char* type;
};
constexpr IcnsType kIcnsTypes[] = {{16, "icp4"}, {32, "icp5"}, {64, "icp6"}, {128, "ic07"},
    {256, "ic08"}, {512, "ic09"}, {1024, "ic10"}};

const char* icnsType(int size)
{
    for (const IcnsType& entry : kIcnsTypes)
        if (entry.size == size)
            return entry.type;
    return nullptr;
}

void appendBigEndian32(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void appendLittleEndian16(QByteArray& out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLittleEndian32(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

} // namespace

QByteArray icnsFile(const QList<PngIcon>& icons)
{
    QByteArray entries;
    for (const PngIcon& icon : icons) {
        const char* type = icnsType(icon.size);
        if (!type)
            continue;
        entries.append(type, 4);
        appendBigEndian32(entries, quint32(8 + icon.png.size())); // the length counts its header
        entries.append(icon.png);
    }
    QByteArray file("icns");
    appendBigEndian32(file, quint32(8 + entries.size()));
    return file + entries;
}

QByteArray icoFile(const QList<PngIcon>& icons)
{
    QList<PngIcon> kept;
    for (const PngIcon& icon : icons)
        if (icon.size >= 1 && icon.size <= 256)
            kept.append(icon);
    constexpr int kHeaderBytes = 6;
    constexpr int kEntryBytes = 16;
    QByteArray file;
    appendLittleEndian16(file, 0); // reserved
    appendLittleEndian16(file, 1); // 1: icon (2 would be a cursor)
    appendLittleEndian16(file, quint16(kept.size()));
    quint32 offset = quint32(kHeaderBytes + kEntryBytes * kept.size());
    for (const PngIcon& icon : kept) {
        const char side = char(icon.size == 256 ? 0 : icon.size); // 0 stands for 256
        file.append(side).append(side);
        file.append(char(0)).append(char(0)); // no palette, reserved
        appendLittleEndian16(file, 1); // colour planes
        appendLittleEndian16(file, 32); // bits per pixel
        appendLittleEndian32(file, quint32(icon.png.size()));
        appendLittleEndian32(file, offset);
        offset += quint32(icon.png.size());
    }
    for (const PngIcon& icon : kept)
        file.append(icon.png);
    return file;
}

} // namespace lantern::packaging
