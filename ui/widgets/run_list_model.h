#pragma once
// The runs panel's model: one row per run with a checkbox and a colour that stays the run's
// own (from its name, unless the user picked another). When runs come from several named log
// directories, they sit under one group row per logdir; the group's checkbox shows and sets
// all of its runs at once. Every view that draws runs takes their colours from color(), which
// follows the colour scheme (colour by run, regex group, log directory or hparam).

#include "ui/adapter/loaded_data.h"
#include "ui/widgets/run_coloring.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QHash>
#include <QSet>

#include <optional>

namespace lantern::ui {

class RunListModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        DirectoryRole = Qt::UserRole + 1,
        RunNameRole, // the run's full name; empty on a group row
        GroupRole, // true on a logdir's group row
    };

    using QAbstractItemModel::QAbstractItemModel;

    void setSnapshot(const LogdirSnapshotPtr& snapshot);
    int runCount() const { return static_cast<int>(m_runs.size()); }
    // True when runs are shown under one group row per logdir.
    bool isGrouped() const { return !m_groups.empty(); }

    bool isChecked(const QString& runName) const { return !m_unchecked.contains(runName); }
    void setChecked(const QString& runName, bool checked);
    void setChecked(const QStringList& runNames, bool checked);
    void setAllChecked(bool checked);
    QStringList checkedRuns() const;
    // The full names of the runs under a group row (or of the run on a run row).
    QStringList runsAt(const QModelIndex& index) const;

    // The colour to draw the run in: under the scheme "by run", the colour the user chose for
    // it or else its own; under another, its group's.
    QColor color(const QString& runName) const;
    void setColor(const QString& runName, const QColor& color);
    // The colours users chose, by run name (remembered between sessions by the window).
    const QHash<QString, QColor>& chosenColors() const { return m_colors; }
    void setChosenColors(const QHash<QString, QColor>& colors);
    // The colour a run is offered first; depends only on the name.
    static QColor defaultColor(const QString& runName);

    const RunColorScheme& colorScheme() const { return m_scheme; }
    void setColorScheme(const RunColorScheme& scheme);
    // The names of the hparams runs hold values for, sorted (what ColorBy::HParam can use).
    QStringList hparamNames() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
    // Which runs are shown, or their colours, changed.
    void selectionChanged();
    // The user chose a colour for a run.
    void colorChosen(const QString& runName, const QColor& color);

private:
    struct Group {
        QString name;
        std::vector<std::size_t> runs; // indexes into m_runs
    };

    void assignColors();
    // The colours of the scheme's groups, when it is not "by run".
    void assignGroupColors();
    void regroup();
    // The run a row shows, or nullopt for a group row.
    std::optional<std::size_t> runAt(const QModelIndex& index) const;
    QVariant groupData(const Group& group, int role) const;
    QVariant runData(const core::RunSnapshot& run, int role) const;
    void announceChange(const QList<int>& roles);

    LogdirSnapshotPtr m_snapshot;
    std::vector<std::shared_ptr<const core::RunSnapshot>> m_runs;
    std::vector<Group> m_groups; // empty when every run comes from the same logdir
    QHash<QString, std::size_t> m_assigned; // palette index, given when a run first appears
    QSet<QString> m_unchecked;
    QHash<QString, QColor> m_colors; // chosen by the user
    RunColorScheme m_scheme;
    QHash<QString, QColor> m_groupColors; // by run name, under a scheme other than "by run"
};

} // namespace lantern::ui
