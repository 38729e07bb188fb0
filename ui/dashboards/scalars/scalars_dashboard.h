#pragma once
// The Scalars tab: one card per scalar tag of the checked runs, each a LinePlot with a line per
// run in the run's colour. Cards sit in collapsible groups named by the tag's prefix before the
// first '/', groups and cards in natural order ("a2" before "a10"). A tag filter (a regular
// expression), the smoothing weight, the x axis, a log y axis and outlier trimming apply to
// every card. New snapshots update the cards in place: zoom is kept, and a plot re-reads only
// the runs whose series changed.

#include "ui/adapter/loaded_data.h"
#include "ui/widgets/line_plot.h"

#include <QSet>
#include <QWidget>

#include <map>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QScrollArea;
class QSlider;
class QVBoxLayout;

namespace lantern::ui {

class RunListModel;

class ScalarsDashboard : public QWidget {
    Q_OBJECT
public:
    explicit ScalarsDashboard(RunListModel* runs, QWidget* parent = nullptr);
    ~ScalarsDashboard() override;

    void setSnapshot(const LogdirSnapshotPtr& snapshot);

    // What is shown, in display order (for tests and for the window's status).
    QStringList groupNames() const;
    QStringList tagsInGroup(const QString& group) const;
    QStringList cardTags() const;
    LinePlot* plot(const QString& tag) const;
    bool isGroupExpanded(const QString& group) const;
    void setGroupExpanded(const QString& group, bool expanded);

    QLineEdit* tagFilter() const { return m_filter; }
    QSlider* smoothingSlider() const { return m_smoothing; }
    QComboBox* xAxisBox() const { return m_xAxis; }
    QCheckBox* logScaleBox() const { return m_logScale; }
    QCheckBox* ignoreOutliersBox() const { return m_ignoreOutliers; }

    // A card as an image, and every point of every run it shows as CSV
    // (run,tag,step,wall_time,value). False when the tag has no card or the file fails.
    bool exportPng(const QString& tag, const QString& path) const;
    bool exportCsv(const QString& tag, const QString& path) const;

    // The tag's group: the part before the first '/', or the whole tag.
    static QString groupOf(const QString& tag);
    // Natural order: digit runs compare as numbers, case-insensitively otherwise.
    static bool naturalLess(const QString& a, const QString& b);

signals:
    // The set or order of cards changed.
    void cardsChanged();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Card;
    struct Group;

    void rebuild();
    void applyOptions();
    void placeCards();
    int columnCount() const;
    Card* createCard(const QString& tag);
    Group* createGroup(const QString& name);
    void chooseExport(const QString& tag, bool csv);

    RunListModel* m_runs = nullptr;
    LogdirSnapshotPtr m_snapshot;
    LinePlot::Options m_options;

    QLineEdit* m_filter = nullptr;
    QSlider* m_smoothing = nullptr;
    QLabel* m_smoothingValue = nullptr;
    QComboBox* m_xAxis = nullptr;
    QCheckBox* m_logScale = nullptr;
    QCheckBox* m_ignoreOutliers = nullptr;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_content = nullptr;
    QVBoxLayout* m_groupsLayout = nullptr;
    QLabel* m_emptyMessage = nullptr;

    std::map<QString, std::unique_ptr<Card>> m_cards; // by tag
    std::vector<std::unique_ptr<Group>> m_groups; // in display order
    QSet<QString> m_collapsed;
    int m_placedColumns = 0;
};

} // namespace lantern::ui
