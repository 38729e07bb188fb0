#include "ui/dashboards/hparams/hparams_dashboard.h"

#include "core/analysis/hparams_table.h"
#include "ui/dashboards/hparams/hparams_csv.h"
#include "ui/dashboards/hparams/hparams_filter_model.h"
#include "ui/dashboards/hparams/hparams_filter_panel.h"
#include "ui/dashboards/hparams/hparams_table_model.h"
#include "ui/dashboards/hparams/parallel_coordinates_view.h"
#include "ui/dashboards/hparams/scatter_matrix_view.h"
#include "ui/dashboards/hparams/session_charts.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/table_csv.h"
#include "ui/widgets/widget_export.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace lantern::ui {
namespace {

// An idle reload hands over the very same runs: the table would come out the same.
bool sameRuns(const LogdirSnapshotPtr& a, const LogdirSnapshotPtr& b)
{
    return a && b && a->runs == b->runs;
}

bool writeText(const QString& path, const QString& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray bytes = text.toUtf8();
    return file.write(bytes) == bytes.size();
}

// `view` in a scroll area that gives it the room it asks for (a scroll bar beyond that).
QScrollArea* scrolled(QWidget* view, QWidget* parent)
{
    auto* area = new QScrollArea(parent);
    area->setWidget(view);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

} // namespace

HParamsDashboard::HParamsDashboard(RunListModel* runs, QWidget* parent)
    : Dashboard(parent)
    , m_runs(runs)
    , m_table(new HParamsTableModel(this))
    , m_filter(new HParamsFilterModel(m_table, this))
    , m_view(new QTableView(this))
    , m_parallel(new ParallelCoordinatesView(m_filter, this))
    , m_scatter(new ScatterMatrixView(m_filter, this))
    , m_charts(new SessionCharts(this))
    , m_viewTabs(new QTabWidget(this))
    , m_filters(new HParamsFilterPanel(m_filter, this))
    , m_columnsButton(new QToolButton(this))
    , m_colorBy(new QComboBox(this))
    , m_export(new QToolButton(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("hparams")); // the tab's key
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_columnsButton->setText(tr("Columns"));
    m_columnsButton->setPopupMode(QToolButton::InstantPopup);
    m_columnsButton->setMenu(new QMenu(m_columnsButton));
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(m_export);
    for (const auto& format : {std::pair(tr("CSV…"), QStringLiteral(".csv")),
             std::pair(tr("JSON…"), QStringLiteral(".json")),
             std::pair(tr("LaTeX table…"), QStringLiteral(".tex"))})
        connect(exportMenu->addAction(format.first), &QAction::triggered, this,
            [this, suffix = format.second] { chooseExportPath(suffix); });
    m_export->setMenu(exportMenu);
    m_colorBy->setToolTip(tr("The column sessions are coloured by"));
    m_colorBy->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_view->setMouseTracking(true); // hovering a row shows the session in the views

    auto* filterScroll = new QScrollArea(this);
    filterScroll->setWidget(m_filters);
    filterScroll->setWidgetResizable(true);
    filterScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    filterScroll->setFrameShape(QFrame::NoFrame);
    filterScroll->setMinimumWidth(170);
    m_viewTabs->addTab(scrolled(m_parallel, this), tr("Parallel coordinates"));
    m_viewTabs->addTab(scrolled(m_scatter, this), tr("Scatter matrix"));
    auto* chartsScroll = scrolled(m_charts, this);
    chartsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* tableAndCharts = new QSplitter(this);
    tableAndCharts->addWidget(m_view);
    tableAndCharts->addWidget(chartsScroll);
    tableAndCharts->setStretchFactor(0, 3);
    tableAndCharts->setStretchFactor(1, 2);
    auto* views = new QSplitter(Qt::Vertical, this);
    views->addWidget(m_viewTabs);
    views->addWidget(tableAndCharts);
    views->setStretchFactor(0, 3);
    views->setStretchFactor(1, 2);
    auto* body = new QSplitter(this);
    body->addWidget(filterScroll);
    body->addWidget(views);
    body->setStretchFactor(1, 1);
    body->setSizes({200, 1000});

    auto* bar = new QHBoxLayout;
    m_summary->setTextFormat(Qt::PlainText); // names a run, whose folder name could be HTML
    bar->addWidget(m_summary, 1);
    bar->addWidget(new QLabel(tr("Colour by"), this));
    bar->addWidget(m_colorBy);
    bar->addWidget(m_columnsButton);
    bar->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(body, 1);

    connect(m_runs, &RunListModel::selectionChanged, this, &HParamsDashboard::applyRunSelection);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &HParamsDashboard::highlightCurrentRow);
    connect(m_parallel, &ParallelCoordinatesView::sessionClicked, this,
        &HParamsDashboard::selectSession);
    connect(m_scatter, &ScatterMatrixView::sessionClicked, this, &HParamsDashboard::selectSession);
    connect(m_parallel, &ParallelCoordinatesView::sessionHovered, m_scatter,
        &ScatterMatrixView::setHoveredSession);
    connect(m_scatter, &ScatterMatrixView::sessionHovered, m_parallel,
        &ParallelCoordinatesView::setHoveredSession);
    connect(m_view, &QAbstractItemView::entered, this, [this](const QModelIndex& index) {
        hoverSession(index.data(HParamsTableModel::RunRole).toString());
    });
    connect(m_colorBy, &QComboBox::activated, this,
        [this] { setColorColumn(m_colorBy->currentData().toString()); });
    connect(m_table, &QAbstractItemModel::modelReset, this, &HParamsDashboard::rebuildColumnsMenu);
    connect(m_table, &QAbstractItemModel::modelReset, this, &HParamsDashboard::rebuildColorChooser);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &HParamsDashboard::updateSummary);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &HParamsDashboard::updateSummary);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &HParamsDashboard::updateSummary);
    updateSummary();
}

