#include "ui/widgets/run_list_model.h"

#include <QHash>

namespace lantern::ui {

void RunListModel::setRuns(const QList<RunSummary>& runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

QColor RunListModel::colorFor(const QString& runName)
{
    // A fixed qualitative palette, indexed by a hash that does not change between sessions.
    static const QColor palette[] = {
        QColor(0x42, 0x85, 0xF4),
        QColor(0xFF, 0x70, 0x43),
        QColor(0x0F, 0x9D, 0x58),
        QColor(0xAB, 0x47, 0xBC),
        QColor(0x00, 0xAC, 0xC1),
        QColor(0xF4, 0xB4, 0x00),
        QColor(0xE9, 0x1E, 0x63),
        QColor(0x79, 0x55, 0x48),
        QColor(0x5C, 0x6B, 0xC0),
        QColor(0x7C, 0xB3, 0x42),
        QColor(0xDB, 0x44, 0x37),
        QColor(0x26, 0xA6, 0x9A),
    };
    const QByteArray bytes = runName.toUtf8();
    quint32 hash = 2166136261u; // FNV-1a
    for (const char c : bytes)
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return palette[hash % std::size(palette)];
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const RunSummary& run = m_runs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return run.name;
    case Qt::DecorationRole:
        return colorFor(run.name);
    case Qt::CheckStateRole:
        return isChecked(run.name) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        return tr("%1\n%2 tags · %3 scalar points%4")
            .arg(run.directory)
            .arg(run.tagCount)
            .arg(run.scalarPoints)
            .arg(run.diagnosticCount ? tr(" · %1 problems").arg(run.diagnosticCount) : QString());
    default:
        return {};
    }
}

bool RunListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole)
        return false;
    const QString& name = m_runs.at(index.row()).name;
    if (value.value<Qt::CheckState>() == Qt::Checked)
        m_unchecked.remove(name);
    else
        m_unchecked.insert(name);
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkedRunsChanged();
    return true;
}

Qt::ItemFlags RunListModel::flags(const QModelIndex& index) const
{
    return QAbstractListModel::flags(index) | Qt::ItemIsUserCheckable;
}

} // namespace lantern::ui
