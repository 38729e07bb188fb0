// ScalarsDashboard's card actions: pins, custom charts of several tags, the tag and axis range
// dialogs, and exports; pins and custom charts persist in Settings.

#include "ui/dashboards/scalars/axis_range_dialog.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/dashboards/scalars/scalars_dashboard_parts.h"
#include "ui/dashboards/scalars/tag_chooser_dialog.h"
#include "ui/settings.h"
#include "ui/widgets/scalar_export.h"
#include "ui/widgets/tag_order.h"
#include "ui/widgets/widget_export.h"

#include <QFile>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPointer>
#include <QtConcurrent>

namespace lantern::ui {
namespace {

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

} // namespace

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
    ScalarCard* chart = createCard(tags, ScalarCard::Kind::Custom);
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
    forgetAxes(chart);
    chart->hide();
    chart->deleteLater();
    saveSettings();
    m_placementDirty = true;
    rebuild();
}

void ScalarsDashboard::saveSettings() const
{
    Settings settings;
    settings.setPinnedTags(pinnedTags());
    QList<QStringList> charts;
    for (const ScalarCard* chart : m_charts)
        charts.append(chart->tags());
    settings.setCustomCharts(charts);
    settings.setCardYScales(m_cardYScales);
    settings.setCardXAxes(m_cardXAxes);
}

namespace {

const std::pair<XAxisMode, QString> kXAxisNames[]
    = {{XAxisMode::Step, QStringLiteral("step")}, {XAxisMode::Relative, QStringLiteral("relative")},
        {XAxisMode::WallTime, QStringLiteral("wall")}};

} // namespace

QString ScalarsDashboard::axesKey(const ScalarCard* card) const
{
    // A tag card by its tag, as saved before charts had axes of their own; charts by what makes
    // them (tags hold no line breaks in practice, so these never meet a tag).
    switch (card->kind()) {
    case ScalarCard::Kind::Tag:
        return card->tags().front();
    case ScalarCard::Kind::Custom:
        return QStringLiteral("custom chart\n") + card->tags().join(QLatin1Char('\n'));
    case ScalarCard::Kind::Layout:
        for (const LayoutChart& chart : m_layoutCharts)
            if (chart.card == card)
                return QStringLiteral("custom scalars\n%1\n%2").arg(chart.category, chart.title);
        break;
    }
    return {};
}

void ScalarsDashboard::rememberAxes(const ScalarCard* card)
{
    const QString key = axesKey(card);
    if (key.isEmpty())
        return;
    m_cardYScales.remove(key);
    if (const std::optional<bool> log = card->logScaleOverride())
        m_cardYScales.insert(key, *log ? QStringLiteral("log") : QStringLiteral("linear"));
    m_cardXAxes.remove(key);
    for (const auto& [mode, name] : kXAxisNames)
        if (card->xAxisOverride() == mode)
            m_cardXAxes.insert(key, name);
    saveSettings();
}

void ScalarsDashboard::forgetAxes(const ScalarCard* card)
{
    const QString key = axesKey(card);
    m_cardYScales.remove(key);
    m_cardXAxes.remove(key);
}

void ScalarsDashboard::restoreAxes(ScalarCard* card) const
{
    const QString key = axesKey(card);
    if (key.isEmpty())
        return;
    // Both read before either is set: setting one remembers the card's axes, the other unset.
    const std::optional<QString> scale
        = m_cardYScales.contains(key) ? std::optional(m_cardYScales.value(key)) : std::nullopt;
    const QString xAxis = m_cardXAxes.value(key);
    if (scale)
        card->setLogScaleOverride(*scale == QStringLiteral("log"));
    for (const auto& [mode, name] : kXAxisNames)
        if (xAxis == name)
            card->setXAxisOverride(mode);
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
            forgetAxes(target); // its own axes move to its new tags
            target->setTags(tags);
            target->setObjectName(objectNameFor("chart", target->title()));
            updateCustomChart(target);
            rememberAxes(target);
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
        card->plot()->waitForRendering(); // the picture shows the lines as they are now
        return saveWidgetImage(
            card, path, format == ScalarCard::Export::Svg ? ImageFormat::Svg : ImageFormat::Png);
    }
    return writeCardData(card, format, path).result();
}

QFuture<bool> ScalarsDashboard::writeCardData(
    ScalarCard* card, ScalarCard::Export format, const QString& path) const
{
    // Only snapshots are read, so a worker writes: every point of every run can be millions
    // of rows, seconds of work the window must not wait for.
    return QtConcurrent::run(
        [series = card->plot()->allSeries(), title = card->title(), format, path] {
            // Binary: the bytes core writes, as lantern-cli writes them (no CRLF anywhere).
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return false;
            const bool written = format == ScalarCard::Export::Csv
                ? writeScalarsCsv(file, series, title)
                : writeScalarsJson(file, series, title);
            return written && file.flush() && file.error() == QFile::NoError;
        });
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
    const auto failed = [this, path] {
        QMessageBox::warning(this, tr("Export Failed"), tr("Could not write %1.").arg(path));
    };
    if (image) {
        if (!exportCard(card, format, path))
            failed();
        return;
    }
    auto* watcher = new QFutureWatcher<bool>(this);
    ++m_exportsRunning;
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, failed] {
        --m_exportsRunning;
        if (!watcher->result())
            failed();
        watcher->deleteLater();
    });
    watcher->setFuture(writeCardData(card, format, path));
}

} // namespace lantern::ui
