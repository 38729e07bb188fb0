#include "ui/dashboards/scalars/tag_chooser_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace lantern::ui {

TagChooserDialog::TagChooserDialog(
    const QStringList& tags, const QStringList& checked, QWidget* parent)
    : QDialog(parent)
    , m_initial(checked)
{
    setObjectName(QStringLiteral("tagChooser"));
    setWindowTitle(tr("Tags for this Chart"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("tagChooserFilter"));
    m_filter->setPlaceholderText(tr("Filter tags"));
    m_filter->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("tagChooserList"));
    for (const QString& tag : tags) {
        auto* item = new QListWidgetItem(tag, m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(tag) ? Qt::Checked : Qt::Unchecked);
    }
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Each checked tag draws a line per checked run."), this));
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);
    resize(420, 480);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemChanged, this, &TagChooserDialog::updateOk);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setHidden(
                !m_list->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    updateOk();
}

QStringList TagChooserDialog::checkedTags() const
{
    QStringList kept, added;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem* item = m_list->item(i);
        if (item->checkState() == Qt::Checked && !m_initial.contains(item->text()))
            added.append(item->text());
    }
    for (const QString& tag : m_initial)
        for (int i = 0; i < m_list->count(); ++i)
            if (m_list->item(i)->text() == tag && m_list->item(i)->checkState() == Qt::Checked)
                kept.append(tag);
    return kept + added;
}

bool TagChooserDialog::setChecked(const QString& tag, bool checked)
{
    const QList<QListWidgetItem*> items = m_list->findItems(tag, Qt::MatchExactly);
    if (items.isEmpty())
        return false;
    items.front()->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return true;
}

void TagChooserDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!checkedTags().isEmpty());
}

} // namespace lantern::ui
