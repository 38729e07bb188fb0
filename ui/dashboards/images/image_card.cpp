#include "ui/dashboards/images/image_card.h"

#include "core/load/blob_reader.h"
#include "ui/dashboards/images/image_view.h"
#include "ui/dashboards/images/latest_image_loader.h"
#include "ui/widgets/plain_tool_tip.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace lantern::ui {

ImageCard::ImageCard(ImageSource* source, QWidget* parent)
    : QWidget(parent)
    , m_loader(new LatestImageLoader(source, this))
{
    m_view = new ImageView(this);
    m_view->setObjectName(QStringLiteral("image"));
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("stepSlider"));
    m_slider->setRange(0, 0);
    QSizePolicy keepRoom = m_slider->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true); // cards of a row stay aligned
    m_slider->setSizePolicy(keepRoom);
    m_sample = new QSpinBox(this);
    m_sample->setObjectName(QStringLiteral("sampleBox"));
    m_sample->setPrefix(tr("Image "));
    m_sample->setToolTip(tr("Which image of this step's value"));
    m_sample->hide();
    m_stepLabel = new QLabel(this);
    m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
    m_stepLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* row = new QHBoxLayout;
    row->addWidget(m_stepLabel, 1);
    row->addWidget(m_sample);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addWidget(m_slider);
    layout->addLayout(row);

    connect(m_slider, &QSlider::valueChanged, this, &ImageCard::showPosition);
    connect(m_sample, &QSpinBox::valueChanged, this, &ImageCard::load);
    connect(m_view, &ImageView::painted, this, [this] {
        if (!m_seen) {
            m_seen = true;
            load();
        }
    });
    connect(m_view, &ImageView::clicked, this, &ImageCard::enlargeRequested);
    connect(m_loader, &LatestImageLoader::loaded, this, &ImageCard::showLoaded);
}

void ImageCard::setData(std::shared_ptr<const core::RunSnapshot> run, const core::TagSnapshot* tag)
{
    const bool follow = !m_tag || m_slider->value() == m_slider->maximum();
    m_run = std::move(run);
    m_tag = tag;
    const int last = std::max(0, int(tag->blobs.size()) - 1);
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setRange(0, last);
        if (follow)
            m_slider->setValue(last);
    }
    m_slider->setVisible(last > 0); // a tag with one value has nothing to choose
    showPosition();
}

void ImageCard::setOptions(const ImageDisplayOptions& options)
{
    m_view->setOptions(options);
}

int ImageCard::position() const
{
    return m_slider->value();
}

int ImageCard::sample() const
{
    return m_sample->value() - 1;
}

std::int64_t ImageCard::step() const
{
    return m_tag && !m_tag->blobs.empty() ? m_tag->blobs[std::size_t(position())].step : 0;
}

bool ImageCard::isLoading() const
{
    return m_loader->isLoading();
}

void ImageCard::showPosition()
{
    if (!m_tag || m_tag->blobs.empty())
        return;
    const core::BlobEntry& entry = m_tag->blobs[std::size_t(position())];
    const int count = std::max(1, int(entry.count));
    {
        const QSignalBlocker blocker(m_sample);
        m_sample->setRange(1, count);
        m_sample->setSuffix(tr(" of %1").arg(count));
    }
    m_sample->setVisible(count > 1);
    const QDateTime wallTime = QDateTime::fromMSecsSinceEpoch(std::llround(entry.wallTime * 1000));
    m_stepLabel->setText(tr("Step %1 · %2")
                             .arg(entry.step)
                             .arg(wallTime.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"))));
    m_slider->setToolTip(tr("Value %1 of %2").arg(position() + 1).arg(m_tag->blobs.size()));
    load();
}

void ImageCard::load()
{
    if (!m_seen || !m_tag || m_tag->blobs.empty())
        return;
    const ImageRequest request {
        core::blobReference(*m_run, *m_tag, std::size_t(position())), std::uint32_t(sample())};
    if (request.key() == m_shownKey && !m_loader->isLoading())
        return; // shown already (a reload that left this value as it was)
    m_view->setLoading(true);
    m_loader->request(request); // may deliver at once, from the cache
}

void ImageCard::showLoaded(const DecodedImage& decoded)
{
    m_view->setLoading(false);
    if (!decoded.error.isEmpty()) {
        m_shownKey.clear();
        m_view->setMessage(tr("Cannot show this image:\n%1").arg(decoded.error));
        m_view->setToolTip(plainToolTip(decoded.error));
        return;
    }
    if (decoded.key != m_shownKey || !m_view->message().isEmpty())
        m_view->setImage(decoded.image, decoded.preview);
    m_shownKey = decoded.key;
    m_view->setToolTip(tr("%1 × %2 pixels · click to enlarge")
                           .arg(decoded.image.width())
                           .arg(decoded.image.height()));
}

} // namespace lantern::ui
