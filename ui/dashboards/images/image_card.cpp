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

#include <algorithm>
#include <cmath>
#include <numeric>

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
    ++m_dataUpdates;
    const bool follow = !m_tag || m_slider->value() == m_slider->maximum();
    // Elsewhere, the chosen value stays chosen, even where a value of a lower step arrived.
    const std::size_t chosen = m_tag && !m_tag->blobs.empty() ? valueIndex() : 0;
    m_run = std::move(run);
    m_tag = tag;
    m_order.clear();
    if (!tag->blobs.stepsSorted()) {
        m_order.resize(tag->blobs.size());
        std::iota(m_order.begin(), m_order.end(), std::uint32_t(0));
        std::stable_sort(m_order.begin(), m_order.end(),
            [&blobs = tag->blobs](auto a, auto b) { return blobs[a].step < blobs[b].step; });
    }
    const int last = std::max(0, int(tag->blobs.size()) - 1);
    int at = last;
    if (!follow) {
        const auto found = std::find(m_order.begin(), m_order.end(), chosen);
        at = std::min(last, m_order.empty() ? int(chosen) : int(found - m_order.begin()));
    }
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setRange(0, last);
        m_slider->setValue(at);
    }
    m_slider->setVisible(last > 0); // a tag with one value has nothing to choose
    showPosition();
}

void ImageCard::showStep(std::int64_t step)
{
    if (!m_tag || m_tag->blobs.empty())
        return;
    const auto stepAt = [this](std::size_t at) {
        return m_tag->blobs[at < m_order.size() ? m_order[at] : at].step;
    };
    const auto distance = [step](std::int64_t s) {
        return s > step ? std::uint64_t(s) - std::uint64_t(step)
                        : std::uint64_t(step) - std::uint64_t(s);
    };
    std::size_t best = 0;
    for (std::size_t at = 1; at < m_tag->blobs.size(); ++at)
        if (distance(stepAt(at)) < distance(stepAt(best)))
            best = at;
    m_slider->setValue(int(best));
}

void ImageCard::setOptions(const ImageDisplayOptions& options)
{
    m_view->setOptions(options);
}

int ImageCard::position() const
{
    return m_slider->value();
}

std::size_t ImageCard::valueIndex() const
{
    const auto at = std::size_t(position());
    return at < m_order.size() ? m_order[at] : at;
}

int ImageCard::sample() const
{
    return m_sample->value() - 1;
}

std::int64_t ImageCard::step() const
{
    return m_tag && !m_tag->blobs.empty() ? m_tag->blobs[valueIndex()].step : 0;
}

bool ImageCard::isLoading() const
{
    return m_loader->isLoading();
}

void ImageCard::showPosition()
{
    if (!m_tag || m_tag->blobs.empty())
        return;
    const core::BlobEntry& entry = m_tag->blobs[valueIndex()];
    const int count = std::max(1, int(entry.count));
    {
        const QSignalBlocker blocker(m_sample);
        m_sample->setRange(1, count);
        m_sample->setSuffix(tr(" of %1").arg(count));
    }
    m_sample->setVisible(count > 1);
    const QDateTime wallTime = QDateTime::fromMSecsSinceEpoch(std::llround(entry.wallTime * 1000));
    // Values that share this step lie side by side on the slider: say which one this is.
    const auto stepOf = [this](int at) {
        const auto i = std::size_t(at);
        return m_tag->blobs[i < m_order.size() ? m_order[i] : i].step;
    };
    int before = 0, after = 0;
    while (position() - before > 0 && stepOf(position() - before - 1) == entry.step)
        ++before;
    while (position() + after < m_slider->maximum() && stepOf(position() + after + 1) == entry.step)
        ++after;
    const QString time = wallTime.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
    m_stepLabel->setText(before + after == 0 ? tr("Step %1 · %2").arg(entry.step).arg(time)
                                             : tr("Step %1 (%2 of %3) · %4")
                                                   .arg(entry.step)
                                                   .arg(before + 1)
                                                   .arg(before + after + 1)
                                                   .arg(time));
    m_slider->setToolTip(tr("Value %1 of %2").arg(position() + 1).arg(m_tag->blobs.size()));
    load();
}

void ImageCard::load()
{
    if (!m_seen || !m_tag || m_tag->blobs.empty())
        return;
    const ImageRequest request {
        core::blobReference(*m_run, *m_tag, valueIndex()), std::uint32_t(sample())};
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
