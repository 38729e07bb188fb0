#include "ui/dashboards/images/latest_image_loader.h"

namespace lantern::ui {

LatestImageLoader::LatestImageLoader(ImageSource* source, QObject* parent)
    : QObject(parent)
    , m_source(source)
{
    connect(
        &m_watcher, &QFutureWatcher<DecodedImage>::finished, this, &LatestImageLoader::finished);
}

void LatestImageLoader::request(const ImageRequest& request)
{
    m_wantedKey = request.key();
    m_pending.reset();
    if (const DecodedImage hit = m_source->cached(m_wantedKey); !hit.image.isNull()) {
        emit loaded(hit);
        return;
    }
    if (m_running && request.key() == m_runningKey)
        return; // already underway
    if (m_running)
        m_pending = request; // started when the running one ends
    else
        start(request);
}

void LatestImageLoader::start(const ImageRequest& request)
{
    m_running = true;
    m_runningKey = request.key();
    m_watcher.setFuture(m_source->load(request));
}

void LatestImageLoader::finished()
{
    m_running = false;
    const DecodedImage decoded = m_watcher.result();
    m_source->remember(decoded);
    if (m_pending) {
        const ImageRequest next = *m_pending;
        request(next);
        return;
    }
    if (decoded.key == m_wantedKey)
        emit loaded(decoded);
}

} // namespace lantern::ui
