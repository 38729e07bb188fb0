#include "ui/dashboards/images/image_source.h"

#include "ui/adapter/blob_key.h"

namespace lantern::ui {
namespace {

constexpr qsizetype kDefaultCacheBytes = qsizetype(128) << 20;

qsizetype costOf(const DecodedImage& decoded)
{
    return std::max<qsizetype>(
        1, (decoded.image.sizeInBytes() + decoded.preview.sizeInBytes()) / 1024);
}

} // namespace

QString ImageRequest::key() const
{
    return blobKey(reference, sample);
}

DecodedImage decodeImage(const ImageRequest& request, const core::DecodedBlobs& blobs)
{
    DecodedImage decoded;
    decoded.key = request.key();
    if (!blobs.ok()) {
        decoded.error = QString::fromStdString(blobs.error);
        return decoded;
    }
    if (request.sample >= blobs.images.size()) {
        decoded.error = QObject::tr(
            "The value holds %n image(s); there is no image %1.", "", int(blobs.images.size()))
                            .arg(request.sample + 1);
        return decoded;
    }
    const core::ImageBlob& blob = blobs.images[request.sample];
    if (!decoded.image.loadFromData(
            reinterpret_cast<const uchar*>(blob.encoded.data()), qsizetype(blob.encoded.size()))) {
        const QString format = blob.format.empty() ? QObject::tr("an unknown format")
                                                   : QString::fromStdString(blob.format);
        decoded.error = QObject::tr("The image could not be decoded (%1 bytes, %2).")
                            .arg(blob.encoded.size())
                            .arg(format);
        return decoded;
    }
    const QSize side(DecodedImage::kPreviewSide, DecodedImage::kPreviewSide);
    if (decoded.image.width() > side.width() || decoded.image.height() > side.height())
        decoded.preview = decoded.image.scaled(side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return decoded;
}

ImageSource::ImageSource(DataReaderPtr reader, QObject* parent)
    : QObject(parent)
    , m_reader(std::move(reader))
{
    setCacheLimit(kDefaultCacheBytes);
}

// The decodes underway hold only copies: they may finish after us, their results dropped.
ImageSource::~ImageSource() = default;

std::function<DecodedImage()> ImageSource::decoder(const ImageRequest& request) const
{
    return [request, read = m_reader->blobReader(request.reference)] {
        // Reading holds the reader's lock; decoding the PNG or JPEG, the slow part, does not.
        return decodeImage(request, read());
    };
}

DecodedImage ImageSource::cached(const QString& key)
{
    const DecodedImage* decoded = m_cache.object(key);
    return decoded ? *decoded : DecodedImage {};
}

void ImageSource::remember(const DecodedImage& decoded)
{
    if (decoded.error.isEmpty() && !decoded.image.isNull())
        m_cache.insert(decoded.key, new DecodedImage(decoded), costOf(decoded));
}

void ImageSource::setCacheLimit(qsizetype bytes)
{
    m_cache.setMaxCost(std::max<qsizetype>(1, bytes / 1024));
}

} // namespace lantern::ui
