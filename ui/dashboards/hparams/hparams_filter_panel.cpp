#include "ui/dashboards/hparams/hparams_filter_panel.h"

#include "ui/dashboards/hparams/hparams_filter_model.h"
#include "ui/dashboards/hparams/hparams_table_model.h"
#include "ui/widgets/axis_ticks.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace lantern::ui {
namespace {

using ColumnKind = HParamsTableModel::ColumnKind;

QString hparamName(const HParamsTableModel& table, int column)
{
    return QString::fromStdString(
        table.table().experiment.hparams[table.columns()[column].index].name);
}

// Numeric hparams declared with a discrete domain (16, 32, 64 units) filter by value too.
bool isCategorical(const HParamsTableModel& table, int column)
{
    const auto& c = table.columns()[column];
    return !c.numeric || !table.table().experiment.hparams[c.index].discreteDomain.empty();
}

bool anyUnset(const HParamsTableModel& table, int column)
{
    for (int row = 0; row < table.rowCount(); ++row)
        if (table.valueText(row, column).isEmpty())
            return true;
    return false;
}

std::optional<double> parsedBound(const QLineEdit* field)
{
    bool ok = false;
    const double value = field->text().trimmed().toDouble(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

} // namespace

HParamsFilterPanel::HParamsFilterPanel(HParamsFilterModel* filter, QWidget* parent)
    : QWidget(parent)
    , m_filter(filter)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_pattern = new QLineEdit(this);
    m_pattern->setObjectName(QStringLiteral("sessionPattern"));
    m_pattern->setPlaceholderText(tr("Filter sessions (regex)"));
    m_pattern->setClearButtonEnabled(true);
    connect(m_pattern, &QLineEdit::textChanged, this, &HParamsFilterPanel::applySessionPattern);
    layout->addWidget(m_pattern);
    rebuild();
}

void HParamsFilterPanel::applySessionPattern()
{
    const QRegularExpression pattern(m_pattern->text());
    // A pattern being typed may be invalid for a moment: say so, and keep the last valid one.
    m_pattern->setToolTip(pattern.isValid() ? QString() : pattern.errorString());
    m_pattern->setStyleSheet(
        pattern.isValid() ? QString() : QStringLiteral("QLineEdit { color: #c62828; }"));
    if (pattern.isValid())
        m_filter->setSessionPattern(m_pattern->text());
}

QString HParamsFilterPanel::signature() const
{
    const HParamsTableModel& table = *m_filter->table();
    QStringList parts;
    for (int column = 0; column < int(table.columns().size()); ++column) {
        if (table.columns()[column].kind == ColumnKind::Metric)
            parts.append(table.columns()[column].key);
        if (table.columns()[column].kind != ColumnKind::HParam)
            continue;
        parts.append(table.columns()[column].key);
        if (isCategorical(table, column))
            parts.append(
                table.categories(column).join(QChar(1)) + (anyUnset(table, column) ? "+" : ""));
    }
    return parts.join(QChar(2));
}

void HParamsFilterPanel::refresh()
{
    if (signature() != m_signature) {
        rebuild();
        return;
    }
    // Same boxes; a numeric range may have grown. Its hints change, the fields stay as typed.
    const HParamsTableModel& table = *m_filter->table();
    for (int column = 0; column < int(table.columns().size()); ++column) {
        if (table.columns()[column].kind != ColumnKind::HParam)
            continue;
        const QString name = table.columns()[column].kind == ColumnKind::Metric
            ? table.columns()[column].key
            : hparamName(table, column);
        if (QLineEdit* min = minField(name))
            showRangeHints(min, maxField(name), column);
    }
}

void HParamsFilterPanel::showRangeHints(QLineEdit* min, QLineEdit* max, int column) const
{
    if (const auto range = m_filter->table()->range(column)) {
        min->setPlaceholderText(AxisTicks::formatNumber(range->first));
        max->setPlaceholderText(AxisTicks::formatNumber(range->second));
    }
}

void HParamsFilterPanel::rebuild()
{
    m_signature = signature();
    delete m_content;
    m_content = new QWidget(this);
    auto* layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    const HParamsTableModel& table = *m_filter->table();
    for (int column = 0; column < int(table.columns().size()); ++column) {
        if (table.columns()[column].kind != ColumnKind::HParam)
            continue;
        auto* box = new QGroupBox(table.columns()[column].title, m_content);
        auto* boxLayout = new QVBoxLayout(box);
        const QString name = hparamName(table, column);
        if (isCategorical(table, column))
            addValueBoxes(boxLayout, name,
                table.categories(column)
                    + (anyUnset(table, column) ? QStringList {QString()} : QStringList {}));
        else
            addRangeFields(boxLayout, name, column, false);
        layout->addWidget(box);
    }
    for (int column = 0; column < int(table.columns().size()); ++column) {
        if (table.columns()[column].kind != ColumnKind::Metric)
            continue;
        auto* box = new QGroupBox(table.columns()[column].title, m_content);
        addRangeFields(new QVBoxLayout(box), table.columns()[column].key, column, true);
        layout->addWidget(box);
    }
    addStatusBoxes();
    layout->addStretch(1);
    static_cast<QVBoxLayout*>(this->layout())->insertWidget(1, m_content);
    m_content->show(); // now, not when the layout gets round to it
}

void HParamsFilterPanel::addValueBoxes(
    QVBoxLayout* layout, const QString& hparam, const QStringList& values)
{
    const QSet<QString> hidden = m_filter->hiddenValues(hparam);
    for (const QString& value : values) {
        auto* check
            = new QCheckBox(value.isEmpty() ? tr("(not set)") : value, layout->parentWidget());
        check->setObjectName(QStringLiteral("value:%1:%2").arg(hparam, value));
        check->setChecked(!hidden.contains(value));
        connect(check, &QCheckBox::toggled, this, [this, hparam, value](bool checked) {
            QSet<QString> texts = m_filter->hiddenValues(hparam);
            if (checked)
                texts.remove(value);
            else
                texts.insert(value);
            m_filter->setHiddenValues(hparam, texts);
        });
        layout->addWidget(check);
    }
}

void HParamsFilterPanel::addRangeFields(
    QVBoxLayout* layout, const QString& name, int column, bool metric)
{
    auto* form = new QFormLayout;
    const HParamsRange current = metric ? m_filter->metricRange(name) : m_filter->range(name);
    QLineEdit* fields[2];
    for (int i = 0; i < 2; ++i) {
        fields[i] = new QLineEdit(layout->parentWidget());
        fields[i]->setMinimumWidth(50);
        fields[i]->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        fields[i]->setObjectName((i == 0 ? QStringLiteral("min:") : QStringLiteral("max:")) + name);
        const std::optional<double> bound = i == 0 ? current.min : current.max;
        if (bound)
            fields[i]->setText(QString::number(*bound, 'g', 17));
        form->addRow(i == 0 ? tr("Min") : tr("Max"), fields[i]);
    }
    showRangeHints(fields[0], fields[1], column);
    const auto apply = [this, name, metric, min = fields[0], max = fields[1]] {
        const HParamsRange range {parsedBound(min), parsedBound(max)};
        if (metric)
            m_filter->setMetricRange(name, range);
        else
            m_filter->setRange(name, range);
    };
    for (QLineEdit* field : fields)
        connect(field, &QLineEdit::editingFinished, this, apply);
    layout->addLayout(form);
}

void HParamsFilterPanel::addStatusBoxes()
{
    auto* box = new QGroupBox(tr("Status"), m_content);
    auto* boxLayout = new QVBoxLayout(box);
    for (const auto status : {core::SessionEndStatus::Success, core::SessionEndStatus::Failure,
             core::SessionEndStatus::Running, core::SessionEndStatus::Unknown}) {
        const QString text = HParamsTableModel::statusText(status);
        auto* check = new QCheckBox(text, box);
        check->setObjectName(QStringLiteral("status:") + text);
        check->setChecked(m_filter->isStatusShown(status));
        connect(check, &QCheckBox::toggled, this,
            [this, status](bool checked) { m_filter->setStatusShown(status, checked); });
        boxLayout->addWidget(check);
    }
    m_content->layout()->addWidget(box);
}

QCheckBox* HParamsFilterPanel::valueBox(const QString& hparam, const QString& value) const
{
    return findChild<QCheckBox*>(QStringLiteral("value:%1:%2").arg(hparam, value));
}

QLineEdit* HParamsFilterPanel::minField(const QString& hparam) const
{
    return findChild<QLineEdit*>(QStringLiteral("min:") + hparam);
}

QLineEdit* HParamsFilterPanel::maxField(const QString& hparam) const
{
    return findChild<QLineEdit*>(QStringLiteral("max:") + hparam);
}

QCheckBox* HParamsFilterPanel::statusBox(const QString& status) const
{
    return findChild<QCheckBox*>(QStringLiteral("status:") + status);
}

} // namespace lantern::ui
