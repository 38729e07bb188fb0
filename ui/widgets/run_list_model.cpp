#include "ui/widgets/run_list_model.h"

#include "core/analysis/hparams_table.h"
#include "core/analysis/run_palette.h"
#include "ui/adapter/path_qstring.h"
#include "ui/widgets/counted.h"
#include "ui/widgets/plain_tool_tip.h"

#include <QFont>

#include <algorithm>
#include <map>
#include <set>

namespace lantern::ui {

void RunListModel::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    const bool sameRuns = snapshot && snapshot->runs.size() == m_runs.size()
        && std::equal(
            m_runs.begin(), m_runs.end(), snapshot->runs.begin(), [](const auto& a, const auto& b) {
                return a->name == b->name && a->logdirName == b->logdirName;
            });
    m_snapshot = snapshot;
    if (sameRuns) {
        m_runs = snapshot->runs;
        const QHash<QString, QColor> groupColors = m_groupColors;
        assignColors();
        // Hparam values may arrive while a run grows: its group, and colour, with them.
        const bool recoloured = groupColors != m_groupColors;
        announceChange(recoloured ? QList<int> {Qt::ToolTipRole, Qt::DecorationRole}
                                  : QList<int> {Qt::ToolTipRole});
        if (recoloured)
            emit selectionChanged();
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

QColor toQColor(core::Rgb rgb)
{
    return QColor(rgb.r, rgb.g, rgb.b);
}

std::uint32_t hashOf(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    return core::runNameHash(std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

} // namespace

QColor RunListModel::defaultColor(const QString& runName)
{
    return toQColor(core::paletteColor(hashOf(runName) % core::kPaletteHues));
}

void RunListModel::assignColors()
{
    // A run keeps the colour it was first given. A new run takes its hashed colour unless
    // another run already shows it, then the next free one (run_palette.h), so runs side by
    // side differ.
    std::vector<bool> used(core::kPaletteSize, false);
    for (const auto& run : m_runs)
        if (const auto it = m_assigned.constFind(QString::fromStdString(run->name));
            it != m_assigned.cend())
            used[*it] = true;
    for (const auto& run : m_runs) {
        const QString name = QString::fromStdString(run->name);
        if (m_assigned.contains(name))
            continue;
        const std::size_t index = core::choosePaletteIndex(hashOf(name), used);
        m_assigned.insert(name, index);
        used[index] = true;
    }
    assignGroupColors();
}

void RunListModel::assignGroupColors()
{
    m_groupColors.clear();
    if (m_scheme.by == ColorBy::Run || !m_snapshot)
        return;
    const QRegularExpression expression(m_scheme.pattern);
    const std::vector<const core::SessionStartInfo*> sessions = m_scheme.by == ColorBy::HParam
        ? core::sessionStartsByRun(*m_snapshot)
        : std::vector<const core::SessionStartInfo*>();
    // Groups in sorted order take colours as runs do, so a group keeps its colour while the
    // groups beside it stay the same.
    std::map<QString, std::vector<QString>> members;
    std::vector<QString> ungrouped;
    for (std::size_t i = 0; i < m_snapshot->runs.size(); ++i) {
        const core::RunSnapshot& run = *m_snapshot->runs[i];
        const auto group
            = colorGroupOf(m_scheme, expression, run, sessions.empty() ? nullptr : sessions[i]);
        (group ? members[*group] : ungrouped).push_back(QString::fromStdString(run.name));
    }
    std::vector<bool> used(core::kPaletteSize, false);
    for (const auto& [group, runs] : members) {
        const std::size_t index = core::choosePaletteIndex(hashOf(group), used);
        used[index] = true;
        for (const QString& run : runs)
            m_groupColors.insert(run, toQColor(core::paletteColor(index)));
    }
    for (const QString& run : ungrouped)
        m_groupColors.insert(run, kUngroupedRunColor);
}

void RunListModel::setColorScheme(const RunColorScheme& scheme)
{
    if (scheme == m_scheme)
        return;
    m_scheme = scheme;
    assignGroupColors();
    announceChange({Qt::DecorationRole});
    emit selectionChanged();
}

QStringList RunListModel::hparamNames() const
{
    std::set<QString> names;
    for (const auto& run : m_runs)
        if (run->hparams.sessionStart)
            for (const auto& [name, value] : run->hparams.sessionStart->hparams)
                names.insert(QString::fromStdString(name));
    return QStringList(names.begin(), names.end());
}

QColor RunListModel::color(const QString& runName) const
{
    if (m_scheme.by != ColorBy::Run)
        return m_groupColors.value(runName, kUngroupedRunColor);
    if (const auto it = m_colors.constFind(runName); it != m_colors.cend())
        return *it;
    if (const auto it = m_assigned.constFind(runName); it != m_assigned.cend())
        return toQColor(core::paletteColor(*it));
    return defaultColor(runName);
}

void RunListModel::setChosenColors(const QHash<QString, QColor>& colors)
{
    m_colors = colors;
    announceChange({Qt::DecorationRole});
    emit selectionChanged();
}

void RunListModel::setColor(const QString& runName, const QColor& color)
{
    m_colors.insert(runName, color);
    announceChange({Qt::DecorationRole});
    emit colorChosen(runName, color);
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
        return tr("%1 from this log directory")
            .arg(counted(group.runs.size(), tr("run"), tr("runs")));
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
        return qStringFromPath(run.directory);
    case Qt::DecorationRole:
        return color(name);
    case Qt::CheckStateRole:
        return isChecked(name) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        return plainToolTip(
            tr("%1\n%2 · %3 · %4%5")
                .arg(qStringFromPath(run.directory),
                    counted(run.tags.size(), tr("tag"), tr("tags")),
                    counted(run.scalarPoints(), tr("scalar point"), tr("scalar points")),
                    counted(run.files.size(), tr("event file"), tr("event files")),
                    run.diagnostics.empty() ? QString()
                                            : tr("\n%1 (see Diagnostics)")
                                                  .arg(counted(run.diagnostics.size(),
                                                      tr("problem"), tr("problems")))));
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
