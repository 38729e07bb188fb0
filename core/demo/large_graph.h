#pragma once
// A large synthetic GraphDef shaped like a trained model's, for the Graphs tab's benchmark,
// tests and screenshots: an input pipeline, five model blocks of 2,000 ops each nested four
// scopes deep (block › layer › unit › op), one series of 5,000 numbered slices, a gradients
// scope mirroring the blocks, and bookkeeping (init, save, summaries, a global step read
// everywhere). Inputs chain ops within a scope and cross scopes often. Deterministic.

#include "graph.pb.h"

namespace lantern::core {

inline constexpr int kLargeGraphOps = 20'000;

pb::GraphDef makeLargeGraph();

} // namespace lantern::core
