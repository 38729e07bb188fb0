#pragma once
// The Projector tab's side panel: every control, laid out in sections in a scroll area, with
// no behaviour of its own (ProjectorDashboard wires it). Each control has an object name
// for tests and --screenshot scripts.

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace lantern::ui {

class ProjectorLayoutControls;

class ProjectorPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProjectorPanel(QWidget* parent = nullptr);

    // Shows `text` (plain, lines joined by '\n') wrapped in the scrollable message area, or
    // hides the area when empty.
    void setMessages(const QString& text);
    QString messages() const;
    // Shows `text` in the wrapped status line, laid out at once.
    void setStatus(const QString& text);

    QComboBox* embedding = nullptr;
    QLabel* status = nullptr;

    ProjectorLayoutControls* layoutControls = nullptr; // the method, t-SNE's and UMAP's controls
    QCheckBox* threeD = nullptr;
    QComboBox* component[3] = {}; // x, y, z
    QCheckBox* sphereize = nullptr;
    QComboBox* colorBy = nullptr;
    QComboBox* labelBy = nullptr;
    QCheckBox* sprites = nullptr;

    QComboBox* dragTool = nullptr; // item data: EmbeddingScatterPlot::DragTool as int
    QLabel* selectionSummary = nullptr;
    QListWidget* selection = nullptr;
    QPushButton* isolate = nullptr;
    QPushButton* showAll = nullptr;
    QPushButton* clearSelection = nullptr;

    QSpinBox* neighbourCount = nullptr;
    QComboBox* neighbourMetric = nullptr; // item data: 0 cosine, 1 euclidean
    QLabel* neighbourSummary = nullptr;
    QListWidget* neighbours = nullptr;

    QComboBox* searchColumn = nullptr;
    QLineEdit* searchField = nullptr;
    QCheckBox* searchRegex = nullptr;
    QLabel* searchCount = nullptr;
    QPushButton* selectMatches = nullptr;

    QListWidget* bookmarks = nullptr;
    QPushButton* applyBookmark = nullptr;
    QPushButton* addBookmark = nullptr;
    QPushButton* saveBookmarks = nullptr;

private:
    // Lays the column out now rather than a pass of events later, so that the frame painted
    // meanwhile does not show a grown label squeezed.
    void layOutNow();

    QPlainTextEdit* m_messages = nullptr;
    QScrollArea* m_scroll = nullptr;
};

} // namespace lantern::ui
