#pragma once
// Loads one card's image, keeping only the latest wish. While a decode runs, newer requests
// replace each other and only the last starts when it ends: dragging a slider across a
// thousand steps decodes a few images, not a thousand, and the card never shows a stale one.
// Cached images are served at once.

#include "ui/dashboards/images/image_source.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

namespace lantern::ui {

class LatestImageLoader : public QObject {
    Q_OBJECT
public:
    LatestImageLoader(ImageSource* source, QObject* parent = nullptr);

    // Asks for an image; `loaded` follows, at once when it is cached.
    void request(const ImageRequest& request);
    // True until the latest request's image (or error) has been delivered.
    bool isLoading() const { return m_running || m_pending.has_value(); }

signals:
    // The latest request's image, or why there is none.
    void loaded(const DecodedImage& image);

private:
    void start(const ImageRequest& request);
    void finished();

    ImageSource* m_source = nullptr;
    QFutureWatcher<DecodedImage> m_watcher;
    bool m_running = false;
    QString m_runningKey;
    std::optional<ImageRequest> m_pending;
    QString m_wantedKey;
};

} // namespace lantern::ui
