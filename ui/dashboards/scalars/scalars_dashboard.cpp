#include "ui/dashboards/scalars/scalars_dashboard.h"

#include "ui/widgets/card_menu_button.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/widget_export.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSlider>
#include <QTextStream>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {
namespace {

constexpr int kCardMinWidth = 380;
constexpr int kCardHeight = 290;
constexpr int kDefaultSmoothing = 600; // of 1000: TensorBoard's 0.6

QString objectNameFor(const char* kind, const QString& name)
{
    return QLatin1String(kind) + QLatin1Char(':') + name;
}

} // namespace

struct ScalarsDashboard::Card {
    QString tag;
    QFrame* frame = nullptr;
    QLabel* title = nullptr;
    LinePlot* plot = nullptr;
};

struct ScalarsDashboard::Group {
    QString name;
    QWidget* box = nullptr;
    QToolButton* header = nullptr;
    QWidget* body = nullptr;
    QGridLayout* grid = nullptr;
    std::vector<Card*> cards; // in display order
};

ScalarsDashboard::ScalarsDashboard(RunListModel* runs, QWidget* parent)
    : QWidget(parent)
    , m_runs(runs)
{
    setObjectName(QStringLiteral("scalars")); // the main window's tab key
    m_options.smoothing = kDefaultSmoothing / 1000.0;

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
    if (m_runs)
        connect(m_runs, &RunListModel::selectionChanged, this, &ScalarsDashboard::rebuild);
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
        card->plot->setOptions(m_options);
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

    // The series each tag shows, runs in snapshot (name) order.
    std::map<QString, std::vector<LinePlot::Series>> wanted;
    if (m_snapshot) {
        for (const auto& run : m_snapshot->runs) {
            const QString runName = QString::fromStdString(run->name);
            if (m_runs && !m_runs->isChecked(runName))
                continue;
            const QColor color
                = m_runs ? m_runs->color(runName) : RunListModel::defaultColor(runName);
            for (const core::TagSnapshot& tag : run->tags) {
                if (tag.kind != core::ValueKind::Scalar)
                    continue;
                const QString name = QString::fromStdString(tag.tag);
                if (!pattern.isEmpty() && filterValid && !filter.match(name).hasMatch())
                    continue;
                wanted[name].push_back({runName, color, tag.scalars});
            }
        }
    }

    bool structureChanged = false;
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        if (wanted.count(it->first)) {
            ++it;
            continue;
        }
        Card* gone = it->second.get();
        for (const auto& group : m_groups)
            if (group)
                std::erase(group->cards, gone);
        gone->frame->deleteLater();
        it = m_cards.erase(it);
        structureChanged = true;
    }
    for (auto& [tag, series] : wanted) {
        auto it = m_cards.find(tag);
        if (it == m_cards.end()) {
            it = m_cards.emplace(tag, std::unique_ptr<Card>(createCard(tag))).first;
            structureChanged = true;
        }
        it->second->plot->setSeries(std::move(series)); // a no-op when no generation changed
    }

    if (structureChanged || m_groups.empty() != m_cards.empty())
        placeCards();

    if (m_cards.empty()) {
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

ScalarsDashboard::Card* ScalarsDashboard::createCard(const QString& tag)
{
    auto* card = new Card;
    card->tag = tag;
    card->frame = new QFrame;
    card->frame->setObjectName(objectNameFor("card", tag));
    card->frame->setFrameShape(QFrame::StyledPanel);
    card->frame->setMinimumWidth(kCardMinWidth - 20);
    card->frame->setFixedHeight(kCardHeight);
    card->title = new QLabel(tag, card->frame);
    card->title->setObjectName(QStringLiteral("cardTitle"));
    QFont bold = card->title->font();
    bold.setBold(true);
    card->title->setFont(bold);
    card->title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    QToolButton* menuButton = createCardMenuButton(card->frame);
    QMenu* menu = menuButton->menu();
    card->plot = new LinePlot(card->frame);
    card->plot->setObjectName(QStringLiteral("plot"));
    card->plot->setOptions(m_options);
    LinePlot* plot = card->plot;
    menu->addAction(tr("Reset zoom"), plot, &LinePlot::resetZoom);
    menu->addSeparator();
    menu->addAction(tr("Save as PNG…"), this, [this, tag] { chooseExport(tag, false); });
    menu->addAction(tr("Save as CSV…"), this, [this, tag] { chooseExport(tag, true); });

    auto* header = new QHBoxLayout;
    header->addWidget(card->title, 1);
    header->addWidget(menuButton);
    auto* layout = new QVBoxLayout(card->frame);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->addLayout(header);
    layout->addWidget(card->plot, 1);
    return card;
}

ScalarsDashboard::Group* ScalarsDashboard::createGroup(const QString& name)
{
    auto* group = new Group;
    group->name = name;
    group->box = new QWidget(m_content);
    group->box->setObjectName(objectNameFor("group", name));
    group->header = new QToolButton(group->box);
    group->header->setObjectName(QStringLiteral("groupHeader"));
    group->header->setCheckable(true);
    group->header->setChecked(!m_collapsed.contains(name));
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
    // Tags by group, both in natural order.
    std::vector<QString> tags;
    for (const auto& [tag, card] : m_cards)
        tags.push_back(tag);
    std::sort(tags.begin(), tags.end(), [](const QString& a, const QString& b) {
        const QString ga = groupOf(a), gb = groupOf(b);
        return ga != gb ? naturalLess(ga, gb) : naturalLess(a, b);
    });

    std::vector<std::unique_ptr<Group>> groups;
    for (const QString& tag : tags) {
        const QString name = groupOf(tag);
        if (groups.empty() || groups.back()->name != name) {
            auto existing = std::find_if(m_groups.begin(), m_groups.end(),
                [&](const std::unique_ptr<Group>& g) { return g && g->name == name; });
            if (existing != m_groups.end())
                groups.push_back(std::move(*existing));
            else
                groups.emplace_back(createGroup(name));
            groups.back()->cards.clear();
        }
        groups.back()->cards.push_back(m_cards.at(tag).get());
    }
    for (auto& old : m_groups)
        if (old) {
            // A group left empty: its cards are already gone (a tag never changes group).
            old->box->deleteLater();
        }
    m_groups = std::move(groups);

    const int columns = columnCount();
    m_placedColumns = columns;
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        Group& group = *m_groups[g];
        while (group.grid->count() > 0)
            delete group.grid->takeAt(0);
        for (std::size_t i = 0; i < group.cards.size(); ++i) {
            group.cards[i]->frame->setParent(group.body);
            group.grid->addWidget(group.cards[i]->frame, int(i) / columns, int(i) % columns);
            group.cards[i]->frame->show();
        }
        for (int c = 0; c < columns; ++c)
            group.grid->setColumnStretch(c, 1);
        group.header->setText(QStringLiteral("%1  (%2)").arg(group.name).arg(group.cards.size()));
        m_groupsLayout->removeWidget(group.box);
        m_groupsLayout->insertWidget(int(g), group.box);
        group.box->show();
    }
}

