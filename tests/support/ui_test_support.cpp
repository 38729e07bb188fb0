#include "tests/support/ui_test_support.h"

#include "core/load/logdir_loader.h"
#include "core/load/snapshot_change.h"
#include "core/write/event_file_writer.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/dashboard.h"
#include "ui/main_window.h"
#include "ui/widgets/run_list_model.h"

#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

namespace lantern::test {

bool openLogdirAndWait(ui::MainWindow& window, const std::filesystem::path& directory)
{
    QSignalSpy loaded(&window, &ui::MainWindow::loadFinished);
    window.openLogdirs({ui::qStringFromPath(directory)});
    return loaded.wait(20000);
}

QStringList chooseFromCardMenu(QWidget* card, const QString& text)
{
    auto* button = card->findChild<QToolButton*>(QStringLiteral("cardMenu"));
    QStringList entries;
    if (!button)
        return entries;
    QTimer::singleShot(0, card, [&entries, text] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        QAction* chosen = nullptr;
        for (QAction* action : menu->actions()) {
            if (!action->isSeparator())
                entries.append(action->text());
            if (action->text() == text)
                chosen = action;
        }
        menu->close();
        if (chosen)
            chosen->trigger();
    });
    QTest::mouseClick(button, Qt::LeftButton);
    return entries;
}

QString checkScopedReload(ui::Dashboard& dashboard, ui::RunListModel& runs, const WriteValue& write,
    const std::function<CardUpdates()>& cards, const QString& grownCard)
{
    QTemporaryDir temp;
    const std::filesystem::path root = ui::pathFromQString(temp.path());
    core::EventFileWriter a(root / "a"), b(root / "b");
    for (std::int64_t step = 0; step < 3; ++step)
        for (core::EventFileWriter* writer : {&a, &b})
            for (const char* tag : {"x/one", "x/two"})
                write(*writer, tag, step);
    if (!a.flush() || !b.flush())
        return QStringLiteral("could not write the log directory");

    core::LogdirLoader loader({{"", root}});
    loader.reload();
    const ui::LogdirSnapshotPtr first = loader.snapshot();
    runs.setSnapshot(first);
    dashboard.offer({first, std::make_shared<const core::SnapshotChange>()}, true);
    const CardUpdates before = cards();
    if (before.size() < 2 || !before.count(grownCard))
        return QStringLiteral("the first load shows %1 cards, not card %2 among them")
            .arg(before.size())
            .arg(grownCard);
    const int applied = dashboard.appliedUpdates();

    write(a, "x/one", 3);
    if (!a.flush())
        return QStringLiteral("could not append");
    loader.reload();
    const ui::LogdirSnapshotPtr grown = loader.snapshot();
    runs.setSnapshot(grown);
    const auto change
        = std::make_shared<const core::SnapshotChange>(core::describeChange(*first, *grown));
    if (change->series.size() != 1)
        return QStringLiteral("the reload changed %1 series, not one").arg(change->series.size());
    dashboard.offer({grown, change}, false);
    if (dashboard.appliedUpdates() != applied || !dashboard.hasPendingUpdate())
        return QStringLiteral("the hidden tab applied the reload");
    if (cards() != before)
        return QStringLiteral("the hidden tab touched its cards");

    dashboard.catchUp();
    if (dashboard.appliedUpdates() != applied + 1)
        return QStringLiteral("caught up, the tab did not apply the reload");
    CardUpdates expected = before;
    ++expected[grownCard].second;
    const CardUpdates after = cards();
    for (const auto& [name, card] : after) {
        const auto was = expected.find(name);
        if (was == expected.end())
            return QStringLiteral("card %1 is new").arg(name);
        if (card.first != was->second.first)
            return QStringLiteral("card %1 was made again").arg(name);
        if (card.second != was->second.second)
            return QStringLiteral("card %1 was handed data %2 times, expected %3")
                .arg(name)
                .arg(card.second)
                .arg(was->second.second);
    }
    return after.size() == expected.size() ? QString() : QStringLiteral("a card went away");
}

} // namespace lantern::test
