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

    // A tag card shows tags.front(); a custom chart all of `tags`.
    ScalarCard(const QStringList& tags, bool custom, QWidget* parent = nullptr);

    const QStringList& tags() const { return m_tags; }
    void setTags(const QStringList& tags); // a custom chart's, after the user edits them
    bool isCustom() const { return m_custom; }
    // The tag, or a custom chart's tags joined by " + ".
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
    void setLogScaleOverride(std::optional<bool> log); // emits logScaleOverrideChanged
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
    void logScaleOverrideChanged();

private:
    void showStepTable(const std::optional<StepSelection>& selection);
    void applyHeight();

    QStringList m_tags;
    bool m_custom = false;
    ElidedLabel* m_title = nullptr;
    QLabel* m_noData = nullptr;
    LinePlot* m_plot = nullptr;
    StepStrip* m_strip = nullptr;
    StepDataTable* m_table = nullptr;
    std::optional<bool> m_logOverride;
    QAction* m_yAxis[3] = {}; // the menu's choices: the toolbar's, linear, log
    QMenu* m_menu = nullptr;
    QAction* m_pin = nullptr;
    QAction* m_enlarge = nullptr;
};

} // namespace lantern::ui
