#include "ui/dashboards/scalars/scalars_dashboard.h"

#include "ui/dashboards/scalars/axis_range_dialog.h"
#include "ui/dashboards/scalars/tag_chooser_dialog.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/scalar_export.h"
#include "ui/widgets/widget_export.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QTextStream>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {
namespace {

constexpr int kCardMinWidth = 380;
constexpr int kDefaultSmoothing = 600; // of 1000: TensorBoard's 0.6
const QString kPinnedKey = QStringLiteral("scalars/pinnedTags");
const QString kChartsKey = QStringLiteral("scalars/customCharts");
const QString kPinnedGroup = QStringLiteral("pinned");
const QString kCustomGroup = QStringLiteral("custom");

// A custom chart tells its tags apart by dash style; runs keep their colours.
constexpr Qt::PenStyle kTagStyles[]
    = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine, Qt::DashDotDotLine};

QString objectNameFor(const char* kind, const QString& name)
{
    return QLatin1String(kind) + QLatin1Char(':') + name;
}

QString suffixFor(ScalarCard::Export format)
{
    switch (format) {
    case ScalarCard::Export::Png:
        return QStringLiteral(".png");
    case ScalarCard::Export::Svg:
        return QStringLiteral(".svg");
    case ScalarCard::Export::Csv:
        return QStringLiteral(".csv");
    case ScalarCard::Export::Json:
        return QStringLiteral(".json");
    }
    return QString();
}

QString unitsOf(XAxisMode mode)
{
    switch (mode) {
    case XAxisMode::Step:
        return QObject::tr("steps");
    case XAxisMode::Relative:
        return QObject::tr("hours since the run began");
    case XAxisMode::WallTime:
        return QObject::tr("seconds since 1970");
    }
    return QString();
}

bool anyPoints(const std::vector<LinePlot::Series>& lines)
{
    return std::any_of(lines.begin(), lines.end(),
        [](const LinePlot::Series& line) { return !line.data.empty(); });
}

} // namespace

struct ScalarsDashboard::Group {
    QString key; // "pinned", "custom", or "tags/" + name
    QString name;
    QWidget* box = nullptr;
    QToolButton* header = nullptr;
    QWidget* body = nullptr;
    QGridLayout* grid = nullptr;
    std::vector<ScalarCard*> cards; // in display order
};

ScalarsDashboard::ScalarsDashboard(RunListModel* runs, QWidget* parent)
    : QWidget(parent)
    , m_runs(runs)
    , m_choosePath([this](const QString& title, const QString& stem, const QString& suffix) {
        return askExportPath(this, title, stem, suffix);
    })
{
    setObjectName(QStringLiteral("scalars")); // the main window's tab key
    m_options.smoothing = kDefaultSmoothing / 1000.0;
    const QSettings settings;
    for (const QString& tag : settings.value(kPinnedKey).toStringList())
        m_pinned.insert(tag);

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

    m_logScale = new QCheckBox(tr("Log scale"), this);
    m_logScale->setObjectName(QStringLiteral("logScale"));
    m_ignoreOutliers = new QCheckBox(tr("Ignore outliers"), this);
    m_ignoreOutliers->setObjectName(QStringLiteral("ignoreOutliers"));
    m_hideEmpty = new QCheckBox(tr("Hide empty"), this);
    m_hideEmpty->setObjectName(QStringLiteral("hideEmpty"));
    m_hideEmpty->setToolTip(tr("Hide cards with no data for the checked runs"));
    m_hideEmpty->setChecked(true);
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

    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("scalarCards"));
    m_groupsLayout = new QVBoxLayout(m_content);
    m_groupsLayout->setContentsMargins(0, 0, 0, 0);
    m_emptyMessage = new QLabel(m_content);
    m_emptyMessage->setObjectName(QStringLiteral("scalarsEmptyMessage"));
    m_emptyMessage->setAlignment(Qt::AlignCenter);
    m_emptyMessage->setWordWrap(true);
    m_groupsLayout->addWidget(m_emptyMessage);
    m_groupsLayout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("scalarScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_content);
    m_scroll->viewport()->installEventFilter(this);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_scroll, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &ScalarsDashboard::rebuild);
    connect(m_smoothing, &QSlider::valueChanged, this, [this](int value) {
        m_options.smoothing = value / 1000.0;
        applyOptions();
    });
    connect(m_xAxis, &QComboBox::currentIndexChanged, this, [this] {
        m_options.xAxis = XAxisMode(m_xAxis->currentData().toInt());
        applyOptions();
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
    connect(m_newChart, &QToolButton::clicked, this, [this] { chooseTags(nullptr); });
    if (m_runs)
        connect(m_runs, &RunListModel::selectionChanged, this, &ScalarsDashboard::rebuild);

    for (const QVariant& chart : settings.value(kChartsKey).toList())
        if (const QStringList tags = chart.toStringList(); !tags.isEmpty())
            m_charts.push_back(createCard(tags, true));
    m_placementDirty = true;
    applyOptions();
    rebuild();
}

ScalarsDashboard::~ScalarsDashboard() = default;

QString ScalarsDashboard::groupOf(const QString& tag)
{
    const qsizetype slash = tag.indexOf(QLatin1Char('/'));
    return slash < 0 ? tag : tag.left(slash);
}

bool ScalarsDashboard::naturalLess(const QString& a, const QString& b)
{
    // By hand rather than QCollator: its numeric mode needs ICU, which not every Qt has.
    auto isDigit = [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); };
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && isDigit(a[ei]))
                ++ei;
            while (ej < b.size() && isDigit(b[ej]))
                ++ej;
            // Compare as numbers of any length: without leading zeros, longer is larger.
            qsizetype si = i, sj = j;
            while (si + 1 < ei && a[si] == QLatin1Char('0'))
                ++si;
            while (sj + 1 < ej && b[sj] == QLatin1Char('0'))
                ++sj;
            if (ei - si != ej - sj)
                return ei - si < ej - sj;
            const int order
                = QStringView(a).sliced(si, ei - si).compare(QStringView(b).sliced(sj, ej - sj));
            if (order != 0)
                return order < 0;
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded(), cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb;
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j))
        return a.size() - i < b.size() - j;
    return a < b; // a total order: "Loss" and "loss" stay apart, capitals first
}

