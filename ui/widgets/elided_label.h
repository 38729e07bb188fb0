#pragma once
// A one-line label that shortens its text with an ellipsis in the middle when it is too narrow
// ("train/…/accuracy"), so a long tag or run name keeps its start and its end; the whole text
// is then its tooltip. Layouts may shrink it below its text's width.

#include <QLabel>

namespace lantern::ui {

class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    // `toolTip`, when given, is shown whether or not the text is shortened.
    void setFullText(const QString& text, const QString& toolTip = QString());
    const QString& fullText() const { return m_fullText; }
    bool isElided() const { return text() != m_fullText; }

    QSize sizeHint() const override; // the whole text's
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void elide();

    QString m_fullText;
    QString m_toolTip;
};

} // namespace lantern::ui