void ScalarsDashboard::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (!m_groups.empty() && columnCount() != m_placedColumns)
        placeCards();
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
    QStringList tags;
    for (const auto& group : m_groups)
        if (group->name == name)
            for (const Card* card : group->cards)
                tags.append(card->tag);
    return tags;
}

QStringList ScalarsDashboard::cardTags() const
{
    QStringList tags;
    for (const auto& group : m_groups)
        for (const Card* card : group->cards)
            tags.append(card->tag);
    return tags;
}

LinePlot* ScalarsDashboard::plot(const QString& tag) const
{
    const auto it = m_cards.find(tag);
    return it == m_cards.end() ? nullptr : it->second->plot;
}

bool ScalarsDashboard::isGroupExpanded(const QString& group) const
{
    return !m_collapsed.contains(group);
}

void ScalarsDashboard::setGroupExpanded(const QString& name, bool expanded)
{
    if (expanded)
        m_collapsed.remove(name);
    else
        m_collapsed.insert(name);
    for (const auto& group : m_groups) {
        if (group->name != name)
            continue;
        const QSignalBlocker blocker(group->header);
        group->header->setChecked(expanded);
        group->header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
        group->body->setVisible(expanded);
    }
}

bool ScalarsDashboard::exportPng(const QString& tag, const QString& path) const
{
    const auto it = m_cards.find(tag);
    return it != m_cards.end() && saveWidgetImage(it->second->frame, path, ImageFormat::Png);
}

bool ScalarsDashboard::exportCsv(const QString& tag, const QString& path) const
{
    const auto it = m_cards.find(tag);
    if (it == m_cards.end())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream out(&file);
    it->second->plot->writeCsv(out, tag);
    out.flush();
    return file.error() == QFile::NoError;
}

void ScalarsDashboard::chooseExport(const QString& tag, bool csv)
{
    const QString path
        = askExportPath(this, csv ? tr("Save Scalars as CSV") : tr("Save Chart as PNG"),
            fileStemFor(tag), csv ? QStringLiteral(".csv") : QStringLiteral(".png"));
    if (path.isEmpty())
        return;
    const bool ok = csv ? exportCsv(tag, path) : exportPng(tag, path);
    if (!ok)
        m_filter->setToolTip(tr("Could not write %1").arg(path));
}

} // namespace lantern::ui
