#pragma once
// The Images tab: one card per image tag and run checked in the runs panel, grouped by the
// tag's prefix, filtered by a tag expression. The toolbar sets how images are shown, as
// TensorBoard's does: at actual size or fitted to the card, brightness, contrast, and the card
// size. A click enlarges an image; each card's menu saves the shown image as PNG. One card
// holds every step of its tag: a run with thousands of image steps still makes one card.

#include "ui/adapter/data_reader.h"
#include "ui/adapter/loaded_data.h"
#include "ui/dashboards/dashboard.h"
#include "ui/dashboards/images/image_adjustment.h"
#include "ui/widgets/card_export_menu.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLineEdit;
class QMenu;
class QSlider;

namespace lantern::ui {

class SelectedStep;

class CardGrid;
class ImageCard;
class ImageSource;
class ImageViewerDialog;
class RunListModel;
class SeriesCards;

class ImagesDashboard : public SeriesDashboard {
    Q_OBJECT
public:
    // Without a reader (a dashboard on its own, in tests), it makes its own.
    explicit ImagesDashboard(
        RunListModel* runs, QWidget* parent = nullptr, DataReaderPtr reader = nullptr);
    ~ImagesDashboard() override;

    void setSnapshot(const LogdirSnapshotPtr& snapshot) override;

    // Dashboard: images are read and decoded on workers
    QString key() const override { return QStringLiteral("images"); }
    QString title() const override { return tr("Images"); }
    bool computesInBackground() const override { return true; }

    CardGrid* grid() const { return m_grid; }
    ImageCard* card(const QString& tag, const QString& run) const;
    QLineEdit* tagFilter() const { return m_filter; }
    QCheckBox* actualSizeBox() const { return m_actualSize; }
    QSlider* brightnessSlider() const { return m_brightness; }
    QSlider* contrastSlider() const { return m_contrast; }
    QSlider* cardSizeSlider() const { return m_cardSize; }
    const ImageDisplayOptions& options() const { return m_options; }
    ImageSource* source() const { return m_source; }
    // True while some card waits for its image.
    bool isComputing() const override;
    // Linked time: every card's slider moves to the step `selected` holds (a range's first).
    void followSelectedStep(SelectedStep* selected);

    // Opens the card's shown image enlarged; null when the card has none.
    ImageViewerDialog* enlarge(const QString& tag, const QString& run);
    // Writes the card's shown image (brightness and contrast applied, at its actual size) as a
    // PNG. False when there is no such image or the file cannot be written.
    bool exportImage(const QString& tag, const QString& run, const QString& path) const;

    // Asks where "Save image as PNG…" writes; a file dialog unless replaced.
    void setExportPathChooser(ExportPathChooser choose) { m_choosePath = std::move(choose); }

protected:
    // Hands new values only to the cards of the image series that changed.
    void applyChange(
        const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change) override;

private:
    QWidget* createToolbar();
    void applyOptions();
    void fillMenu(QMenu* menu, const QString& tag, const QString& run);
    void chooseExport(const QString& tag, const QString& run);

    ImageDisplayOptions m_options;
    ImageSource* m_source = nullptr;
    QLineEdit* m_filter = nullptr;
    QCheckBox* m_actualSize = nullptr;
    QSlider* m_brightness = nullptr;
    QSlider* m_contrast = nullptr;
    QSlider* m_cardSize = nullptr;
    CardGrid* m_grid = nullptr;
    std::unique_ptr<SeriesCards> m_cards;
    ExportPathChooser m_choosePath;
};

} // namespace lantern::ui
