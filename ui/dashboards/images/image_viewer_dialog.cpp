#include "ui/dashboards/images/image_viewer_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>

namespace lantern::ui {

ImageViewerDialog::ImageViewerDialog(
    const QImage& image, const QString& title, std::function<void()> save, QWidget* parent)
    : QDialog(parent)
    , m_image(image)
{
    setObjectName(QStringLiteral("imageViewer"));
    setWindowTitle(title);
    m_label = new QLabel;
    m_label->setObjectName(QStringLiteral("enlargedImage"));
    m_label->setAlignment(Qt::AlignCenter);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_label);
    scroll->setWidgetResizable(true); // centred when smaller than the window, scrolled when larger
    m_zoom = new QComboBox(this);
    m_zoom->setObjectName(QStringLiteral("zoom"));
    for (const double factor : {0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0})
        m_zoom->addItem(QStringLiteral("%1 %").arg(factor * 100), factor);
    m_zoom->setCurrentIndex(m_zoom->findData(1.0));
    showZoomed(1.0);
    connect(m_zoom, &QComboBox::currentIndexChanged, this,
        [this] { showZoomed(m_zoom->currentData().toDouble()); });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* saveButton = buttons->addButton(tr("Save as PNG…"), QDialogButtonBox::ActionRole);
    saveButton->setObjectName(QStringLiteral("saveImage"));
    connect(saveButton, &QPushButton::clicked, this, [save = std::move(save)] { save(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(new QLabel(tr("Zoom"), this));
    bottom->addWidget(m_zoom);
    bottom->addWidget(buttons, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addLayout(bottom);

    // As large as the image needs, within most of the screen.
    const QSize room = (screen() ? screen()->availableSize() : QSize(1280, 800)) * 0.9;
    resize(image.size().grownBy({24, 24, 24, 72}).boundedTo(room).expandedTo({320, 240}));
}

void ImageViewerDialog::showZoomed(double factor)
{
    const QSize size = (QSizeF(m_image.size()) * factor).toSize().expandedTo({1, 1});
    const QImage zoomed = factor == 1.0
        ? m_image
        : m_image.scaled(size, Qt::IgnoreAspectRatio,
            factor > 1.0 ? Qt::FastTransformation : Qt::SmoothTransformation);
    m_label->setPixmap(QPixmap::fromImage(zoomed));
    m_label->setMinimumSize(size);
}

} // namespace lantern::ui