void HParamsDashboard::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    m_snapshot = snapshot;
    m_stale = !isVisible();
    if (!m_stale)
        rebuild();
}

bool HParamsDashboard::isAffectedBy(const core::SnapshotChange& change) const
{
    if (change.everything || change.runSetChanged || change.touchesKind(core::ValueKind::HParams))
        return true;
    return std::any_of(change.series.begin(), change.series.end(), [this](const auto& series) {
        return series.kind == core::ValueKind::Scalar
            && core::scalarsMayChange(m_table->table(), series.run, series.tag);
    });
}

void HParamsDashboard::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        rebuild();
    }
}

void HParamsDashboard::rebuild()
{
    if (sameRuns(m_builtFrom, m_snapshot))
        return;
    m_builtFrom = m_snapshot;
    const QString highlighted = m_parallel->highlightedSession();
    m_table->setTable(m_snapshot ? core::buildHParamsTable(*m_snapshot) : core::HParamsTable {});
    applyRunSelection();
    m_filters->refresh();
    if (!highlighted.isEmpty() && !m_view->selectionModel()->hasSelection())
        selectSession(highlighted); // a reset of the columns cleared the selection
    if (!m_charts->session().isEmpty()) // the charts follow the session's growing series
        m_charts->showSession(m_builtFrom, m_table->table(), m_charts->session());
    updateSummary();
}

void HParamsDashboard::applyRunSelection()
{
    QSet<QString> hidden;
    for (const core::HParamsSession& session : m_table->table().sessions)
        if (const QString run = QString::fromStdString(session.run); !m_runs->isChecked(run))
            hidden.insert(run);
    m_filter->setHiddenRuns(hidden);
}

void HParamsDashboard::rebuildColumnsMenu()
{
    QMenu* menu = m_columnsButton->menu();
    menu->clear();
    for (const auto& column : m_table->columns()) {
        QAction* action = menu->addAction(column.title);
        action->setObjectName(column.key);
        action->setCheckable(true);
        action->setChecked(isColumnShown(column.key));
        connect(action, &QAction::toggled, this,
            [this, key = column.key](bool on) { setColumnShown(key, on); });
    }
    for (int column = 0; column < m_table->columnCount(); ++column)
        m_view->setColumnHidden(column, !isColumnShown(m_table->columns()[column].key));
    m_view->resizeColumnsToContents();
}

