#include "ui/dashboards/graphs/graph_search.h"

#include <QRegularExpression>

namespace lantern::ui {

std::vector<std::uint32_t> matchingOps(const core::GraphHierarchy& hierarchy, const QString& text,
    const std::function<bool()>& cancelled)
{
    QRegularExpression pattern(text, QRegularExpression::CaseInsensitiveOption);
    if (!pattern.isValid()) // a stray bracket: search for the text as it is
        pattern.setPattern(QRegularExpression::escape(text));
    std::vector<std::uint32_t> matches;
    const auto& nodes = hierarchy.nodes();
    for (std::uint32_t index = 0; index < nodes.size(); ++index) {
        if (nodes[index].isGroup())
            continue;
        // A superseded search (the user typed on) stops within a few hundred names.
        if (cancelled && index % 256 == 0 && cancelled())
            break;
        if (pattern.match(QString::fromStdString(nodes[index].name)).hasMatch())
            matches.push_back(index);
    }
    return matches;
}

GraphSearchResults::GraphSearchResults(QObject* parent)
    : QAbstractListModel(parent)
{
}

void GraphSearchResults::show(
    std::shared_ptr<const core::GraphHierarchy> hierarchy, std::vector<std::uint32_t> ops)
{
    beginResetModel();
    m_hierarchy = std::move(hierarchy);
    m_ops = std::move(ops);
    m_empty = m_ops.empty();
    endResetModel();
}

void GraphSearchResults::clear()
{
    beginResetModel();
    m_hierarchy.reset();
    m_ops.clear();
    m_empty = false;
    endResetModel();
}

int GraphSearchResults::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return m_empty ? 1 : int(m_ops.size());
}

QVariant GraphSearchResults::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (m_empty)
        return role == Qt::DisplayRole ? QVariant(tr("No op matches")) : QVariant();
    const std::uint32_t op = m_ops[std::size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return QString::fromStdString(m_hierarchy->node(op).name);
    if (role == kNodeRole)
        return op;
    return {};
}

Qt::ItemFlags GraphSearchResults::flags(const QModelIndex& index) const
{
    if (m_empty)
        return Qt::NoItemFlags; // the note is not a result to pick
    return QAbstractListModel::flags(index);
}

} // namespace lantern::ui
