#pragma once
// The HParams tab's filters: a regular expression over session names, then one box per hparam:
// a checkbox per value for categorical hparams (and numeric ones declared with a discrete
// domain), min and max fields for other numeric ones; min and max fields per metric; then a
// checkbox per session status. The boxes are rebuilt when the hparams or their values
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
    // A metric's min or max field, by its column key ("metric:loss").
    QLineEdit* metricMinField(const QString& key) const { return minField(key); }
    QLineEdit* metricMaxField(const QString& key) const { return maxField(key); }
    QLineEdit* sessionPatternField() const { return m_pattern; }

private:
    void rebuild();
    void addValueBoxes(QVBoxLayout* layout, const QString& hparam, const QStringList& values);
    // `name` is an hparam's name, or a metric's column key when `metric`.
    void addRangeFields(QVBoxLayout* layout, const QString& name, int column, bool metric);
    void applySessionPattern();
    void addStatusBoxes();
    void showRangeHints(QLineEdit* min, QLineEdit* max, int column) const;
    QString signature() const;

    HParamsFilterModel* m_filter;
    QLineEdit* m_pattern;
    QWidget* m_content = nullptr;
    QString m_signature;
};

} // namespace lantern::ui
