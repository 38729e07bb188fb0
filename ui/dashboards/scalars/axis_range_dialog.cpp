#include "ui/dashboards/scalars/axis_range_dialog.h"

#include "ui/widgets/scalar_export.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace lantern::ui {
namespace {

// Empty: no limit. Otherwise a finite number in the C locale (a dot for decimals), or nullopt
// in `ok` = false.
std::optional<double> parseLimit(const QLineEdit* field, bool* ok)
{
    const QString text = field->text().trimmed();
    *ok = true;
    if (text.isEmpty())
        return std::nullopt;
    const double value = text.toDouble(ok);
    *ok = *ok && std::isfinite(value);
    return *ok ? std::optional(value) : std::nullopt;
}

bool ordered(const LinePlot::AxisLimits& limits)
{
    return !limits.min || !limits.max || *limits.min < *limits.max;
}

} // namespace

AxisRangeDialog::AxisRangeDialog(const LinePlot::AxisLimits& x, const LinePlot::AxisLimits& y,
    const QString& xUnits, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("axisRangeDialog"));
    setWindowTitle(tr("Axis Ranges"));
    auto field = [this](const char* name, const std::optional<double>& value) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(tr("auto"));
        if (value)
            edit->setText(exactNumber(*value));
        connect(edit, &QLineEdit::textChanged, this, &AxisRangeDialog::updateOk);
        return edit;
    };
    m_xMin = field("xMin", x.min);
    m_xMax = field("xMax", x.max);
    m_yMin = field("yMin", y.min);
    m_yMax = field("yMax", y.max);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("axisRangeProblem"));

    auto* grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Minimum"), this), 0, 1);
    grid->addWidget(new QLabel(tr("Maximum"), this), 0, 2);
    grid->addWidget(new QLabel(tr("X (%1)").arg(xUnits), this), 1, 0);
    grid->addWidget(m_xMin, 1, 1);
    grid->addWidget(m_xMax, 1, 2);
    grid->addWidget(new QLabel(tr("Y"), this), 2, 0);
    grid->addWidget(m_yMin, 2, 1);
    grid->addWidget(m_yMax, 2, 2);

    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Reset, this);
    m_buttons->button(QDialogButtonBox::Reset)->setText(tr("All automatic"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this, [this] {
        for (QLineEdit* edit : {m_xMin, m_xMax, m_yMin, m_yMax})
            edit->clear();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Leave a field empty to follow the data."), this));
    layout->addLayout(grid);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    updateOk();
}

LinePlot::AxisLimits AxisRangeDialog::xLimits() const
{
    bool ok = false;
    return {parseLimit(m_xMin, &ok), parseLimit(m_xMax, &ok)};
}

LinePlot::AxisLimits AxisRangeDialog::yLimits() const
{
    bool ok = false;
    return {parseLimit(m_yMin, &ok), parseLimit(m_yMax, &ok)};
}

bool AxisRangeDialog::isValid() const
{
    bool allOk = true;
    for (const QLineEdit* edit : {m_xMin, m_xMax, m_yMin, m_yMax}) {
        bool ok = false;
        parseLimit(edit, &ok);
        allOk = allOk && ok;
    }
    return allOk && ordered(xLimits()) && ordered(yLimits());
}

QLineEdit* AxisRangeDialog::field(const QString& objectName) const
{
    return findChild<QLineEdit*>(objectName);
}

void AxisRangeDialog::updateOk()
{
    const bool valid = isValid();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_problem->setText(
        valid ? QString() : tr("Each field takes a number, each minimum below its maximum."));
}

} // namespace lantern::ui
