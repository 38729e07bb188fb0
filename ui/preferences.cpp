#include "ui/preferences.h"

#include "ui/settings.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace lantern::ui {
namespace {
QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2B, 0x2B, 0x2E), base(0x1E, 0x1E, 0x20), text(0xE6, 0xE6, 0xE6);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Highlight, QColor(0x42, 0x85, 0xF4));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x8A, 0xB4, 0xF8));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    // Every role a style draws with, or it falls back to the light palette's (a placeholder in
    // half-transparent black on a near-black field). Placeholder grey keeps 4.5:1 on Base.
    palette.setColor(QPalette::PlaceholderText, QColor(0x9A, 0x9A, 0x9E));
    palette.setColor(QPalette::Light, QColor(0x4A, 0x4A, 0x4F));
    palette.setColor(QPalette::Midlight, QColor(0x3A, 0x3A, 0x3E));
    palette.setColor(QPalette::Mid, QColor(0x80, 0x80, 0x86));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1A));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::BrightText, Qt::white);
    return palette;
}

// Fusion outlines a check box in a shade of the window colour, which on a dark window is as
// dark as the box itself: the box is outlined again in the palette's Mid grey.
class OutlinedCheckBoxStyle : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;
    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
        const QWidget* widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (element != PE_IndicatorCheckBox)
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(option->palette.color(QPalette::Mid));
        painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
        painter->restore();
    }
};
} // namespace

Preferences Preferences::load()
{
    return Settings().preferences();
}

void Preferences::save() const
{
    Settings().setPreferences(*this);
}

QString Preferences::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QApplication::tr("Light");
    case Theme::Dark:
        return QApplication::tr("Dark");
    default:
        return QApplication::tr("System");
    }
}

void applyTheme(Preferences::Theme theme)
{
    static const QString platformStyle = QApplication::style()->name();
    static const QPalette platformPalette = QApplication::palette();
    switch (theme) {
    case Preferences::Theme::System:
        QApplication::setStyle(QStyleFactory::create(platformStyle));
        QApplication::setPalette(platformPalette);
        break;
    case Preferences::Theme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Preferences::Theme::Dark:
        QApplication::setStyle(
            new OutlinedCheckBoxStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
        QApplication::setPalette(darkPalette());
        break;
    }
}

} // namespace lantern::ui
