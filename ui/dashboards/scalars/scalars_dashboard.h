#pragma once
// The Scalars tab: one card per scalar tag of the checked runs, each a LinePlot with a line per
// run in the run's colour. Cards sit in collapsible groups named by the tag's prefix before the
// first '/', groups and cards in natural order ("a2" before "a10"). Above them: a "Pinned" group
// holding the cards the user pinned (moved there, not copied; pins are remembered by tag across
// sessions), then "Custom charts", each showing the tags the user chose with a line per
// (run, tag). A tag filter (a regular expression; pinned cards and custom charts stay), the
// smoothing weight, the x axis, a log y axis, outlier trimming and hiding cards with no data
// for the checked runs apply to every card. New snapshots update the cards in place: zoom,
// fixed axis ranges and a pinned cursor are kept, and a plot re-reads only changed runs.

#include "core/events/custom_scalars_layout.h"
#include "ui/adapter/loaded_data.h"
#include "ui/dashboards/dashboard.h"
#include "ui/dashboards/scalars/scalar_card.h"
#include "ui/widgets/line_plot.h"

#include <QFuture>
#include <QSet>
#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRegularExpression;
class QSlider;
class QToolButton;

namespace lantern::ui {

class SelectedStep;

class CardGrid;
class RunListModel;

class ScalarsDashboard : public SeriesDashboard {
    Q_OBJECT
public:
    // Asks where to save an export: (dialog title, file stem, suffix) → path, empty to cancel.
    using PathChooser = std::function<QString(const QString&, const QString&, const QString&)>;

    explicit ScalarsDashboard(RunListModel* runs, QWidget* parent = nullptr);
    ~ScalarsDashboard() override;

    void setSnapshot(const LogdirSnapshotPtr& snapshot) override;

    // Dashboard: plots render their lines on workers
    QString key() const override { return QStringLiteral("scalars"); }
    QString title() const override { return tr("Scalars"); }
    bool computesInBackground() const override { return true; }

    // What is shown, in display order (for tests and for the window's status). Groups are
    // named "Pinned", "Custom charts" and by tag prefix; a card by its title (a tag, or a
    // custom chart's tags joined by " + ").
    QStringList groupNames() const;
    QStringList tagsInGroup(const QString& group) const;
    QStringList cardTags() const;
    // A tag's card (wherever it is shown) and its plot, or null.
    ScalarCard* card(const QString& tag) const;
    LinePlot* plot(const QString& tag) const;
    bool isGroupExpanded(const QString& group) const;
    void setGroupExpanded(const QString& group, bool expanded);

    // Pinned tags, remembered in Settings; a pin on a tag this logdir lacks waits for it.
    QStringList pinnedTags() const;
    void setPinned(const QString& tag, bool pinned);

    // Custom charts, in the order they were made (also remembered in Settings).
    std::vector<ScalarCard*> customCharts() const { return m_charts; }
    // Whether a plot is still rendering its lines in the background.
    bool isComputing() const override;
    ScalarCard* addCustomChart(const QStringList& tags);
    void removeCustomChart(ScalarCard* chart);
    // The logs' custom scalars layout (the custom_scalars plugin) as charts at the very top,
    // a group per category, as TensorBoard's Custom Scalars dashboard: a multiline chart has a
    // line per (run, tag) its regular expressions match; a margin chart draws each value tag
    // as a line within a band from its lower to its upper tag. What is wrong with the layout
    // (garbage, an invalid expression, a tag no run holds) is listed above the cards.
    std::vector<ScalarCard*> layoutCharts() const;
    QLabel* layoutProblems() const { return m_layoutProblems; }
    // Every scalar tag of any run, in natural order: what a chart can be made of.
    const QStringList& allTags() const { return m_allTags; }

    QLineEdit* tagFilter() const { return m_filter; }
    QSlider* smoothingSlider() const { return m_smoothing; }
    QComboBox* xAxisBox() const { return m_xAxis; }
    QCheckBox* logScaleBox() const { return m_logScale; }
    QComboBox* tooltipSortBox() const { return m_tooltipSort; }
    // Linked time: a step or range selected on one card is selected on every card.
    QCheckBox* linkStepsBox() const { return m_linkSteps; }
    // How wide the cards are at least: wider cards, fewer columns.
    QSlider* cardWidthSlider() const { return m_cardWidth; }
    // Linked time across tabs: while steps are linked, the selection is published in
    // `selected` for Histograms and Images to follow.
    void publishSelectedStep(SelectedStep* selected) { m_published = selected; }
    QCheckBox* ignoreOutliersBox() const { return m_ignoreOutliers; }
    QCheckBox* hideEmptyBox() const { return m_hideEmpty; }
    QToolButton* newChartButton() const { return m_newChart; }

