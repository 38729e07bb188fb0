#pragma once
// The Text tab: a card per text tag and checked run, grouped by the tag's prefix, filtered by a
// tag expression, each listing every step of its series newest first (see TextCard); a switch
// between rendered markdown and the plain text as written.

#include "ui/adapter/loaded_data.h"
#include "ui/dashboards/dashboard.h"

#include <QWidget>

class QCheckBox;
class QLineEdit;

namespace lantern::ui {

class CardGrid;
class RunListModel;
class TextCard;

class TextDashboard : public SeriesDashboard {
    Q_OBJECT
public:
    explicit TextDashboard(RunListModel* runs, QWidget* parent = nullptr);

    void setSnapshot(const LogdirSnapshotPtr& snapshot) override;

    // Dashboard: its cards lay text out on the GUI thread
    QString key() const override { return QStringLiteral("text"); }
    QString title() const override { return tr("Text"); }
    bool computesInBackground() const override { return false; }
    bool isComputing() const override { return false; }

    CardGrid* grid() const { return m_grid; }
    QLineEdit* tagFilter() const { return m_filter; }
    QCheckBox* markdownBox() const { return m_markdown; }
    TextCard* card(const QString& tag, const QString& run) const;

protected:
    // Hands new entries only to the cards of the text series that changed.
    void applyChange(
        const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change) override;

private:
    void rebuild();
    void applyFormat();

    RunListModel* m_runs = nullptr;
    LogdirSnapshotPtr m_snapshot;
    QLineEdit* m_filter = nullptr;
    QCheckBox* m_markdown = nullptr;
    CardGrid* m_grid = nullptr;
};

} // namespace lantern::ui
