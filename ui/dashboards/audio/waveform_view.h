#pragma once
// A clip's waveform or spectrogram over a time range, with a playhead. The picture is rendered
// off the GUI thread (the latest request winning while the view is resized or zoomed); until
// it arrives the previous one stays. The wheel zooms about the cursor, a drag zooms to the
// range dragged over, a double-click shows the whole clip again, and a click asks to seek there.
// Ticks label the time along the bottom and, for a spectrogram, the frequency up the left.

#include "ui/dashboards/audio/waveform_picture.h"
#include "ui/widgets/interactive_plot.h"
#include "ui/widgets/latest_job.h"

#include <vector>

class QPainter;

namespace lantern::ui {

// A labelled tick as drawn: where along its axis, in widget pixels (x for time, y for
// frequency), and its text.
struct WaveformTick {
    double pixel = 0;
    QString label;
};

class WaveformView : public InteractivePlot {
    Q_OBJECT
public:
    explicit WaveformView(QWidget* parent = nullptr);

    // Shows `audio` whole (null: nothing).
    void setClip(std::shared_ptr<const core::WavAudio> audio);
    // Shows `text` instead of a clip (while loading, or why there is none).
    void setMessage(const QString& text);
    QString message() const { return m_message; }
    void setMode(WaveformMode mode);
    WaveformMode mode() const { return m_mode; }

    // The time range shown, in seconds from the clip's start.
    double viewBegin() const { return m_begin; }
    double viewEnd() const { return m_end; }
    // Shows [begin, end], kept inside the clip and at least a few samples wide.
    void zoomTo(double begin, double end);
    void showWholeClip();
    void setPlayhead(double seconds);
    double playhead() const { return m_playhead; }

    // The picture shown (its range may lag behind the view's while a new one is rendered).
    const WaveformPicture& picture() const { return m_picture; }
    // Where on the widget the time `seconds` is (for tests and the playhead).
    double xAt(double seconds) const;
    double secondsAt(double x) const;
    bool isComputing() const { return m_rendering.isBusy(); }
    // The ticks drawn: seconds along the bottom; frequencies up the left of a spectrogram
    // (none for the waveform). Empty without a clip.
    std::vector<WaveformTick> timeTicks() const;
    std::vector<WaveformTick> frequencyTicks() const;

    QSize sizeHint() const override { return {360, 120}; }

signals:
    void seekRequested(double seconds);
    void viewChanged();
    void painted(); // the first paint tells the card it is seen: load then

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool pressed(const Press& press) override;
    void dragged(const Press& press, QPointF from, QPointF to) override;
    void released(const Press& press, QPointF at, bool wasDrag) override;
    bool wheelTurned(QPointF at, int angleDelta) override;
    void doubleClicked(QPointF at, Qt::MouseButton button) override;

private:
    void render();
    double duration() const;
    void drawTicks(QPainter& painter) const;

    std::shared_ptr<const core::WavAudio> m_audio;
    QString m_message;
    WaveformMode m_mode = WaveformMode::Waveform;
    double m_begin = 0;
    double m_end = 0;
    double m_playhead = 0;
    WaveformPicture m_picture;
    LatestJob<WaveformPicture> m_rendering;
    double m_dragTo = 0; // where a drag is, while one is under way
};

} // namespace lantern::ui
