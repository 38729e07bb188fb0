#pragma once
// What the files implementing ScalarsDashboard (scalars_dashboard*.cpp) share: a card group's
// widgets and the object names tests and the screenshot option look for.

#include "ui/dashboards/scalars/scalars_dashboard.h"

#include <QString>

#include <vector>

class QGridLayout;
class QToolButton;

namespace lantern::ui {

inline const QString kPinnedGroup = QStringLiteral("pinned");
inline const QString kCustomGroup = QStringLiteral("custom");

inline QString objectNameFor(const char* kind, const QString& name)
{
    return QLatin1String(kind) + QLatin1Char(':') + name;
}

struct ScalarsDashboard::Group {
    QString key; // "pinned", "custom", or "tags/" + name
    QString name;
    QWidget* box = nullptr;
    QToolButton* header = nullptr;
    QWidget* body = nullptr;
    QGridLayout* grid = nullptr;
    std::vector<ScalarCard*> cards; // in display order
};

} // namespace lantern::ui
