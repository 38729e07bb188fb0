#include "ui/dashboards/audio/audio_card.h"

#include "ui/dashboards/audio/clip_player.h"
#include "ui/dashboards/audio/waveform_view.h"
#include "ui/widgets/safe_text_browser.h"

#include <QDateTime>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

namespace lantern::ui {
namespace {

QString clockTime(double seconds)
{
    const int tenths = int(std::lround(std::max(0.0, seconds) * 10));
    return QStringLiteral("%1:%2.%3")
        .arg(tenths / 600)
        .arg(tenths / 10 % 60, 2, 10, QLatin1Char('0'))
        .arg(tenths % 10);
}

} // namespace

AudioCard::AudioCard(DataReaderPtr reader, QWidget* parent)
    : QWidget(parent)
    , m_reader(std::move(reader))
    , m_loading([this](LoadedClip loaded) { showLoaded(std::move(loaded)); }, m_reader->pool())
    , m_player(new ClipPlayer(this))
{
    m_waveform = new WaveformView(this);
    m_waveform->setObjectName(QStringLiteral("waveform"));
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("stepSlider"));
    m_slider->setRange(0, 0);
    m_clip = new QSpinBox(this);
    m_clip->setObjectName(QStringLiteral("clipBox"));
    m_clip->setPrefix(tr("Clip "));
    m_clip->setToolTip(tr("Which clip of this step's value"));
    m_clip->hide();
    m_stepLabel = new QLabel(this);
    m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
    m_stepLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("clipDetails"));
    m_label = new SafeTextBrowser(this);
    m_label->setObjectName(QStringLiteral("clipLabel"));
    m_label->setFrameShape(QFrame::NoFrame);
    m_label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_label->hide();
    m_label->installEventFilter(this); // its height follows its width
    m_play = new QToolButton(this);
    m_play->setObjectName(QStringLiteral("playButton"));
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setText(tr("Play"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("playerStatus"));

    auto* stepRow = new QHBoxLayout;
    stepRow->addWidget(m_stepLabel, 1);
    stepRow->addWidget(m_clip);
    auto* playRow = new QHBoxLayout;
    playRow->addWidget(m_play);
    playRow->addWidget(m_status, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_waveform);
    layout->addLayout(playRow);
    layout->addWidget(m_details);
    layout->addWidget(m_label);
    layout->addWidget(m_slider);
    layout->addLayout(stepRow);

    connect(m_slider, &QSlider::valueChanged, this, &AudioCard::showPosition);
    connect(m_clip, &QSpinBox::valueChanged, this, &AudioCard::load);
    connect(m_waveform, &WaveformView::painted, this, [this] {
        if (!m_seen) {
            m_seen = true;
            load();
        }
    });
    connect(m_play, &QToolButton::clicked, this, &AudioCard::togglePlaying);
    connect(m_waveform, &WaveformView::seekRequested, m_player, &ClipPlayer::seek);
    connect(m_player, &ClipPlayer::positionChanged, this, [this](double seconds) {
        m_waveform->setPlayhead(seconds);
        showPlayer();
    });
    connect(m_player, &ClipPlayer::playingChanged, this, &AudioCard::showPlayer);
    showPlayer();
}

AudioCard::~AudioCard() = default;

void AudioCard::setData(std::shared_ptr<const core::RunSnapshot> run, const core::TagSnapshot* tag)
{
    ++m_dataUpdates;
    const bool follow = !m_tag || m_slider->value() == m_slider->maximum();
    const std::size_t chosen = m_tag && !m_tag->blobs.empty() ? valueIndex() : 0;
    m_run = std::move(run);
    m_tag = tag;
    // The slider runs in step order; values of one step stay in the order written.
    m_order.resize(tag->blobs.size());
    std::iota(m_order.begin(), m_order.end(), std::uint32_t(0));
    std::stable_sort(m_order.begin(), m_order.end(),
        [&blobs = tag->blobs](auto a, auto b) { return blobs[a].step < blobs[b].step; });
    const int last = std::max(0, int(m_order.size()) - 1);
    const auto kept = std::find(m_order.begin(), m_order.end(), chosen);
    const int at = follow || kept == m_order.end() ? last : int(kept - m_order.begin());
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setRange(0, last);
        m_slider->setValue(at);
    }
    m_slider->setVisible(last > 0);
    showPosition();
}

void AudioCard::setMode(WaveformMode mode)
{
    m_waveform->setMode(mode);
}

std::size_t AudioCard::valueIndex() const
{
    const auto at = std::size_t(m_slider->value());
    return at < m_order.size() ? m_order[at] : 0;
}

int AudioCard::clip() const
{
    return m_clip->value() - 1;
}

