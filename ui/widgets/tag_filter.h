#pragma once
// The tag filter of the card tabs: a line edit holding a regular expression matched anywhere
// in a tag, ignoring case. An invalid expression is marked (a red background, the error as
// tooltip) and filters nothing.

#include "ui/adapter/loaded_data.h"

#include <QRegularExpression>

class QLineEdit;
class QWidget;

namespace lantern::ui {

QLineEdit* createTagFilter(QWidget* parent, const QString& objectName);

// The expression `edit` holds, marking the edit when it is invalid.
QRegularExpression readTagFilter(QLineEdit* edit);

// What an empty card grid says: no runs loaded, no `kindName` tag ("histogram") matching a
// valid filter, or `nothingChecked` ("The checked runs have no histograms.").
QString emptyCardsText(const core::LogdirSnapshot* snapshot, const QRegularExpression& filter,
    const QString& kindName, const QString& nothingChecked);

} // namespace lantern::ui
