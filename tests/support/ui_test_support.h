#pragma once
// Shared steps of UI tests: opening a log directory in the main window, driving a card's
// menu as a user does, and checking what a card tab does with a change notice.

#include <QString>
#include <QStringList>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <utility>

class QWidget;

namespace lantern::core {
class EventFileWriter;
}

namespace lantern::ui {
class Dashboard;
class MainWindow;
class RunListModel;
}

namespace lantern::test {

// Opens `directory` in `window` and waits until it is loaded; false on a time-out.
bool openLogdirAndWait(ui::MainWindow& window, const std::filesystem::path& directory);

// Clicks a card's "⋯" button and picks `text` from the menu it opens (nothing when no entry
// has that text); returns the menu's entries.
QStringList chooseFromCardMenu(QWidget* card, const QString& text);

// Writes one value of a tab's kind.
using WriteValue
    = std::function<void(core::EventFileWriter& writer, const std::string& tag, std::int64_t step)>;
// A tab's cards by name: each card's widget, and how many times it was handed its data.
using CardUpdates = std::map<QString, std::pair<const QWidget*, int>>;

// Checks a card tab's change notices as the window delivers them. Runs "a" and "b" each write
// tags "x/one" and "x/two" (steps 0-2, through `write`); `dashboard` (made with `runs`) is
// given the first load in view, then a reload where only ("a", "x/one") grew, while hidden.
// Hidden, the tab does nothing; caught up, only card `grownCard` was handed data again, and
// every card is the same widget as before. Returns what went wrong, or an empty string.
QString checkScopedReload(ui::Dashboard& dashboard, ui::RunListModel& runs, const WriteValue& write,
    const std::function<CardUpdates()>& cards, const QString& grownCard);

// checkScopedReload's cards for a tab with a card per (tag, run), named "tag|run": `cardOf` finds
// a card (or null), `updates` says how many times it was handed data.
template <typename Card>
CardUpdates cardsPerTagAndRun(
    const std::function<Card*(const QString& tag, const QString& run)>& cardOf,
    int (Card::*updates)() const)
{
    CardUpdates cards;
    for (const char* run : {"a", "b"})
        for (const char* tag : {"x/one", "x/two"})
            if (Card* card = cardOf(QString::fromLatin1(tag), QString::fromLatin1(run)))
                cards[QStringLiteral("%1|%2").arg(tag, run)] = {card, (card->*updates)()};
    return cards;
}

} // namespace lantern::test
