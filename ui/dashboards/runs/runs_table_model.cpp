#include "ui/dashboards/runs/runs_table_model.h"

#include "core/analysis/hparams_table.h"
#include "core/export/csv_text.h"
#include "core/load/logdir_loader.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/runs/run_time_text.h"
#include "ui/widgets/run_coloring.h"
#include "ui/widgets/run_list_model.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <set>

namespace lantern::ui {
namespace {

// Ages are shown ("3 s ago") for an hour; older updates show their date and time.
constexpr qint64 kAgeShownMs = 3600 * 1000;

const char* kindTitle(core::ValueKind kind)
{
    switch (kind) {
    case core::ValueKind::Scalar:
        return QT_TRANSLATE_NOOP("RunsTableModel", "Scalar tags");
    case core::ValueKind::Histogram:
        return QT_TRANSLATE_NOOP("RunsTableModel", "Histogram tags");
    case core::ValueKind::Image:
        return QT_TRANSLATE_NOOP("RunsTableModel", "Image tags");
    case core::ValueKind::Audio:
        return QT_TRANSLATE_NOOP("RunsTableModel", "Audio tags");
    case core::ValueKind::Text:
        return QT_TRANSLATE_NOOP("RunsTableModel", "Text tags");
    case core::ValueKind::PrCurve:
        return QT_TRANSLATE_NOOP("RunsTableModel", "PR curve tags");
    case core::ValueKind::HParams:
        return QT_TRANSLATE_NOOP("RunsTableModel", "HParams tags");
    case core::ValueKind::KerasModel:
        return QT_TRANSLATE_NOOP("RunsTableModel", "Keras model tags");
    case core::ValueKind::RunMetadata:
        return QT_TRANSLATE_NOOP("RunsTableModel", "Run metadata tags");
    case core::ValueKind::Tensor:
        return QT_TRANSLATE_NOOP("RunsTableModel", "Other tensor tags");
    }
    return "";
}

QVariant optionalStep(const std::optional<std::int64_t>& step)
{
    return step ? QVariant(qlonglong(*step)) : QVariant();
}

QVariant optionalSeconds(const std::optional<double>& seconds)
{
    return seconds ? QVariant(*seconds) : QVariant();
}

} // namespace

RunsTableModel::RunsTableModel(RunListModel* runs, QObject* parent)
    : QAbstractTableModel(parent)
    , m_runs(runs)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    // The runs panel's checks and colours are these columns' too.
    connect(m_runs, &RunListModel::selectionChanged, this, [this] {
        if (!m_rows.empty())
            emit dataChanged(index(0, ShownColumn), index(rowCount() - 1, ColorColumn),
                {Qt::CheckStateRole, Qt::DecorationRole, SortRole});
    });
}

RunsTableModel::Row RunsTableModel::rowFor(
    const std::shared_ptr<const core::RunSnapshot>& run) const
{
    Row row;
    row.run = run;
    row.name = QString::fromStdString(run->name);
    row.summary = core::summarizeRun(*run);
    row.updatedMs = row.summary.lastWallTime ? qint64(*row.summary.lastWallTime * 1000) : 0;
    return row;
}

