#pragma once
// The body of an Audio card: one run's audio tag. A slider over every stored value (in step
// order, following the newest while at the end), a chooser when a value holds several clips,
// the clip's label (markdown, rendered without loading anything it names), its duration,
// sample rate and channels, the waveform or spectrogram with a playhead, and play/pause.
// The clip is read back and decoded off the GUI thread once the card has been seen; bytes that
// are not WAV say "Cannot decode" in the card.

#include "core/store/run_snapshot.h"
#include "ui/adapter/data_reader.h"
#include "ui/dashboards/audio/loaded_clip.h"
#include "ui/dashboards/audio/waveform_picture.h"
#include "ui/widgets/latest_job.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

namespace lantern::ui {

class ClipPlayer;
class SafeTextBrowser;
class WaveformView;

class AudioCard : public QWidget {
    Q_OBJECT
public:
    // The label box takes its text's height up to this many pixels, and scrolls beyond.
    static constexpr int kTallestLabel = 140;

    AudioCard(DataReaderPtr reader, QWidget* parent = nullptr);
    ~AudioCard() override;

    // The tag as `run` now stores it (`tag` lies inside `run`).
    void setData(std::shared_ptr<const core::RunSnapshot> run, const core::TagSnapshot* tag);
    // How many times the card was handed data (change notices should hand it only its own).
    int dataUpdates() const { return m_dataUpdates; }
    void setMode(WaveformMode mode);

    WaveformView* waveform() const { return m_waveform; }
    QSlider* stepSlider() const { return m_slider; }
    QSpinBox* clipBox() const { return m_clip; }
    QLabel* stepLabel() const { return m_stepLabel; }
    QLabel* detailsLabel() const { return m_details; }
    SafeTextBrowser* labelView() const { return m_label; }
    QToolButton* playButton() const { return m_play; }
    QLabel* playerStatus() const { return m_status; }
    ClipPlayer* player() const { return m_player; }

    // The index among the tag's stored values of the value at the slider's position.
    std::size_t valueIndex() const;
    int clip() const; // 0-based
    std::int64_t step() const;
    const LoadedClip& loaded() const { return m_loaded; }
    // True while the chosen clip has been asked for and not arrived, or its picture is drawn.
    bool isLoading() const;
    // Writes the clip's stored bytes (they are WAV whenever the clip decoded). False when
    // there is no decoded clip or the file cannot be written.
    bool saveWav(const QString& path) const;

private:
    void showPosition();
    void load();
    void showLoaded(LoadedClip loaded);
    void showPlayer();
    void togglePlaying();
    void fitLabelHeight();
    bool eventFilter(QObject* watched, QEvent* event) override;

    DataReaderPtr m_reader;
    std::shared_ptr<const core::RunSnapshot> m_run;
    const core::TagSnapshot* m_tag = nullptr;
    std::vector<std::uint32_t> m_order; // slider position → value index, in step order
    int m_dataUpdates = 0;
    LatestJob<LoadedClip> m_loading;
    LoadedClip m_loaded;
    QString m_wantedKey;
    bool m_seen = false;

    WaveformView* m_waveform = nullptr;
    QSlider* m_slider = nullptr;
    QSpinBox* m_clip = nullptr;
    QLabel* m_stepLabel = nullptr;
    QLabel* m_details = nullptr;
    SafeTextBrowser* m_label = nullptr;
    QToolButton* m_play = nullptr;
    QLabel* m_status = nullptr;
    ClipPlayer* m_player = nullptr;
};

} // namespace lantern::ui
