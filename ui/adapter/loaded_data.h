#pragma once
// What the loader thread hands to the GUI thread: an immutable snapshot of every run, shared
// by pointer, so views read it without locks while loading goes on.

#include "core/load/logdir_loader.h"

#include <QMetaType>

#include <memory>

namespace lantern::ui {

using LogdirSnapshotPtr = std::shared_ptr<const core::LogdirSnapshot>;

} // namespace lantern::ui

Q_DECLARE_METATYPE(lantern::ui::LogdirSnapshotPtr)
