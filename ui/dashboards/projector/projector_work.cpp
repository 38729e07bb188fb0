#include "ui/dashboards/projector/projector_work.h"

#include "core/io/file_access.h"
#include "ui/adapter/path_qstring.h"

#include <QBuffer>
#include <QImageReader>
#include <QPainter>

namespace lantern::ui {
namespace {

// A PNG of the largest atlas accepted (kMaxSpriteAtlasSide square) is well below this.
constexpr std::uintmax_t kMaxRemoteSpriteBytes = std::uintmax_t(256) << 20;

// Decodes the sprite atlas and says precisely why points will have no thumbnails.
void loadAtlas(LoadedProjectorData& data)
{
    const auto& source = data.source;
    if (source.spritePath.empty() || !source.spriteTile || data.embedding.rows == 0)
        return;
    const QString path = qStringFromPath(source.spritePath);
    const QSize tile(int(std::min<std::uint32_t>(source.spriteTile->first, 1u << 15)),
        int(std::min<std::uint32_t>(source.spriteTile->second, 1u << 15)));
    // loadEmbedding already warns about this atlas when its header showed the problem.
    const bool warned = QString::fromStdString(data.embedding.warning).contains(path);
    // A remote atlas is fetched whole, then decoded from memory.
    QBuffer remoteBytes;
    if (core::isRemotePath(source.spritePath)) {
        std::string error;
        if (auto bytes = core::readProjectorFile(source.spritePath, error, kMaxRemoteSpriteBytes))
            remoteBytes.setData(QByteArray::fromStdString(*bytes));
    }
    QImageReader reader(path);
    if (core::isRemotePath(source.spritePath))
        reader.setDevice(&remoteBytes);
    QImage atlas = reader.read();
    if (atlas.isNull()) {
        if (!warned)
            data.messages << QObject::tr("Sprite %1 could not be read as an image (%2): points "
                                         "are drawn without thumbnails.")
                                 .arg(path, reader.errorString());
        return;
    }
    if (tile.isEmpty() || atlas.width() < tile.width() || atlas.height() < tile.height()) {
        if (!warned)
            data.messages << QObject::tr("Sprite %1 is %2×%3, smaller than one %4×%5 tile: "
                                         "points are drawn without thumbnails.")
                                 .arg(path)
                                 .arg(atlas.width())
                                 .arg(atlas.height())
                                 .arg(tile.width())
                                 .arg(tile.height());
        return;
    }
    // In the painter's own format, converted here rather than on the GUI thread.
    if (atlas.format() != QImage::Format_ARGB32_Premultiplied
        && atlas.format() != QImage::Format_RGB32)
        atlas.convertTo(QImage::Format_ARGB32_Premultiplied);
    data.atlas = std::move(atlas);
    data.tile = tile;
}

} // namespace

LoadedProjectorDataPtr completeProjectorData(
    core::ProjectorEmbeddingSource source, core::LoadedEmbedding read)
{
    auto data = std::make_shared<LoadedProjectorData>();
    data->source = std::move(source);
    data->embedding = std::move(read);
    const auto& embedding = data->embedding;
    if (!embedding.error.empty())
        data->messages
            << QObject::tr("Could not load: %1").arg(QString::fromStdString(embedding.error));
    for (const QString& line : QString::fromStdString(embedding.warning).split(QLatin1Char('\n')))
        if (!line.isEmpty())
            data->messages << line;
    if (!embedding.bookmarksJson.empty()) {
        data->bookmarks = core::parseProjectorBookmarks(embedding.bookmarksJson);
        if (!data->bookmarks.error.empty())
            data->messages << QObject::tr("Bookmarks %1: %2")
                                  .arg(qStringFromPath(data->source.bookmarksPath),
                                      QString::fromStdString(data->bookmarks.error));
    }
    loadAtlas(*data);
    return data;
}

QImage atlasOfRows(const QImage& atlas, QSize tile, const std::vector<std::size_t>& rows)
{
    if (atlas.isNull() || tile.isEmpty() || rows.empty())
        return {};
    const std::size_t perRow = std::size_t(atlas.width() / tile.width());
    const std::size_t tiles = perRow * std::size_t(atlas.height() / tile.height());
    // A square-ish grid of the chosen tiles.
    std::size_t columns = 1;
    while (columns * columns < rows.size())
        ++columns;
    const std::size_t lines = (rows.size() + columns - 1) / columns;
    QImage result(int(columns) * tile.width(), int(lines) * tile.height(),
        QImage::Format_ARGB32_Premultiplied);
    if (result.isNull())
        return {};
    result.fill(Qt::transparent);
    QPainter painter(&result);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i] >= tiles)
            continue;
        const QRect from(int(rows[i] % perRow) * tile.width(),
            int(rows[i] / perRow) * tile.height(), tile.width(), tile.height());
        painter.drawImage(
            QPoint(int(i % columns) * tile.width(), int(i / columns) * tile.height()), atlas, from);
    }
    return result;
}

ProjectedPointsPtr projectPoints(LoadedProjectorDataPtr data, bool sphereize,
    std::vector<std::size_t> isolated, int colorColumn, int labelColumn,
    const std::function<bool()>& cancelled)
{
    auto projected = std::make_shared<ProjectedPoints>();
    projected->sphereize = sphereize;
    projected->isolated = std::move(isolated);
    const auto& embedding = data->embedding;
    core::PcaOptions options;
    options.sphereize = sphereize;
    options.rowsSubset = projected->isolated;
    options.cancelled = cancelled;
    projected->pca = core::principalComponents(
        embedding.values, embedding.rows, embedding.columns, kProjectorComponents, options);
    if (projected->pca.cancelled) {
        projected->data = std::move(data);
        return projected; // nobody waits for it
    }
    const auto& pca = projected->pca;
    if (pca.sourceRows.empty()) {
        projected->rows.resize(pca.rows);
        for (std::size_t row = 0; row < pca.rows; ++row)
            projected->rows[row] = row;
    } else {
        projected->rows = pca.sourceRows;
    }
    projected->pointOfRow.assign(embedding.rows, -1);
    for (std::size_t point = 0; point < projected->rows.size(); ++point)
        if (projected->rows[point] < embedding.rows)
            projected->pointOfRow[projected->rows[point]] = int(point);
    projected->atlas = projected->isolated.empty()
        ? data->atlas
        : atlasOfRows(data->atlas, data->tile, projected->pca.sourceRows);
    projected->style = std::make_shared<const PointStyle>(
        stylePoints(embedding.metadata, projected->rows, colorColumn, labelColumn));
    projected->data = std::move(data);
    return projected;
}

} // namespace lantern::ui
