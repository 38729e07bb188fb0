#include "ui/widgets/step_range_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>

#include <algorithm>
#include <limits>

namespace lantern::ui {
namespace {

int toBoxValue(std::int64_t step)
{
    return int(std::clamp<std::int64_t>(
        step, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

} // namespace

StepRangeBar::StepRangeBar(QWidget* parent)
    : QWidget(parent)
{
    m_from = new QSpinBox(this);
    m_from->setObjectName(QStringLiteral("stepFrom"));
    m_to = new QSpinBox(this);
    m_to->setObjectName(QStringLiteral("stepTo"));
    for (QSpinBox* box : {m_from, m_to}) {
        box->setKeyboardTracking(false); // one update per entered number, not per digit
        box->setAccelerated(true);
        box->setMinimumWidth(90);
    }
    m_from->setToolTip(tr("First step shown"));
    m_to->setToolTip(tr("Last step shown; left at the newest step, it follows new steps"));
    m_all = new QToolButton(this);
    m_all->setObjectName(QStringLiteral("stepAll"));
    m_all->setText(tr("All"));
    m_all->setToolTip(tr("Show every step"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Steps"), this));
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to"), this));
    layout->addWidget(m_to);
    layout->addWidget(m_all);

    connect(m_from, &QSpinBox::valueChanged, this, &StepRangeBar::fromEdited);
    connect(m_to, &QSpinBox::valueChanged, this, &StepRangeBar::toEdited);
    connect(m_all, &QToolButton::clicked, this, &StepRangeBar::reset);
    setExtent(std::nullopt);
}

void StepRangeBar::setExtent(std::optional<std::pair<std::int64_t, std::int64_t>> extent)
{
    setEnabled(extent.has_value());
    m_extentFirst = extent ? extent->first : 0;
    m_extentLast = extent ? extent->second : 0;
    showBounds();
}

StepRange StepRangeBar::range() const
{
    StepRange range;
    if (m_first)
        range.first = *m_first;
    if (m_last)
        range.last = *m_last;
    return range;
}

void StepRangeBar::reset()
{
    if (!m_first && !m_last)
        return;
    m_first.reset();
    m_last.reset();
    showBounds();
    emit rangeChanged(range());
}

void StepRangeBar::showBounds()
{
    const QSignalBlocker blockFrom(m_from), blockTo(m_to);
    const int lo = toBoxValue(m_extentFirst), hi = toBoxValue(m_extentLast);
    const int from = std::clamp(toBoxValue(m_first.value_or(m_extentFirst)), lo, hi);
    const int to = std::clamp(toBoxValue(m_last.value_or(m_extentLast)), from, hi);
    // Each box stops at the other's value, so the range never turns inside out.
    m_from->setRange(lo, to);
    m_to->setRange(from, hi);
    m_from->setValue(from);
    m_to->setValue(to);
    const int stride = int(std::max<std::int64_t>(1, (std::int64_t(hi) - lo) / 100));
    m_from->setSingleStep(stride);
    m_to->setSingleStep(stride);
}

void StepRangeBar::fromEdited(int value)
{
    // Back at the first step, the bound lets go again (and takes in earlier steps if any come).
    if (value <= m_extentFirst)
        m_first.reset();
    else
        m_first = value;
    showBounds();
    emit rangeChanged(range());
}

void StepRangeBar::toEdited(int value)
{
    if (value >= m_extentLast)
        m_last.reset();
    else
        m_last = value;
    showBounds();
    emit rangeChanged(range());
}

} // namespace lantern::ui
