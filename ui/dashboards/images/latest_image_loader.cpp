#include "ui/dashboards/images/latest_image_loader.h"

namespace lantern::ui {

LatestImageLoader::LatestImageLoader(ImageSource* source, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_decoding([this](const DecodedImage& decoded) { finished(decoded); }, source->pool())
{
    m_decoding.setSupersededHandler(
        [this](const DecodedImage& decoded) { m_source->remember(decoded); });
}

void LatestImageLoader::request(const ImageRequest& request)
{
    const QString key = request.key();
    if (const DecodedImage hit = m_source->cached(key); !hit.image.isNull()) {
        m_decoding.cancel(); // a decode underway is still cached when it ends
        m_wantedKey.clear();
        emit loaded(hit);
        return;
    }
    if (m_decoding.isBusy() && key == m_wantedKey)
        return; // already underway
    m_wantedKey = key;
    m_decoding.run(m_source->decoder(request));
}

void LatestImageLoader::finished(const DecodedImage& decoded)
{
    m_wantedKey.clear();
    m_source->remember(decoded);
    emit loaded(decoded);
}

} // namespace lantern::ui