void RunsTableModel::setSnapshot(
    const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change)
{
    if (!snapshot || change.everything || !m_snapshot) {
        reset(snapshot);
        return;
    }
    m_snapshot = snapshot;
    const std::vector<const core::SessionStartInfo*> sessions = core::sessionStartsByRun(*snapshot);
    const auto positionOf = [&](const std::string& name) -> std::optional<std::size_t> {
        const auto it = std::lower_bound(snapshot->runs.begin(), snapshot->runs.end(), name,
            [](const auto& run, const std::string& wanted) { return run->name < wanted; });
        if (it == snapshot->runs.end() || (*it)->name != name)
            return std::nullopt;
        return std::size_t(it - snapshot->runs.begin());
    };

    // Runs that are gone leave, from the last row up so the rows before stay where they are.
    std::vector<int> removed;
    for (const std::string& name : change.runs)
        if (!positionOf(name))
            if (const auto it = m_rowOf.constFind(QString::fromStdString(name));
                it != m_rowOf.cend())
                removed.push_back(*it);
    std::sort(removed.rbegin(), removed.rend());
    for (const int row : removed) {
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        endRemoveRows();
    }
    if (!removed.empty()) {
        m_rowOf.clear();
        for (int row = 0; row < rowCount(); ++row)
            m_rowOf.insert(m_rows[std::size_t(row)].name, row);
    }

    // Runs that changed are updated in place; new ones are added at the end (the view sorts).
    const qint64 now = m_now();
    std::vector<int> changed;
    std::vector<Row> added;
    for (const std::string& name : change.runs) {
        const auto position = positionOf(name);
        if (!position)
            continue;
        const auto& run = snapshot->runs[*position];
        const auto it = m_rowOf.constFind(QString::fromStdString(name));
        if (it == m_rowOf.cend()) {
            added.push_back(rowFor(run));
            added.back().session = sessions[*position];
            added.back().updatedMs = now;
            continue;
        }
        Row& row = m_rows[std::size_t(*it)];
        if (row.run == run)
            continue;
        row.run = run;
        row.summary = core::summarizeRun(*run);
        row.updatedMs = now;
        changed.push_back(*it);
    }
    // A session that appeared in a parent run gives its hparams to the runs below it; and every
    // row's session is looked up in this snapshot, which keeps it alive.
    const bool anySession = std::any_of(
        sessions.begin(), sessions.end(), [](const auto* session) { return session != nullptr; });
    if (anySession || !m_hparams.isEmpty())
        for (std::size_t position = 0; position < snapshot->runs.size(); ++position)
            if (const auto it
                = m_rowOf.constFind(QString::fromStdString(snapshot->runs[position]->name));
                it != m_rowOf.cend() && m_rows[std::size_t(*it)].session != sessions[position]) {
                m_rows[std::size_t(*it)].session = sessions[position];
                changed.push_back(*it);
            }
    std::vector<int> touched = changed;
    announceRows(std::move(changed), EventFilesColumn, columnCount() - 1);
    if (!added.empty()) {
        const int first = rowCount();
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (Row& row : added) {
            touched.push_back(rowCount());
            m_rowOf.insert(row.name, rowCount());
            m_rows.push_back(std::move(row));
        }
        endInsertRows();
    }
    addHParamColumns(touched);
}

void RunsTableModel::reset(const LogdirSnapshotPtr& snapshot)
{
    beginResetModel();
    m_snapshot = snapshot;
    m_rows.clear();
    m_rowOf.clear();
    m_hparams.clear();
    if (snapshot) {
        const std::vector<const core::SessionStartInfo*> sessions
            = core::sessionStartsByRun(*snapshot);
        m_rows.reserve(snapshot->runs.size());
        std::set<QString> hparams;
        for (std::size_t i = 0; i < snapshot->runs.size(); ++i) {
            m_rows.push_back(rowFor(snapshot->runs[i]));
            m_rows.back().session = sessions[i];
            m_rowOf.insert(m_rows.back().name, int(i));
            if (sessions[i])
                for (const auto& [name, value] : sessions[i]->hparams)
                    hparams.insert(QString::fromStdString(name));
        }
        m_hparams = QStringList(hparams.begin(), hparams.end());
    }
    endResetModel();
}

void RunsTableModel::addHParamColumns(const std::vector<int>& rows)
{
    QStringList added;
    for (const int index : rows)
        if (const Row& row = m_rows[std::size_t(index)]; row.session)
            for (const auto& [name, value] : row.session->hparams)
                if (const QString text = QString::fromStdString(name);
                    !m_hparams.contains(text) && !added.contains(text))
                    added.append(text);
    if (added.isEmpty())
        return;
    added.sort();
    const int first = columnCount();
    beginInsertColumns({}, first, first + int(added.size()) - 1);
    m_hparams.append(added);
    endInsertColumns();
}

void RunsTableModel::announceRows(std::vector<int> rows, int firstColumn, int lastColumn)
{
    // One signal per block of adjacent rows: a proxy re-sorts and re-filters only those.
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (std::size_t start = 0; start < rows.size();) {
        std::size_t end = start;
        while (end + 1 < rows.size() && rows[end + 1] == rows[end] + 1)
            ++end;
        emit dataChanged(index(rows[start], firstColumn), index(rows[end], lastColumn));
        start = end + 1;
    }
}

