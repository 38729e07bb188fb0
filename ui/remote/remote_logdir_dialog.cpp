#include "ui/remote/remote_logdir_dialog.h"

#include "core/remote/ssh_url.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace lantern::ui {

RemoteLogdirDialog::RemoteLogdirDialog(QWidget* parent)
    : QDialog(parent)
    , m_host(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_path(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("remoteLogdirDialog"));
    setWindowTitle(tr("Open Remote Log Directory"));
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("gpu-box, an ~/.ssh/config alias, or an address"));
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(tr("as ~/.ssh/config or your login name gives"));
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setPlaceholderText(tr("/home/me/runs"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    auto* explanation = new QLabel(
        tr("Event files are read over SFTP; nothing needs to be installed on the host. "
           "Keys come from ssh-agent and ~/.ssh, host keys are checked against known_hosts."),
        this);
    explanation->setWordWrap(true);

    auto* form = new QFormLayout(this);
    form->addRow(explanation);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&Path:"), m_path);
    form->addRow(m_problem);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* field : {m_host, m_user, m_path})
        connect(field, &QLineEdit::textChanged, this, &RemoteLogdirDialog::validate);
    connect(m_port, &QSpinBox::valueChanged, this, &RemoteLogdirDialog::validate);
    validate();
}

QString RemoteLogdirDialog::problem() const
{
    const QString host = m_host->text().trimmed();
    const QString user = m_user->text().trimmed();
    const QString path = m_path->text().trimmed();
    if (host.isEmpty())
        return tr("Enter the host.");
    if (host.contains(QLatin1Char(' ')) || host.contains(QLatin1Char('/'))
        || host.contains(QLatin1Char('@')))
        return tr("The host is a name or an address, without spaces, '/' or '@'.");
    if (user.contains(QLatin1Char(' ')) || user.contains(QLatin1Char('@'))
        || user.contains(QLatin1Char('/')) || user.contains(QLatin1Char(':')))
        return tr("The user name cannot hold spaces, '@', '/' or ':'.");
    if (path.isEmpty())
        return tr("Enter the log directory's path on the host.");
    if (!path.startsWith(QLatin1Char('/')))
        return tr("The path must be absolute (start with '/').");
    if (path.contains(QLatin1Char(',')))
        return tr("The path cannot hold ',' (it separates log directories).");
    std::string error;
    if (!core::parseSshUrl(url().toStdString(), &error))
        return QString::fromStdString(error);
    return {};
}

QString RemoteLogdirDialog::spec() const
{
    return problem().isEmpty() ? url() : QString();
}

QString RemoteLogdirDialog::url() const
{
    const QString host = m_host->text().trimmed();
    const QString user = m_user->text().trimmed();
    // An IPv6 address is bracketed, as in any URL, so its colons are not taken for a port.
    QString text = QStringLiteral("ssh://");
    if (!user.isEmpty())
        text += user + QLatin1Char('@');
    text += host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('['))
        ? QLatin1Char('[') + host + QLatin1Char(']')
        : host;
    if (m_port->value() > 0)
        text += QLatin1Char(':') + QString::number(m_port->value());
    return text + m_path->text().trimmed();
}

void RemoteLogdirDialog::validate()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

} // namespace lantern::ui
