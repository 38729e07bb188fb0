#pragma once
// What the loader thread hands to the GUI thread: an immutable snapshot of every run, shared
// by pointer, so views read it without locks while loading goes on.

#include "core/load/logdir_loader.h"
#include "core/load/snapshot_change.h"

#include <QMetaType>

#include <memory>

namespace lantern::ui {

using LogdirSnapshotPtr = std::shared_ptr<const core::LogdirSnapshot>;
// What changed since the snapshot published before it (everything for a first load).
using SnapshotChangePtr = std::shared_ptr<const core::SnapshotChange>;

} // namespace lantern::ui

Q_DECLARE_METATYPE(lantern::ui::LogdirSnapshotPtr)
