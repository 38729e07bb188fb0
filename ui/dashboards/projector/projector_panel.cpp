#include "ui/dashboards/projector/projector_panel.h"

#include "ui/dashboards/projector/projector_layout_controls.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStringList>
#include <QVBoxLayout>

namespace lantern::ui {
namespace {

template <typename Widget> Widget* named(Widget* widget, const char* name)
{
    widget->setObjectName(QString::fromLatin1(name));
    return widget;
}

QLabel* wrappedLabel(QWidget* parent, const char* name)
{
    auto* label = named(new QLabel(parent), name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// A label of at most `lines` explicit lines that always keeps their height. Its text changes as
// points are chosen; were its height to follow, the group box around it would be laid out one
// pass of events after the change, and the scrolled column a pass after that: long enough for
// a frame (or a --screenshot) to show the label clipped, its group squeezed.
QLabel* linesLabel(QWidget* parent, const char* name, int lines)
{
    auto* label = named(new QLabel(parent), name);
    label->setTextFormat(Qt::PlainText);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
    QStringList sample;
    for (int line = 0; line < lines; ++line)
        sample << QStringLiteral("X");
    label->setText(sample.join(QLatin1Char('\n')));
    label->setMinimumHeight(label->sizeHint().height());
    label->clear();
    return label;
}

QListWidget* shortList(QWidget* parent, const char* name)
{
    auto* list = named(new QListWidget(parent), name);
    list->setMinimumHeight(80);
    list->setMaximumHeight(160);
    return list;
}

} // namespace

ProjectorPanel::ProjectorPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    // The column is never squeezed below what it needs (labels would overlap): it scrolls.
    column->setSizeConstraint(QLayout::SetMinimumSize);

    embedding = named(new QComboBox(content), "embeddingChooser");
    embedding->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    embedding->setMinimumContentsLength(12);
    column->addWidget(embedding);
    status = wrappedLabel(content, "projectorStatus");
    column->addWidget(status);

    // Messages wrap anywhere (long paths have no spaces) and scroll inside a bounded area:
    // none is clipped, all can be selected and copied.
    m_messages = named(new QPlainTextEdit(content), "projectorMessages");
    m_messages->setReadOnly(true);
    m_messages->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_messages->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_messages->setMaximumHeight(140);
    m_messages->hide();
    column->addWidget(m_messages);

    auto* projection = new QGroupBox(tr("Projection"), content);
    auto* form = new QFormLayout(projection);
    layoutControls = new ProjectorLayoutControls(projection);
    form->addRow(layoutControls);
    threeD = named(new QCheckBox(tr("3-D"), projection), "threeD");
    sphereize = named(new QCheckBox(tr("Sphereize data"), projection), "sphereize");
    sphereize->setToolTip(tr("Centre the points, then scale each to unit length"));
    auto* toggles = new QHBoxLayout;
    toggles->addWidget(threeD);
    toggles->addWidget(sphereize);
    form->addRow(toggles);
    const char* axisNames[] = {"xComponent", "yComponent", "zComponent"};
    const QString axisLabels[] = {tr("X"), tr("Y"), tr("Z")};
    for (int axis = 0; axis < 3; ++axis) {
        component[axis] = named(new QComboBox(projection), axisNames[axis]);
        form->addRow(axisLabels[axis], component[axis]);
    }
    colorBy = named(new QComboBox(projection), "colorBy");
    labelBy = named(new QComboBox(projection), "labelBy");
    form->addRow(tr("Colour by"), colorBy);
    form->addRow(tr("Label by"), labelBy);
    sprites = named(new QCheckBox(tr("Show sprite thumbnails"), projection), "sprites");
    form->addRow(sprites);
    column->addWidget(projection);

    auto* search = new QGroupBox(tr("Search"), content);
    auto* searchForm = new QFormLayout(search);
    searchColumn = named(new QComboBox(search), "searchColumn");
    searchForm->addRow(tr("In"), searchColumn);
    searchField = named(new QLineEdit(search), "searchField");
    searchField->setPlaceholderText(tr("Text to find"));
    searchField->setClearButtonEnabled(true);
    searchRegex = named(new QCheckBox(tr("Regex"), search), "searchRegex");
    auto* searchLine = new QHBoxLayout;
    searchLine->addWidget(searchField, 1);
    searchLine->addWidget(searchRegex);
    searchForm->addRow(searchLine);
    searchCount = wrappedLabel(search, "searchCount");
    selectMatches = named(new QPushButton(tr("Select matches"), search), "selectMatches");
    searchForm->addRow(searchCount);
    searchForm->addRow(selectMatches);
    column->addWidget(search);

    auto* selected = new QGroupBox(tr("Selection"), content);
    auto* selectedColumn = new QVBoxLayout(selected);
    // What a plain drag in the view does; the keys (Shift: box, Shift+Alt: lasso) work anyway.
    dragTool = named(new QComboBox(selected), "dragTool");
    dragTool->addItem(tr("Drag moves the view"), 0);
    dragTool->addItem(tr("Drag selects a box"), 1);
    dragTool->addItem(tr("Drag draws a lasso"), 2);
    selectionSummary = linesLabel(selected, "selectionSummary", 2);
    selection = shortList(selected, "selectionList");
    selection->setMaximumHeight(100);
    isolate = named(new QPushButton(tr("Isolate"), selected), "isolateSelection");
    isolate->setToolTip(tr("Show only the selected points, with their own PCA"));
    showAll = named(new QPushButton(tr("Show all"), selected), "showAll");
    clearSelection = named(new QPushButton(tr("Clear"), selected), "clearSelection");
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(isolate);
    buttons->addWidget(showAll);
    buttons->addWidget(clearSelection);
    selectedColumn->addWidget(dragTool);
    selectedColumn->addWidget(selectionSummary);
    selectedColumn->addWidget(selection);
    selectedColumn->addLayout(buttons);
    column->addWidget(selected);

    auto* nearest = new QGroupBox(tr("Nearest neighbours"), content);
    auto* nearestColumn = new QVBoxLayout(nearest);
    neighbourCount = named(new QSpinBox(nearest), "neighbourCount");
    neighbourCount->setRange(1, 1000);
    neighbourCount->setValue(100); // TensorBoard's default
    neighbourMetric = named(new QComboBox(nearest), "neighbourMetric");
    neighbourMetric->addItem(tr("Cosine"), 0);
    neighbourMetric->addItem(tr("Euclidean"), 1);
    auto* nearestControls = new QHBoxLayout;
    nearestControls->addWidget(neighbourCount);
    nearestControls->addWidget(neighbourMetric, 1);
    neighbourSummary = linesLabel(nearest, "neighbourSummary", 2);
    neighbours = shortList(nearest, "neighbourList");
    neighbours->setMaximumHeight(240);
    nearestColumn->addLayout(nearestControls);
    nearestColumn->addWidget(neighbourSummary);
    nearestColumn->addWidget(neighbours);
    column->addWidget(nearest);

    auto* saved = new QGroupBox(tr("Bookmarks"), content);
    auto* savedColumn = new QVBoxLayout(saved);
    bookmarks = shortList(saved, "bookmarkList");
    bookmarks->setWordWrap(true);
    applyBookmark = named(new QPushButton(tr("Apply"), saved), "applyBookmark");
    addBookmark = named(new QPushButton(tr("Add"), saved), "addBookmark");
    addBookmark->setToolTip(tr("Bookmark the view: its projection (with a t-SNE or UMAP "
                               "layout's points), selection and camera"));
    saveBookmarks = named(new QPushButton(tr("Save…"), saved), "saveBookmarks");
    saveBookmarks->setToolTip(tr("Write the bookmarks to a JSON file TensorBoard reads"));
    auto* bookmarkButtons = new QHBoxLayout;
    bookmarkButtons->addWidget(applyBookmark);
    bookmarkButtons->addWidget(addBookmark);
    bookmarkButtons->addWidget(saveBookmarks);
    savedColumn->addWidget(bookmarks);
    savedColumn->addLayout(bookmarkButtons);
    column->addWidget(saved);
    column->addStretch(1);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
    setMinimumWidth(260);
    setMaximumWidth(380);
}

void ProjectorPanel::setMessages(const QString& text)
{
    m_messages->setPlainText(text);
    m_messages->setVisible(!text.isEmpty());
    layOutNow();
}

void ProjectorPanel::setStatus(const QString& text)
{
    status->setText(text);
    layOutNow();
}

// Qt posts a layout request for each level (the column, then the scroll area sizing it to the
// column's height for its width): a wrapped label given more lines would be painted clipped
// until they have gone round.
void ProjectorPanel::layOutNow()
{
    if (!isVisible())
        return; // laid out when shown
    m_scroll->widget()->layout()->activate();
    QEvent request(QEvent::LayoutRequest);
    QCoreApplication::sendEvent(m_scroll, &request);
}

QString ProjectorPanel::messages() const
{
    return m_messages->toPlainText();
}

} // namespace lantern::ui