void HParamsDashboard::setColumnShown(const QString& key, bool shown)
{
    if (shown)
        m_hiddenColumns.remove(key);
    else
        m_hiddenColumns.insert(key);
    if (const int column = m_table->columnOf(key); column >= 0)
        m_view->setColumnHidden(column, !shown);
    for (QAction* action : m_columnsButton->menu()->actions())
        if (action->objectName() == key && action->isChecked() != shown)
            action->setChecked(shown);
    m_parallel->setHiddenColumns(m_hiddenColumns);
    m_scatter->setHiddenColumns(m_hiddenColumns);
}

void HParamsDashboard::rebuildColorChooser()
{
    const QString current = m_colorBy->currentData().toString();
    m_colorBy->clear();
    for (const auto kind :
        {HParamsTableModel::ColumnKind::Metric, HParamsTableModel::ColumnKind::HParam})
        for (const auto& column : m_table->columns())
            if (column.kind == kind)
                m_colorBy->addItem(column.title, column.key);
    const int kept = m_colorBy->findData(current);
    m_colorBy->setCurrentIndex(std::max(kept, 0));
    setColorColumn(m_colorBy->currentData().toString());
}

void HParamsDashboard::setColorColumn(const QString& key)
{
    if (const int index = m_colorBy->findData(key); index >= 0)
        m_colorBy->setCurrentIndex(index);
    m_parallel->setColorColumn(key);
    m_scatter->setColorColumn(key);
}

void HParamsDashboard::hoverSession(const QString& run)
{
    m_parallel->setHoveredSession(run);
    m_scatter->setHoveredSession(run);
}

void HParamsDashboard::selectSession(const QString& run)
{
    const int sourceRow = m_table->rowOf(run);
    const QModelIndex shown
        = sourceRow < 0 ? QModelIndex() : m_filter->mapFromSource(m_table->index(sourceRow, 0));
    if (!shown.isValid()) {
        m_view->clearSelection();
        m_parallel->setHighlightedSession(QString());
        m_scatter->setHighlightedSession(QString());
        m_charts->showSession(m_builtFrom, m_table->table(), QString());
        return;
    }
    m_view->selectRow(shown.row());
    m_view->scrollTo(shown);
}

void HParamsDashboard::highlightCurrentRow()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const QString run
        = rows.isEmpty() ? QString() : rows.front().data(HParamsTableModel::RunRole).toString();
    m_parallel->setHighlightedSession(run);
    m_scatter->setHighlightedSession(run);
    if (run != m_charts->session())
        m_charts->showSession(m_builtFrom, m_table->table(), run);
}

void HParamsDashboard::updateSummary()
{
    const core::HParamsTable& table = m_table->table();
    const QString source = table.experimentRun.empty()
        ? tr("hparams and metrics gathered from the sessions")
        : table.experimentRun == "."
        ? tr("experiment declared in the logdir's root run")
        : tr("experiment declared in run %1").arg(QString::fromStdString(table.experimentRun));
    m_summary->setText(tr("%1 of %n session(s) shown · %2", "", m_table->rowCount())
                           .arg(m_filter->rowCount())
                           .arg(source));
    m_export->setEnabled(m_filter->rowCount() > 0);
}

std::vector<int> HParamsDashboard::exportedColumns() const
{
    return shownColumns(*m_view);
}

QString HParamsDashboard::csv() const
{
    return hparamsCsv(*m_filter, exportedColumns());
}

QString HParamsDashboard::json() const
{
    return QString::fromStdString(
        core::tableJson(hparamsExportTable(*m_filter, exportedColumns())));
}

QString HParamsDashboard::latex() const
{
    return QString::fromStdString(
        core::tableLatex(hparamsExportTable(*m_filter, exportedColumns())));
}

bool HParamsDashboard::exportCsv(const QString& path) const
{
    return writeText(path, csv());
}

bool HParamsDashboard::exportTable(const QString& path) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return writeText(path,
        suffix == QLatin1String("json")      ? json()
            : suffix == QLatin1String("tex") ? latex()
                                             : csv());
}

void HParamsDashboard::chooseExportPath(const QString& suffix)
{
    const QString path
        = askExportPath(this, tr("Export HParams Table"), QStringLiteral("hparams"), suffix);
    if (!path.isEmpty() && !exportTable(path))
        m_summary->setText(tr("Could not write %1").arg(path));
}

} // namespace lantern::ui
