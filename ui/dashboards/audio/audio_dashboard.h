#pragma once
// The Audio tab: one card per audio tag and run checked in the runs panel, grouped by the
// tag's prefix, filtered by a tag expression, with a choice of waveform or spectrogram (linear
// or log frequency) for every card. Each card's menu saves the shown clip as a WAV file.

#include "ui/adapter/data_reader.h"
#include "ui/adapter/loaded_data.h"
#include "ui/dashboards/audio/waveform_picture.h"
#include "ui/dashboards/dashboard.h"
#include "ui/widgets/card_export_menu.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLineEdit;
class QMenu;

namespace lantern::ui {

class AudioCard;
class CardGrid;
class RunListModel;
class SeriesCards;

class AudioDashboard : public SeriesDashboard {
    Q_OBJECT
public:
    // Without a reader (a dashboard on its own, in tests), it makes its own.
    explicit AudioDashboard(
        RunListModel* runs, QWidget* parent = nullptr, DataReaderPtr reader = nullptr);
    ~AudioDashboard() override;

    void setSnapshot(const LogdirSnapshotPtr& snapshot) override;

    // Dashboard: clips are read, decoded and drawn on workers
    QString key() const override { return QStringLiteral("audio"); }
    QString title() const override { return tr("Audio"); }
    bool computesInBackground() const override { return true; }
    bool isComputing() const override;

    CardGrid* grid() const { return m_grid; }
    AudioCard* card(const QString& tag, const QString& run) const;
    QLineEdit* tagFilter() const { return m_filter; }
    QComboBox* modeBox() const { return m_mode; }

    // Writes the card's clip as WAV, exactly the bytes stored; false when it cannot.
    bool exportClip(const QString& tag, const QString& run, const QString& path) const;
    // Asks where "Save clip as WAV…" writes; a file dialog unless replaced.
    void setExportPathChooser(ExportPathChooser choose) { m_choosePath = std::move(choose); }

protected:
    // Hands new values only to the cards of the audio series that changed.
    void applyChange(
        const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change) override;

private:
    QWidget* createToolbar();
    WaveformMode mode() const;
    void fillMenu(QMenu* menu, const QString& tag, const QString& run);
    void chooseExport(const QString& tag, const QString& run);

    DataReaderPtr m_reader;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_mode = nullptr;
    CardGrid* m_grid = nullptr;
    std::unique_ptr<SeriesCards> m_cards;
    ExportPathChooser m_choosePath;
};

} // namespace lantern::ui
