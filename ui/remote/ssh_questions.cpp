#include "ui/remote/ssh_questions.h"

#include "core/remote/ssh_hosts.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QThread>
#include <QWidget>

#include <condition_variable>
#include <mutex>
#include <set>

namespace lantern::ui {

// What the hooks (called on the loader thread) share with the GUI thread.
struct SshQuestions::Bridge {
    std::mutex mutex;
    std::condition_variable answered;
    SshQuestions* owner = nullptr; // null once closed: every question is then declined
    std::set<std::string> refused; // questions declined, by what was asked

    // Runs `ask` on the owner's (GUI) thread and waits for it; `declined` when closed or
    // refused before.
    template <typename Answer, typename Ask>
    Answer onGuiThread(const std::string& question, Answer declined, Ask ask)
    {
        std::unique_lock lock(mutex);
        if (!owner || refused.contains(question))
            return declined;
        if (QThread::currentThread() == owner->thread()) {
            lock.unlock();
            Answer answer = ask();
            if (answer == declined)
                refuse(question);
            return answer;
        }
        struct Pending {
            bool done = false;
            Answer answer;
        };
        auto pending = std::make_shared<Pending>(Pending {false, declined});
        // Posted while the lock is held: the owner cannot be destroyed in between.
        QMetaObject::invokeMethod(
            owner,
            [this, pending, ask, declined, question] {
                Answer answer = ask();
                std::lock_guard guard(mutex);
                if (answer == declined)
                    refused.insert(question);
                pending->answer = std::move(answer);
                pending->done = true;
                answered.notify_all();
            },
            Qt::QueuedConnection);
        answered.wait(lock, [&] { return pending->done || !owner; });
        return pending->done ? pending->answer : declined;
    }

    void refuse(const std::string& question)
    {
        std::lock_guard guard(mutex);
        refused.insert(question);
    }
};

SshQuestions::SshQuestions(QWidget* parent)
    : QObject(parent)
    , m_parent(parent)
    , m_bridge(std::make_shared<Bridge>())
{
    m_bridge->owner = this;
    core::SshHosts::shared().setPrompt([bridge = m_bridge](const std::string& prompt, bool echo) {
        return bridge->onGuiThread(prompt, std::optional<std::string>(), [bridge, prompt, echo] {
            // On the GUI thread, the only one that changes the owner.
            return bridge->owner ? bridge->owner->askSecret(prompt, echo)
                                 : std::optional<std::string>();
        });
    });
    core::SshHosts::shared().setHostKeyQuestion(
        [bridge = m_bridge](const core::UnknownHostKey& unknown) {
            return bridge->onGuiThread(unknown.host + " " + unknown.key, false,
                [bridge, unknown] { return bridge->owner && bridge->owner->askHostKey(unknown); });
        });
    // Answered "declined" once shown, so each poll does not show it again.
    core::SshHosts::shared().setHostKeyWarning(
        [bridge = m_bridge](const core::ChangedHostKey& changed) {
            bridge->onGuiThread(changed.host + " " + changed.offeredKey, false, [bridge, changed] {
                if (bridge->owner)
                    bridge->owner->warnChangedHostKey(changed);
                return false;
            });
        });
}

SshQuestions::~SshQuestions()
{
    {
        std::lock_guard guard(m_bridge->mutex);
        m_bridge->owner = nullptr;
        m_bridge->answered.notify_all();
    }
    // After the waiting connection was released: it holds the hosts' lock meanwhile.
    core::SshHosts::shared().setPrompt({});
    core::SshHosts::shared().setHostKeyQuestion({});
    core::SshHosts::shared().setHostKeyWarning({});
}

void SshQuestions::forgetRefusals()
{
    std::lock_guard guard(m_bridge->mutex);
    m_bridge->refused.clear();
}

std::optional<std::string> SshQuestions::askSecret(const std::string& prompt, bool echo)
{
    QInputDialog dialog(m_parent);
    dialog.setObjectName(QStringLiteral("sshSecretDialog"));
    dialog.setWindowTitle(tr("SSH authentication"));
    dialog.setLabelText(QString::fromStdString(prompt));
    dialog.setTextEchoMode(echo ? QLineEdit::Normal : QLineEdit::Password);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.textValue().toStdString();
}

bool SshQuestions::askHostKey(const core::UnknownHostKey& unknown)
{
    QMessageBox box(QMessageBox::Question, tr("Unknown SSH host"),
        tr("<p>The host <b>%1</b> is not in your known_hosts, so its identity cannot be "
           "verified.</p><p>It offers this key:<br><code>%2</code></p>"
           "<p>Trust it only if that is the host's key (ask its administrator, or compare "
           "with <code>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code> on it). "
           "A trusted key is added to ~/.ssh/known_hosts.</p>")
            .arg(QString::fromStdString(unknown.host).toHtmlEscaped(),
                QString::fromStdString(unknown.key).toHtmlEscaped()),
        QMessageBox::NoButton, m_parent);
    box.setObjectName(QStringLiteral("hostKeyDialog"));
    QPushButton* trust = box.addButton(tr("Trust and Connect"), QMessageBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustHostKey"));
    QPushButton* cancel = box.addButton(tr("Do Not Connect"), QMessageBox::RejectRole);
    cancel->setObjectName(QStringLiteral("refuseHostKey"));
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == trust;
}

} // namespace lantern::ui

namespace lantern::ui {

void SshQuestions::warnChangedHostKey(const core::ChangedHostKey& changed)
{
    const auto html
        = [](const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); };
    QMessageBox box(QMessageBox::Warning, tr("SSH host key changed"),
        tr("<p><b>The host key of %1 has changed. Not connected.</b></p>"
           "<p>Someone may be impersonating the host (a man-in-the-middle attack), or its key "
           "was replaced.</p>"
           "<p>It now offers:<br><code>%2</code></p>"
           "<p>known_hosts records:<br><code>%3</code><br>at <code>%4</code></p>"
           "<p>If the change is expected (ask the host's administrator), remove the old key "
           "with <code>ssh-keygen -R '%1'</code>, then open the log directory again to accept "
           "the new one.</p>")
            .arg(html(changed.host), html(changed.offeredKey), html(changed.recordedKey),
                html(changed.knownHostsLine)),
        QMessageBox::NoButton, m_parent);
    box.setObjectName(QStringLiteral("changedHostKeyDialog"));
    QPushButton* close = box.addButton(tr("Do Not Connect"), QMessageBox::RejectRole);
    close->setObjectName(QStringLiteral("closeChangedHostKey"));
    box.setDefaultButton(close);
    box.exec();
}

} // namespace lantern::ui
