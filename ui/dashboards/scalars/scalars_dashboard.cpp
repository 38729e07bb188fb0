#include "ui/dashboards/scalars/scalars_dashboard.h"

#include "ui/dashboards/scalars/axis_range_dialog.h"
#include "ui/dashboards/scalars/scalars_dashboard_parts.h"
#include "ui/dashboards/scalars/tag_chooser_dialog.h"
#include "ui/settings.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/scalar_export.h"
#include "ui/widgets/selected_step.h"
#include "ui/widgets/tag_order.h"
#include "ui/widgets/widget_export.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace lantern::ui {
namespace {

constexpr int kDefaultSmoothing = 600; // of 1000: TensorBoard's 0.6
constexpr int kNarrowestCard = 380; // the grid's default: a card's axes and title fit

// A custom chart tells its tags apart by dash style; runs keep their colours.
constexpr Qt::PenStyle kTagStyles[]
    = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine, Qt::DashDotDotLine};

bool anyPoints(const std::vector<LinePlot::Series>& lines)
{
    return std::any_of(lines.begin(), lines.end(),
        [](const LinePlot::Series& line) { return !line.data.empty(); });
}

} // namespace

ScalarsDashboard::ScalarsDashboard(RunListModel* runs, QWidget* parent)
    : SeriesDashboard(core::ValueKind::Scalar, parent)
    , m_runs(runs)
    , m_choosePath([this](const QString& title, const QString& stem, const QString& suffix) {
        return askExportPath(this, title, stem, suffix);
    })
{
    setObjectName(QStringLiteral("scalars")); // the main window's tab key
    m_options.smoothing = kDefaultSmoothing / 1000.0;
    const Settings settings;
    for (const QString& tag : settings.pinnedTags())
        m_pinned.insert(tag);
    m_cardYScales = settings.cardYScales();
    m_cardXAxes = settings.cardXAxes();

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("scalarTagFilter"));
    m_filter->setPlaceholderText(tr("Filter tags (regular expression)"));
    m_filter->setClearButtonEnabled(true);

    m_smoothing = new QSlider(Qt::Horizontal, this);
    m_smoothing->setObjectName(QStringLiteral("smoothingSlider"));
    m_smoothing->setRange(0, 999);
    m_smoothing->setValue(kDefaultSmoothing);
    m_smoothing->setMaximumWidth(180);
    m_smoothingValue = new QLabel(this);
    m_smoothingValue->setObjectName(QStringLiteral("smoothingValue"));
    m_smoothingValue->setMinimumWidth(
        m_smoothingValue->fontMetrics().horizontalAdvance(QStringLiteral("0.000")));

    m_xAxis = new QComboBox(this);
    m_xAxis->setObjectName(QStringLiteral("xAxisMode"));
    m_xAxis->addItem(tr("Step"), int(XAxisMode::Step));
    m_xAxis->addItem(tr("Relative"), int(XAxisMode::Relative));
    m_xAxis->addItem(tr("Wall"), int(XAxisMode::WallTime));

    m_tooltipSort = new QComboBox(this);
    m_tooltipSort->setObjectName(QStringLiteral("tooltipSort"));
    m_tooltipSort->setToolTip(tr("How the tooltip orders the runs at the cursor"));
    m_tooltipSort->addItem(tr("Nearest"), int(HoverSort::Nearest));
    m_tooltipSort->addItem(tr("Value ↓"), int(HoverSort::ValueDescending));
    m_tooltipSort->addItem(tr("Value ↑"), int(HoverSort::ValueAscending));
    m_tooltipSort->addItem(tr("Run name"), int(HoverSort::RunName));

    m_linkSteps = new QCheckBox(tr("Link steps"), this);
    m_linkSteps->setObjectName(QStringLiteral("linkSteps"));
    m_linkSteps->setToolTip(tr("Select the same step or range on every card"));

    m_logScale = new QCheckBox(tr("Log scale"), this);
    m_logScale->setObjectName(QStringLiteral("logScale"));
    m_ignoreOutliers = new QCheckBox(tr("Ignore outliers"), this);
    m_ignoreOutliers->setObjectName(QStringLiteral("ignoreOutliers"));
    m_hideEmpty = new QCheckBox(tr("Hide empty"), this);
    m_hideEmpty->setObjectName(QStringLiteral("hideEmpty"));
    m_hideEmpty->setToolTip(tr("Hide cards with no data for the checked runs"));
    m_hideEmpty->setChecked(true);
    m_cardWidth = new QSlider(Qt::Horizontal, this);
    m_cardWidth->setObjectName(QStringLiteral("cardWidth"));
    m_cardWidth->setToolTip(tr("Card width"));
    m_cardWidth->setRange(kNarrowestCard, 4 * kNarrowestCard);
    m_cardWidth->setFixedWidth(140);
    m_newChart = new QToolButton(this);
    m_newChart->setObjectName(QStringLiteral("newChart"));
    m_newChart->setText(tr("New chart…"));
    m_newChart->setToolTip(tr("A chart of several tags, a line per run and tag"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_filter, 1);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Smoothing"), this));
    controls->addWidget(m_smoothing);
    controls->addWidget(m_smoothingValue);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("X axis"), this));
    controls->addWidget(m_xAxis);
    controls->addSpacing(12);
    controls->addWidget(m_logScale);
    controls->addWidget(m_ignoreOutliers);
    controls->addWidget(m_hideEmpty);
    controls->addWidget(m_newChart);
    // A second row for reading the data: one row held all of it only in wide windows.
    auto* analysis = new QHBoxLayout;
    analysis->addWidget(new QLabel(tr("Tooltip"), this));
    analysis->addWidget(m_tooltipSort);
    analysis->addSpacing(12);
    analysis->addWidget(m_linkSteps);
    analysis->addSpacing(12);
    analysis->addWidget(new QLabel(tr("Card width"), this));
    analysis->addWidget(m_cardWidth);
    analysis->addStretch(1);

    // The cards are ScalarCards, made here and handed whole to the grid.
    m_grid = new CardGrid({}, {}, this);
    m_grid->setObjectName(QStringLiteral("scalarScroll"));
    m_grid->widget()->setObjectName(QStringLiteral("scalarCards"));
    m_grid->emptyMessage()->setObjectName(QStringLiteral("scalarsEmptyMessage"));

    m_layoutProblems = new QLabel(this);
    m_layoutProblems->setObjectName(QStringLiteral("customScalarsProblems"));
    m_layoutProblems->setWordWrap(true);
    m_layoutProblems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layoutProblems->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(analysis);
    layout->addWidget(m_layoutProblems);
    layout->addWidget(m_grid, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &ScalarsDashboard::rebuild);
    connect(m_smoothing, &QSlider::valueChanged, this, [this](int value) {
        m_options.smoothing = value / 1000.0;
        applyOptions();
    });
    connect(m_xAxis, &QComboBox::currentIndexChanged, this, [this] {
        m_options.xAxis = XAxisMode(m_xAxis->currentData().toInt());
        applyOptions();
    });
    connect(m_tooltipSort, &QComboBox::currentIndexChanged, this, [this] { applyOptions(); });
    connect(m_linkSteps, &QCheckBox::toggled, this, [this](bool on) {
        if (!on)
            m_linkedSteps.reset();
    });
    connect(m_logScale, &QCheckBox::toggled, this, [this](bool on) {
        m_options.logY = on;
        applyOptions();
    });
    connect(m_ignoreOutliers, &QCheckBox::toggled, this, [this](bool on) {
        m_options.ignoreOutliers = on;
        applyOptions();
    });
    connect(m_hideEmpty, &QCheckBox::toggled, this, &ScalarsDashboard::rebuild);
    m_cardWidth->setValue(m_grid->cardMinWidth());
    connect(m_cardWidth, &QSlider::valueChanged, this,
        // The cards are ours and keep their own height: only the columns change.
        [this](int width) { m_grid->setCardSize(width, 0); });
    connect(m_newChart, &QToolButton::clicked, this, [this] { chooseTags(nullptr); });
    if (m_runs)
        connect(m_runs, &RunListModel::selectionChanged, this, &ScalarsDashboard::rebuild);

    for (const QStringList& tags : settings.customCharts())
        m_charts.push_back(createCard(tags, ScalarCard::Kind::Custom));
    m_placementDirty = true;
    applyOptions();
    rebuild();
}

