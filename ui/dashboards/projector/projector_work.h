#pragma once
// What the Projector tab computes off the GUI thread, as plain functions of values the jobs
// capture: loading an embedding with its bookmarks and sprite atlas, projecting it on its
// principal components (all points, or an isolated subset, maybe sphereized), and its
// neighbours and search matches.

#include "core/analysis/nearest_neighbours.h"
#include "core/analysis/pca.h"
#include "core/projector/metadata_search.h"
#include "core/projector/projector_bookmarks.h"
#include "core/projector/projector_discovery.h"
#include "ui/dashboards/projector/point_style.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace lantern::ui {

inline constexpr std::size_t kProjectorComponents = 10; // as TensorBoard offers

// One embedding as loaded, shared read-only by the GUI and the jobs.
struct LoadedProjectorData {
    core::ProjectorEmbeddingSource source;
    core::LoadedEmbedding embedding;
    core::ProjectorBookmarks bookmarks;
    QImage atlas; // decoded sprite atlas; null when none or unreadable
    QSize tile;
    QStringList messages; // what went wrong, for the tab's message area
};
using LoadedProjectorDataPtr = std::shared_ptr<const LoadedProjectorData>;

// The embedding read from its files (core::loadEmbedding, through the DataReader) completed
// with its bookmarks and its sprite atlas, which is decoded here.
LoadedProjectorDataPtr completeProjectorData(
    core::ProjectorEmbeddingSource source, core::LoadedEmbedding read);

// The points shown: all rows, or the isolated ones, with their sprite tiles and their style,
// everything per point the view needs, so that showing them is no work for the GUI thread.
struct ProjectedPoints {
    LoadedProjectorDataPtr data;
    bool sphereize = false;
    std::vector<std::size_t> isolated; // as asked; empty for all rows
    core::PcaResult pca;
    std::vector<std::size_t> rows; // the row each point shows, in point order
    std::vector<int> pointOfRow; // per row of the embedding: its point, or -1 when not shown
    QImage atlas; // the tiles of the shown points, in their order
    PointStylePtr style; // for the columns asked
};
using ProjectedPointsPtr = std::shared_ptr<const ProjectedPoints>;

// `colorColumn` and `labelColumn`: metadata columns for the points' style, -1 for none. Once
// `cancelled` says yes the PCA stops soon and the result has no components (pca.cancelled).
ProjectedPointsPtr projectPoints(LoadedProjectorDataPtr data, bool sphereize,
    std::vector<std::size_t> isolated, int colorColumn, int labelColumn,
    const std::function<bool()>& cancelled = {});

// The style of a projection's points for other columns.
struct StyleAnswer {
    ProjectedPointsPtr projected;
    PointStylePtr style;
};

// An atlas holding, in order, the tiles of `rows` of `atlas` (row-major tiles of `tile`).
QImage atlasOfRows(const QImage& atlas, QSize tile, const std::vector<std::size_t>& rows);

struct NeighbourAnswer {
    LoadedProjectorDataPtr data;
    std::size_t query = 0;
    std::vector<core::Neighbour> neighbours;
};

struct SearchAnswer {
    LoadedProjectorDataPtr data;
    core::MetadataSearchResult result;
};

} // namespace lantern::ui
