#include "ui/adapter/data_reader.h"

#include "core/io/record_fetcher.h"

#include <mutex>

namespace lantern::ui {
namespace {
// Image decodes, graph and embedding loads at once; more would compete with the loader and the GUI.
constexpr int kReadingThreads = 2;
} // namespace

struct DataReader::Shared {
    std::mutex mutex; // guards the fetcher
    core::RecordFetcher fetcher;
    std::atomic<std::uint64_t> reads = 0;
};

DataReader::DataReader()
    : m_shared(std::make_shared<Shared>())
{
    m_pool.setObjectName(QStringLiteral("lantern-reader"));
    m_pool.setMaxThreadCount(kReadingThreads);
}

DataReader::~DataReader()
{
    m_pool.waitForDone();
}

std::function<core::DecodedBlobs()> DataReader::blobReader(core::BlobReference reference) const
{
    return [reference = std::move(reference), shared = m_shared] {
        ++shared->reads;
        const std::lock_guard lock(shared->mutex);
        return core::readBlobs(reference, &shared->fetcher);
    };
}

DataReader::GraphRead DataReader::graphReader(core::GraphReference reference) const
{
    return [reference = std::move(reference), shared = m_shared](
               const std::function<bool()>& cancelled) {
        ++shared->reads;
        return core::loadGraph(reference, nullptr, cancelled);
    };
}

DataReader::EmbeddingRead DataReader::embeddingReader(core::ProjectorEmbeddingSource source) const
{
    return [source = std::move(source), shared = m_shared](const std::function<bool()>& cancelled) {
        ++shared->reads;
        return core::loadEmbedding(source, cancelled);
    };
}

std::uint64_t DataReader::readsDone() const
{
    return m_shared->reads.load();
}

} // namespace lantern::ui
