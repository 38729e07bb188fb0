#pragma once
// Beside the HParams table: the scalar charts of the selected session's metrics, one LinePlot
// per metric (read from the run the metric names: the session's own, or its group's below it),
// with the metric's title over it. Nothing selected: a line saying to select a session.

#include "ui/adapter/loaded_data.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace lantern::core {
struct HParamsTable;
}

namespace lantern::ui {

class LinePlot;

class SessionCharts : public QWidget {
    Q_OBJECT
public:
    explicit SessionCharts(QWidget* parent = nullptr);

    // Shows the charts of `run`'s session ("" for none), its metrics' series read from
    // `snapshot`. A metric the logs hold no scalars for gets a line saying so.
    void showSession(
        const LogdirSnapshotPtr& snapshot, const core::HParamsTable& table, const QString& run);
    QString session() const { return m_run; }
    int chartCount() const { return int(m_plots.size()); }
    LinePlot* chart(int i) const { return m_plots[std::size_t(i)]; }
    QString chartTitle(int i) const;
    QLabel* heading() const { return m_heading; }

private:
    void clearCharts();

    QString m_run;
    QLabel* m_heading;
    QWidget* m_charts;
    QVBoxLayout* m_chartsLayout;
    std::vector<LinePlot*> m_plots;
    std::vector<QLabel*> m_titles;
};

} // namespace lantern::ui
