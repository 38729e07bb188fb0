#pragma once
// Edit > Preferences: theme, reload interval, default smoothing, reopening the last session,
// keeping every point as written.

#include "ui/preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

namespace lantern::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences& current, QWidget* parent = nullptr);
    Preferences preferences() const;

private:
    QComboBox* m_theme;
    QDoubleSpinBox* m_reload;
    QDoubleSpinBox* m_smoothing;
    QCheckBox* m_restore;
    QCheckBox* m_keepOrphaned;
};

} // namespace lantern::ui
