#include "ui/widgets/run_selector.h"

#include "ui/widgets/counted.h"
#include "ui/widgets/run_list_model.h"

#include <QApplication>
#include <QClipboard>
#include <QColorDialog>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {

namespace {

// Matches runs by their full name; a group row stays while any of its runs matches.
class RunFilterProxy : public QSortFilterProxyModel {
public:
    explicit RunFilterProxy(QObject* parent)
        : QSortFilterProxyModel(parent)
    {
        setFilterRole(RunListModel::RunNameRole);
        setRecursiveFilteringEnabled(true);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (index.data(RunListModel::GroupRole).toBool())
            return false; // shown through its matching runs
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};

} // namespace

RunSelector::RunSelector(RunListModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new RunFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_count(new QLabel(this))
    , m_noRuns(new QLabel(this))
{
    m_proxy->setSourceModel(model);

    m_filter->setPlaceholderText(tr("Filter runs (regex)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("runFilter"));
    connect(m_filter, &QLineEdit::textChanged, this, &RunSelector::applyFilter);

    auto* all = new QPushButton(tr("All"), this);
    auto* none = new QPushButton(tr("None"), this);
    all->setObjectName(QStringLiteral("checkAllRuns"));
    none->setObjectName(QStringLiteral("checkNoRuns"));
    connect(all, &QPushButton::clicked, this, [this] { setVisibleChecked(true); });
    connect(none, &QPushButton::clicked, this, [this] { setVisibleChecked(false); });

    m_view->setObjectName(QStringLiteral("runList"));
    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true); // keeps thousands of runs cheap to lay out
    m_view->setTextElideMode(Qt::ElideMiddle); // run names differ most at their ends
    m_view->setIconSize(QSize(12, 12));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QTreeView::customContextMenuRequested, this, &RunSelector::showContextMenu);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RunSelector::showGroups);

    m_noRuns->setObjectName(QStringLiteral("noRunsText"));
    m_noRuns->setWordWrap(true);
    m_noRuns->setTextFormat(Qt::PlainText);
    m_noRuns->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_noRuns->setMargin(8);
    m_noRuns->hide();

    m_count->setObjectName(QStringLiteral("runCount"));
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RunSelector::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &RunSelector::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &RunSelector::updateCount);
    connect(model, &RunListModel::selectionChanged, this, &RunSelector::updateCount);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_count, 1);
    buttons->addWidget(all);
    buttons->addWidget(none);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_noRuns, 1);
    showGroups();
    updateCount();
}

void RunSelector::showGroups()
{
    // Groups open, and no expand arrows to waste space on a flat list.
    m_view->setRootIsDecorated(m_model->isGrouped());
    m_view->expandAll();
}

QStringList RunSelector::visibleRuns() const
{
    QStringList names;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex top = m_proxy->index(row, 0);
        if (!top.data(RunListModel::GroupRole).toBool()) {
            names.append(top.data(RunListModel::RunNameRole).toString());
            continue;
        }
        for (int child = 0; child < m_proxy->rowCount(top); ++child)
            names.append(m_proxy->index(child, 0, top).data(RunListModel::RunNameRole).toString());
    }
    return names;
}

void RunSelector::applyFilter(const QString& pattern)
{
    const QRegularExpression expression(pattern, QRegularExpression::CaseInsensitiveOption);
    // An unfinished expression while typing filters nothing rather than everything.
    m_proxy->setFilterRegularExpression(expression.isValid() ? expression : QRegularExpression());
    m_view->expandAll();
    m_filter->setStyleSheet(expression.isValid() ? QString() : QStringLiteral("color: #c62828;"));
    updateCount();
}

void RunSelector::setVisibleChecked(bool checked)
{
    m_model->setChecked(visibleRuns(), checked);
}

void RunSelector::setNoRunsText(const QString& text)
{
    m_noRuns->setText(text);
    updateCount();
}

void RunSelector::updateCount()
{
    // No runs, but something to say about it: said in place of an empty list.
    const bool explained = m_model->runCount() == 0 && !m_noRuns->text().isEmpty();
    m_noRuns->setVisible(explained);
    m_view->setVisible(!explained);
    if (explained) {
        m_count->setText(tr("No runs"));
        return;
    }
    const QStringList visible = visibleRuns();
    const auto checked = std::count_if(visible.begin(), visible.end(),
        [this](const QString& run) { return m_model->isChecked(run); });
    m_count->setText(tr("%1 of %2 shown")
                         .arg(checked)
                         .arg(counted(m_model->runCount(), tr("run"), tr("runs"))));
}

void RunSelector::showContextMenu(const QPoint& position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    QMenu menu(this);
    if (index.data(RunListModel::GroupRole).toBool()) {
        const QStringList runs = m_model->runsAt(m_proxy->mapToSource(index));
        menu.addAction(
            tr("Hide This Logdir"), this, [this, runs] { m_model->setChecked(runs, false); });
        menu.addAction(tr("Show Only This Logdir"), this, [this, runs] {
            m_model->setAllChecked(false);
            m_model->setChecked(runs, true);
        });
        menu.exec(m_view->viewport()->mapToGlobal(position));
        return;
    }
    const QString run = index.data(RunListModel::RunNameRole).toString();
    const QString directory = index.data(RunListModel::DirectoryRole).toString();
    menu.addAction(tr("Hide"), this, [this, run] { m_model->setChecked(run, false); });
    menu.addAction(tr("Show Only This Run"), this, [this, run] {
        m_model->setAllChecked(false);
        m_model->setChecked(run, true);
    });
    menu.addAction(tr("Change Colour…"), this, [this, run] {
        const QColor chosen = QColorDialog::getColor(m_model->color(run), this, tr("Run Colour"));
        if (chosen.isValid())
            m_model->setColor(run, chosen);
    });
    menu.addSeparator();
    menu.addAction(
        tr("Copy Path"), this, [directory] { QApplication::clipboard()->setText(directory); });
    menu.addAction(tr("Reveal in File Manager"), this,
        [directory] { QDesktopServices::openUrl(QUrl::fromLocalFile(directory)); });
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

} // namespace lantern::ui
