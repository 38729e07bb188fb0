// Preferences: the dialog edits them, QSettings keeps them, and the theme really changes.

#include "ui/preferences.h"
#include "ui/preferences_dialog.h"

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

QTEST_MAIN(TestPreferences)
#include "test_preferences.moc"
