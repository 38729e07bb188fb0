#include "ui/widgets/run_list_model.h"

namespace lantern::ui {

void RunListModel::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    const bool sameRuns = snapshot && snapshot->runs.size() == m_runs.size()
        && std::equal(m_runs.begin(), m_runs.end(), snapshot->runs.begin(),
            [](const auto& a, const auto& b) { return a->name == b->name; });
    if (sameRuns) {
        m_runs = snapshot->runs;
        assignColors();
        if (!m_runs.empty())
            emit dataChanged(index(0), index(rowCount() - 1), {Qt::ToolTipRole});
        return;
    }
    beginResetModel();
    m_runs = snapshot ? snapshot->runs : decltype(m_runs) {};
    assignColors();
    endResetModel();
}

namespace {

// A fixed qualitative palette; a run's first choice is indexed by a hash of its name that does
// not change between sessions.
const QColor kPalette[] = {
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

std::size_t paletteIndex(const QString& runName)
{
    const QByteArray bytes = runName.toUtf8();
    quint32 hash = 2166136261u; // FNV-1a
    for (const char c : bytes)
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return hash % std::size(kPalette);
}

} // namespace

QColor RunListModel::defaultColor(const QString& runName)
{
    return kPalette[paletteIndex(runName)];
}

void RunListModel::assignColors()
{
    // A run keeps the colour it was first given. A new run takes its hashed colour unless
    // another run already shows it, then the next free one, so runs side by side differ.
    QSet<QRgb> used;
    for (const auto& run : m_runs)
        if (const auto it = m_assigned.constFind(QString::fromStdString(run->name));
            it != m_assigned.cend())
            used.insert(it->rgb());
    for (const auto& run : m_runs) {
        const QString name = QString::fromStdString(run->name);
        if (m_assigned.contains(name))
            continue;
        const std::size_t first = paletteIndex(name);
        QColor chosen = kPalette[first];
        for (std::size_t step = 0; step < std::size(kPalette); ++step) {
            const QColor candidate = kPalette[(first + step) % std::size(kPalette)];
            if (!used.contains(candidate.rgb())) {
                chosen = candidate;
                break;
            }
        }
        m_assigned.insert(name, chosen);
        used.insert(chosen.rgb());
    }
}

QColor RunListModel::color(const QString& runName) const
{
    if (const auto it = m_colors.constFind(runName); it != m_colors.cend())
        return *it;
    return m_assigned.value(runName, defaultColor(runName));
}

void RunListModel::setColor(const QString& runName, const QColor& color)
{
    m_colors.insert(runName, color);
    emit dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole});
    emit selectionChanged();
}

void RunListModel::setChecked(const QString& runName, bool checked)
{
    if (checked == isChecked(runName))
        return;
    if (checked)
        m_unchecked.remove(runName);
    else
        m_unchecked.insert(runName);
    emit dataChanged(index(0), index(rowCount() - 1), {Qt::CheckStateRole});
    emit selectionChanged();
}

void RunListModel::setAllChecked(bool checked)
{
    for (const auto& run : m_runs) {
        const QString name = QString::fromStdString(run->name);
        if (checked)
            m_unchecked.remove(name);
        else
            m_unchecked.insert(name);
    }
    emit dataChanged(index(0), index(rowCount() - 1), {Qt::CheckStateRole});
    emit selectionChanged();
}

QStringList RunListModel::checkedRuns() const
{
    QStringList names;
    for (const auto& run : m_runs)
        if (isChecked(QString::fromStdString(run->name)))
            names.append(QString::fromStdString(run->name));
    return names;
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const core::RunSnapshot& run = *m_runs.at(static_cast<std::size_t>(index.row()));
    const QString name = QString::fromStdString(run.name);
    switch (role) {
    case Qt::DisplayRole:
    case RunNameRole:
        return name;
    case DirectoryRole:
        return QString::fromStdString(run.directory.string());
    case Qt::DecorationRole:
        return color(name);
    case Qt::CheckStateRole:
        return isChecked(name) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        return tr("%1\n%2 tags · %3 scalar points · %4 event files%5")
            .arg(QString::fromStdString(run.directory.string()))
            .arg(run.tags.size())
            .arg(run.scalarPoints())
            .arg(run.files.size())
            .arg(run.diagnostics.empty()
                    ? QString()
                    : tr("\n%1 problems (see Diagnostics)").arg(run.diagnostics.size()));
    default:
        return {};
    }
}

bool RunListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole)
        return false;
    setChecked(index.data(RunNameRole).toString(), value.value<Qt::CheckState>() == Qt::Checked);
    return true;
}

Qt::ItemFlags RunListModel::flags(const QModelIndex& index) const
{
    return QAbstractListModel::flags(index) | Qt::ItemIsUserCheckable;
}

} // namespace lantern::ui