ScalarsDashboard::~ScalarsDashboard() = default;

void ScalarsDashboard::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

void ScalarsDashboard::applyOptions()
{
    m_smoothingValue->setText(QString::number(m_options.smoothing, 'f', 3));
    for (auto& [tag, card] : m_cards)
        applyOptions(card);
    for (ScalarCard* chart : m_charts)
        applyOptions(chart);
    for (const LayoutChart& chart : m_layoutCharts)
        applyOptions(chart.card);
}

void ScalarsDashboard::applyChange(
    const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change)
{
    m_snapshot = snapshot;
    std::set<QString> tags;
    for (const core::ChangedSeries& series : change.series) {
        if (series.tag == core::kCustomScalarsTag) { // a new layout
            rebuild();
            return;
        }
        if (series.kind == core::ValueKind::Scalar)
            tags.insert(QString::fromStdString(series.tag));
    }
    refreshTags(tags);
}

void ScalarsDashboard::applyOptions(ScalarCard* card)
{
    LinePlot::Options options = m_options;
    if (const std::optional<bool> log = card->logScaleOverride())
        options.logY = *log;
    if (const std::optional<XAxisMode> xAxis = card->xAxisOverride())
        options.xAxis = *xAxis;
    card->plot()->setOptions(options);
    HoverTableOptions tooltip = card->plot()->tooltipOptions();
    tooltip.sort = HoverSort(m_tooltipSort->currentData().toInt());
    card->plot()->setTooltipOptions(tooltip);
    card->refreshStepTable(); // smoothing may have changed
}