std::int64_t AudioCard::step() const
{
    return m_tag && !m_tag->blobs.empty() ? m_tag->blobs[valueIndex()].step : 0;
}

bool AudioCard::isLoading() const
{
    return m_loading.isBusy() || m_waveform->isComputing();
}

void AudioCard::showPosition()
{
    if (!m_tag || m_tag->blobs.empty())
        return;
    const core::BlobEntry& entry = m_tag->blobs[valueIndex()];
    const int clips = std::max(1, int(entry.count));
    {
        const QSignalBlocker blocker(m_clip);
        m_clip->setRange(1, clips);
        m_clip->setSuffix(tr(" of %1").arg(clips));
    }
    m_clip->setVisible(clips > 1);
    const QDateTime wallTime = QDateTime::fromMSecsSinceEpoch(std::llround(entry.wallTime * 1000));
    m_stepLabel->setText(tr("Step %1 · %2")
                             .arg(entry.step)
                             .arg(wallTime.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"))));
    m_slider->setToolTip(tr("Value %1 of %2").arg(m_slider->value() + 1).arg(m_order.size()));
    load();
}

void AudioCard::load()
{
    if (!m_seen || !m_tag || m_tag->blobs.empty())
        return;
    const ClipRequest request {
        core::blobReference(*m_run, *m_tag, valueIndex()), std::uint32_t(clip())};
    const QString key = request.key();
    if (key == m_loaded.key || (m_loading.isBusy() && key == m_wantedKey))
        return; // shown already, or underway
    m_wantedKey = key;
    m_waveform->setMessage(tr("Loading…"));
    m_loading.run([request, read = m_reader->blobReader(request.reference)] {
        return loadClip(request, read());
    });
}

void AudioCard::showLoaded(LoadedClip loaded)
{
    m_loaded = std::move(loaded);
    m_player->setClip(m_loaded.audio);
    if (m_loaded.hasAudio()) {
        m_waveform->setClip(m_loaded.audio);
        const core::WavAudio& audio = *m_loaded.audio;
        m_details->setText(
            tr("%1 s · %2 Hz · %3 · %4-bit %5")
                .arg(audio.seconds(), 0, 'f', 2)
                .arg(audio.sampleRate)
                .arg(audio.channels == 1      ? tr("mono")
                        : audio.channels == 2 ? tr("stereo")
                                              : tr("%1 channels").arg(audio.channels))
                .arg(audio.bitsPerSample)
                .arg(audio.isFloat ? tr("float") : tr("PCM")));
    } else {
        m_waveform->setMessage(m_loaded.error);
        m_details->setText(m_loaded.error.isEmpty() ? QString() : tr("Cannot decode"));
    }
    const QString label = QString::fromStdString(m_loaded.blob.label);
    m_label->setMarkdown(label);
    replaceImagesWithAltText(*m_label->document());
    m_label->setVisible(!label.trimmed().isEmpty());
    fitLabelHeight();
    showPlayer();
}

void AudioCard::fitLabelHeight()
{
    // The text laid out at the box's width, on a copy: the box lays out its own document.
    const int width = m_label->width() - 2 * m_label->frameWidth();
    const std::unique_ptr<QTextDocument> copy(m_label->document()->clone());
    copy->setDocumentMargin(m_label->document()->documentMargin());
    copy->setDefaultFont(m_label->document()->defaultFont());
    copy->setTextWidth(std::max(1, width));
    const int wanted = int(std::ceil(copy->size().height())) + 2 * m_label->frameWidth();
    m_label->setFixedHeight(std::min(wanted, kTallestLabel));
}

bool AudioCard::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_label && event->type() == QEvent::Resize
        && static_cast<QResizeEvent*>(event)->oldSize().width() != m_label->width())
        fitLabelHeight();
    return QWidget::eventFilter(watched, event);
}

void AudioCard::showPlayer()
{
    const QString reason = m_player->unavailableReason();
    m_play->setEnabled(reason.isEmpty());
    const bool playing = m_player->isPlaying();
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setToolTip(reason.isEmpty() ? m_play->text() : reason);
    if (!reason.isEmpty() && m_loaded.hasAudio())
        m_status->setText(reason);
    else
        m_status->setText(QStringLiteral("%1 / %2").arg(
            clockTime(m_player->position()), clockTime(m_player->duration())));
}

void AudioCard::togglePlaying()
{
    if (m_player->isPlaying())
        m_player->pause();
    else
        m_player->play();
    showPlayer();
}

bool AudioCard::saveWav(const QString& path) const
{
    if (!m_loaded.hasAudio())
        return false;
    QFile file(path);
    const auto& bytes = m_loaded.blob.encoded;
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
}

} // namespace lantern::ui
