#pragma once
// The Graphs tab's side panel for the selected node: its name, op, device and attributes,
// and the ops it reads from and feeds, each a link to that op.

#include "core/analysis/graph_hierarchy.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTreeWidget;

namespace lantern::ui {

class NodeDetailsPanel : public QWidget {
    Q_OBJECT
public:
    explicit NodeDetailsPanel(QWidget* parent = nullptr);

    void showNode(
        const core::GraphHierarchy& hierarchy, const pb::GraphDef& graph, std::uint32_t node);
    void clear();

    QLabel* title() const { return m_title; }
    QLabel* summary() const { return m_summary; }
    QTreeWidget* tree() const { return m_tree; }

signals:
    void nodeRequested(std::uint32_t node);

private:
    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_tree = nullptr;
};

// An attribute's value in a few words: "float32", "[3, 3, 64]", "true", "<tensor float32 [10]>".
QString shortAttrText(const pb::AttrValue& value);

} // namespace lantern::ui
