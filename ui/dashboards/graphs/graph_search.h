#pragma once
// Search over a graph's op names, made to run off the GUI thread: matching a regular
// expression against every op of a 20,000-op graph takes tens of milliseconds. The matches
// are listed by GraphSearchResults, a list model that makes each row's text only when the
// view draws it, so that thousands of matches cost nothing to show.

#include "core/analysis/graph_hierarchy.h"

#include <QAbstractListModel>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace lantern::ui {

// The ops (never groups) whose full name matches `text`, case-insensitive, in hierarchy
// order: `text` is a regular expression, or taken as it is when it is not a valid one.
// Stops early, with what it found so far, once `cancelled` says so.
std::vector<std::uint32_t> matchingOps(const core::GraphHierarchy& hierarchy, const QString& text,
    const std::function<bool()>& cancelled = {});

class GraphSearchResults : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int kNodeRole = Qt::UserRole; // the op a row lists (absent: a note)

    explicit GraphSearchResults(QObject* parent = nullptr);

    // Lists `ops` of `hierarchy`; none: a single "No op matches" note.
    void show(
        std::shared_ptr<const core::GraphHierarchy> hierarchy, std::vector<std::uint32_t> ops);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    std::shared_ptr<const core::GraphHierarchy> m_hierarchy;
    std::vector<std::uint32_t> m_ops;
    bool m_empty = false; // a search found nothing (rather than no search at all)
};

} // namespace lantern::ui
