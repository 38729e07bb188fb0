#include "ui/dashboards/projector/projector_custom_controls.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace lantern::ui {
namespace {

constexpr const char* kQueryNames[4] = {"customXLeft", "customXRight", "customYDown", "customYUp"};

} // namespace

ProjectorCustomControls::ProjectorCustomControls(QWidget* parent)
    : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    column = new QComboBox(this);
    column->setObjectName(QStringLiteral("customColumn"));
    form->addRow(tr("Search by"), column);
    connect(
        column, &QComboBox::currentIndexChanged, this, &ProjectorCustomControls::settingsChanged);
    const QString labels[4] = {tr("X left"), tr("X right"), tr("Y down"), tr("Y up")};
    for (std::size_t i = 0; i < 4; ++i) {
        query[i] = new QLineEdit(this);
        query[i]->setObjectName(QString::fromLatin1(kQueryNames[i]));
        query[i]->setPlaceholderText(tr("search"));
        regex[i] = new QCheckBox(tr(".*"), this);
        regex[i]->setObjectName(QString::fromLatin1(kQueryNames[i]) + QStringLiteral("Regex"));
        regex[i]->setToolTip(tr("A regular expression"));
        auto* row = new QHBoxLayout;
        row->addWidget(query[i], 1);
        row->addWidget(regex[i]);
        form->addRow(labels[i], row);
        connect(query[i], &QLineEdit::textChanged, this, &ProjectorCustomControls::settingsChanged);
        connect(regex[i], &QCheckBox::toggled, this, &ProjectorCustomControls::settingsChanged);
        if (i % 2 == 1) {
            QLabel*& line = found[i / 2];
            line = new QLabel(this);
            line->setObjectName(
                i < 2 ? QStringLiteral("customXFound") : QStringLiteral("customYFound"));
            line->setWordWrap(true);
            line->setTextFormat(Qt::PlainText);
            form->addRow(line);
        }
    }
}

CustomSettings ProjectorCustomControls::settings() const
{
    CustomSettings settings;
    settings.column = column->currentText();
    for (std::size_t i = 0; i < 4; ++i) {
        settings.text[i] = query[i]->text();
        settings.regex[i] = regex[i]->isChecked();
    }
    return settings;
}

void ProjectorCustomControls::showSettings(const CustomSettings& settings)
{
    const QSignalBlocker blocker(this);
    column->setCurrentIndex(std::max(0, column->findText(settings.column)));
    for (std::size_t i = 0; i < 4; ++i) {
        query[i]->setText(settings.text[i]);
        regex[i]->setChecked(settings.regex[i]);
    }
}

} // namespace lantern::ui
