#include "ui/dashboards/dashboard.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>

namespace lantern::ui {

// Sees every event of the GUI thread while installed on the application; a separate object,
// so that dashboards keep eventFilter for their own use.
class Dashboard::WorkWatcher : public QObject {
public:
    explicit WorkWatcher(Dashboard* dashboard)
        : QObject(dashboard)
        , m_dashboard(dashboard)
    {
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        const QEvent::Type type = event->type();
        const bool mayStartOrEndWork = type == QEvent::MetaCall || type == QEvent::FutureCallOut
            || type == QEvent::Timer || type == QEvent::Paint;
        if (!m_queued && watched != m_dashboard && mayStartOrEndWork) {
            // Looked at once the event is handled: queued behind it.
            m_queued = true;
            QMetaObject::invokeMethod(
                m_dashboard,
                [this] {
                    m_queued = false;
                    m_dashboard->check();
                },
                Qt::QueuedConnection);
        }
        return false;
    }

private:
    Dashboard* m_dashboard;
    bool m_queued = false;
};

bool anyRunHolds(const core::LogdirSnapshot& snapshot, core::ValueKind kind)
{
    return std::any_of(snapshot.runs.begin(), snapshot.runs.end(),
        [kind](const auto& run) { return run->countOf(kind) > 0; });
}

Dashboard::Dashboard(QWidget* parent)
    : QWidget(parent)
    , m_watcher(new WorkWatcher(this))
{
}

Dashboard::~Dashboard() = default; // the watcher, a child, leaves the application's filters

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
    // Work starts as views paint and ends when a worker's result reaches the GUI thread, as
    // an event: while shown or busy, the dashboard looks again after such events.
    const bool watch = m_busy || isVisible();
    if (watch == m_watching)
        return;
    m_watching = watch;
    if (watch)
        QCoreApplication::instance()->installEventFilter(m_watcher);
    else
        QCoreApplication::instance()->removeEventFilter(m_watcher);
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

} // namespace lantern::ui