void RunsTableModel::refreshAges()
{
    const qint64 now = m_now();
    std::vector<int> rows;
    for (int row = 0; row < rowCount(); ++row) {
        const qint64 updated = m_rows[std::size_t(row)].updatedMs;
        // One second more than the ages shown, so the last of them turns into a date.
        if (updated > 0 && now - updated <= kAgeShownMs + 1000)
            rows.push_back(row);
    }
    announceRows(std::move(rows), LastUpdateColumn, LastUpdateColumn);
}

RunsTableModel::SortKey RunsTableModel::sortKey(int row, int column) const
{
    const Row& r = m_rows[std::size_t(row)];
    const core::RunSummary& s = r.summary;
    const auto number = [](double value) { return SortKey {SortKey::Number, value, {}}; };
    const auto step = [&](const std::optional<std::int64_t>& value) {
        return value ? number(double(*value)) : SortKey {};
    };
    const auto seconds
        = [&](const std::optional<double>& value) { return value ? number(*value) : SortKey {}; };
    switch (column) {
    case RunColumn:
        return {SortKey::Text, 0, r.name};
    case EventFilesColumn:
        return number(double(s.eventFiles));
    case RecordsColumn:
        return number(double(s.records));
    case FirstStepColumn:
        return step(s.firstStep);
    case LastStepColumn:
        return step(s.lastStep);
    case FirstWallTimeColumn:
        return seconds(s.firstWallTime);
    case LastWallTimeColumn:
        return seconds(s.lastWallTime);
    case LastUpdateColumn:
        return r.updatedMs > 0 ? number(double(r.updatedMs)) : SortKey {};
    case ProblemsColumn:
        return number(double(s.problems));
    default:
        break;
    }
    if (column >= FirstKindColumn && column < FirstHParamColumn)
        return number(double(s.tagsOfKind[std::size_t(column - FirstKindColumn)]));
    const QVariant value = sortValue(r, column); // the rest: from the general path
    if (!value.isValid())
        return {};
    if (value.typeId() == QMetaType::QString)
        return {SortKey::Text, 0, value.toString()};
    return number(value.toDouble());
}

bool RunsTableModel::isLive(int row) const
{
    const qint64 updated = m_rows[std::size_t(row)].updatedMs;
    return updated > 0 && m_now() - updated < kLiveMs;
}

int RunsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FirstHParamColumn + int(m_hparams.size());
}

const core::HParamValue* RunsTableModel::hparamOf(const Row& row, int column) const
{
    if (column < FirstHParamColumn || !row.session)
        return nullptr;
    const auto it = row.session->hparams.find(m_hparams[column - FirstHParamColumn].toStdString());
    return it == row.session->hparams.end() ? nullptr : &it->second;
}

QVariant RunsTableModel::display(const Row& row, int column) const
{
    const core::RunSummary& s = row.summary;
    switch (column) {
    case RunColumn:
        return row.name;
    case LogDirectoryColumn:
        return qStringFromPath(row.run->directory);
    case FirstWallTimeColumn:
        return s.firstWallTime ? wallTimeText(*s.firstWallTime) : QString();
    case LastWallTimeColumn:
        return s.lastWallTime ? wallTimeText(*s.lastWallTime) : QString();
    case DurationColumn:
        return s.firstWallTime ? durationText(*s.lastWallTime - *s.firstWallTime) : QString();
    case LastUpdateColumn: {
        if (row.updatedMs == 0)
            return QString();
        const qint64 age = m_now() - row.updatedMs;
        return age >= 0 && age < kAgeShownMs ? ageText(age) : wallTimeText(row.updatedMs / 1000.0);
    }
    default:
        if (const core::HParamValue* value = hparamOf(row, column))
            return hparamValueText(*value);
        return sortValue(row, column);
    }
}

QVariant RunsTableModel::sortValue(const Row& row, int column) const
{
    const core::RunSummary& s = row.summary;
    switch (column) {
    case ShownColumn:
        return m_runs->isChecked(row.name) ? 1 : 0;
    case ColorColumn:
        return m_runs->color(row.name).name();
    case RunColumn:
    case LogDirectoryColumn:
        return display(row, column);
    case EventFilesColumn:
        return qulonglong(s.eventFiles);
    case RecordsColumn:
        return qulonglong(s.records);
    case FirstStepColumn:
        return optionalStep(s.firstStep);
    case LastStepColumn:
        return optionalStep(s.lastStep);
    case FirstWallTimeColumn:
        return optionalSeconds(s.firstWallTime);
    case LastWallTimeColumn:
        return optionalSeconds(s.lastWallTime);
    case DurationColumn:
        return s.firstWallTime ? QVariant(*s.lastWallTime - *s.firstWallTime) : QVariant();
    case LastUpdateColumn:
        return row.updatedMs > 0 ? QVariant(qlonglong(row.updatedMs)) : QVariant();
    case ProblemsColumn:
        return qulonglong(s.problems);
    default:
        break;
    }
    if (column < FirstHParamColumn)
        return qulonglong(s.tagsOfKind[std::size_t(column - FirstKindColumn)]);
    const core::HParamValue* value = hparamOf(row, column);
    if (!value)
        return {};
    if (const auto* number = std::get_if<double>(value))
        return *number;
    return hparamValueText(*value);
}

