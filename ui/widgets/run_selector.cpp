#include "ui/widgets/run_selector.h"

#include "ui/widgets/run_list_model.h"

#include <QApplication>
#include <QClipboard>
#include <QColorDialog>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QUrl>
#include <QVBoxLayout>

namespace lantern::ui {

RunSelector::RunSelector(RunListModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QListView(this))
    , m_count(new QLabel(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setFilterRole(RunListModel::RunNameRole);

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
    m_view->setTextElideMode(Qt::ElideMiddle); // run names differ most at their ends
    m_view->setIconSize(QSize(12, 12));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QListView::customContextMenuRequested, this, &RunSelector::showContextMenu);

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
    updateCount();
}

int RunSelector::visibleRunCount() const
{
    return m_proxy->rowCount();
}

void RunSelector::applyFilter(const QString& pattern)
{
    const QRegularExpression expression(pattern, QRegularExpression::CaseInsensitiveOption);
    // An unfinished expression while typing filters nothing rather than everything.
    m_proxy->setFilterRegularExpression(expression.isValid() ? expression : QRegularExpression());
    m_filter->setStyleSheet(expression.isValid() ? QString() : QStringLiteral("color: #c62828;"));
    updateCount();
}

void RunSelector::setVisibleChecked(bool checked)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        m_model->setChecked(
            m_proxy->index(row, 0).data(RunListModel::RunNameRole).toString(), checked);
}

void RunSelector::updateCount()
{
    int checked = 0;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        checked += m_model->isChecked(
            m_proxy->index(row, 0).data(RunListModel::RunNameRole).toString());
    m_count->setText(tr("%1 of %2 runs shown").arg(checked).arg(m_model->rowCount()));
}

void RunSelector::showContextMenu(const QPoint& position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    const QString run = index.data(RunListModel::RunNameRole).toString();
    const QString directory = index.data(RunListModel::DirectoryRole).toString();
    QMenu menu(this);
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
