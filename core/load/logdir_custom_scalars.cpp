#include "core/load/logdir_custom_scalars.h"

#include "core/load/logdir_loader.h"

namespace lantern::core {

CustomScalarsLayout customScalarsLayout(const LogdirSnapshot& snapshot)
{
    CustomScalarsLayout merged;
    for (const auto& run : snapshot.runs) {
        const TagSnapshot* tag = run->find(kCustomScalarsTag, ValueKind::Tensor);
        if (!tag || tag->metadata->pluginName != kCustomScalarsPlugin || tag->tensors.empty())
            continue;
        const TensorEntry& newest = tag->tensors.back();
        if (newest.strings.size() != 1) {
            merged.problems.push_back(run->name + ": the custom scalars layout at step "
                + std::to_string(newest.step) + " holds " + std::to_string(newest.strings.size())
                + " strings, not one");
            continue;
        }
        mergeCustomScalarsLayout(
            merged, decodeCustomScalarsLayout(newest.strings.front(), run->name));
    }
    return merged;
}

} // namespace lantern::core
