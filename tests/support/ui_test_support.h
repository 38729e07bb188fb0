#pragma once
// Shared steps of UI tests: opening a log directory in the main window, and driving a card's
// menu as a user does.

#include <QStringList>

#include <filesystem>

class QWidget;

namespace lantern::ui {
class MainWindow;
}

namespace lantern::test {

// Opens `directory` in `window` and waits until it is loaded; false on a time-out.
bool openLogdirAndWait(ui::MainWindow& window, const std::filesystem::path& directory);

// Clicks a card's "⋯" button and picks `text` from the menu it opens (nothing when no entry
// has that text); returns the menu's entries.
QStringList chooseFromCardMenu(QWidget* card, const QString& text);

} // namespace lantern::test
