#pragma once
// Plays one decoded clip through the system's default audio output (Qt Multimedia's
// QAudioSink, fed the clip's float samples as they lie in memory, nothing copied) and reports
// where playback is, for the playhead. Pausing remembers the position; seeking restarts the
// output there. Without an output device it plays nothing and says so through canPlay().

#include "core/audio/wav_decoder.h"

#include <QBuffer>
#include <QObject>
#include <QTimer>

#include <memory>

class QAudioSink;

namespace lantern::ui {

class ClipPlayer : public QObject {
    Q_OBJECT
public:
    explicit ClipPlayer(QObject* parent = nullptr);
    ~ClipPlayer() override;

    // Whether the system offers an audio output device now.
    static bool hasOutputDevice();

    // Stops, and makes `audio` (may be null) the clip played next, from its start.
    void setClip(std::shared_ptr<const core::WavAudio> audio);
    // A clip is set and an output device exists.
    bool canPlay() const;
    // Why playing is not possible, or empty.
    QString unavailableReason() const;

    void play();
    void pause();
    // Moves to `seconds` (clamped to the clip), playing on if it was playing.
    void seek(double seconds);
    bool isPlaying() const { return m_playing; }
    // Where playback is, in seconds from the clip's start.
    double position() const;
    double duration() const { return m_audio ? m_audio->seconds() : 0.0; }

signals:
    // While playing (a few dozen times a second), and after each seek or stop.
    void positionChanged(double seconds);
    void playingChanged(bool playing);

private:
    void startAt(double seconds);
    void halt();
    void finishIfDone();
    void setPlaying(bool playing);

    std::shared_ptr<const core::WavAudio> m_audio;
    QByteArray m_bytes; // the samples' bytes, not copied (fromRawData), kept alive by m_audio
    QBuffer m_buffer;
    std::unique_ptr<QAudioSink> m_sink;
    QTimer m_ticker;
    double m_startedAt = 0; // the clip position the running output began at
    double m_pausedAt = 0;
    bool m_playing = false;
    bool m_hasDevice = false;
};

} // namespace lantern::ui
