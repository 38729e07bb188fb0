#include "ui/dashboards/runs/runs_dashboard.h"

#include "core/load/logdir_loader.h"
#include "ui/dashboards/runs/runs_filter_model.h"
#include "ui/dashboards/runs/runs_table_model.h"
#include "ui/settings.h"
#include "ui/widgets/counted.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/table_csv.h"
#include "ui/widgets/widget_export.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <set>

namespace lantern::ui {

RunsDashboard::RunsDashboard(RunListModel* runs, QWidget* parent)
    : Dashboard(parent)
    , m_runs(runs)
    , m_table(new RunsTableModel(runs, this))
    , m_filter(new RunsFilterModel(m_table, this))
    , m_view(new QTableView(this))
    , m_nameFilter(new QLineEdit(this))
    , m_problemsOnly(new QCheckBox(tr("Has problems"), this))
    , m_liveOnly(new QCheckBox(tr("Live"), this))
    , m_colorBy(new QComboBox(this))
    , m_colorPattern(new QLineEdit(this))
    , m_colorHParam(new QComboBox(this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
    , m_summary(new QLabel(this))
    , m_clock(new QTimer(this))
{
    m_nameFilter->setObjectName(QStringLiteral("runsTableFilter"));
    m_nameFilter->setPlaceholderText(tr("Filter runs (regex)"));
    m_nameFilter->setClearButtonEnabled(true);
    connect(m_nameFilter, &QLineEdit::textChanged, this, [this](const QString& pattern) {
        m_filter->setNamePattern(pattern);
        const bool valid = QRegularExpression(pattern).isValid();
        m_nameFilter->setStyleSheet(valid ? QString() : QStringLiteral("color: #c62828;"));
    });
    m_problemsOnly->setToolTip(tr("Only runs where reading met problems"));
    connect(m_problemsOnly, &QCheckBox::toggled, m_filter, &RunsFilterModel::setOnlyWithProblems);
    m_liveOnly->setToolTip(tr("Only runs that changed in the last three minutes"));
    connect(m_liveOnly, &QCheckBox::toggled, m_filter, &RunsFilterModel::setOnlyLive);
    auto* show = new QPushButton(tr("Show Selected"), this);
    auto* hide = new QPushButton(tr("Hide Selected"), this);
    show->setObjectName(QStringLiteral("showSelectedRuns"));
    hide->setObjectName(QStringLiteral("hideSelectedRuns"));
    connect(show, &QPushButton::clicked, this, [this] { checkSelected(true); });
    connect(hide, &QPushButton::clicked, this, [this] { checkSelected(false); });
    connect(m_export, &QPushButton::clicked, this, &RunsDashboard::chooseExportPath);

    m_view->setObjectName(QStringLiteral("runsTable"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RunsTableModel::RunColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // run names and paths differ at their ends
    m_view->verticalHeader()->hide();
    // Rows of one height: 10,000 runs scroll without measuring each.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setIconSize(QSize(14, 14));
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QTableView::clicked, this, &RunsDashboard::cellClicked);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (index.column() == RunsTableModel::ProblemsColumn)
            cellClicked(index);
    });
    connect(m_view->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
        &RunsDashboard::showHeaderMenu);
    connect(m_view, &QTableView::customContextMenuRequested, this, &RunsDashboard::showRowMenu);

    m_summary->setObjectName(QStringLiteral("runsTableSummary"));
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &RunsDashboard::updateSummary);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RunsDashboard::updateSummary);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &RunsDashboard::updateSummary);
    connect(m_runs, &RunListModel::selectionChanged, this, &RunsDashboard::updateSummary);

    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, m_table, &RunsTableModel::refreshAges);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_nameFilter, 1);
    filters->addWidget(m_problemsOnly);
    filters->addWidget(m_liveOnly);
    filters->addSpacing(12);
    filters->addWidget(show);
    filters->addWidget(hide);
    filters->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(createColorBar());
    layout->addWidget(m_view, 1);
}