void ScalarsDashboard::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

void ScalarsDashboard::applyOptions()
{
    m_smoothingValue->setText(QString::number(m_options.smoothing, 'f', 3));
    for (auto& [tag, card] : m_cards)
        card->plot()->setOptions(m_options);
    for (ScalarCard* chart : m_charts)
        chart->plot()->setOptions(m_options);
}

void ScalarsDashboard::rebuild()
{
    // The filter: matched anywhere in the tag, ignoring case; an invalid one filters nothing
    // and says so.
    const QString pattern = m_filter->text();
    const QRegularExpression filter(pattern, QRegularExpression::CaseInsensitiveOption);
    const bool filterValid = filter.isValid();
    m_filter->setStyleSheet(filterValid ? QString() : QStringLiteral("background: #fdd;"));
    m_filter->setToolTip(filterValid ? QString() : filter.errorString());

    // Every scalar tag of any run, and each tag's lines for the checked runs in snapshot
    // (name) order.
    m_lines.clear();
    QSet<QString> tags;
    if (m_snapshot) {
        for (const auto& run : m_snapshot->runs) {
            const QString runName = QString::fromStdString(run->name);
            const bool checked = !m_runs || m_runs->isChecked(runName);
            const QColor color
                = m_runs ? m_runs->color(runName) : RunListModel::defaultColor(runName);
            for (const core::TagSnapshot& tag : run->tags) {
                if (tag.kind != core::ValueKind::Scalar)
                    continue;
                const QString name = QString::fromStdString(tag.tag);
                tags.insert(name);
                if (checked)
                    m_lines[name].push_back({runName, color, tag.scalars});
            }
        }
    }
    m_allTags = QStringList(tags.begin(), tags.end());
    std::sort(m_allTags.begin(), m_allTags.end(), naturalLess);

    // The tag cards: those the filter matches (or pinned), unless empty and hidden.
    std::map<QString, bool> wanted; // tag → has data
    for (const QString& tag : std::as_const(m_allTags)) {
        const bool matches = m_pinned.contains(tag) || pattern.isEmpty() || !filterValid
            || filter.match(tag).hasMatch();
        const auto lines = m_lines.find(tag);
        const bool hasData = lines != m_lines.end() && anyPoints(lines->second);
        if (matches && (hasData || !m_hideEmpty->isChecked()))
            wanted[tag] = hasData;
    }

    bool structureChanged = std::exchange(m_placementDirty, false);
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        if (wanted.count(it->first)) {
            ++it;
            continue;
        }
        for (const auto& group : m_groups)
            std::erase(group->cards, it->second);
        it->second->deleteLater();
        it = m_cards.erase(it);
        structureChanged = true;
    }
    for (const auto& [tag, hasData] : wanted) {
        auto it = m_cards.find(tag);
        if (it == m_cards.end()) {
            it = m_cards.emplace(tag, createCard({tag}, false)).first;
            structureChanged = true;
        }
        const auto lines = m_lines.find(tag);
        // A no-op for a plot when no generation changed.
        it->second->plot()->setSeries(
            lines == m_lines.end() ? std::vector<LinePlot::Series> {} : lines->second);
        it->second->setNoDataNoteShown(!hasData);
    }
    for (ScalarCard* chart : m_charts)
        updateCustomChart(chart);

    if (structureChanged || m_groups.empty() != (m_cards.empty() && m_charts.empty()))
        placeCards();

    if (m_cards.empty() && m_charts.empty()) {
        m_emptyMessage->setText(!m_snapshot || m_snapshot->runs.empty() ? tr("No runs loaded.")
                : !pattern.isEmpty() && filterValid
                ? tr("No scalar tags match “%1”.").arg(pattern.toHtmlEscaped())
                : tr("The checked runs have no scalar data."));
        m_emptyMessage->show();
    } else {
        m_emptyMessage->hide();
    }
    if (structureChanged)
        emit cardsChanged();
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
            line.run = line.name;
            line.tag = tags[t];
            line.name = line.run + QStringLiteral(" · ") + line.tag;
            line.style = kTagStyles[std::size_t(t) % std::size(kTagStyles)];
            series.push_back(std::move(line));
        }
    }
    chart->setNoDataNoteShown(!anyPoints(series));
    chart->plot()->setSeries(std::move(series));
}

