#include "ui/widgets/tag_cards.h"

#include "ui/widgets/run_list_model.h"

#include <QLineEdit>

namespace lantern::ui {

std::vector<TagCard> tagCards(const core::LogdirSnapshot* snapshot, const RunListModel* runs,
    core::ValueKind kind, const QRegularExpression& filter)
{
    std::vector<TagCard> cards;
    if (!snapshot)
        return cards;
    for (const auto& run : snapshot->runs) {
        const QString name = QString::fromStdString(run->name);
        if (runs && !runs->isChecked(name))
            continue;
        const QColor color = runs ? runs->color(name) : RunListModel::defaultColor(name);
        for (const core::TagSnapshot& tag : run->tags) {
            if (tag.kind != kind || tag.size() == 0)
                continue;
            const QString tagName = QString::fromStdString(tag.tag);
            if (tagFilterAccepts(filter, tagName))
                cards.push_back({tagName, name, color, run, &tag});
        }
    }
    return cards;
}

QLineEdit* createTagFilterBox(const QString& objectName, QWidget* parent)
{
    auto* box = new QLineEdit(parent);
    box->setObjectName(objectName);
    box->setPlaceholderText(QLineEdit::tr("Filter tags (regular expression)"));
    box->setClearButtonEnabled(true);
    return box;
}

QRegularExpression readTagFilter(QLineEdit* box)
{
    const QRegularExpression filter(box->text(), QRegularExpression::CaseInsensitiveOption);
    box->setStyleSheet(filter.isValid() ? QString() : QStringLiteral("background: #fdd;"));
    box->setToolTip(filter.isValid() ? QString() : filter.errorString());
    return filter;
}

bool tagFilterAccepts(const QRegularExpression& filter, const QString& tag)
{
    return filter.pattern().isEmpty() || !filter.isValid() || filter.match(tag).hasMatch();
}

} // namespace lantern::ui
