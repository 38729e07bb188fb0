#include "ui/widgets/diagnostics_panel.h"

#include "ui/widgets/counted.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lantern::ui {

DiagnosticsPanel::DiagnosticsPanel(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 5, this))
    , m_summary(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("diagnosticsTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Run"), tr("File"), tr("Offset"), tr("Bytes skipped"), tr("Problem")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_summary->setObjectName(QStringLiteral("diagnosticsSummary"));
    m_summary->setTextFormat(Qt::RichText);
    connect(m_summary, &QLabel::linkActivated, this, [this] { setRunFilter({}); });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    setSnapshot(nullptr);
}

void DiagnosticsPanel::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    m_count = 0;
    m_table->setRowCount(0);
    if (snapshot) {
        for (const auto& run : snapshot->runs) {
            for (const core::Diagnostic& diagnostic : run->diagnostics) {
                const int row = m_table->rowCount();
                m_table->insertRow(row);
                m_table->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(run->name)));
                m_table->setItem(
                    row, 1, new QTableWidgetItem(QString::fromStdString(diagnostic.file)));
                m_table->setItem(row, 2, new QTableWidgetItem(QString::number(diagnostic.offset)));
                m_table->setItem(
                    row, 3, new QTableWidgetItem(QString::number(diagnostic.bytesSkipped)));
                m_table->setItem(
                    row, 4, new QTableWidgetItem(QString::fromStdString(diagnostic.reason)));
                ++m_count;
            }
        }
        for (const std::string& problem : snapshot->discoveryProblems) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(problem)));
            m_table->setItem(row, 4, new QTableWidgetItem(tr("folder could not be scanned")));
            ++m_count;
        }
        if (snapshot->projector)
            for (const std::string& problem : snapshot->projector->problems) {
                const int row = m_table->rowCount();
                m_table->insertRow(row);
                m_table->setItem(row, 4,
                    new QTableWidgetItem(tr("Projector: %1").arg(QString::fromStdString(problem))));
                ++m_count;
            }
    }
    m_table->resizeColumnsToContents();
    applyRunFilter();
}

void DiagnosticsPanel::setRunFilter(const QString& run)
{
    m_runFilter = run;
    applyRunFilter();
}

void DiagnosticsPanel::applyRunFilter()
{
    int shown = 0;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem* runItem = m_table->item(row, 0);
        const bool matches = m_runFilter.isEmpty() || (runItem && runItem->text() == m_runFilter);
        m_table->setRowHidden(row, !matches);
        shown += matches ? 1 : 0;
    }
    const QString problems = counted(m_count, tr("problem"), tr("problems"));
    if (m_count == 0)
        m_summary->setText(tr("Every record was read; nothing was skipped."));
    else if (m_runFilter.isEmpty())
        m_summary->setText(
            tr("%1. Every valid record around them was still loaded.").arg(problems));
    else
        m_summary->setText(tr("%1 of %2, in run <b>%3</b> · <a href=\"all\">show all</a>")
                               .arg(shown)
                               .arg(problems, m_runFilter.toHtmlEscaped()));
}

} // namespace lantern::ui