ScalarCard* ScalarsDashboard::createCard(const QStringList& tags, bool custom)
{
    auto* card = new ScalarCard(tags, custom, m_content);
    card->setObjectName(objectNameFor(custom ? "chart" : "card", card->title()));
    card->hide(); // until placed
    card->plot()->setOptions(m_options);
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

ScalarsDashboard::Group* ScalarsDashboard::createGroup(const QString& key, const QString& name)
{
    auto* group = new Group;
    group->key = key;
    group->name = name;
    group->box = new QWidget(m_content);
    group->box->setObjectName(
        objectNameFor("group", key == kPinnedGroup || key == kCustomGroup ? key : name));
    group->header = new QToolButton(group->box);
    group->header->setObjectName(QStringLiteral("groupHeader"));
    group->header->setCheckable(true);
    group->header->setChecked(!m_collapsed.contains(key));
    group->header->setAutoRaise(true);
    group->header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    group->header->setArrowType(group->header->isChecked() ? Qt::DownArrow : Qt::RightArrow);
    QFont bold = group->header->font();
    bold.setBold(true);
    group->header->setFont(bold);
    group->body = new QWidget(group->box);
    group->body->setVisible(group->header->isChecked());
    group->grid = new QGridLayout(group->body);
    group->grid->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QVBoxLayout(group->box);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addWidget(group->header, 0, Qt::AlignLeft);
    layout->addWidget(group->body);
    connect(group->header, &QToolButton::toggled, this,
        [this, name](bool expanded) { setGroupExpanded(name, expanded); });
    return group;
}

int ScalarsDashboard::columnCount() const
{
    return std::max(1, m_scroll->viewport()->width() / kCardMinWidth);
}

void ScalarsDashboard::placeCards()
{
    // The groups' cards: pinned tags, custom charts, then the rest by prefix, all in natural
    // order but the charts (in the order they were made).
    std::vector<std::pair<QString, QString>> order; // (key, name)
    std::map<QString, std::vector<ScalarCard*>> members;
    auto add = [&](const QString& key, const QString& name, ScalarCard* card) {
        if (members[key].empty())
            order.emplace_back(key, name);
        members[key].push_back(card);
    };
    std::vector<QString> tags;
    for (const auto& [tag, card] : m_cards)
        tags.push_back(tag);
    std::sort(tags.begin(), tags.end(), [](const QString& a, const QString& b) {
        const QString ga = groupOf(a), gb = groupOf(b);
        return ga != gb ? naturalLess(ga, gb) : naturalLess(a, b);
    });
    std::vector<QString> pinned;
    std::copy_if(tags.begin(), tags.end(), std::back_inserter(pinned),
        [this](const QString& tag) { return m_pinned.contains(tag); });
    std::sort(pinned.begin(), pinned.end(), naturalLess);
    for (const QString& tag : pinned)
        add(kPinnedGroup, tr("Pinned"), m_cards.at(tag));
    for (ScalarCard* chart : m_charts)
        add(kCustomGroup, tr("Custom charts"), chart);
    for (const QString& tag : tags)
        if (!m_pinned.contains(tag))
            add(QStringLiteral("tags/") + groupOf(tag), groupOf(tag), m_cards.at(tag));

    std::vector<std::unique_ptr<Group>> groups;
    for (const auto& [key, name] : order) {
        auto existing = std::find_if(m_groups.begin(), m_groups.end(),
            [&](const std::unique_ptr<Group>& g) { return g && g->key == key; });
        if (existing != m_groups.end())
            groups.push_back(std::move(*existing));
        else
            groups.emplace_back(createGroup(key, name));
        groups.back()->cards = std::move(members[key]);
    }
    for (auto& old : m_groups)
        if (old) {
            // A group left empty; its cards that stay move to their new group below, before
            // the deferred delete.
            old->box->deleteLater();
        }
    m_groups = std::move(groups);

    const int columns = columnCount();
    m_placedColumns = columns;
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        Group& group = *m_groups[g];
        while (group.grid->count() > 0)
            delete group.grid->takeAt(0);
        int row = 0, column = 0;
        for (ScalarCard* card : group.cards) {
            if (card->parentWidget() != group.body)
                card->setParent(group.body);
            if (card->isEnlarged()) {
                // The whole row to itself.
                row += column > 0 ? 1 : 0;
                group.grid->addWidget(card, row++, 0, 1, columns);
                column = 0;
            } else {
                group.grid->addWidget(card, row, column);
                if (++column == columns) {
                    column = 0;
                    ++row;
                }
            }
            card->show();
        }
        // Every column gets an item (an empty spacer below the cards), so a group of fewer
        // cards than columns keeps the same card width as the others.
        const int spacerRow = row + (column > 0 ? 1 : 0);
        for (int c = 0; c < columns; ++c)
            group.grid->addItem(new QSpacerItem(0, 0, QSizePolicy::Expanding), spacerRow, c);
        for (int c = 0; c < group.grid->columnCount(); ++c)
            group.grid->setColumnStretch(c, c < columns ? 1 : 0);
        group.header->setText(QStringLiteral("%1  (%2)").arg(group.name).arg(group.cards.size()));
        m_groupsLayout->removeWidget(group.box);
        m_groupsLayout->insertWidget(int(g), group.box);
        group.box->show();
    }
}

