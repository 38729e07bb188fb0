#include "ui/dashboards/images/image_source.h"

#include "core/io/record_fetcher.h"

#include <mutex>

namespace lantern::ui {
namespace {

constexpr qsizetype kDefaultCacheBytes = qsizetype(128) << 20;
constexpr int kDecodingThreads = 2;

qsizetype costOf(const DecodedImage& decoded)
{
    return std::max<qsizetype>(
        1, (decoded.image.sizeInBytes() + decoded.preview.sizeInBytes()) / 1024);
}

} // namespace

struct ImageSource::SharedFetcher {
    std::mutex mutex;
    core::RecordFetcher fetcher;
};

QString ImageRequest::key() const
{
    return QString::fromStdString(reference.file.string())
        + QStringLiteral("|%1|%2|%3|%4")
              .arg(reference.location.offset)
              .arg(reference.location.length)
              .arg(reference.valueIndex)
              .arg(sample);
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

ImageSource::ImageSource(QObject* parent)
    : QObject(parent)
    , m_fetcher(std::make_shared<SharedFetcher>())
{
    m_pool.setMaxThreadCount(kDecodingThreads);
    setCacheLimit(kDefaultCacheBytes);
}

ImageSource::~ImageSource()
{
    m_pool.waitForDone();
}

std::function<DecodedImage()> ImageSource::decoder(const ImageRequest& request) const
{
    return [request, shared = m_fetcher] {
        // Reading holds the lock; decoding the PNG or JPEG, the slow part, does not.
        core::DecodedBlobs blobs;
        {
            const std::lock_guard lock(shared->mutex);
            blobs = core::readBlobs(request.reference, &shared->fetcher);
        }
        return decodeImage(request, blobs);
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
