#pragma once
// An image enlarged: at its actual size (or zoomed in or out, pixels kept sharp when enlarged),
// scrolling when larger than the window, with a button to save it as PNG.

#include <QDialog>
#include <QImage>

#include <functional>

class QComboBox;
class QLabel;

namespace lantern::ui {

class ImageViewerDialog : public QDialog {
    Q_OBJECT
public:
    // `save` is called by the dialog's "Save as PNG…" button.
    ImageViewerDialog(const QImage& image, const QString& title, std::function<void()> save,
        QWidget* parent = nullptr);

    const QImage& image() const { return m_image; }
    QLabel* imageLabel() const { return m_label; }
    QComboBox* zoomBox() const { return m_zoom; }

private:
    void showZoomed(double factor);

    QImage m_image;
    QLabel* m_label = nullptr;
    QComboBox* m_zoom = nullptr;
};

} // namespace lantern::ui