bool ScalarsDashboard::eventFilter(QObject* watched, QEvent* event)
{
    // The columns follow the scroll area's viewport, which is sized after the dashboard.
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize && !m_groups.empty()
        && columnCount() != m_placedColumns)
        placeCards();
    return QWidget::eventFilter(watched, event);
}

QStringList ScalarsDashboard::groupNames() const
{
    QStringList names;
    for (const auto& group : m_groups)
        names.append(group->name);
    return names;
}

QStringList ScalarsDashboard::tagsInGroup(const QString& name) const
{
    QStringList titles;
    for (const auto& group : m_groups)
        if (group->name == name)
            for (const ScalarCard* card : group->cards)
                titles.append(card->title());
    return titles;
}

QStringList ScalarsDashboard::cardTags() const
{
    QStringList titles;
    for (const auto& group : m_groups)
        for (const ScalarCard* card : group->cards)
            titles.append(card->title());
    return titles;
}

ScalarCard* ScalarsDashboard::card(const QString& tag) const
{
    const auto it = m_cards.find(tag);
    return it == m_cards.end() ? nullptr : it->second;
}

LinePlot* ScalarsDashboard::plot(const QString& tag) const
{
    const ScalarCard* found = card(tag);
    return found ? found->plot() : nullptr;
}

bool ScalarsDashboard::isGroupExpanded(const QString& name) const
{
    for (const auto& group : m_groups)
        if (group->name == name)
            return !m_collapsed.contains(group->key);
    return !m_collapsed.contains(QStringLiteral("tags/") + name);
}

void ScalarsDashboard::setGroupExpanded(const QString& name, bool expanded)
{
    for (const auto& group : m_groups) {
        if (group->name != name)
            continue;
        if (expanded)
            m_collapsed.remove(group->key);
        else
            m_collapsed.insert(group->key);
        const QSignalBlocker blocker(group->header);
        group->header->setChecked(expanded);
        group->header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
        group->body->setVisible(expanded);
    }
}

QStringList ScalarsDashboard::pinnedTags() const
{
    QStringList tags(m_pinned.begin(), m_pinned.end());
    std::sort(tags.begin(), tags.end(), naturalLess);
    return tags;
}

