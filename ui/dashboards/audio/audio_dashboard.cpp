#include "ui/dashboards/audio/audio_dashboard.h"

#include "ui/dashboards/audio/audio_card.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/series_cards.h"
#include "ui/widgets/tag_filter.h"
#include "ui/widgets/widget_export.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QVBoxLayout>

namespace lantern::ui {
namespace {
constexpr int kCardWidth = 380;
} // namespace

AudioDashboard::AudioDashboard(RunListModel* runs, QWidget* parent, DataReaderPtr reader)
    : SeriesDashboard(core::ValueKind::Audio, parent)
    , m_reader(reader ? std::move(reader) : std::make_shared<DataReader>())
    , m_choosePath(exportPathDialog(this))
{
    setObjectName(QStringLiteral("audio")); // the main window's tab key
    m_grid = new CardGrid(
        [this](const CardGrid::CardKey&, QWidget* card) {
            auto* body = new AudioCard(m_reader, card);
            body->setMode(mode());
            return body;
        },
        [this](QMenu* menu, const QString& tag, const QString& run) { fillMenu(menu, tag, run); },
        this);
    m_grid->setObjectName(QStringLiteral("audioCards"));
    m_grid->setCardSize(kCardWidth, 0);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createToolbar());
    layout->addWidget(m_grid, 1);

    m_cards
        = std::make_unique<SeriesCards>(core::ValueKind::Audio, m_grid, runs, m_filter, tr("audio"),
            tr("The checked runs have no audio."), [](QWidget* body, const CheckedSeries& series) {
                static_cast<AudioCard*>(body)->setData(series.runData, series.data);
            });
}

AudioDashboard::~AudioDashboard()
{
    delete m_grid; // the cards and their jobs go before the reader they read through
}

QWidget* AudioDashboard::createToolbar()
{
    auto* toolbar = new QWidget(this);
    m_filter = createTagFilter(toolbar, QStringLiteral("audioTagFilter"));
    m_mode = new QComboBox(toolbar);
    m_mode->setObjectName(QStringLiteral("audioView"));
    m_mode->addItem(tr("Waveform"));
    m_mode->addItem(tr("Spectrogram"));
    m_mode->addItem(tr("Spectrogram, log frequency"));
    auto* row = new QHBoxLayout(toolbar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_filter, 1);
    row->addSpacing(12);
    row->addWidget(new QLabel(tr("Show"), toolbar));
    row->addWidget(m_mode);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        m_grid->forEachBody(
            [this](QWidget* body) { static_cast<AudioCard*>(body)->setMode(mode()); });
    });
    return toolbar;
}

WaveformMode AudioDashboard::mode() const
{
    switch (m_mode->currentIndex()) {
    case 1:
        return WaveformMode::Spectrogram;
    case 2:
        return WaveformMode::LogSpectrogram;
    default:
        return WaveformMode::Waveform;
    }
}

void AudioDashboard::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    m_cards->setSnapshot(snapshot);
}

AudioCard* AudioDashboard::card(const QString& tag, const QString& run) const
{
    return static_cast<AudioCard*>(m_grid->body(tag, run));
}

void AudioDashboard::applyChange(
    const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change)
{
    m_cards->applyChange(snapshot, change);
}

bool AudioDashboard::isComputing() const
{
    return m_cards->anyBody(
        [](QWidget* body) { return static_cast<AudioCard*>(body)->isLoading(); });
}

void AudioDashboard::fillMenu(QMenu* menu, const QString& tag, const QString& run)
{
    const AudioCard* shown = card(tag, run);
    menu->addAction(tr("Save clip as WAV…"), this, [this, tag, run] { chooseExport(tag, run); })
        ->setEnabled(shown && shown->loaded().hasAudio());
}

void AudioDashboard::chooseExport(const QString& tag, const QString& run)
{
    const AudioCard* shown = card(tag, run);
    if (!shown)
        return;
    const QString stem = fileStemFor(QStringLiteral("%1_%2_step%3_clip%4")
                                         .arg(run, tag)
                                         .arg(shown->step())
                                         .arg(shown->clip() + 1));
    const QString path = m_choosePath(tr("Save Clip as WAV"), stem, QStringLiteral(".wav"));
    if (!path.isEmpty() && !exportClip(tag, run, path))
        QMessageBox::warning(this, tr("Export"), tr("Could not write %1").arg(path));
}

bool AudioDashboard::exportClip(const QString& tag, const QString& run, const QString& path) const
{
    const AudioCard* shown = card(tag, run);
    return shown && shown->saveWav(path);
}

} // namespace lantern::ui
