#include "tests/support/ui_test_support.h"

#include "ui/main_window.h"

#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>

namespace lantern::test {

bool openLogdirAndWait(ui::MainWindow& window, const std::filesystem::path& directory)
{
    QSignalSpy loaded(&window, &ui::MainWindow::loadFinished);
    window.openLogdirs({QString::fromStdString(directory.string())});
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

} // namespace lantern::test
