#include "ui/dashboards/images/images_dashboard.h"

#include "ui/dashboards/images/image_card.h"
#include "ui/dashboards/images/image_source.h"
#include "ui/dashboards/images/image_view.h"
#include "ui/dashboards/images/image_viewer_dialog.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/selected_step.h"
#include "ui/widgets/series_cards.h"
#include "ui/widgets/tag_filter.h"
#include "ui/widgets/widget_export.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

namespace lantern::ui {
namespace {

constexpr int kDefaultCardWidth = 360;

QSlider* createSlider(const QString& name, int minimum, int maximum, int value, QWidget* parent)
{
    auto* slider = new QSlider(Qt::Horizontal, parent);
    slider->setObjectName(name);
    slider->setRange(minimum, maximum);
    slider->setValue(value);
    slider->setFixedWidth(90);
    return slider;
}

} // namespace

ImagesDashboard::ImagesDashboard(RunListModel* runs, QWidget* parent, DataReaderPtr reader)
    : SeriesDashboard(core::ValueKind::Image, parent)
    , m_source(new ImageSource(reader ? std::move(reader) : std::make_shared<DataReader>(), this))
    , m_choosePath(exportPathDialog(this))
{
    setObjectName(QStringLiteral("images")); // the main window's tab key
    m_options.cardWidth = kDefaultCardWidth;
    m_grid = new CardGrid(
        [this](const CardGrid::CardKey& key, QWidget* card) {
            auto* body = new ImageCard(m_source, card);
            body->setOptions(m_options);
            connect(body, &ImageCard::enlargeRequested, this,
                [this, tag = key.tag, run = key.run] { enlarge(tag, run); });
            return body;
        },
        [this](QMenu* menu, const QString& tag, const QString& run) { fillMenu(menu, tag, run); },
        this);
    m_grid->setObjectName(QStringLiteral("imageCards"));
    m_grid->setCardSize(m_options.cardWidth, 0); // as tall as the image shown

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createToolbar());
    layout->addWidget(m_grid, 1);

    m_cards
        = std::make_unique<SeriesCards>(core::ValueKind::Image, m_grid, runs, m_filter, tr("image"),
            tr("The checked runs have no images."), [](QWidget* body, const CheckedSeries& series) {
                static_cast<ImageCard*>(body)->setData(series.runData, series.data);
            });
}

ImagesDashboard::~ImagesDashboard()
{
    delete m_grid; // the cards go before the source they load from
}

QWidget* ImagesDashboard::createToolbar()
{
    auto* toolbar = new QWidget(this);
    m_filter = createTagFilter(toolbar, QStringLiteral("imageTagFilter"));
    m_actualSize = new QCheckBox(tr("Show actual image size"), toolbar);
    m_actualSize->setObjectName(QStringLiteral("actualSize"));
    // Percentages: brightness 0–200 %, contrast 0–500 %, as TensorBoard offers.
    m_brightness = createSlider(QStringLiteral("brightness"), 0, 200, 100, toolbar);
    m_contrast = createSlider(QStringLiteral("contrast"), 0, 500, 100, toolbar);
    m_cardSize = createSlider(QStringLiteral("cardSize"), 200, 900, kDefaultCardWidth, toolbar);
    auto* reset = new QToolButton(toolbar);
    reset->setObjectName(QStringLiteral("resetAdjustments"));
    reset->setText(tr("Reset"));
    reset->setToolTip(tr("Brightness and contrast back to 100 %"));

    auto* row = new QHBoxLayout(toolbar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_filter, 1);
    row->addSpacing(12);
    row->addWidget(m_actualSize);
    for (const auto& [label, slider] :
        {std::pair(tr("Brightness"), m_brightness), std::pair(tr("Contrast"), m_contrast)}) {
        row->addSpacing(8);
        row->addWidget(new QLabel(label, toolbar));
        row->addWidget(slider);
    }
    row->addWidget(reset);
    row->addSpacing(8);
    row->addWidget(new QLabel(tr("Card size"), toolbar));
    row->addWidget(m_cardSize);

    connect(m_actualSize, &QCheckBox::toggled, this, &ImagesDashboard::applyOptions);
    for (QSlider* slider : {m_brightness, m_contrast, m_cardSize})
        connect(slider, &QSlider::valueChanged, this, &ImagesDashboard::applyOptions);
    connect(reset, &QToolButton::clicked, this, [this] {
        m_brightness->setValue(100);
        m_contrast->setValue(100);
    });
    return toolbar;
}

