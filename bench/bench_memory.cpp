// lantern-bench-memory: what a loaded logdir costs in memory, against the decoded data it holds
// (each tag's name, and 24 bytes per scalar point: step, wall time, value). Each case writes its
// logdir, then in a process of its own loads it, takes the snapshot the window keeps, reloads
// with nothing new and takes a second snapshot, measuring the heap (every operator new counted,
// fuzz/fuzz_allocation.h) and the resident set (/proc/self/statm) after each stage.
// Cases: 300,000 tags of one point (issue 16: 14 MB of file became 400 MB), written as TF1
// simple values and as TF2 tensors (whose plugin metadata each tag keeps), and a realistic
// 1,000 tags of 1,000 points. `lantern-bench-memory [CASE]` runs one.

#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"

#include "fuzz/fuzz_allocation.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace lantern::core;
namespace fs = std::filesystem;

namespace {

struct Case {
    const char* name;
    int tags;
    int points;
    bool tf2 = false; // scalar tensors with plugin metadata, as tf.summary.scalar writes
};

constexpr Case kCases[] = {
    {"300000x1", 300'000, 1},
    {"300000x1-tf2", 300'000, 1, true},
    {"1000x1000", 1'000, 1'000},
};

std::string tagName(int i)
{
    return "metrics/tag_" + std::to_string(i);
}

double residentMiB()
{
    std::ifstream statm("/proc/self/statm");
    std::uint64_t total = 0, resident = 0;
    if (!(statm >> total >> resident))
        return -1;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1 << 20);
}

double mib(std::size_t bytes)
{
    return double(bytes) / (1 << 20);
}

std::uintmax_t diskBytes(const fs::path& root)
{
    std::uintmax_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file())
            bytes += entry.file_size();
    return bytes;
}

int runCase(const Case& c)
{
    const fs::path root = fs::temp_directory_path()
        / ("lantern-bench-memory-" + std::to_string(::getpid()) + "-" + c.name);
    std::size_t decoded = 0;
    {
        EventFileWriter writer(root / "run");
        for (int step = 0; step < c.points; ++step)
            for (int i = 0; i < c.tags; ++i)
                if (c.tf2)
                    writer.addScalarTensor(
                        tagName(i), step, i + step, ScalarType::Float32, 1.7e9 + step);
                else
                    writer.addScalar(tagName(i), step, float(i + step), 1.7e9 + step);
        if (!writer.ok()) {
            std::fprintf(stderr, "cannot write %s\n", root.c_str());
            return 1;
        }
    }
    for (int i = 0; i < c.tags; ++i)
        decoded += tagName(i).size() + std::size_t(c.points) * 24;
    const double fileMiB = mib(diskBytes(root));

    const double rssStart = residentMiB();
    const std::size_t liveStart = lantern::fuzz::startPeakMeasurement();
    auto loader = std::make_unique<LogdirLoader>(std::vector<LogdirSpec> {{"", root}});
    loader->reload();
    const std::size_t loadPeak = lantern::fuzz::peakBytes() - liveStart;
    const std::size_t afterLoad = lantern::fuzz::g_liveBytes - liveStart;
    const double rssLoad = residentMiB() - rssStart;
    const auto first = loader->snapshot();
    const std::size_t afterSnapshot = lantern::fuzz::g_liveBytes - liveStart;
    const double rssSnapshot = residentMiB() - rssStart;
    loader->reload();
    const auto second = loader->snapshot();
    const std::size_t afterReload = lantern::fuzz::g_liveBytes - liveStart;
    const double rssReload = residentMiB() - rssStart;
    const bool shared = first->runs.at(0) == second->runs.at(0);
    // A live run: one tag gains a point (in a new event file); the earlier snapshots stay
    // alive, as the window's views hold theirs until they take the new one.
    {
        EventFileWriter writer(root / "run");
        writer.addScalar(tagName(0), c.points, 1.0f, 1.7e9 + c.points);
    }
    loader->reload();
    const auto third = loader->snapshot();
    const std::size_t afterAppend = lantern::fuzz::g_liveBytes - liveStart;
    const double rssAppend = residentMiB() - rssStart;
    std::size_t sharedTags = 0;
    for (std::size_t i = 0; i < third->runs.at(0)->tags.size(); ++i)
        sharedTags += third->runs.at(0)->tags.share(i) == second->runs.at(0)->tags.share(i);

    std::printf("%s: %d tags x %d points, %.1f MiB of file, %.1f MiB decoded (names + 24 B a "
                "point)\n",
        c.name, c.tags, c.points, fileMiB, mib(decoded));
    const auto row = [&](const char* stage, std::size_t heap, double rss) {
        std::printf("  %-36s heap %7.1f MiB = %5.2fx decoded, %6.0f B/tag   RSS +%7.1f MiB = "
                    "%5.2fx decoded\n",
            stage, mib(heap), double(heap) / double(decoded), double(heap) / c.tags, rss,
            rss / mib(decoded));
    };
    row("loaded", afterLoad, rssLoad);
    row("peak while loading", loadPeak, rssLoad);
    row("+ snapshot", afterSnapshot, rssSnapshot);
    row("+ reload (nothing new) + snapshot", afterReload, rssReload);
    row("+ one point more, reload + snapshot", afterAppend, rssAppend);
    row("peak overall", lantern::fuzz::peakBytes() - liveStart, rssAppend);
    std::printf("  a reload with nothing new %s the run's snapshot; one with a point more shares "
                "%zu of its %zu tags\n\n",
        shared ? "shares" : "copies", sharedTags, third->runs.at(0)->tags.size());
    std::error_code ignored;
    fs::remove_all(root, ignored);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    for (const Case& c : kCases) {
        if (argc > 1 && std::strcmp(argv[1], c.name) != 0)
            continue;
        std::fflush(stdout);
        // A process per case, so each starts from the same heap and resident set.
        const pid_t child = fork();
        if (child == 0) {
            const int status = runCase(c);
            std::fflush(stdout);
            _exit(status);
        }
        int status = 0;
        if (child < 0 || waitpid(child, &status, 0) != child || !WIFEXITED(status)
            || WEXITSTATUS(status) != 0)
            return 1;
    }
    return 0;
}
