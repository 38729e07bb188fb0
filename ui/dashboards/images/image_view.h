#pragma once
// One image as a card shows it: fitted to the view (keeping its aspect ratio; small images are
// enlarged with sharp pixels, as image summaries are often a few pixels wide) or at its actual
// size, with brightness and contrast applied when drawn; or a message in its place. A click
// asks for the image enlarged.

#include "ui/dashboards/images/image_adjustment.h"

#include <QImage>
#include <QPixmap>
#include <QWidget>

namespace lantern::ui {

class ImageView : public QWidget {
    Q_OBJECT
public:
    explicit ImageView(QWidget* parent = nullptr);

    // Shows `image` (clearing any message); fitted views smaller than `preview`, a reduced
    // copy made off the GUI thread (or null), draw from it instead.
    void setImage(const QImage& image, const QImage& preview = QImage());
    // Shows why there is no image instead (an empty message shows the image again).
    void setMessage(const QString& message);
    // While loading, the previous image stays, marked as such.
    void setLoading(bool loading);
    void setOptions(const ImageDisplayOptions& options);

    const QImage& image() const { return m_image; }
    QString message() const { return m_message; }
    bool isLoading() const { return m_loading; }
    // The image as shown, at its full size: brightness and contrast applied.
    QImage adjustedImage() const;
    // Where the image is drawn in the view (empty when none is).
    QRect imageRect() const;

signals:
    void clicked();
    // Painted, so seen: cards load their image only once it is.
    void painted();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void updateSize();

    QImage m_image;
    QImage m_preview;
    QString m_message;
    bool m_loading = false;
    ImageDisplayOptions m_options;
    QPixmap m_drawn; // m_image scaled to m_drawn's size and adjusted; redone when stale
    bool m_drawnStale = true;
};

} // namespace lantern::ui
