#pragma once
// The runs table's model: one row per run with what it holds (files, records, steps, wall
// times, tags of each kind, problems) and a column per hparam the runs have values for. Rows
// are updated in place: a live reload that changed 100 of 10,000 runs emits dataChanged for
// those rows (and rowsInserted for new runs), never a reset, so selections, persistent indexes
// and the sort order of the view survive. The check and colour columns are the runs panel's
// (RunListModel): checking a run here checks it everywhere.

#include "core/analysis/run_summary.h"
#include "ui/adapter/loaded_data.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace lantern::ui {

class RunListModel;

class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ShownColumn, // the check box
        ColorColumn,
        RunColumn,
        LogDirectoryColumn,
        EventFilesColumn,
        RecordsColumn,
        FirstStepColumn,
        LastStepColumn,
        FirstWallTimeColumn,
        LastWallTimeColumn,
        DurationColumn,
        LastUpdateColumn,
        ProblemsColumn,
        FirstKindColumn, // tags of each ValueKind, in kAllValueKinds order
        FirstHParamColumn = FirstKindColumn + int(core::kValueKindCount),
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers as numbers: sorts and marks CSV numbers
        ExportRole, // exact text for CSV: numbers read back as the same value
        RunNameRole,
    };
    // A run that changed within this time is live: "last update" counts seconds.
    static constexpr qint64 kLiveMs = 3 * 60 * 1000;

    explicit RunsTableModel(RunListModel* runs, QObject* parent = nullptr);

    // Shows `snapshot`; `change` says what changed since the last one (a reset only when it is
    // "everything").
    void setSnapshot(const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change);
    // Emits dataChanged for the "last update" cells whose text moves on with the clock.
    void refreshAges();
    // Milliseconds since the epoch; tests set their own clock.
    void setClock(std::function<qint64()> now) { m_now = std::move(now); }

    // A cell's sort key without a QVariant (a sort of 10,000 rows compares 140,000 pairs).
    struct SortKey {
        enum Kind { Empty, Number, Text } kind = Empty;
        double number = 0;
        QString text;
    };
    SortKey sortKey(int row, int column) const;

    QString runName(int row) const { return m_rows[std::size_t(row)].name; }
    std::uint64_t problems(int row) const { return m_rows[std::size_t(row)].summary.problems; }
    bool isLive(int row) const;
    int hparamCount() const { return int(m_hparams.size()); }
    const RunListModel* runs() const { return m_runs; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Row {
        std::shared_ptr<const core::RunSnapshot> run;
        QString name;
        core::RunSummary summary;
        const core::SessionStartInfo* session = nullptr; // lives in m_snapshot
        qint64 updatedMs = 0; // when Lantern saw it change, else its last wall time; 0: never
    };

    void reset(const LogdirSnapshotPtr& snapshot);
    Row rowFor(const std::shared_ptr<const core::RunSnapshot>& run) const;
    // Adds columns for hparams these rows hold that have none yet.
    void addHParamColumns(const std::vector<int>& rows);
    void announceRows(std::vector<int> rows, int firstColumn, int lastColumn);
    QVariant display(const Row& row, int column) const;
    QVariant sortValue(const Row& row, int column) const;
    QVariant exportValue(const Row& row, int column) const;
    const core::HParamValue* hparamOf(const Row& row, int column) const;

    RunListModel* m_runs;
    LogdirSnapshotPtr m_snapshot;
    std::vector<Row> m_rows; // in the order runs first appeared; the view sorts
    QHash<QString, int> m_rowOf;
    QStringList m_hparams; // one column each, in the order they appeared
    std::function<qint64()> m_now;
};

} // namespace lantern::ui