    // A card as an image (PNG, SVG), or every point of every line it shows as data (CSV:
    // run,tag,step,wall_time,value; JSON: see writeScalarsJson). False when the file fails.
    // Writes the card's image or data to `path`, waiting for it (the menu's exports write
    // data on a worker instead); false when the file cannot be written.
    bool exportCard(ScalarCard* card, ScalarCard::Export format, const QString& path) const;
    bool isExporting() const { return m_exportsRunning > 0; }
    bool exportPng(const QString& tag, const QString& path) const;
    bool exportCsv(const QString& tag, const QString& path) const;
    // Replaces the save dialog the card menus' "Save…" actions ask (tests answer it).
    void setPathChooser(PathChooser chooser) { m_choosePath = std::move(chooser); }

protected:
    // Touches only the cards of the scalar tags that changed.
    void applyChange(
        const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change) override;

private:
    void rebuild();
    // Brings the lines and cards of `tags` up to date with m_snapshot; the rest stay as they are.
    void refreshTags(const std::set<QString>& tags);
    QRegularExpression tagFilterExpression() const;
    bool wantsCard(const QString& tag, const QRegularExpression& filter, bool hasData) const;
    // A run's line for a card, when the run is checked.
    std::optional<LinePlot::Series> lineOf(
        const QString& runName, const core::RunSnapshot& run, const core::TagSnapshot& tag) const;
    // Makes, updates or removes the card of `tag`; true if it was made or removed.
    bool showTagCard(const QString& tag, bool wanted, bool hasData);
    void showEmptyText();
    void updateCustomChart(ScalarCard* chart) const;
    // Makes the layout's charts anew when the layout or the tags it matches changed, else
    // updates their lines; true when cards were made or removed.
    bool updateLayoutCharts();
    struct LayoutChart;
    void updateLayoutChart(const LayoutChart& chart) const;
    void applyOptions();
    void applyOptions(ScalarCard* card); // the toolbar's choices to one card
    // A card's new step selection: every other card's too, while linked.
    void stepsSelected(ScalarCard* from, const std::optional<StepSelection>& selection);
    // Hands the grid every card: pinned, custom charts, then the rest.
    void placeCards();
    ScalarCard* createCard(
        const QStringList& tags, ScalarCard::Kind kind, const QString& title = QString());
    void chooseTags(ScalarCard* card);
    void chooseAxisRanges(ScalarCard* card);
    void chooseExport(ScalarCard* card, ScalarCard::Export format);
    QFuture<bool> writeCardData(
        ScalarCard* card, ScalarCard::Export format, const QString& path) const;
    void saveSettings() const;
    // Remembers a tag card's own axes (in Settings), to restore when it is made again.
    // A card's own axes, kept in Settings under axesKey: a tag card's tag, a custom chart's
    // tags, a layout chart's category and title ("" for a layout chart not yet listed).
    QString axesKey(const ScalarCard* card) const;
    void rememberAxes(const ScalarCard* card);
    void forgetAxes(const ScalarCard* card); // without saving
    void restoreAxes(ScalarCard* card) const;

    RunListModel* m_runs = nullptr;
    LogdirSnapshotPtr m_snapshot;
    LinePlot::Options m_options;
    PathChooser m_choosePath;
    int m_exportsRunning = 0; // data exports being written by workers

    QLineEdit* m_filter = nullptr;
    QSlider* m_smoothing = nullptr;
    QLabel* m_smoothingValue = nullptr;
    QComboBox* m_xAxis = nullptr;
    QCheckBox* m_logScale = nullptr;
    QComboBox* m_tooltipSort = nullptr; // how every card's tooltip orders its runs
    QCheckBox* m_linkSteps = nullptr;
    QSlider* m_cardWidth = nullptr;
    std::optional<StepSelection> m_linkedSteps; // the last selection, while linked
    SelectedStep* m_published = nullptr;
    QCheckBox* m_ignoreOutliers = nullptr;
    QCheckBox* m_hideEmpty = nullptr;
    QToolButton* m_newChart = nullptr;
    CardGrid* m_grid = nullptr;

    // Each scalar tag's lines (one per checked run, named by run) from the last snapshot.
    std::map<QString, std::vector<LinePlot::Series>> m_lines;
    QStringList m_allTags;
    QSet<QString> m_tagSet; // the same tags, to look up
    std::map<QString, ScalarCard*> m_cards; // tag cards, by tag
    std::vector<ScalarCard*> m_charts; // custom charts
    struct LayoutChart {
        QString category; // the grid's group
        QString title;
        QStringList tags; // a multiline chart's matched tags, or each margin's three
        std::vector<core::MarginSeries> margins; // of a margin chart
        ScalarCard* card = nullptr;
        bool sameChart(const LayoutChart& other) const
        {
            return category == other.category && title == other.title && tags == other.tags
                && margins == other.margins;
        }
    };
    std::vector<LayoutChart> m_layoutCharts;
    QSet<QString> m_layoutCategories; // seen: a closed one starts collapsed, once
    QLabel* m_layoutProblems = nullptr;
    QSet<QString> m_pinned;
    QSet<QString> m_enlarged; // tags whose cards are enlarged, should they be made again
    QHash<QString, QString> m_cardYScales; // axesKey → "log"/"linear", as Settings keeps them
    QHash<QString, QString> m_cardXAxes; // axesKey → "step"/"relative"/"wall"
    bool m_placementDirty = false;
};

} // namespace lantern::ui
