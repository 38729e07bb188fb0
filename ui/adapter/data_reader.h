#pragma once
// On-demand reads of what a snapshot only points at: the records of image values
// (core::readBlobs), graphs (core::loadGraph) and the projector's embeddings (core::loadEmbedding:
// tensor, metadata and bookmarks). Views do not call core's readers themselves:
// they run these reads on the reader's threads (a LatestJob on pool()), so that every file a
// view needs is read in one place, off the GUI thread, with one RecordFetcher kept across
// reads (stepping through the images of a compressed file continues its open stream instead
// of inflating the file from its start every time).
//
// Shared by pointer (the LogLoader makes it; DashboardServices hands it on): its threads live
// while any view still holds it, so no view's job can outlive the pool it runs on.

#include "core/load/blob_reader.h"
#include "core/load/graph_loader.h"
#include "core/projector/projector_discovery.h"

#include <QThreadPool>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

namespace lantern::ui {

class DataReader {
public:
    DataReader();
    ~DataReader(); // waits for the reads underway
    DataReader(const DataReader&) = delete;
    DataReader& operator=(const DataReader&) = delete;

    // The threads reads run on.
    QThreadPool* pool() { return &m_pool; }

    // Reads for a worker of pool(): each holds only copies and shared state, so it may run
    // after the view that asked for it is gone.
    std::function<core::DecodedBlobs()> blobReader(core::BlobReference reference) const;
    // A graph read takes the job's `cancelled` (see core::loadGraph).
    using GraphRead = std::function<core::DecodedGraph(const std::function<bool()>& cancelled)>;
    GraphRead graphReader(core::GraphReference reference) const;
    // An embedding read takes the job's `cancelled` too (see core::loadEmbedding).
    using EmbeddingRead
        = std::function<core::LoadedEmbedding(const std::function<bool()>& cancelled)>;
    EmbeddingRead embeddingReader(core::ProjectorEmbeddingSource source) const;

    // How many reads were done (tests check that views read through here).
    std::uint64_t readsDone() const;

private:
    struct Shared;
    QThreadPool m_pool;
    std::shared_ptr<Shared> m_shared;
};

using DataReaderPtr = std::shared_ptr<DataReader>;

} // namespace lantern::ui
