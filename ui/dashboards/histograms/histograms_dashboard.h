#pragma once
// The Histograms tab: one card per histogram tag and checked run, each a HistogramPlot in
// offset (ridge) or overlay mode against step, relative or wall time. A card's data export is
// its buckets, one row per step and bucket.

#include "ui/dashboards/histogram_cards/histogram_cards_dashboard.h"
#include "ui/widgets/histogram_plot.h"

namespace lantern::ui {

class SelectedStep;

class HistogramsDashboard : public HistogramCardsDashboard {
    Q_OBJECT
public:
    explicit HistogramsDashboard(RunListModel* runs, QWidget* parent = nullptr);

    QString key() const override { return QStringLiteral("histograms"); }
    QString title() const override { return tr("Histograms"); }
    HistogramPlot* plot(const QString& tag, const QString& run) const;
    QComboBox* modeBox() const { return m_mode; }
    // Linked time: every plot highlights the step `selected` holds (a range's first).
    void followSelectedStep(SelectedStep* selected);

protected:
    HistogramSeriesPlot* createPlot(QWidget* parent) const override;

private:
    QComboBox* m_mode = nullptr;
    std::optional<std::int64_t> m_markedStep;
};

} // namespace lantern::ui
