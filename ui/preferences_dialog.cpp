#include "ui/preferences_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>

namespace lantern::ui {

PreferencesDialog::PreferencesDialog(const Preferences& current, QWidget* parent)
    : QDialog(parent)
    , m_theme(new QComboBox(this))
    , m_reload(new QDoubleSpinBox(this))
    , m_smoothing(new QDoubleSpinBox(this))
    , m_restore(new QCheckBox(this))
    , m_keepOrphaned(new QCheckBox(this))
{
    setWindowTitle(tr("Preferences"));
    for (const auto theme :
        {Preferences::Theme::System, Preferences::Theme::Light, Preferences::Theme::Dark})
        m_theme->addItem(Preferences::themeName(theme), static_cast<int>(theme));
    m_theme->setCurrentIndex(m_theme->findData(static_cast<int>(current.theme)));
    m_theme->setObjectName(QStringLiteral("theme"));
    m_reload->setRange(0.1, 3600);
    m_reload->setDecimals(1);
    m_reload->setSuffix(tr(" s"));
    m_reload->setValue(current.reloadSeconds);
    m_reload->setObjectName(QStringLiteral("reloadSeconds"));
    m_smoothing->setRange(0, 0.999);
    m_smoothing->setDecimals(3);
    m_smoothing->setSingleStep(0.05);
    m_smoothing->setValue(current.smoothing);
    m_smoothing->setObjectName(QStringLiteral("smoothing"));
    m_restore->setText(tr("Reopen the last session's log directories"));
    m_restore->setChecked(current.restoreLogdirs);
    m_restore->setObjectName(QStringLiteral("restoreLogdirs"));
    m_keepOrphaned->setText(tr("Keep every point as written"));
    m_keepOrphaned->setToolTip(tr("As TensorBoard does, Lantern otherwise lets a point replace the "
                                  "points of its series read before it with the same or a later "
                                  "step (a restarted or repeated step)."));
    m_keepOrphaned->setChecked(current.keepOrphanedData);
    m_keepOrphaned->setObjectName(QStringLiteral("keepOrphanedData"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Theme:"), m_theme);
    form->addRow(tr("Reload every:"), m_reload);
    form->addRow(tr("Default smoothing:"), m_smoothing);
    form->addRow(QString(), m_restore);
    form->addRow(QString(), m_keepOrphaned);
    form->addRow(buttons);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences result;
    result.theme = static_cast<Preferences::Theme>(m_theme->currentData().toInt());
    result.reloadSeconds = m_reload->value();
    result.smoothing = m_smoothing->value();
    result.restoreLogdirs = m_restore->isChecked();
    result.keepOrphanedData = m_keepOrphaned->isChecked();
    return result;
}

} // namespace lantern::ui
