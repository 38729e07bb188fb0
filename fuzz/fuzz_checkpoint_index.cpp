// The checkpoint index reader (LevelDB table + bundle entries) on fuzzed bytes.
// Checks: no crash, hang or runaway allocation (the footer's unchecked block handles are the
// classic way in); an error and variables never come together; names are unique and sorted.

#include "core/checkpoint/checkpoint_index.h"

#include "fuzz/fuzz_check.h"

#include <cstdio>
#include <cstdlib>

using namespace lantern::core;
using lantern::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const CheckpointIndex index
        = parseCheckpointIndex(std::string_view(reinterpret_cast<const char*>(data), size));
    check(index.error.empty() || index.variables.empty(), "variables beside an error");
    check(index.numShards >= 1, "fewer than one shard");
    for (std::size_t i = 1; i < index.variables.size(); ++i)
        check(index.variables[i - 1].name < index.variables[i].name, "keys out of order");
    return 0;
}