QWidget* RunsDashboard::createColorBar()
{
    auto* bar = new QWidget(this);
    m_colorBy->setObjectName(QStringLiteral("colorRunsBy"));
    m_colorBy->addItem(tr("Run"), int(ColorBy::Run));
    m_colorBy->addItem(tr("Regex group"), int(ColorBy::RegexGroup));
    m_colorBy->addItem(tr("Log directory"), int(ColorBy::LogDirectory));
    m_colorBy->addItem(tr("HParam"), int(ColorBy::HParam));
    m_colorPattern->setObjectName(QStringLiteral("colorRunsPattern"));
    m_colorPattern->setPlaceholderText(tr("Regex: runs whose capture groups match share a colour"));
    m_colorPattern->setClearButtonEnabled(true);
    m_colorHParam->setObjectName(QStringLiteral("colorRunsHParam"));
    // The last session's choice (the hparam is offered again once runs with hparams load).
    const RunColorScheme saved = Settings().runColorScheme();
    m_colorBy->setCurrentIndex(std::max(0, m_colorBy->findData(int(saved.by))));
    m_colorPattern->setText(saved.pattern);
    if (!saved.hparam.isEmpty())
        m_colorHParam->addItem(saved.hparam);
    connect(m_colorBy, &QComboBox::currentIndexChanged, this, &RunsDashboard::applyColorScheme);
    connect(m_colorPattern, &QLineEdit::textChanged, this, &RunsDashboard::applyColorScheme);
    connect(m_colorHParam, &QComboBox::currentIndexChanged, this, &RunsDashboard::applyColorScheme);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Colour runs by"), bar));
    layout->addWidget(m_colorBy);
    layout->addWidget(m_colorPattern, 1);
    layout->addWidget(m_colorHParam, 1);
    layout->addStretch();
    layout->addWidget(m_summary);
    applyColorScheme();
    return bar;
}

void RunsDashboard::applyColorScheme()
{
    RunColorScheme scheme;
    scheme.by = ColorBy(m_colorBy->currentData().toInt());
    scheme.pattern = m_colorPattern->text();
    scheme.hparam = m_colorHParam->currentText();
    const bool validPattern = QRegularExpression(scheme.pattern).isValid();
    m_colorPattern->setStyleSheet(validPattern ? QString() : QStringLiteral("color: #c62828;"));
    m_runs->setColorScheme(scheme);
    Settings().setRunColorScheme(scheme); // and in the next session
    updateColorControls();
}

void RunsDashboard::updateColorControls()
{
    const auto by = ColorBy(m_colorBy->currentData().toInt());
    m_colorPattern->setVisible(by == ColorBy::RegexGroup);
    m_colorHParam->setVisible(by == ColorBy::HParam);
}

std::optional<bool> RunsDashboard::hasDataFor(const DashboardUpdate& update) const
{
    return !update.snapshot->runs.empty();
}

bool RunsDashboard::isAffectedBy(const core::SnapshotChange& change) const
{
    return !change.runs.empty();
}

void RunsDashboard::apply(const DashboardUpdate& update)
{
    // Sorted by what reloads change, the changed rows move: sorted once, after the update.
    const bool rowsMove
        = !update.change->everything && m_filter->sortColumn() >= RunsTableModel::EventFilesColumn;
    if (rowsMove)
        m_filter->holdSorting();
    m_table->setSnapshot(update.snapshot, *update.change);
    if (rowsMove)
        m_filter->releaseSorting();
    // The hparams runs hold, to colour by; the chosen one stays chosen.
    const QStringList names = m_runs->hparamNames();
    QStringList offered;
    for (int i = 0; i < m_colorHParam->count(); ++i)
        offered.append(m_colorHParam->itemText(i));
    if (names != offered) {
        const QString chosen = m_runs->colorScheme().hparam;
        {
            const QSignalBlocker blocker(m_colorHParam);
            m_colorHParam->clear();
            m_colorHParam->addItems(names);
            m_colorHParam->setCurrentIndex(std::max(0, int(names.indexOf(chosen))));
        }
        // Colouring by an hparam these runs lack: by the one shown instead.
        if (m_colorHParam->currentText() != chosen && !names.isEmpty()
            && m_runs->colorScheme().by == ColorBy::HParam)
            applyColorScheme();
    }
    if (update.change->everything) {
        if (!m_columnsChosen)
            hideEmptyColumns();
        updateSummary(); // later, rows coming and going update it
    }
}

