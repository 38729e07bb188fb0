#pragma once
// The HParams tab's table: one row per session. Columns are the session's run, each hparam and
// each metric (by display name when one is given), then the session's status. A new table
// replaces the old one row by row (changed rows, inserted and removed sessions), so sorting,
// filters and the selection survive live reloads; only a change of columns resets the model.

#include "core/analysis/hparams_table.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <optional>
#include <utility>

namespace lantern::ui {

class HParamsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1, // a double for numeric columns, else text; empty when unset
        ExportRole, // exact text for CSV: numbers that read back as the same double
        RunRole, // the session's run, on every column
    };
    enum class ColumnKind { Session, HParam, Metric, Status };
    struct Column {
        ColumnKind kind = ColumnKind::Session;
        int index = 0; // into the experiment's hparams or metrics
        QString key; // identity across reloads: "hparam:lr", "metric:validation/acc"
        QString title;
        bool numeric = false; // every value set is a number (metrics always)
        bool operator==(const Column&) const = default;
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setTable(core::HParamsTable table);
    const core::HParamsTable& table() const { return m_table; }
    const std::vector<Column>& columns() const { return m_columns; }
    int columnOf(const QString& key) const;
    int rowOf(const QString& run) const;
    const core::HParamsSession& session(int row) const { return m_table.sessions[row]; }

    // A cell's value as a number (numeric columns), or nullopt when unset or not a number.
    std::optional<double> number(int row, int column) const;
    // A cell's value as the text filters and categorical axes use; "" when unset.
    QString valueText(int row, int column) const;
    // The values a categorical column can take: the declared domain in its order, then values
    // seen in sessions but not declared.
    QStringList categories(int column) const;
    // The smallest and largest number in a numeric column (over every session), if any.
    std::optional<std::pair<double, double>> range(int column) const;

    static QString statusText(core::SessionEndStatus status);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    static std::vector<Column> columnsOf(const core::HParamsTable& table);
    QString toolTip(int row, int column) const;
    void mergeSessions(std::vector<core::HParamsSession> sessions);

    core::HParamsTable m_table;
    std::vector<Column> m_columns;
};

} // namespace lantern::ui
