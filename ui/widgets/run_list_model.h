#pragma once
// The runs panel's model: one row per run with a checkbox and a colour that stays the run's
// own (from its name, unless the user picked another).

#include "ui/adapter/loaded_data.h"

#include <QAbstractListModel>
#include <QColor>
#include <QHash>
#include <QSet>

namespace lantern::ui {

class RunListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { DirectoryRole = Qt::UserRole + 1, RunNameRole };

    using QAbstractListModel::QAbstractListModel;

    void setSnapshot(const LogdirSnapshotPtr& snapshot);
    const core::RunSnapshot& run(int row) const { return *m_runs.at(row); }

    bool isChecked(const QString& runName) const { return !m_unchecked.contains(runName); }
    void setChecked(const QString& runName, bool checked);
    void setAllChecked(bool checked);
    QStringList checkedRuns() const;

    QColor color(const QString& runName) const;
    void setColor(const QString& runName, const QColor& color);
    // The colour a run is offered first; depends only on the name.
    static QColor defaultColor(const QString& runName);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
    // Which runs are shown, or their colours, changed.
    void selectionChanged();

private:
    void assignColors();

    std::vector<std::shared_ptr<const core::RunSnapshot>> m_runs;
    QHash<QString, QColor> m_assigned; // given when a run first appears, then kept
    QSet<QString> m_unchecked;
    QHash<QString, QColor> m_colors; // chosen by the user
};

} // namespace lantern::ui
