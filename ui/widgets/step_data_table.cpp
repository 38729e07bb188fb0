#include "ui/widgets/step_data_table.h"

#include "ui/widgets/axis_ticks.h"
#include "ui/widgets/step_table_model.h"
#include "ui/widgets/widget_export.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {
namespace {

QToolButton* button(QWidget* parent, const QString& name, const QString& text)
{
    auto* b = new QToolButton(parent);
    b->setObjectName(name);
    b->setText(text);
    b->setAutoRaise(true);
    return b;
}

QString stepText(std::int64_t step)
{
    return QString::number(step);
}

} // namespace

StepDataTable::StepDataTable(QWidget* parent)
    : QWidget(parent)
    , m_job([this](Result result) {
        showRows(std::move(result.rows), std::move(result.sources), result.range);
    })
{
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("stepTableCaption"));
    m_columns = button(this, QStringLiteral("stepTableColumns"), tr("Columns"));
    m_columns->setPopupMode(QToolButton::InstantPopup);
    m_columns->setMenu(new QMenu(m_columns));
    QToolButton* copy = button(this, QStringLiteral("stepTableCopy"), tr("Copy"));
    QToolButton* save = button(this, QStringLiteral("stepTableSave"), tr("CSV…"));
    QToolButton* close = button(this, QStringLiteral("stepTableClose"), QStringLiteral("×"));
    close->setToolTip(tr("Clear the selection"));

    m_model = new StepTableModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(StepTableModel::kSortRole);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("stepTable"));
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 4);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultSectionSize(76);
    m_view->setTextElideMode(Qt::ElideMiddle); // runs often differ only at the end of the path
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_caption, 1);
    top->addWidget(m_columns);
    top->addWidget(copy);
    top->addWidget(save);
    top->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_columns->menu(), &QMenu::aboutToShow, this, [this] {
        QMenu* menu = m_columns->menu();
        menu->clear();
        for (int c = 1; c < m_model->columnCount(); ++c) {
            QAction* action = menu->addAction(m_model->headerData(c, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(isColumnShown(c));
            connect(action, &QAction::toggled, this, [this, c](bool on) { setColumnShown(c, on); });
        }
    });
    connect(m_view->horizontalHeader(), &QWidget::customContextMenuRequested, this,
        [this](const QPoint& pos) {
            m_columns->menu()->popup(m_view->horizontalHeader()->mapToGlobal(pos));
        });
    connect(copy, &QToolButton::clicked, this, &StepDataTable::copyToClipboard);
    connect(save, &QToolButton::clicked, this, &StepDataTable::chooseCsvPath);
    connect(close, &QToolButton::clicked, this, &StepDataTable::closeRequested);
}

StepDataTable::~StepDataTable() = default;

void StepDataTable::setSeries(std::vector<LineSeries> series, double smoothing)
{
    m_series = std::move(series);
    m_smoothing = smoothing;
    refresh();
}

void StepDataTable::setSelection(const StepSelection& selection)
{
    m_selection = selection;
    m_caption->setText(selection.isRange()
            ? tr("Steps %1 – %2").arg(stepText(selection.lo), stepText(selection.hi))
            : tr("Nearest step to %1").arg(stepText(selection.lo)));
    refresh();
}

void StepDataTable::refresh()
{
    if (!m_selection)
        return;
    m_job.run([series = m_series, smoothing = m_smoothing, previous = m_sources,
                  selection = *m_selection] {
        Result result;
        result.sources = prepareStepTableSources(series, smoothing, previous);
        result.rows = stepTableRows(result.sources, selection);
        result.range = selection.isRange();
        return result;
    });
}

void StepDataTable::showRows(
    std::vector<StepTableRow> rows, std::vector<StepTableSource> sources, bool range)
{
    m_sources = std::move(sources);
    m_model->setRows(std::move(rows), range);
    applyShownColumns();
    m_view->setColumnWidth(0, std::max(120, m_view->width() / 3)); // the run's name
}

void StepDataTable::waitForRows()
{
    m_job.waitForLatest();
}

bool StepDataTable::isColumnShown(int column) const
{
    const std::vector<bool>& hidden = m_hidden[m_model->isRange() ? 1 : 0];
    return column == 0 || std::size_t(column) >= hidden.size() || !hidden[std::size_t(column)];
}

void StepDataTable::setColumnShown(int column, bool shown)
{
    if (column <= 0) // the run stays: the rows mean nothing without it
        return;
    std::vector<bool>& hidden = m_hidden[m_model->isRange() ? 1 : 0];
    if (hidden.size() <= std::size_t(column))
        hidden.resize(std::size_t(column) + 1, false);
    hidden[std::size_t(column)] = !shown;
    applyShownColumns();
}

void StepDataTable::applyShownColumns()
{
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_view->setColumnHidden(c, !isColumnShown(c));
}

std::vector<int> StepDataTable::shownRows() const
{
    std::vector<int> rows;
    for (int r = 0; r < m_sorted->rowCount(); ++r)
        rows.push_back(m_sorted->mapToSource(m_sorted->index(r, 0)).row());
    return rows;
}

std::vector<int> StepDataTable::shownColumns() const
{
    std::vector<int> columns;
    for (int c = 0; c < m_model->columnCount(); ++c)
        if (isColumnShown(c))
            columns.push_back(c);
    return columns;
}

std::string StepDataTable::csv() const
{
    return m_model->csv(shownRows(), shownColumns());
}

QString StepDataTable::tabSeparated() const
{
    return m_model->tabSeparated(shownRows(), shownColumns());
}

bool StepDataTable::saveCsv(const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const std::string text = csv();
    return file.write(text.data(), qint64(text.size())) == qint64(text.size()) && file.flush();
}

void StepDataTable::copyToClipboard() const
{
    QApplication::clipboard()->setText(tabSeparated());
}

void StepDataTable::chooseCsvPath()
{
    const QString path = askExportPath(
        this, tr("Save table as CSV"), QStringLiteral("table"), QStringLiteral(".csv"));
    if (!path.isEmpty() && !saveCsv(path))
        m_caption->setText(tr("Could not write %1").arg(path));
}

} // namespace lantern::ui