void ScalarsDashboard::stepsSelected(
    ScalarCard* from, const std::optional<StepSelection>& selection)
{
    if (!m_linkSteps->isChecked())
        return;
    m_linkedSteps = selection;
    if (m_published)
        m_published->setSelection(selection);
    for (auto& [tag, card] : m_cards)
        if (card != from)
            card->setStepSelection(selection);
    for (ScalarCard* chart : m_charts)
        if (chart != from)
            chart->setStepSelection(selection);
    for (const LayoutChart& chart : m_layoutCharts)
        if (chart.card != from)
            chart.card->setStepSelection(selection);
}

QRegularExpression ScalarsDashboard::tagFilterExpression() const
{
    // Matched anywhere in the tag, ignoring case.
    return QRegularExpression(m_filter->text(), QRegularExpression::CaseInsensitiveOption);
}

bool ScalarsDashboard::wantsCard(
    const QString& tag, const QRegularExpression& filter, bool hasData) const
{
    // Those the filter matches (an invalid one filters nothing), or pinned; unless empty and
    // hidden.
    const bool matches = m_pinned.contains(tag) || filter.pattern().isEmpty() || !filter.isValid()
        || filter.match(tag).hasMatch();
    return matches && (hasData || !m_hideEmpty->isChecked());
}

std::optional<LinePlot::Series> ScalarsDashboard::lineOf(
    const QString& runName, const core::RunSnapshot& run, const core::TagSnapshot& tag) const
{
    if (m_runs && !m_runs->isChecked(runName))
        return std::nullopt;
    const QColor color = m_runs ? m_runs->color(runName) : RunListModel::defaultColor(runName);
    // Exports write the names' own bytes, made valid as core does.
    return LinePlot::Series {
        runName, color, tag.scalars, exportedName(run.name), exportedName(tag.tag)};
}

