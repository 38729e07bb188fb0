#pragma once
// Where image cards get their pixels. Records are read back through the DataReader and the
// chosen image is decoded into a QImage on its threads; decoded images are kept in a
// least-recently-used cache bounded in bytes, used on the GUI thread only.

#include "core/load/blob_reader.h"
#include "ui/adapter/data_reader.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace lantern::ui {

struct ImageRequest {
    core::BlobReference reference;
    std::uint32_t sample = 0; // which image of the value

    // Names the image in the cache: the record (file, offset, length), the value and sample.
    QString key() const;
};

struct DecodedImage {
    QString key;
    QImage image; // null when error is set
    QString error;
    // The image smoothly reduced to fit kPreviewSide × kPreviewSide, when it is larger (else
    // null): cards draw from it, so a huge image is not reduced on the GUI thread.
    QImage preview;
    static constexpr int kPreviewSide = 1024;
};

// The requested image of a value read back by core::readBlobs, decoded (PNG, JPEG, GIF) with
// its preview, or why it cannot be: the read failed, there is no such sample, the bytes are no
// image.
DecodedImage decodeImage(const ImageRequest& request, const core::DecodedBlobs& blobs);

class ImageSource : public QObject {
    Q_OBJECT
public:
    explicit ImageSource(DataReaderPtr reader, QObject* parent = nullptr);
    ~ImageSource() override;

    // A job that reads and decodes the image, for a worker thread of pool(): it holds only
    // copies and shared state, and its result is always set (an error, or the image).
    std::function<DecodedImage()> decoder(const ImageRequest& request) const;
    QThreadPool* pool() { return m_reader->pool(); }

    // The cached image for `key`, marked as recently used; a null image when not cached.
    DecodedImage cached(const QString& key);
    // Keeps a decoded image (errors are not kept: they are read again next time).
    void remember(const DecodedImage& decoded);
    void setCacheLimit(qsizetype bytes);
    qsizetype cachedImages() const { return m_cache.count(); }

private:
    DataReaderPtr m_reader;
    QCache<QString, DecodedImage> m_cache; // cost in KiB
};

} // namespace lantern::ui
