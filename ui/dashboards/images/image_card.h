#pragma once
// The body of an Images card: one run's image tag. It shows the image at the chosen position, a
// slider over every stored value of the tag (each one a position, even where steps repeat),
// the step and wall time, and a sample chooser when a value holds several images. The image
// loads off the GUI thread once the card has been seen. As the run grows, the slider grows;
// when it was at the newest value, it follows the newest.
//
// The slider runs in step order, values of one step in the order written: with every point
// kept as written (--keep-orphaned-data) a restarted run steps back, and the slider still
// moves forward in steps, as it does everywhere else, with each repeated step's values side
// by side ("2nd of 2 at this step").

#include "core/store/run_snapshot.h"
#include "ui/dashboards/images/image_adjustment.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QSlider;
class QSpinBox;

namespace lantern::ui {

class ImageSource;
class ImageView;
class LatestImageLoader;
struct DecodedImage;

class ImageCard : public QWidget {
    Q_OBJECT
public:
    explicit ImageCard(ImageSource* source, QWidget* parent = nullptr);

    // The tag as `run` now stores it (`tag` lies inside `run`).
    void setData(std::shared_ptr<const core::RunSnapshot> run, const core::TagSnapshot* tag);
    // How many times setData was called (tests check that a reload leaves other cards alone).
    int dataUpdates() const { return m_dataUpdates; }
    void setOptions(const ImageDisplayOptions& options);

    ImageView* view() const { return m_view; }
    QSlider* stepSlider() const { return m_slider; }
    QSpinBox* sampleBox() const { return m_sample; }
    QLabel* stepLabel() const { return m_stepLabel; }
    // The chosen position on the slider (in step order) and sample.
    int position() const;
    // The index among the tag's stored values of the value at the chosen position.
    std::size_t valueIndex() const;
    int sample() const;
    // The step of the chosen value.
    std::int64_t step() const;
    // Moves the slider to the value whose step is nearest `step` (linked time; the first of
    // several values at that step).
    void showStep(std::int64_t step);
    // True while the chosen image has been asked for and has not arrived.
    bool isLoading() const;

signals:
    void enlargeRequested();

private:
    void showPosition();
    void load();
    void showLoaded(const DecodedImage& decoded);

    std::shared_ptr<const core::RunSnapshot> m_run;
    const core::TagSnapshot* m_tag = nullptr;
    LatestImageLoader* m_loader = nullptr;
    ImageView* m_view = nullptr;
    QSlider* m_slider = nullptr;
    QSpinBox* m_sample = nullptr;
    QLabel* m_stepLabel = nullptr;
    std::vector<std::uint32_t> m_order; // position → value index; empty when steps are sorted
    QString m_shownKey; // the image the view holds
    bool m_seen = false;
    int m_dataUpdates = 0;
};

} // namespace lantern::ui
