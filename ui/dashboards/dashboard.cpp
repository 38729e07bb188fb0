#include "ui/dashboards/dashboard.h"

#include "ui/widgets/latest_job.h"

#include <QEvent>

#include <algorithm>

namespace lantern::ui {

bool anyRunHolds(const core::LogdirSnapshot& snapshot, core::ValueKind kind)
{
    return std::any_of(snapshot.runs.begin(), snapshot.runs.end(),
        [kind](const auto& run) { return run->countOf(kind) > 0; });
}

Dashboard::Dashboard(QWidget* parent)
    : QWidget(parent)
{
    // Work off the GUI thread starts and ends with LatestJob requests and deliveries: while
    // shown or busy, look again once the events of the moment are handled (once per batch).
    connect(&JobActivity::instance(), &JobActivity::changed, this, [this] {
        if (!m_watching || m_checkQueued)
            return;
        m_checkQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_checkQueued = false;
                check();
            },
            Qt::QueuedConnection);
    });
}

Dashboard::~Dashboard() = default;

void Dashboard::offer(const DashboardUpdate& update, bool inView)
{
    const core::SnapshotChange& change = update.change ? *update.change : core::SnapshotChange {};
    if (m_pending.snapshot)
        m_pendingChange.merge(change);
    else
        m_pendingChange = change;
    m_pending = update;
    // A first load reaches every tab at once (as before there were change notices); later
    // changes wait for a hidden tab to be shown.
    if (inView || appliesWhileHidden() || change.everything)
        catchUp();
}

void Dashboard::catchUp()
{
    if (!m_pending.snapshot)
        return;
    DashboardUpdate update = std::move(m_pending);
    m_pending = {};
    update.change = std::make_shared<const core::SnapshotChange>(std::move(m_pendingChange));
    m_pendingChange = {};
    applyNow(update);
}

void Dashboard::applyNow(const DashboardUpdate& update)
{
    if (!update.change->everything && !isAffectedBy(*update.change))
        return; // nothing it shows changed
    apply(update);
    ++m_applied;
    if (!noticeWork())
        emit ready();
}

bool Dashboard::noticeWork()
{
    if (!isComputing())
        return false;
    if (!m_busy) {
        m_busy = true;
        updateWatch();
        emit busy();
    }
    return true;
}

void Dashboard::check()
{
    if (!noticeWork() && m_busy) {
        m_busy = false;
        updateWatch();
        emit ready();
    }
}

void Dashboard::updateWatch()
{
    m_watching = m_busy || isVisible();
}

bool Dashboard::event(QEvent* event)
{
    const bool handled = QWidget::event(event);
    if (event->type() == QEvent::Show) {
        catchUp();
        updateWatch();
        if (!noticeWork())
            emit ready();
    } else if (event->type() == QEvent::Hide) {
        check(); // hiding may cancel work that waited to be shown
        updateWatch();
    }
    return handled;
}

SeriesDashboard::SeriesDashboard(core::ValueKind kind, QWidget* parent)
    : Dashboard(parent)
    , m_kind(kind)
{
}

std::optional<bool> SeriesDashboard::hasDataFor(const DashboardUpdate& update) const
{
    return anyRunHolds(*update.snapshot, m_kind);
}

void SeriesDashboard::apply(const DashboardUpdate& update)
{
    const core::SnapshotChange& change = *update.change;
    if (!m_shown || change.everything || change.runSetChanged)
        setSnapshot(update.snapshot);
    else
        applyChange(update.snapshot, change);
    m_shown = true;
}

bool SeriesDashboard::isAffectedBy(const core::SnapshotChange& change) const
{
    return change.touchesKind(m_kind);
}

} // namespace lantern::ui
