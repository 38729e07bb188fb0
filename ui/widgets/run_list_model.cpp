#include "ui/widgets/run_list_model.h"

#include "ui/widgets/plain_tool_tip.h"

#include <QFont>

#include <algorithm>

namespace lantern::ui {

void RunListModel::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    const bool sameRuns = snapshot && snapshot->runs.size() == m_runs.size()
        && std::equal(
            m_runs.begin(), m_runs.end(), snapshot->runs.begin(), [](const auto& a, const auto& b) {
                return a->name == b->name && a->logdirName == b->logdirName;
            });
    if (sameRuns) {
        m_runs = snapshot->runs;
        assignColors();
        announceChange({Qt::ToolTipRole});
        return;
    }
    beginResetModel();
    m_runs = snapshot ? snapshot->runs : decltype(m_runs) {};
    assignColors();
    regroup();
    endResetModel();
}

void RunListModel::regroup()
{
    m_groups.clear();
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        const QString logdir = QString::fromStdString(m_runs[i]->logdirName);
        auto it = std::find_if(m_groups.begin(), m_groups.end(),
            [&](const Group& group) { return group.name == logdir; });
        if (it == m_groups.end())
            it = m_groups.insert(m_groups.end(), Group {logdir, {}});
        it->runs.push_back(i);
    }
    // One logdir needs no headings: its runs are the whole list.
    if (m_groups.size() < 2)
        m_groups.clear();
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
    announceChange({Qt::DecorationRole});
    emit selectionChanged();
}

void RunListModel::setChecked(const QString& runName, bool checked)
{
    setChecked(QStringList {runName}, checked);
}

void RunListModel::setChecked(const QStringList& runNames, bool checked)
{
    bool changed = false;
    for (const QString& name : runNames) {
        if (checked == isChecked(name))
            continue;
        if (checked)
            m_unchecked.remove(name);
        else
            m_unchecked.insert(name);
        changed = true;
    }
    if (!changed)
        return;
    announceChange({Qt::CheckStateRole});
    emit selectionChanged();
}

void RunListModel::setAllChecked(bool checked)
{
    QStringList names;
    for (const auto& run : m_runs)
        names.append(QString::fromStdString(run->name));
    setChecked(names, checked);
}

QStringList RunListModel::checkedRuns() const
{
    QStringList names;
    for (const auto& run : m_runs)
        if (isChecked(QString::fromStdString(run->name)))
            names.append(QString::fromStdString(run->name));
    return names;
}

QStringList RunListModel::runsAt(const QModelIndex& index) const
{
    QStringList names;
    if (const auto run = runAt(index))
        names.append(QString::fromStdString(m_runs[*run]->name));
    else if (index.isValid() && index.row() < static_cast<int>(m_groups.size()))
        for (const std::size_t member : m_groups[static_cast<std::size_t>(index.row())].runs)
            names.append(QString::fromStdString(m_runs[member]->name));
    return names;
}

void RunListModel::announceChange(const QList<int>& roles)
{
    const int top = rowCount();
    if (top == 0)
        return;
    emit dataChanged(index(0, 0), index(top - 1, 0), roles);
    for (int group = 0; group < static_cast<int>(m_groups.size()); ++group) {
        const QModelIndex parent = index(group, 0);
        if (const int children = rowCount(parent); children > 0)
            emit dataChanged(index(0, 0, parent), index(children - 1, 0, parent), roles);
    }
}

// Top-level rows carry internal id 0; a run under a group carries the group's row + 1.
QModelIndex RunListModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0 || row >= rowCount(parent))
        return {};
    return createIndex(row, 0, parent.isValid() ? quintptr(parent.row() + 1) : quintptr(0));
}

QModelIndex RunListModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(isGrouped() ? m_groups.size() : m_runs.size());
    if (isGrouped() && parent.internalId() == 0 && parent.row() < static_cast<int>(m_groups.size()))
        return static_cast<int>(m_groups[static_cast<std::size_t>(parent.row())].runs.size());
    return 0;
}

int RunListModel::columnCount(const QModelIndex&) const
{
    return 1;
}

std::optional<std::size_t> RunListModel::runAt(const QModelIndex& index) const
{
    if (!index.isValid())
        return std::nullopt;
    const auto row = static_cast<std::size_t>(index.row());
    if (!isGrouped())
        return row < m_runs.size() ? std::optional(row) : std::nullopt;
    if (index.internalId() == 0)
        return std::nullopt; // a group row
    const Group& group = m_groups.at(index.internalId() - 1);
    return row < group.runs.size() ? std::optional(group.runs[row]) : std::nullopt;
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (const auto run = runAt(index))
        return runData(*m_runs[*run], role);
    if (index.isValid() && index.row() < static_cast<int>(m_groups.size()))
        return groupData(m_groups[static_cast<std::size_t>(index.row())], role);
    return {};
}

QVariant RunListModel::groupData(const Group& group, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return group.name.isEmpty() ? tr("(unnamed logdir)") : group.name;
    case GroupRole:
        return true;
    case Qt::CheckStateRole: {
        const auto checked = std::count_if(group.runs.begin(), group.runs.end(),
            [&](std::size_t run) { return isChecked(QString::fromStdString(m_runs[run]->name)); });
        if (checked == 0)
            return Qt::Unchecked;
        return checked == static_cast<long>(group.runs.size()) ? Qt::Checked : Qt::PartiallyChecked;
    }
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    case Qt::ToolTipRole:
        return tr(
            "%n run(s) from this log directory", nullptr, static_cast<int>(group.runs.size()));
    default:
        return {};
    }
}

QVariant RunListModel::runData(const core::RunSnapshot& run, int role) const
{
    const QString name = QString::fromStdString(run.name);
    switch (role) {
    case Qt::DisplayRole: {
        // Under its logdir's heading a run shows the rest of its name; the logdir's root is ".".
        const QString logdir = QString::fromStdString(run.logdirName);
        if (!isGrouped() || logdir.isEmpty())
            return name;
        if (name == logdir)
            return QStringLiteral(".");
        return name.startsWith(logdir + QLatin1Char('/')) ? name.mid(logdir.size() + 1) : name;
    }
    case RunNameRole:
        return name;
    case GroupRole:
        return false;
    case DirectoryRole:
        return QString::fromStdString(run.directory.string());
    case Qt::DecorationRole:
        return color(name);
    case Qt::CheckStateRole:
        return isChecked(name) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        return plainToolTip(
            tr("%1\n%2 tags · %3 scalar points · %4 event files%5")
                .arg(QString::fromStdString(run.directory.string()))
                .arg(run.tags.size())
                .arg(run.scalarPoints())
                .arg(run.files.size())
                .arg(run.diagnostics.empty()
                        ? QString()
                        : tr("\n%1 problems (see Diagnostics)").arg(run.diagnostics.size())));
    default:
        return {};
    }
}

bool RunListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole)
        return false;
    // On a group row this sets every run under it (a click on a partly checked group checks all).
    setChecked(runsAt(index), value.value<Qt::CheckState>() != Qt::Unchecked);
    return true;
}

Qt::ItemFlags RunListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

} // namespace lantern::ui