void ScalarsDashboard::setPinned(const QString& tag, bool pinned)
{
    if (pinned == m_pinned.contains(tag))
        return;
    if (pinned)
        m_pinned.insert(tag);
    else
        m_pinned.remove(tag);
    if (ScalarCard* found = card(tag))
        found->setPinned(pinned);
    saveSettings();
    m_placementDirty = true;
    rebuild(); // a pinned card passes the filter
}

ScalarCard* ScalarsDashboard::addCustomChart(const QStringList& tags)
{
    if (tags.isEmpty())
        return nullptr;
    ScalarCard* chart = createCard(tags, true);
    m_charts.push_back(chart);
    updateCustomChart(chart);
    saveSettings();
    m_placementDirty = true;
    rebuild();
    return chart;
}

void ScalarsDashboard::removeCustomChart(ScalarCard* chart)
{
    const auto it = std::find(m_charts.begin(), m_charts.end(), chart);
    if (it == m_charts.end())
        return;
    m_charts.erase(it);
    for (const auto& group : m_groups)
        std::erase(group->cards, chart);
    chart->hide();
    chart->deleteLater();
    saveSettings();
    m_placementDirty = true;
    rebuild();
}

void ScalarsDashboard::saveSettings() const
{
    QSettings settings;
    settings.setValue(kPinnedKey, pinnedTags());
    QVariantList charts;
    for (const ScalarCard* chart : m_charts)
        charts.append(chart->tags());
    settings.setValue(kChartsKey, charts);
}

void ScalarsDashboard::chooseTags(ScalarCard* card)
{
    // A tag card starts a new chart from its tag; a custom chart edits its own tags; no card
    // (the "New chart…" button) starts from nothing.
    const QStringList checked = card ? card->tags() : QStringList();
    auto* dialog = new TagChooserDialog(m_allTags, checked, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool editing = card && card->isCustom();
    QPointer<ScalarCard> target = card;
    connect(dialog, &QDialog::accepted, this, [this, dialog, target, editing] {
        const QStringList tags = dialog->checkedTags();
        if (!editing) {
            addCustomChart(tags);
        } else if (target) { // not removed meanwhile
            target->setTags(tags);
            target->setObjectName(objectNameFor("chart", target->title()));
            updateCustomChart(target);
            saveSettings();
        }
    });
    dialog->open();
}

void ScalarsDashboard::chooseAxisRanges(ScalarCard* card)
{
    LinePlot* plot = card->plot();
    auto* dialog
        = new AxisRangeDialog(plot->xLimits(), plot->yLimits(), unitsOf(m_options.xAxis), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<LinePlot> target = plot;
    connect(dialog, &QDialog::accepted, this, [dialog, target] {
        if (!target)
            return;
        target->setXLimits(dialog->xLimits());
        target->setYLimits(dialog->yLimits());
        target->resetZoom(); // show the ranges just set
    });
    dialog->open();
}

bool ScalarsDashboard::exportCard(
    ScalarCard* card, ScalarCard::Export format, const QString& path) const
{
    if (!card)
        return false;
    if (format == ScalarCard::Export::Png || format == ScalarCard::Export::Svg) {
        return saveWidgetImage(
            card, path, format == ScalarCard::Export::Svg ? ImageFormat::Svg : ImageFormat::Png);
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream out(&file);
    if (format == ScalarCard::Export::Csv)
        writeScalarsCsv(out, *card->plot(), card->title());
    else
        writeScalarsJson(out, *card->plot(), card->title());
    out.flush();
    return file.error() == QFile::NoError;
}

bool ScalarsDashboard::exportPng(const QString& tag, const QString& path) const
{
    return exportCard(card(tag), ScalarCard::Export::Png, path);
}

bool ScalarsDashboard::exportCsv(const QString& tag, const QString& path) const
{
    return exportCard(card(tag), ScalarCard::Export::Csv, path);
}

void ScalarsDashboard::chooseExport(ScalarCard* card, ScalarCard::Export format)
{
    const bool image = format == ScalarCard::Export::Png || format == ScalarCard::Export::Svg;
    const QString path = m_choosePath(image ? tr("Save Chart as Image") : tr("Save Chart Data"),
        fileStemFor(card->title()), suffixFor(format));
    if (path.isEmpty())
        return;
    if (!exportCard(card, format, path))
        QMessageBox::warning(this, tr("Export Failed"), tr("Could not write %1.").arg(path));
}

} // namespace lantern::ui
