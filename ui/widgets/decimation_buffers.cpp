#include "ui/widgets/decimation_buffers.h"

#include <vector>

namespace lantern::ui {
namespace {

// What one thread keeps, bounded so that a thread that once drew huge plots does not hold
// their memory for good: enough for a plot's series twice over (the layout on screen and the
// next), in bytes about a dozen million-point runs at 4K.
constexpr std::size_t kMaxKept = 64;
constexpr std::size_t kMaxKeptBytes = std::size_t(16) << 20;

std::size_t bytesOf(const SeriesDecimation& d)
{
    return d.points.points.capacity() * sizeof(core::ScalarPoint)
        + d.points.indices.capacity() * sizeof(std::uint64_t);
}

struct Kept {
    std::vector<std::unique_ptr<SeriesDecimation>> decimations;
    std::size_t bytes = 0;
    ~Kept() { gone = true; }
    // Set once the thread's pool is destroyed: a decimation dropped after that (by a static
    // destroyed later) is freed, not kept.
    static thread_local bool gone;
};

thread_local bool Kept::gone = false;
thread_local Kept kept;

void keep(SeriesDecimation* d)
{
    std::unique_ptr<SeriesDecimation> owned(d);
    if (Kept::gone)
        return;
    const std::size_t bytes = bytesOf(*owned);
    if (bytes == 0 || kept.decimations.size() >= kMaxKept || kept.bytes + bytes > kMaxKeptBytes)
        return;
    kept.bytes += bytes;
    kept.decimations.push_back(std::move(owned));
}

} // namespace

std::shared_ptr<SeriesDecimation> newSeriesDecimation()
{
    std::unique_ptr<SeriesDecimation> d;
    if (!Kept::gone && !kept.decimations.empty()) {
        d = std::move(kept.decimations.back());
        kept.decimations.pop_back();
        kept.bytes -= bytesOf(*d);
        // Everything as new but the buffers' capacity.
        core::DecimatedSeries points = std::move(d->points);
        points.points.clear();
        points.indices.clear();
        points.hasPointBefore = points.hasPointAfter = points.allPoints = false;
        *d = SeriesDecimation {};
        d->points = std::move(points);
    } else {
        d = std::make_unique<SeriesDecimation>();
    }
    return std::shared_ptr<SeriesDecimation>(d.release(), keep);
}

} // namespace lantern::ui