bool ScalarsDashboard::showTagCard(const QString& tag, bool wanted, bool hasData)
{
    auto it = m_cards.find(tag);
    if (!wanted) {
        if (it == m_cards.end())
            return false;
        it->second->deleteLater();
        m_cards.erase(it);
        return true;
    }
    const bool created = it == m_cards.end();
    if (created)
        it = m_cards.emplace(tag, createCard({tag}, ScalarCard::Kind::Tag)).first;
    const auto lines = m_lines.find(tag);
    // A no-op for a plot when no generation changed.
    it->second->setSeries(
        lines == m_lines.end() ? std::vector<LinePlot::Series> {} : lines->second);
    it->second->setNoDataNoteShown(!hasData);
    return created;
}

void ScalarsDashboard::rebuild()
{
    const QRegularExpression filter = tagFilterExpression();
    m_filter->setStyleSheet(filter.isValid() ? QString() : QStringLiteral("background: #fdd;"));
    m_filter->setToolTip(filter.isValid() ? QString() : filter.errorString());

    // Every scalar tag of any run, and each tag's lines for the checked runs in snapshot
    // (name) order.
    m_lines.clear();
    QSet<QString> tags;
    if (m_snapshot) {
        for (const auto& run : m_snapshot->runs) {
            const QString runName = QString::fromStdString(run->name);
            for (const core::TagSnapshot& tag : run->tags) {
                if (tag.kind != core::ValueKind::Scalar)
                    continue;
                const QString name = QString::fromUtf8(tag.tag);
                tags.insert(name);
                if (auto line = lineOf(runName, *run, tag))
                    m_lines[name].push_back(std::move(*line));
            }
        }
    }
    m_allTags = QStringList(tags.begin(), tags.end());
    std::sort(m_allTags.begin(), m_allTags.end(), naturalLess);
    m_tagSet = std::move(tags);

    bool structureChanged = std::exchange(m_placementDirty, false);
    std::map<QString, bool> wanted; // tag → has data
    for (const QString& tag : std::as_const(m_allTags)) {
        const auto lines = m_lines.find(tag);
        const bool hasData = lines != m_lines.end() && anyPoints(lines->second);
        if (wantsCard(tag, filter, hasData))
            wanted[tag] = hasData;
    }
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        const QString tag = (it++)->first; // showTagCard may erase it
        if (!wanted.count(tag))
            structureChanged = showTagCard(tag, false, false) || structureChanged;
    }
    for (const auto& [tag, hasData] : wanted)
        structureChanged = showTagCard(tag, true, hasData) || structureChanged;
    for (ScalarCard* chart : m_charts)
        updateCustomChart(chart);
    structureChanged = updateLayoutCharts() || structureChanged;

    if (structureChanged)
        placeCards();
    showEmptyText();
}

void ScalarsDashboard::refreshTags(const std::set<QString>& tags)
{
    // The lines of just these tags. A tag some run gained or lost as a whole changes the
    // tag list (and maybe the groups): that is a rebuild.
    for (const QString& tag : tags) {
        const std::string name = tag.toStdString();
        std::vector<LinePlot::Series> lines;
        bool held = false;
        for (const auto& run : m_snapshot->runs) {
            const core::TagSnapshot* found = run->find(name, core::ValueKind::Scalar);
            if (!found)
                continue;
            held = true;
            const QString runName = QString::fromStdString(run->name);
            if (auto line = lineOf(runName, *run, *found))
                lines.push_back(std::move(*line));
        }
        if (held != m_tagSet.contains(tag)) {
            rebuild();
            return;
        }
        if (lines.empty())
            m_lines.erase(tag);
        else
            m_lines[tag] = std::move(lines);
    }
    const QRegularExpression filter = tagFilterExpression();
    bool structureChanged = false;
    for (const QString& tag : tags) {
        const auto lines = m_lines.find(tag);
        const bool hasData = lines != m_lines.end() && anyPoints(lines->second);
        structureChanged
            = showTagCard(tag, wantsCard(tag, filter, hasData), hasData) || structureChanged;
    }
    for (ScalarCard* chart : m_charts)
        if (std::any_of(chart->tags().begin(), chart->tags().end(),
                [&](const QString& tag) { return tags.count(tag) > 0; }))
            updateCustomChart(chart);
    for (const LayoutChart& chart : m_layoutCharts)
        if (std::any_of(chart.tags.begin(), chart.tags.end(),
                [&](const QString& tag) { return tags.count(tag) > 0; }))
            updateLayoutChart(chart);
    if (structureChanged) {
        placeCards();
        showEmptyText();
    }
}

