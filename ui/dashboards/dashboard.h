#pragma once
// What every tab of the main window is: a Dashboard. The window knows dashboards only through
// this interface (and builds its tabs from dashboard_registry.h): each says its key and title,
// whether a snapshot holds anything for it, and whether it is still computing off the GUI
// thread; it is handed each new snapshot with what changed since the last one.
//
// Delivery: the window offers every snapshot to every dashboard. A first load (the change is
// "everything") and the tab in view apply it now; a hidden tab keeps the newest one (and what
// changed since it last applied) and applies it when it is shown. A change that touches
// nothing a dashboard shows is not applied at all.
//
// Busy and ready: busy() says the dashboard started work off the GUI thread for what it shows;
// ready() says that what it shows is complete (emitted after each applied snapshot or showing,
// and when the last piece of background work lands). While shown or busy, the dashboard looks
// at isComputing() again after LatestJob requests and deliveries (JobActivity), once per batch
// of them; never on a timer of its own.

#include "core/load/snapshot_change.h"
#include "ui/adapter/loaded_data.h"

#include <QWidget>

#include <algorithm>
#include <memory>
#include <optional>

namespace lantern::ui {

// A snapshot as handed to a dashboard, with what it needs besides.
struct DashboardUpdate {
    LogdirSnapshotPtr snapshot;
    // Since the snapshot the dashboard last applied; everything on a first load.
    std::shared_ptr<const core::SnapshotChange> change;
};

// Whether any run of the snapshot holds series of `kind`.
bool anyRunHolds(const core::LogdirSnapshot& snapshot, core::ValueKind kind);

class Dashboard : public QWidget {
    Q_OBJECT
public:
    ~Dashboard() override;

    // The tab's key (`lantern --tab KEY`, the widget's objectName) and its title.
    virtual QString key() const = 0;
    virtual QString title() const = 0;
    // Whether the tab has anything to show for this update. nullopt when that is known only
    // after work the dashboard does off the GUI thread; it emits dataAvailabilityChanged()
    // once it knows (the window then asks again).
    virtual std::optional<bool> hasDataFor(const DashboardUpdate& update) const = 0;
    // Whether this dashboard ever computes what it shows off the GUI thread. One that does not
    // says so here, and its isComputing() is always false.
    virtual bool computesInBackground() const = 0;
    // True while some of what it shows is still computed off the GUI thread.
    virtual bool isComputing() const = 0;

    // The window's entry point. `inView`: the dashboard is the tab shown.
    void offer(const DashboardUpdate& update, bool inView);
    // Applies the update kept while hidden, if any (the window calls it when the tab is shown).
    void catchUp();
    bool hasPendingUpdate() const { return m_pending.snapshot != nullptr; }
    // How many updates were applied (tests check that hidden or unaffected tabs do nothing).
    int appliedUpdates() const { return m_applied; }
    // Whether busy() was emitted and ready() has not followed yet.
    bool isBusy() const { return m_busy; }
    // Starts watching for the end of background work if some is under way; true if so.
    bool noticeWork();

signals:
    void busy();
    void ready();
    void dataAvailabilityChanged();

protected:
    explicit Dashboard(QWidget* parent = nullptr);

    // Shows the update's snapshot (a dashboard's own setSnapshot, usually).
    virtual void apply(const DashboardUpdate& update) = 0;
    // Whether a change may alter what the dashboard shows; when not, the update is skipped.
    virtual bool isAffectedBy(const core::SnapshotChange& change) const = 0;
    // A dashboard whose hasDataFor() needs its own background work receives updates while
    // hidden (so the tab can appear); it must keep heavy work for when it is shown.
    virtual bool appliesWhileHidden() const { return false; }

    bool event(QEvent* event) override;

private:
    void applyNow(const DashboardUpdate& update);
    void check();
    void updateWatch();

    DashboardUpdate m_pending; // the newest update not yet applied, while hidden
    core::SnapshotChange m_pendingChange; // every change since the last applied update
    int m_applied = 0;
    bool m_busy = false;
    bool m_watching = false; // shown or busy: looks again after job activity
    bool m_checkQueued = false;
};

// A tab that shows the series of one kind: it has data when some run holds that kind, and only
// changes to series of that kind (or runs coming and going) concern it.
class SeriesDashboard : public Dashboard {
    Q_OBJECT
public:
    std::optional<bool> hasDataFor(const DashboardUpdate& update) const final;
    virtual void setSnapshot(const LogdirSnapshotPtr& snapshot) = 0;

protected:
    SeriesDashboard(core::ValueKind kind, QWidget* parent);

    // A first load, "everything" and runs coming or going go to setSnapshot (every card may
    // change); a change to some series only goes to applyChange.
    void apply(const DashboardUpdate& update) final;
    // Shows `snapshot`, knowing which series changed since the one shown (the same runs); by
    // default the whole snapshot again. Card tabs touch only the cards of changed series.
    virtual void applyChange(const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change)
    {
        (void)change;
        setSnapshot(snapshot);
    }
    bool isAffectedBy(const core::SnapshotChange& change) const final;

private:
    core::ValueKind m_kind;
    bool m_shown = false; // a snapshot was applied
};

} // namespace lantern::ui
