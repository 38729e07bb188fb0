#pragma once
// What the Histograms and Distributions tabs share: a card per histogram tag and checked run in
// a HistogramCardGrid, a tag filter (a regular expression matched anywhere in the tag, ignoring
// case), the offset axis, the step range, and each card's menu: the card as PNG or SVG, and its
// series as CSV (every stored step; the tab says which table, see core/export/histogram_csv.h).
// A tab adds its plot and any controls of its own.

#include "ui/adapter/loaded_data.h"
#include "ui/dashboards/dashboard.h"
#include "ui/widgets/card_export_menu.h"
#include "ui/widgets/histogram_card_grid.h"

#include <QWidget>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

class QComboBox;
class QHBoxLayout;
class QLineEdit;
class QMenu;

namespace lantern::ui {

class RunListModel;
class StepRangeBar;

class HistogramCardsDashboard : public SeriesDashboard {
    Q_OBJECT
public:
    void setSnapshot(const LogdirSnapshotPtr& snapshot) override;

    // Dashboard: plots summarise their series on workers. Key and title are the tab's own.
    bool computesInBackground() const override { return true; }

    HistogramCardGrid* grid() const { return m_grid; }
    QLineEdit* tagFilter() const { return m_filter; }
    QComboBox* axisBox() const { return m_axis; }
    StepRangeBar* stepRangeBar() const { return m_stepRange; }
    const HistogramPlotOptions& options() const { return m_options; }
    // True while some card's plot is still summarising its series.
    bool isComputing() const override;

    // A card as an image, and its series as CSV. False when there is no such card or the file
    // cannot be written.
    bool exportImage(
        const QString& tag, const QString& run, const QString& path, ImageFormat format) const;
    bool exportData(const QString& tag, const QString& run, const QString& path) const;

    // Asks where "Save as…" writes; a file dialog unless replaced.
    void setExportPathChooser(ExportPathChooser choose) { m_choosePath = std::move(choose); }

protected:
    // A card's series as CSV: the menu entry ("Save buckets as CSV…") and the table's header
    // and rows (core/export/histogram_csv.h).
    struct DataExport {
        QString menuText;
        std::string (*header)();
        void (*appendRows)(std::string& out, std::string_view run, std::string_view tag,
            const HistogramSeriesPlot::Entries& entries);
    };

    // `name` keys the widgets: "<name>s" is the tab, "<name>Cards" the grid, "<name>Axis"…
    HistogramCardsDashboard(RunListModel* runs, const QString& name, const QString& axisLabel,
        DataExport dataExport, QWidget* parent);

    virtual HistogramSeriesPlot* createPlot(QWidget* parent) const = 0;

    // Hands new entries only to the cards of the histogram series that changed.
    void applyChange(
        const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change) override;

    // Adds a tab's own control to the row, before the axis.
    void addControl(const QString& label, QWidget* control);
    // Changes the options of every plot.
    void setOptions(const HistogramPlotOptions& options);

private:
    void rebuild();
    // The step range's extent: from `cards`, or widened by them when `widen`.
    void updateExtent(const std::vector<HistogramCardGrid::CardSpec>& cards, bool widen);
    void fillMenu(QMenu* menu, const QString& tag, const QString& run);

    RunListModel* m_runs = nullptr;
    LogdirSnapshotPtr m_snapshot;
    HistogramPlotOptions m_options;
    QHBoxLayout* m_controls = nullptr;
    int m_controlSlot = 0; // where addControl inserts
    QLineEdit* m_filter = nullptr;
    QComboBox* m_axis = nullptr;
    StepRangeBar* m_stepRange = nullptr;
    std::optional<std::pair<std::int64_t, std::int64_t>> m_extent; // of the steps shown
    HistogramCardGrid* m_grid = nullptr;
    DataExport m_dataExport;
    ExportPathChooser m_choosePath;
};

} // namespace lantern::ui
