// ScalarsDashboard's section of the logs' custom scalars layout (the custom_scalars plugin):
// its charts at the top, a group per category, and the layout's problems above the cards.

#include "core/analysis/custom_chart_tags.h"
#include "core/load/logdir_custom_scalars.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/widgets/card_grid.h"

#include <QLabel>

#include <algorithm>
#include <optional>

namespace lantern::ui {
namespace {

// A margin chart's series tell their value lines apart by dash style, as custom charts do.
constexpr Qt::PenStyle kSeriesStyles[]
    = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine, Qt::DashDotDotLine};

} // namespace

std::vector<ScalarCard*> ScalarsDashboard::layoutCharts() const
{
    std::vector<ScalarCard*> cards;
    for (const LayoutChart& chart : m_layoutCharts)
        cards.push_back(chart.card);
    return cards;
}

bool ScalarsDashboard::updateLayoutCharts()
{
    const core::CustomScalarsLayout layout
        = m_snapshot ? core::customScalarsLayout(*m_snapshot) : core::CustomScalarsLayout {};
    std::vector<std::string> available;
    available.reserve(std::size_t(m_allTags.size()));
    for (const QString& tag : std::as_const(m_allTags))
        available.push_back(tag.toStdString());

    std::vector<LayoutChart> wanted;
    QStringList problems;
    for (const std::string& problem : layout.problems)
        problems.append(QString::fromStdString(problem));
    for (const core::CustomCategory& category : layout.categories) {
        // A group needs a name: an untitled category would join the tag prefix groups.
        const QString group = category.title.empty() ? tr("Custom scalars")
                                                     : QString::fromStdString(category.title);
        if (category.closed && !m_layoutCategories.contains(group))
            m_grid->setGroupExpanded(group, false);
        m_layoutCategories.insert(group);
        for (const core::CustomChart& chart : category.charts) {
            const core::ChartTags found = core::chartTags(chart, available);
            for (const std::string& problem : found.problems)
                problems.append(QString::fromStdString(problem));
            LayoutChart made {
                group, QString::fromStdString(core::chartTitle(chart)), {}, found.margins, nullptr};
            for (const std::string& tag : found.tags)
                made.tags.append(QString::fromStdString(tag));
            wanted.push_back(std::move(made));
        }
    }
    m_layoutProblems->setText(tr("Custom scalars layout: ") + problems.join(QStringLiteral("\n")));
    m_layoutProblems->setVisible(!problems.isEmpty());

    const bool same
        = std::equal(wanted.begin(), wanted.end(), m_layoutCharts.begin(), m_layoutCharts.end(),
            [](const LayoutChart& a, const LayoutChart& b) { return a.sameChart(b); });
    if (!same) {
        for (const LayoutChart& chart : m_layoutCharts)
            chart.card->deleteLater();
        m_layoutCharts = std::move(wanted);
        for (LayoutChart& chart : m_layoutCharts) {
            chart.card = createCard(chart.tags, ScalarCard::Kind::Layout, chart.title);
            restoreAxes(chart.card);
        }
    }
    for (const LayoutChart& chart : m_layoutCharts)
        updateLayoutChart(chart);
    return !same;
}

void ScalarsDashboard::updateLayoutChart(const LayoutChart& chart) const
{
    if (chart.margins.empty()) { // a multiline chart: as a custom chart of the matched tags
        updateCustomChart(chart.card);
        return;
    }
    const auto linesOf = [this](const std::string& tag) {
        const auto found = m_lines.find(QString::fromStdString(tag));
        return found == m_lines.end() ? std::vector<LinePlot::Series> {} : found->second;
    };
    // The run's line of `lines`, renamed "run · tag" and given its role; none if the run has none.
    const auto edgeOf = [](const std::vector<LinePlot::Series>& lines, const QString& run,
                            const std::string& tag, LinePlot::Series::Role role) {
        const auto found = std::find_if(lines.begin(), lines.end(),
            [&](const LinePlot::Series& line) { return line.name == run; });
        if (found == lines.end())
            return std::optional<LinePlot::Series>();
        LinePlot::Series edge = *found;
        edge.name += QStringLiteral(" · ") + QString::fromStdString(tag);
        edge.role = role;
        return std::optional(std::move(edge));
    };
    // Per run and series: the band's lower and upper edges (adjacent, as LinePlot wants
    // them), then the value's line.
    std::vector<LinePlot::Series> series;
    for (std::size_t k = 0; k < chart.margins.size(); ++k) {
        const core::MarginSeries& margin = chart.margins[k];
        const auto lowers = linesOf(margin.lower);
        const auto uppers = linesOf(margin.upper);
        for (LinePlot::Series value : linesOf(margin.value)) {
            auto lower
                = edgeOf(lowers, value.name, margin.lower, LinePlot::Series::Role::BandLower);
            auto upper
                = edgeOf(uppers, value.name, margin.upper, LinePlot::Series::Role::BandUpper);
            if (lower && upper) {
                series.push_back(std::move(*lower));
                series.push_back(std::move(*upper));
            }
            value.name += QStringLiteral(" · ") + QString::fromStdString(margin.value);
            value.style = kSeriesStyles[k % std::size(kSeriesStyles)];
            series.push_back(std::move(value));
        }
    }
    chart.card->setNoDataNoteShown(std::none_of(series.begin(), series.end(),
        [](const LinePlot::Series& line) { return !line.data.empty(); }));
    chart.card->setSeries(std::move(series));
}

} // namespace lantern::ui