void RunsDashboard::hideEmptyColumns()
{
    // Tag kinds no run holds are left out until the user asks for them, and so are the kinds
    // that other columns and tabs stand for (hparams; Keras models and run metadata: graphs).
    for (int column = RunsTableModel::FirstKindColumn; column < RunsTableModel::FirstHParamColumn;
         ++column) {
        const core::ValueKind kind = core::kAllValueKinds[column - RunsTableModel::FirstKindColumn];
        const bool offered = kind != core::ValueKind::HParams && kind != core::ValueKind::KerasModel
            && kind != core::ValueKind::RunMetadata;
        bool any = false;
        for (int row = 0; offered && !any && row < m_table->rowCount(); ++row)
            any = m_table->index(row, column).data(RunsTableModel::SortRole).toULongLong() > 0;
        m_view->setColumnHidden(column, !any);
    }
    m_view->resizeColumnsToContents();
    m_view->setColumnWidth(RunsTableModel::LogDirectoryColumn,
        std::min(m_view->columnWidth(RunsTableModel::LogDirectoryColumn), 240));
}

void RunsDashboard::updateSummary()
{
    const int all = m_table->rowCount();
    const int shown = m_filter->rowCount();
    int checked = 0;
    for (int row = 0; row < all; ++row)
        checked += m_runs->isChecked(m_table->runName(row)) ? 1 : 0;
    const QString runs = counted(all, tr("run"), tr("runs"));
    m_summary->setText(shown == all
            ? tr("%1 · %2 checked").arg(runs).arg(checked)
            : tr("%1 of %2 listed · %3 checked").arg(shown).arg(runs).arg(checked));
    m_export->setEnabled(shown > 0);
}

void RunsDashboard::cellClicked(const QModelIndex& index)
{
    const QString run = index.data(RunsTableModel::RunNameRole).toString();
    if (index.column() == RunsTableModel::ColorColumn) {
        const QColor chosen = QColorDialog::getColor(m_runs->color(run), this, tr("Run Colour"));
        if (chosen.isValid())
            m_runs->setColor(run, chosen);
    } else if (index.column() == RunsTableModel::ProblemsColumn
        && index.data(RunsTableModel::SortRole).toULongLong() > 0) {
        emit problemsRequested(run);
    }
}

void RunsDashboard::checkSelected(bool checked)
{
    QStringList runs;
    for (const QModelIndex& index :
        m_view->selectionModel()->selectedRows(RunsTableModel::RunColumn))
        runs.append(index.data(RunsTableModel::RunNameRole).toString());
    m_runs->setChecked(runs, checked);
}

void RunsDashboard::showRowMenu(const QPoint& position)
{
    if (!m_view->indexAt(position).isValid())
        return;
    QMenu menu(this);
    menu.addAction(tr("Show Selected Runs"), this, [this] { checkSelected(true); });
    menu.addAction(tr("Hide Selected Runs"), this, [this] { checkSelected(false); });
    menu.addAction(tr("Show Only Selected Runs"), this, [this] {
        m_runs->setAllChecked(false);
        checkSelected(true);
    });
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void RunsDashboard::showHeaderMenu(const QPoint& position)
{
    QMenu menu(this);
    for (int column = 0; column < m_table->columnCount(); ++column) {
        QAction* action = menu.addAction(
            m_table->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setCheckable(true);
        action->setChecked(!m_view->isColumnHidden(column));
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            m_columnsChosen = true;
            m_view->setColumnHidden(column, !on);
        });
    }
    menu.exec(m_view->horizontalHeader()->mapToGlobal(position));
}

QString RunsDashboard::csv() const
{
    return tableCsv(
        *m_filter, shownColumns(*m_view), RunsTableModel::ExportRole, RunsTableModel::SortRole);
}

bool RunsDashboard::exportCsv(const QString& path) const
{
    return writeFile(path, csv().toStdString());
}

void RunsDashboard::chooseExportPath()
{
    const QString path = askExportPath(
        this, tr("Export Runs Table"), QStringLiteral("runs"), QStringLiteral(".csv"));
    if (!path.isEmpty() && !exportCsv(path))
        m_summary->setText(tr("Could not write %1").arg(path));
}

void RunsDashboard::showEvent(QShowEvent* event)
{
    Dashboard::showEvent(event);
    m_table->refreshAges();
    m_clock->start();
}

void RunsDashboard::hideEvent(QHideEvent* event)
{
    Dashboard::hideEvent(event);
    m_clock->stop();
}

} // namespace lantern::ui
