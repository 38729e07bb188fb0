#include "ui/dashboards/audio/loaded_clip.h"

#include "ui/adapter/blob_key.h"

#include <QObject>

namespace lantern::ui {

QString ClipRequest::key() const
{
    return blobKey(reference, sample);
}

LoadedClip loadClip(const ClipRequest& request, const core::DecodedBlobs& blobs)
{
    LoadedClip loaded;
    loaded.key = request.key();
    if (!blobs.ok()) {
        loaded.error = QString::fromStdString(blobs.error);
        return loaded;
    }
    if (request.sample >= blobs.clips.size()) {
        loaded.error = QObject::tr(
            "The value holds %n clip(s); there is no clip %1.", "", int(blobs.clips.size()))
                           .arg(request.sample + 1);
        return loaded;
    }
    loaded.blob = blobs.clips[request.sample];
    core::DecodedWav decoded = core::decodeWav(loaded.blob.encoded);
    if (!decoded.ok()) {
        const QString type = loaded.blob.contentType.empty()
            ? QObject::tr("unknown type")
            : QString::fromStdString(loaded.blob.contentType);
        loaded.error = QObject::tr("Cannot decode this clip (%1 bytes, %2): %3.")
                           .arg(loaded.blob.encoded.size())
                           .arg(type, QString::fromStdString(decoded.error));
        return loaded;
    }
    loaded.audio = std::make_shared<const core::WavAudio>(std::move(decoded.audio));
    return loaded;
}

} // namespace lantern::ui
