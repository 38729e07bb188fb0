#pragma once
// Fixing a chart's axis ranges: a minimum and a maximum for x and for y, each optional (empty
// follows the data). x is in the units of the x axis shown; y in values, also on a log axis.

#include "ui/widgets/line_plot.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace lantern::ui {

class AxisRangeDialog : public QDialog {
    Q_OBJECT
public:
    AxisRangeDialog(const LinePlot::AxisLimits& x, const LinePlot::AxisLimits& y,
        const QString& xUnits, QWidget* parent = nullptr);

    // What the fields say; only meaningful while isValid().
    LinePlot::AxisLimits xLimits() const;
    LinePlot::AxisLimits yLimits() const;
    // Every field empty or a number, and each min below its max.
    bool isValid() const;

    QLineEdit* field(const QString& objectName) const;
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void updateOk();

    QLineEdit* m_xMin = nullptr;
    QLineEdit* m_xMax = nullptr;
    QLineEdit* m_yMin = nullptr;
    QLineEdit* m_yMax = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace lantern::ui
