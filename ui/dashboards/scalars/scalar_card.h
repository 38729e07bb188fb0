#pragma once
// One chart on the Scalars tab: a title, a pin and an enlarge toggle, a menu of what else it
// can do, and its LinePlot. A tag card shows one tag of every checked run; a custom chart shows
// the tags the user chose, a line per (run, tag). The card only asks: the dashboard decides
// what pinning, exporting or choosing tags means.

#include "ui/widgets/line_layout.h"
#include "ui/widgets/step_selection.h"

#include <QFrame>

#include <optional>
#include <vector>

class QAction;
class QLabel;
class QMenu;
class QToolButton;

namespace lantern::ui {

class ElidedLabel;
class LinePlot;
class StepDataTable;
class StepStrip;

class ScalarCard : public QFrame {
    Q_OBJECT
public:
    enum class Export { Png, Svg, Csv, Json };

    // Tag: a tag card; Custom: a chart of the tags the user chose; Layout: a chart of the logs'
    // custom scalars layout, titled by it, whose tags the layout decides.
    enum class Kind { Tag, Custom, Layout };

    // A tag card shows tags.front(); a custom chart all of `tags`.
    ScalarCard(const QStringList& tags, bool custom, QWidget* parent = nullptr);
    // `title`: a Layout chart's (others are titled by their tags).
    ScalarCard(const QStringList& tags, Kind kind, const QString& title, QWidget* parent = nullptr);

    const QStringList& tags() const { return m_tags; }
    void setTags(const QStringList& tags); // a custom chart's, after the user edits them
    bool isCustom() const { return m_kind != Kind::Tag; } // not a tag's own card
    Kind kind() const { return m_kind; }
    // The tag, a custom chart's tags joined by " + ", or a layout chart's title.
    QString title() const;
    LinePlot* plot() const { return m_plot; }
    // Hands the plot its lines, and the data table too when a step is selected.
    void setSeries(std::vector<LineSeries> series);
    // Options changed on the plot (smoothing): the table follows.
    void refreshStepTable();

    // The step or range selected on this card (the strip under its plot), and the table of
    // every run's values there shown under the plot while there is one.
    std::optional<StepSelection> stepSelection() const;
    void setStepSelection(const std::optional<StepSelection>& selection); // without the signal
    StepStrip* stepStrip() const { return m_strip; }

    // This card's own y scale: log (true), linear (false), or the toolbar's (none).
    std::optional<bool> logScaleOverride() const { return m_logOverride; }
    void setLogScaleOverride(std::optional<bool> log); // emits axesOverrideChanged
    // This card's own x axis, or the toolbar's (none).
    std::optional<XAxisMode> xAxisOverride() const { return m_xAxisOverride; }
    void setXAxisOverride(std::optional<XAxisMode> mode); // emits axesOverrideChanged
    StepDataTable* stepTable() const { return m_table; }
    QMenu* menu() const { return m_menu; }
    // The menu's action whose text starts with `text` (for tests), or null.
    QAction* action(const QString& text) const;

    bool isPinned() const;
    void setPinned(bool pinned); // without emitting pinToggled
    bool isEnlarged() const;
    void setEnlarged(bool enlarged); // without emitting enlargeToggled

    // The note shown over an empty plot when the checked runs have nothing for this card.
    void setNoDataNoteShown(bool shown);
    bool isNoDataNoteShown() const;

signals:
    void pinToggled(bool pinned);
    void enlargeToggled(bool enlarged);
    void exportRequested(ScalarCard::Export format);
    void tagsRequested(); // "Add tag to this chart…" on a tag card, "Edit tags…" on a custom one
    void removeRequested(); // a custom chart's "Remove chart"
    void axisRangesRequested();
    void stepSelectionChanged(std::optional<lantern::ui::StepSelection> selection);
    void axesOverrideChanged(); // the card's own y scale or x axis

private:
    void showStepTable(const std::optional<StepSelection>& selection);
    void applyHeight();

    QStringList m_tags;
    Kind m_kind = Kind::Tag;
    QString m_layoutTitle;
    ElidedLabel* m_title = nullptr;
    QLabel* m_noData = nullptr;
    LinePlot* m_plot = nullptr;
    StepStrip* m_strip = nullptr;
    StepDataTable* m_table = nullptr;
    std::optional<bool> m_logOverride;
    QAction* m_yAxis[3] = {}; // the menu's choices: the toolbar's, linear, log
    std::optional<XAxisMode> m_xAxisOverride;
    QAction* m_xAxis[4] = {}; // the toolbar's, then XAxisMode's in order: step, relative, wall
    QMenu* m_menu = nullptr;
    QAction* m_pin = nullptr;
    QAction* m_enlarge = nullptr;
};

} // namespace lantern::ui
