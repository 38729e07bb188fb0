#pragma once
// Choosing the tags of a custom chart: every scalar tag in a checkable list, with a filter.
// The tags checked when it opened come first in the result, in their order, then the newly
// checked ones in list order, so a chart keeps its line styles when a tag is added.

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QListWidget;

namespace lantern::ui {

class TagChooserDialog : public QDialog {
    Q_OBJECT
public:
    TagChooserDialog(
        const QStringList& tags, const QStringList& checked, QWidget* parent = nullptr);

    QStringList checkedTags() const;
    QListWidget* list() const { return m_list; }
    QLineEdit* filter() const { return m_filter; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    // Checks or unchecks a tag (as a click on its box does); false when it is not listed.
    bool setChecked(const QString& tag, bool checked);

private:
    void updateOk();

    QStringList m_initial;
    QLineEdit* m_filter = nullptr;
    QListWidget* m_list = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace lantern::ui
