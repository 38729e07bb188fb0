#include "ui/dashboards/audio/clip_player.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QMediaDevices>

#include <algorithm>

namespace lantern::ui {
namespace {
constexpr int kTickMilliseconds = 30;
} // namespace

ClipPlayer::ClipPlayer(QObject* parent)
    : QObject(parent)
    , m_hasDevice(hasOutputDevice())
{
    m_ticker.setInterval(kTickMilliseconds);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        emit positionChanged(position());
        finishIfDone();
    });
}

ClipPlayer::~ClipPlayer()
{
    halt();
}

bool ClipPlayer::hasOutputDevice()
{
    return !QMediaDevices::audioOutputs().isEmpty();
}

void ClipPlayer::setClip(std::shared_ptr<const core::WavAudio> audio)
{
    halt();
    setPlaying(false);
    m_hasDevice = hasOutputDevice(); // looked at again for each clip: devices come and go
    m_audio = std::move(audio);
    m_pausedAt = 0;
    m_bytes = m_audio
        ? QByteArray::fromRawData(reinterpret_cast<const char*>(m_audio->samples.data()),
            qsizetype(m_audio->samples.size() * sizeof(float)))
        : QByteArray();
    emit positionChanged(0);
}

bool ClipPlayer::canPlay() const
{
    return unavailableReason().isEmpty();
}

QString ClipPlayer::unavailableReason() const
{
    if (!m_hasDevice)
        return tr("No audio output device: playback is not available.");
    if (!m_audio || m_audio->frames() == 0)
        return tr("Nothing to play.");
    return {};
}

void ClipPlayer::play()
{
    if (m_playing || !canPlay())
        return;
    startAt(m_pausedAt >= duration() ? 0.0 : m_pausedAt);
}

void ClipPlayer::pause()
{
    if (!m_playing)
        return;
    m_pausedAt = position();
    halt();
    setPlaying(false);
    emit positionChanged(m_pausedAt);
}

void ClipPlayer::seek(double seconds)
{
    const double to = std::clamp(seconds, 0.0, duration());
    if (m_playing) {
        halt();
        startAt(to);
    } else {
        m_pausedAt = to;
    }
    emit positionChanged(to);
}

double ClipPlayer::position() const
{
    if (!m_playing || !m_sink)
        return m_pausedAt;
    return std::min(duration(), m_startedAt + double(m_sink->processedUSecs()) / 1e6);
}

void ClipPlayer::startAt(double seconds)
{
    QAudioFormat format;
    format.setSampleRate(int(m_audio->sampleRate));
    format.setChannelCount(m_audio->channels);
    format.setSampleFormat(QAudioFormat::Float);
    m_sink = std::make_unique<QAudioSink>(QMediaDevices::defaultAudioOutput(), format);
    m_buffer.close();
    m_buffer.setData(m_bytes);
    m_buffer.open(QIODevice::ReadOnly);
    const auto frame = qint64(seconds * m_audio->sampleRate);
    m_buffer.seek(
        std::min<qint64>(frame, m_audio->frames()) * m_audio->channels * qint64(sizeof(float)));
    m_startedAt = double(m_buffer.pos()) / double(m_audio->channels * qint64(sizeof(float)))
        / m_audio->sampleRate;
    m_sink->start(&m_buffer);
    m_ticker.start();
    setPlaying(m_sink->error() == QAudio::NoError);
    if (!m_playing)
        halt();
}

void ClipPlayer::halt()
{
    m_ticker.stop();
    if (m_sink) {
        m_sink->stop();
        m_sink.reset();
    }
}

void ClipPlayer::finishIfDone()
{
    // The output has taken every byte and played them: the clip is over.
    if (m_sink && m_buffer.atEnd() && m_sink->state() == QAudio::IdleState) {
        halt();
        m_pausedAt = duration();
        setPlaying(false);
        emit positionChanged(m_pausedAt);
    }
}

void ClipPlayer::setPlaying(bool playing)
{
    if (playing == m_playing)
        return;
    m_playing = playing;
    emit playingChanged(playing);
}

} // namespace lantern::ui