QVariant RunsTableModel::exportValue(const Row& row, int column) const
{
    const core::RunSummary& s = row.summary;
    const auto exact = [](const std::optional<double>& seconds) {
        return seconds ? QString::fromStdString(core::formatWallTime(*seconds)) : QString();
    };
    switch (column) {
    case ShownColumn:
        return m_runs->isChecked(row.name) ? QStringLiteral("true") : QStringLiteral("false");
    case FirstWallTimeColumn:
        return exact(s.firstWallTime);
    case LastWallTimeColumn:
        return exact(s.lastWallTime);
    case DurationColumn:
        return s.firstWallTime
            ? QString::fromStdString(core::shortestNumber(*s.lastWallTime - *s.firstWallTime))
            : QString();
    case LastUpdateColumn:
        return row.updatedMs > 0 ? exact(row.updatedMs / 1000.0) : QString();
    default:
        return display(row, column).toString();
    }
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return column == ShownColumn || column == ColorColumn ? QVariant() : display(row, column);
    case SortRole:
        return sortValue(row, column);
    case ExportRole:
        return exportValue(row, column);
    case RunNameRole:
        return row.name;
    case Qt::CheckStateRole:
        if (column == ShownColumn)
            return m_runs->isChecked(row.name) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::DecorationRole:
        if (column == ColorColumn)
            return m_runs->color(row.name);
        return {};
    case Qt::TextAlignmentRole:
        if (column >= EventFilesColumn && column != FirstWallTimeColumn
            && column != LastWallTimeColumn && column != LastUpdateColumn
            && sortValue(row, column).typeId() != QMetaType::QString)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        // Problems read as a link to Diagnostics.
        if (column == ProblemsColumn && row.summary.problems > 0)
            return QGuiApplication::palette().brush(QPalette::Link);
        return {};
    case Qt::FontRole:
        if (column == ProblemsColumn && row.summary.problems > 0) {
            QFont font;
            font.setUnderline(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == ProblemsColumn && row.summary.problems > 0)
            return tr("Click to list them in Diagnostics");
        if (column == ColorColumn)
            return tr("Click to choose the run's colour");
        if (column == LogDirectoryColumn)
            return display(row, column);
        return {};
    default:
        return {};
    }
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ShownColumn:
        return tr("Shown");
    case ColorColumn:
        return tr("Colour");
    case RunColumn:
        return tr("Run");
    case LogDirectoryColumn:
        return tr("Log directory");
    case EventFilesColumn:
        return tr("Event files");
    case RecordsColumn:
        return tr("Records");
    case FirstStepColumn:
        return tr("First step");
    case LastStepColumn:
        return tr("Last step");
    case FirstWallTimeColumn:
        return tr("First wall time");
    case LastWallTimeColumn:
        return tr("Last wall time");
    case DurationColumn:
        return tr("Duration");
    case LastUpdateColumn:
        return tr("Last update");
    case ProblemsColumn:
        return tr("Problems");
    default:
        break;
    }
    if (section < FirstHParamColumn)
        return tr(kindTitle(core::kAllValueKinds[section - FirstKindColumn]));
    if (section - FirstHParamColumn < m_hparams.size())
        return m_hparams[section - FirstHParamColumn];
    return {};
}

bool RunsTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.column() != ShownColumn || role != Qt::CheckStateRole)
        return false;
    m_runs->setChecked(runName(index.row()), value.value<Qt::CheckState>() == Qt::Checked);
    return true;
}

Qt::ItemFlags RunsTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return index.column() == ShownColumn ? flags | Qt::ItemIsUserCheckable : flags;
}

} // namespace lantern::ui
