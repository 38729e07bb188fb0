#pragma once
// What the files implementing ScalarsDashboard (scalars_dashboard*.cpp) share: the object names
// tests and the screenshot option look for.

#include "ui/dashboards/scalars/scalars_dashboard.h"

#include <QString>

namespace lantern::ui {

inline QString objectNameFor(const char* kind, const QString& name)
{
    return QLatin1String(kind) + QLatin1Char(':') + name;
}

} // namespace lantern::ui
