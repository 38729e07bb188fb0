#include "ui/widgets/tag_filter.h"

#include <QLineEdit>

namespace lantern::ui {

QLineEdit* createTagFilter(QWidget* parent, const QString& objectName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(QLineEdit::tr("Filter tags (regular expression)"));
    edit->setClearButtonEnabled(true);
    return edit;
}

QRegularExpression readTagFilter(QLineEdit* edit)
{
    const QRegularExpression filter(edit->text(), QRegularExpression::CaseInsensitiveOption);
    edit->setStyleSheet(filter.isValid() ? QString() : QStringLiteral("background: #fdd;"));
    edit->setToolTip(filter.isValid() ? QString() : filter.errorString());
    return filter;
}

QString emptyCardsText(const core::LogdirSnapshot* snapshot, const QRegularExpression& filter,
    const QString& kindName, const QString& nothingChecked)
{
    if (!snapshot || snapshot->runs.empty())
        return QLineEdit::tr("No runs loaded.");
    if (!filter.pattern().isEmpty() && filter.isValid())
        return QLineEdit::tr("No %1 tags match “%2”.")
            .arg(kindName, filter.pattern().toHtmlEscaped());
    return nothingChecked;
}

} // namespace lantern::ui
