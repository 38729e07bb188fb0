#include "ui/dashboards/hparams/session_charts.h"

#include "core/analysis/hparams_table.h"
#include "ui/widgets/line_plot.h"

#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {
namespace {

const core::RunSnapshot* findRun(const core::LogdirSnapshot& snapshot, const std::string& name)
{
    const auto it = std::find_if(snapshot.runs.begin(), snapshot.runs.end(),
        [&](const auto& run) { return run->name == name; });
    return it == snapshot.runs.end() ? nullptr : it->get();
}

QString metricTitle(const core::MetricInfo& metric)
{
    if (!metric.displayName.empty())
        return QString::fromStdString(metric.displayName);
    return QString::fromStdString(
        metric.group.empty() ? metric.tag : metric.group + "/" + metric.tag);
}

} // namespace

SessionCharts::SessionCharts(QWidget* parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_charts(new QWidget(this))
    , m_chartsLayout(new QVBoxLayout(m_charts))
{
    m_heading->setTextFormat(Qt::PlainText); // names a run
    m_heading->setWordWrap(true);
    m_chartsLayout->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_heading);
    layout->addWidget(m_charts, 1);
    showSession(nullptr, core::HParamsTable {}, QString());
}

QString SessionCharts::chartTitle(int i) const
{
    return m_titles[std::size_t(i)]->text();
}

void SessionCharts::clearCharts()
{
    while (QLayoutItem* item = m_chartsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_plots.clear();
    m_titles.clear();
}

void SessionCharts::showSession(
    const LogdirSnapshotPtr& snapshot, const core::HParamsTable& table, const QString& run)
{
    m_run = run;
    clearCharts();
    const auto session = std::find_if(table.sessions.begin(), table.sessions.end(),
        [&](const core::HParamsSession& s) { return QString::fromStdString(s.run) == run; });
    if (run.isEmpty() || !snapshot || session == table.sessions.end()) {
        m_heading->setText(tr("Select a session to see its metrics over time."));
        m_chartsLayout->addStretch(1);
        return;
    }
    m_heading->setText(tr("Session %1").arg(run));
    for (const core::MetricInfo& metric : table.experiment.metrics) {
        auto* title = new QLabel(metricTitle(metric), m_charts);
        title->setTextFormat(Qt::PlainText);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        m_chartsLayout->addWidget(title);
        m_titles.push_back(title);
        const std::string runName = core::metricRunName(session->run, metric.group);
        const core::RunSnapshot* metricRun = findRun(*snapshot, runName);
        const core::TagSnapshot* tag
            = metricRun ? metricRun->find(metric.tag, core::ValueKind::Scalar) : nullptr;
        auto* plot = new LinePlot(m_charts);
        plot->setMinimumHeight(150);
        if (tag)
            plot->setSeries({{QString::fromStdString(runName), palette().color(QPalette::Highlight),
                tag->scalars, QString::fromStdString(runName),
                QString::fromStdString(metric.tag)}});
        else
            plot->setToolTip(tr("No scalars logged for this metric"));
        m_chartsLayout->addWidget(plot, 1);
        m_plots.push_back(plot);
        title->show(); // now, not when the layout gets round to it
        plot->show();
    }
}

} // namespace lantern::ui
