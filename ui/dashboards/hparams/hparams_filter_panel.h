#pragma once
// The HParams tab's filters, one box per hparam: a checkbox per value for categorical hparams
// (and numeric ones declared with a discrete domain), min and max fields for other numeric ones;
// then a checkbox per session status. The boxes are rebuilt when the hparams or their values
// change, from the filter model's state, so what was unchecked stays unchecked.

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QVBoxLayout;

namespace lantern::ui {

class HParamsFilterModel;

class HParamsFilterPanel : public QWidget {
    Q_OBJECT
public:
    explicit HParamsFilterPanel(HParamsFilterModel* filter, QWidget* parent = nullptr);

    // Rebuilds the boxes if the hparams or their values changed.
    void refresh();

    // The checkbox for one value of a categorical hparam ("" is "not set"), or nullptr.
    QCheckBox* valueBox(const QString& hparam, const QString& value) const;
    // The min or max field of a numeric hparam, or nullptr.
    QLineEdit* minField(const QString& hparam) const;
    QLineEdit* maxField(const QString& hparam) const;
    QCheckBox* statusBox(const QString& status) const;

private:
    void rebuild();
    void addValueBoxes(QVBoxLayout* layout, const QString& hparam, const QStringList& values);
    void addRangeFields(QVBoxLayout* layout, const QString& hparam, int column);
    void addStatusBoxes();
    void showRangeHints(QLineEdit* min, QLineEdit* max, int column) const;
    QString signature() const;

    HParamsFilterModel* m_filter;
    QWidget* m_content = nullptr;
    QString m_signature;
};

} // namespace lantern::ui
