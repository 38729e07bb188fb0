#pragma once
// File paths across the Qt boundary. QString::toStdString() is UTF-8 while std::filesystem::path
// built from a std::string reads the ANSI code page on Windows, so a name outside that code page
// would be lost; these two convert through UTF-16 on Windows and through Qt's file-name encoding
// (UTF-8) elsewhere.

#include <QString>

#include <filesystem>

namespace lantern::ui {

QString qStringFromPath(const std::filesystem::path& path);
std::filesystem::path pathFromQString(const QString& text);

} // namespace lantern::ui