void ImagesDashboard::setSnapshot(const LogdirSnapshotPtr& snapshot)
{
    m_cards->setSnapshot(snapshot);
}

ImageCard* ImagesDashboard::card(const QString& tag, const QString& run) const
{
    return static_cast<ImageCard*>(m_grid->body(tag, run));
}

void ImagesDashboard::applyChange(
    const LogdirSnapshotPtr& snapshot, const core::SnapshotChange& change)
{
    m_cards->applyChange(snapshot, change);
}

void ImagesDashboard::applyOptions()
{
    m_options.actualSize = m_actualSize->isChecked();
    m_options.brightness = m_brightness->value() / 100.0;
    m_options.contrast = m_contrast->value() / 100.0;
    m_options.cardWidth = m_cardSize->value();
    m_brightness->setToolTip(tr("Brightness %1 %").arg(m_brightness->value()));
    m_contrast->setToolTip(tr("Contrast %1 %").arg(m_contrast->value()));
    m_grid->forEachBody(
        [this](QWidget* body) { static_cast<ImageCard*>(body)->setOptions(m_options); });
    m_grid->setCardSize(m_options.cardWidth, 0);
}

void ImagesDashboard::followSelectedStep(SelectedStep* selected)
{
    connect(selected, &SelectedStep::changed, this,
        [this](const std::optional<StepSelection>& selection) {
            if (!selection)
                return; // cleared: each slider stays where it is
            m_grid->forEachBody([step = selection->lo](QWidget* body) {
                static_cast<ImageCard*>(body)->showStep(step);
            });
        });
}

bool ImagesDashboard::isComputing() const
{
    return m_cards->anyBody(
        [](QWidget* body) { return static_cast<ImageCard*>(body)->isLoading(); });
}

ImageViewerDialog* ImagesDashboard::enlarge(const QString& tag, const QString& run)
{
    ImageCard* shown = card(tag, run);
    if (!shown || shown->view()->image().isNull())
        return nullptr;
    const QString title = QStringLiteral("%1 · %2 · step %3").arg(tag, run).arg(shown->step());
    auto* dialog = new ImageViewerDialog(
        shown->view()->adjustedImage(), title, [this, tag, run] { chooseExport(tag, run); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void ImagesDashboard::fillMenu(QMenu* menu, const QString& tag, const QString& run)
{
    ImageCard* shown = card(tag, run);
    const bool hasImage = shown && !shown->view()->image().isNull();
    menu->addAction(tr("Enlarge"), this, [this, tag, run] { enlarge(tag, run); })
        ->setEnabled(hasImage);
    menu->addAction(tr("Save image as PNG…"), this, [this, tag, run] { chooseExport(tag, run); })
        ->setEnabled(hasImage);
}

void ImagesDashboard::chooseExport(const QString& tag, const QString& run)
{
    const ImageCard* shown = card(tag, run);
    if (!shown)
        return;
    const QString stem
        = fileStemFor(QStringLiteral("%1_%2_step%3").arg(run, tag).arg(shown->step()));
    const QString path = m_choosePath(tr("Save Image as PNG"), stem, QStringLiteral(".png"));
    if (!path.isEmpty() && !exportImage(tag, run, path))
        QMessageBox::warning(this, tr("Export"), tr("Could not write %1").arg(path));
}

bool ImagesDashboard::exportImage(const QString& tag, const QString& run, const QString& path) const
{
    const ImageCard* shown = card(tag, run);
    if (!shown || shown->view()->image().isNull())
        return false;
    return shown->view()->adjustedImage().save(path, "PNG");
}

} // namespace lantern::ui
