// Preferences: the dialog edits them, QSettings keeps them, and the theme really changes.

#include "ui/preferences.h"
#include "ui/preferences_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPalette>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace lantern::ui;

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

    void themesChangeThePalette()
    {
        applyTheme(Preferences::Theme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        applyTheme(Preferences::Theme::Light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    }
};

QTEST_MAIN(TestPreferences)
#include "test_preferences.moc"
