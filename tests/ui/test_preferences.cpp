// Preferences: the dialog edits them, Settings keeps them (with everything else Lantern
// remembers), and the theme really changes.

#include "tests/support/test_main.h"
#include "ui/preferences.h"
#include "ui/preferences_dialog.h"
#include "ui/settings.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPalette>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace lantern::ui;

namespace {

// WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white).
double contrast(const QColor& a, const QColor& b)
{
    const auto luminance = [](const QColor& c) {
        const auto linear = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestPreferences : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void defaults()
    {
        const Preferences preferences = Preferences::load();
        QCOMPARE(preferences.theme, Preferences::Theme::System);
        QCOMPARE(preferences.reloadSeconds, 1.0);
        QCOMPARE(preferences.smoothing, 0.6);
        QVERIFY(preferences.restoreLogdirs);
        QVERIFY(!preferences.keepOrphanedData); // TensorBoard's rule unless asked otherwise
    }

    void dialogEditsAndSettingsKeep()
    {
        PreferencesDialog dialog(Preferences::load());
        auto* theme = dialog.findChild<QComboBox*>(QStringLiteral("theme"));
        theme->setCurrentIndex(theme->findData(static_cast<int>(Preferences::Theme::Dark)));
        auto* reload = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("reloadSeconds"));
        reload->clear();
        QTest::keyClicks(reload, QStringLiteral("2.5"));
        dialog.findChild<QDoubleSpinBox*>(QStringLiteral("smoothing"))->setValue(0.9);
        QTest::mouseClick(
            dialog.findChild<QCheckBox*>(QStringLiteral("restoreLogdirs")), Qt::LeftButton);
        QTest::mouseClick(
            dialog.findChild<QCheckBox*>(QStringLiteral("keepOrphanedData")), Qt::LeftButton);

        const Preferences chosen = dialog.preferences();
        QCOMPARE(chosen.theme, Preferences::Theme::Dark);
        QCOMPARE(chosen.reloadSeconds, 2.5);
        QCOMPARE(chosen.smoothing, 0.9);
        QVERIFY(!chosen.restoreLogdirs);
        QVERIFY(chosen.keepOrphanedData);
        chosen.save();
        const Preferences reloaded = Preferences::load();
        QCOMPARE(reloaded.theme, Preferences::Theme::Dark);
        QCOMPARE(reloaded.reloadSeconds, 2.5);
        QCOMPARE(reloaded.smoothing, 0.9);
        QVERIFY(!reloaded.restoreLogdirs);
        QVERIFY(reloaded.keepOrphanedData);
    }

    // Every typed value comes back as it was written, from a new Settings on the same file (as
    // in the next session); an empty file gives the defaults.
    void settingsRoundTripEachValue()
    {
        QTemporaryDir temp;
        const QString file = temp.filePath(QStringLiteral("lantern.ini"));
        {
            const Settings empty(file);
            QCOMPARE(empty.preferences().reloadSeconds, Preferences().reloadSeconds);
            QVERIFY(empty.lastSession().isEmpty());
            QVERIFY(empty.recentLogdirs().isEmpty());
            QVERIFY(empty.pinnedTags().isEmpty());
            QVERIFY(empty.customCharts().isEmpty());
        }
        Preferences preferences;
        preferences.theme = Preferences::Theme::Light;
        preferences.reloadSeconds = 7.5;
        preferences.smoothing = 0.25;
        preferences.restoreLogdirs = false;
        preferences.keepOrphanedData = true;
        const QStringList session {QStringLiteral("a:/logs/a"), QStringLiteral("/logs/b,c")};
        const QStringList recent {QStringLiteral("a:/logs/a,/logs/b"), QStringLiteral("/x")};
        const QStringList pinned {QStringLiteral("loss"), QStringLiteral("acc/top1")};
        const QList<QStringList> charts {{QStringLiteral("loss"), QStringLiteral("acc/top1")},
            {QStringLiteral("lr")}, {QStringLiteral("loss"), QStringLiteral("acc/top1")}};
        {
            Settings settings(file);
            settings.setPreferences(preferences);
            settings.setLastSession(session);
            settings.setRecentLogdirs(recent);
            settings.setPinnedTags(pinned);
            settings.setCustomCharts(charts);
        }
        Settings next(file);
        QVERIFY(next.preferences() == preferences);
        QVERIFY(!(next.preferences() == Preferences()));
        QCOMPARE(next.lastSession(), session);
        QCOMPARE(next.recentLogdirs(), recent);
        QCOMPARE(next.pinnedTags(), pinned);
        QCOMPARE(next.customCharts(), charts);

        // Closing the logdirs forgets the session and nothing else.
        next.clearLastSession();
        QVERIFY(Settings(file).lastSession().isEmpty());
        QCOMPARE(Settings(file).recentLogdirs(), recent);

        // The application's own settings are another place: none of this reached them.
        QVERIFY(Settings().lastSession().isEmpty());
        QVERIFY(Settings().pinnedTags().isEmpty());
    }

    // Values out of range (a hand-edited file) are brought back into range.
    void settingsClampPreferences()
    {
        QTemporaryDir temp;
        const QString file = temp.filePath(QStringLiteral("lantern.ini"));
        Preferences wild;
        wild.theme = static_cast<Preferences::Theme>(9);
        wild.reloadSeconds = 0;
        wild.smoothing = 4;
        Settings(file).setPreferences(wild);
        const Preferences read = Settings(file).preferences();
        QCOMPARE(read.theme, Preferences::Theme::Dark);
        QCOMPARE(read.reloadSeconds, 0.1);
        QCOMPARE(read.smoothing, 0.999);
    }

    // Dark theme: filter placeholders and check boxes stand out from what they are drawn on
    // (WCAG contrast: 4.5:1 for text, 3:1 for a control's outline).
    void darkThemeKeepsPlaceholdersAndCheckBoxesVisible()
    {
        applyTheme(Preferences::Theme::Dark);
        const QPalette palette = QApplication::palette();
        QVERIFY2(contrast(palette.color(QPalette::PlaceholderText), palette.color(QPalette::Base))
                >= 4.5,
            qPrintable(palette.color(QPalette::PlaceholderText).name()));
        QLineEdit filter;
        QCOMPARE(filter.palette().color(QPalette::PlaceholderText),
            palette.color(QPalette::PlaceholderText));

        // An unchecked box, on a dialog's window and in a list (the New-chart dialog's tags).
        QCheckBox box(QStringLiteral("tag"));
        box.resize(box.sizeHint());
        QStyleOptionButton option;
        option.initFrom(&box);
        const QRect indicator
            = box.style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
        const QImage image = box.grab().toImage();
        for (const QColor background :
            {palette.color(QPalette::Window), palette.color(QPalette::Base)}) {
            double best = 0;
            for (int y = indicator.top(); y <= indicator.bottom(); ++y)
                for (int x = indicator.left(); x <= indicator.right(); ++x)
                    best = std::max(best, contrast(image.pixelColor(x, y), background));
            QVERIFY2(best >= 3, qPrintable(QString::number(best)));
        }
        applyTheme(Preferences::Theme::Light);
    }

    void themesChangeThePalette()
    {
        applyTheme(Preferences::Theme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        applyTheme(Preferences::Theme::Light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    }
};

LANTERN_TEST_MAIN(TestPreferences)
#include "test_preferences.moc"
