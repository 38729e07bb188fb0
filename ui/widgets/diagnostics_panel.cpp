#include "ui/widgets/diagnostics_panel.h"

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
    m_summary->setText(m_count == 0
            ? tr("Every record was read; nothing was skipped.")
            : tr("%n problem(s). Every valid record around them was still loaded.", "", m_count));
}

} // namespace lantern::ui