void ScalarsDashboard::showEmptyText()
{
    if (!m_cards.empty() || !m_charts.empty() || !m_layoutCharts.empty())
        return;
    const QString pattern = m_filter->text();
    m_grid->setEmptyText(!m_snapshot || m_snapshot->runs.empty() ? tr("No runs loaded.")
            : !pattern.isEmpty() && tagFilterExpression().isValid()
            ? tr("No scalar tags match “%1”.").arg(pattern.toHtmlEscaped())
            : tr("The checked runs have no scalar data."));
}

void ScalarsDashboard::updateCustomChart(ScalarCard* chart) const
{
    // A line per (tag, run): coloured by run, dashed by tag.
    std::vector<LinePlot::Series> series;
    const QStringList& tags = chart->tags();
    for (qsizetype t = 0; t < tags.size(); ++t) {
        const auto lines = m_lines.find(tags[t]);
        if (lines == m_lines.end())
            continue;
        for (LinePlot::Series line : lines->second) {
            line.name += QStringLiteral(" · ") + tags[t]; // its run and tag are the line's own
            line.style = kTagStyles[std::size_t(t) % std::size(kTagStyles)];
            series.push_back(std::move(line));
        }
    }
    chart->setNoDataNoteShown(!anyPoints(series));
    chart->setSeries(std::move(series));
}

ScalarCard* ScalarsDashboard::createCard(
    const QStringList& tags, ScalarCard::Kind kind, const QString& title)
{
    const bool custom = kind != ScalarCard::Kind::Tag;
    auto* card = new ScalarCard(tags, kind, title, m_grid->widget());
    const char* name = kind == ScalarCard::Kind::Tag ? "card"
        : kind == ScalarCard::Kind::Custom           ? "chart"
                                                     : "layout";
    card->setObjectName(objectNameFor(name, card->title()));
    card->hide(); // until placed
    restoreAxes(card); // a layout chart's once it is listed (updateLayoutCharts)
    applyOptions(card);
    if (m_linkSteps->isChecked() && m_linkedSteps)
        card->setStepSelection(m_linkedSteps);
    connect(card, &ScalarCard::axesOverrideChanged, this, [this, card] {
        applyOptions(card);
        rememberAxes(card);
    });
    connect(card, &ScalarCard::stepSelectionChanged, this,
        [this, card](
            const std::optional<StepSelection>& selection) { stepsSelected(card, selection); });
    if (!custom) {
        const QString& tag = tags.front();
        card->setPinned(m_pinned.contains(tag));
        card->setEnlarged(m_enlarged.contains(tag));
        connect(card, &ScalarCard::pinToggled, this,
            [this, tag](bool pinned) { setPinned(tag, pinned); });
    }
    connect(card, &ScalarCard::enlargeToggled, this, [this, card](bool enlarged) {
        if (!card->isCustom()) {
            if (enlarged)
                m_enlarged.insert(card->tags().front());
            else
                m_enlarged.remove(card->tags().front());
        }
        placeCards();
    });
    connect(card, &ScalarCard::exportRequested, this,
        [this, card](ScalarCard::Export format) { chooseExport(card, format); });
    connect(card, &ScalarCard::tagsRequested, this, [this, card] { chooseTags(card); });
    connect(card, &ScalarCard::axisRangesRequested, this, [this, card] { chooseAxisRanges(card); });
    connect(card, &ScalarCard::removeRequested, this, [this, card] { removeCustomChart(card); });
    return card;
}

} // namespace lantern::ui
