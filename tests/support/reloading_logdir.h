#pragma once
// A loader of one log directory that tells, at each reload, what changed since the snapshot
// of the reload before (as LogLoader does for the views).

#include "core/load/logdir_loader.h"
#include "core/load/snapshot_change.h"

#include <filesystem>
#include <memory>

namespace lantern::test {

struct ReloadingLogdir {
    core::LogdirLoader loader;
    std::shared_ptr<const core::LogdirSnapshot> last;

    explicit ReloadingLogdir(const std::filesystem::path& root, core::SettlePolicy settle = {})
        : loader({{"", root}})
    {
        loader.setSettlePolicy(std::move(settle));
        loader.reload();
        last = loader.snapshot();
    }

    core::SnapshotChange reload()
    {
        loader.reload();
        auto next = loader.snapshot();
        core::SnapshotChange change = core::describeChange(*last, *next);
        last = std::move(next);
        return change;
    }
};

} // namespace lantern::test
