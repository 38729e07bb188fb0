#include "ui/adapter/path_qstring.h"

#include <QFile>

namespace lantern::ui {

QString qStringFromPath(const std::filesystem::path& path)
{
#if defined(_WIN32)
    return QString::fromStdWString(path.native()); // UTF-16 on both sides
#else
    return QFile::decodeName(QByteArray::fromStdString(path.native()));
#endif
}

std::filesystem::path pathFromQString(const QString& text)
{
#if defined(_WIN32)
    return std::filesystem::path(text.toStdWString());
#else
    return std::filesystem::path(QFile::encodeName(text).toStdString());
#endif
}

} // namespace lantern::ui
