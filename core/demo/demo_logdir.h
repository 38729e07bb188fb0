#pragma once
// Lantern's built-in demo: a log directory written by our own writer from a real (small)
// training run, so a first start shows every dashboard working on honest data. It mirrors
// the classic TensorFlow regression tutorial: a dense regressor with hidden layers of 500 and
// 300 units, trained on 10,000 × 5 random inputs at two learning rates — one that converges
// and one too high that does not.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace lantern::core {

struct DemoOptions {
    std::filesystem::path directory;
    int steps = 200; // mini-batch SGD steps per learning rate
    int batchSize = 64;
    std::uint64_t seed = 7;
};

// Bumped whenever the demo's contents change, so an old cached copy is rewritten.
inline constexpr int kDemoVersion = 4;

// Writes the demo into options.directory (created; existing demo files are replaced).
// `progress`, when given, receives a fraction in [0, 1]. Returns an error message, or empty.
std::string writeDemoLogdir(
    const DemoOptions& options, const std::function<void(double)>& progress = {});

// True when `directory` holds a complete demo of the current version.
bool isDemoLogdirCurrent(const std::filesystem::path& directory);

} // namespace lantern::core
