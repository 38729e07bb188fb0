#pragma once
// Loads one card's image, keeping only the latest wish. While a decode runs, newer requests
// replace each other and only the last starts when it ends: dragging a slider across a
// thousand steps decodes a few images, not a thousand, and the card never shows a stale one.
// Cached images are served at once; images decoded for a request since replaced are cached.

#include "ui/dashboards/images/image_source.h"
#include "ui/widgets/latest_job.h"

#include <QObject>

namespace lantern::ui {

class LatestImageLoader : public QObject {
    Q_OBJECT
public:
    LatestImageLoader(ImageSource* source, QObject* parent = nullptr);

    // Asks for an image; `loaded` follows, at once when it is cached.
    void request(const ImageRequest& request);
    // True until the latest request's image (or error) has been delivered.
    bool isLoading() const { return m_decoding.isBusy(); }

signals:
    // The latest request's image, or why there is none.
    void loaded(const DecodedImage& image);

private:
    void finished(const DecodedImage& decoded);

    ImageSource* m_source = nullptr;
    QString m_wantedKey; // of the latest request given to m_decoding
    LatestJob<DecodedImage> m_decoding;
};

} // namespace lantern::ui
