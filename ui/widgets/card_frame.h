#pragma once
// A card's frame as every card tab draws it: the tag in bold, the run in its colour and the
// "⋯" menu button in the title row, the card's own widgets below. The menu (from the button or
// a right click) is filled by the owner just before it shows.

#include <QFrame>

#include <functional>

class QLabel;
class QMenu;
class QVBoxLayout;

namespace lantern::ui {

class CardFrame : public QFrame {
    Q_OBJECT
public:
    using MenuFiller = std::function<void(QMenu* menu)>;

    CardFrame(const QString& tag, MenuFiller fillMenu, QWidget* parent = nullptr);

    // The run label ("cardRun"): a square in the run's colour, then its name.
    void setRun(const QString& run, const QColor& color);
    // Where the card's widgets go, below the title row.
    QVBoxLayout* body() const { return m_body; }

private:
    QLabel* m_runLabel = nullptr;
    QVBoxLayout* m_body = nullptr;
};

} // namespace lantern::ui
