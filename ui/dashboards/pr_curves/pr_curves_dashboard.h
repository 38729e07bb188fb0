#pragma once
// The PR Curves tab: a card per PR-curve tag, grouped by the tag's prefix and filtered by a tag
// expression, drawing every checked run's curve at the step its slider chooses (see
// PrCurveCard). Each card's menu saves it as PNG or SVG, and the curves it shows as CSV
// (core/export/pr_curve_csv.h).

#include "ui/adapter/loaded_data.h"
#include "ui/dashboards/dashboard.h"
#include "ui/widgets/card_export_menu.h"

#include <QWidget>

class QLineEdit;
class QMenu;

namespace lantern::ui {

class CardGrid;
class PrCurveCard;
class RunListModel;

class PrCurvesDashboard : public SeriesDashboard {
    Q_OBJECT
public:
    explicit PrCurvesDashboard(RunListModel* runs, QWidget* parent = nullptr);

    void setSnapshot(const LogdirSnapshotPtr& snapshot) override;

    // Dashboard: curves are computed on the GUI thread (a few thresholds per step)
    QString key() const override { return QStringLiteral("pr_curves"); }
    QString title() const override { return tr("PR Curves"); }
    bool computesInBackground() const override { return false; }
    bool isComputing() const override { return false; }

    CardGrid* grid() const { return m_grid; }
    QLineEdit* tagFilter() const { return m_filter; }
    PrCurveCard* card(const QString& tag) const;

    // A card as an image, and the curves it shows as CSV. False when there is no such card or
    // the file cannot be written.
    bool exportImage(const QString& tag, const QString& path, ImageFormat format) const;
    bool exportData(const QString& tag, const QString& path) const;
    // Asks where "Save as…" writes; a file dialog unless replaced.
    void setExportPathChooser(ExportPathChooser choose) { m_choosePath = std::move(choose); }

protected:
    // Hands new curves only to the cards of the tags whose PR-curve series changed.
    void applyChange(
        const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change) override;

private:
    void rebuild();
    void fillMenu(QMenu* menu, const QString& tag);

    RunListModel* m_runs = nullptr;
    LogdirSnapshotPtr m_snapshot;
    QLineEdit* m_filter = nullptr;
    CardGrid* m_grid = nullptr;
    ExportPathChooser m_choosePath;
};

} // namespace lantern::ui
