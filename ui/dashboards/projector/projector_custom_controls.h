#pragma once
// The controls of the Projector's custom projection (TensorBoard's "Custom" tab): the metadata
// column searched, and for each axis two searches (left and right for x, down and up for y),
// each plain text or a regular expression, with a line under each axis saying what its
// searches matched. No behaviour of its own (ProjectorDashboard wires it); each control has an
// object name.

#include <QString>
#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace lantern::ui {

// What the custom projection is asked for, as the view keeps it.
struct CustomSettings {
    QString column; // metadata column name
    std::array<QString, 4> text; // x left, x right, y down, y up
    std::array<bool, 4> regex {};

    bool operator==(const CustomSettings&) const = default;
};

class ProjectorCustomControls : public QWidget {
    Q_OBJECT
public:
    explicit ProjectorCustomControls(QWidget* parent = nullptr);

    CustomSettings settings() const;
    // The controls showing `settings` (without signals).
    void showSettings(const CustomSettings& settings);

    QComboBox* column = nullptr;
    std::array<QLineEdit*, 4> query {}; // x left, x right, y down, y up
    std::array<QCheckBox*, 4> regex {};
    std::array<QLabel*, 2> found {}; // per axis: the matches, or why it is flat

signals:
    // A search or the column changed.
    void settingsChanged();
};

} // namespace lantern::ui
