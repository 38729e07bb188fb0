#pragma once
// The app's answers to what an SSH connection must ask the person: whether to trust a host
// not yet in known_hosts (its fingerprint shown), a key's passphrase, a password or a
// keyboard-interactive answer; and a warning when a host's key changed (it is refused). Dialogs on
// the GUI thread; the connection runs on the loader thread and waits for the answer. Answers are
// never stored. A question declined is not asked again (each poll would ask it) until
// forgetRefusals(), when the person opens logdirs anew.

#include "core/remote/ssh_prompt.h"

#include <QObject>

#include <memory>

class QWidget;

namespace lantern::ui {

class SshQuestions : public QObject {
    Q_OBJECT
public:
    // Installs the dialogs as the shared SSH hosts' prompt and host-key question, with
    // `parent` as the dialogs' parent.
    explicit SshQuestions(QWidget* parent);
    // Answers "no" to any question a connection still waits for, then uninstalls itself.
    ~SshQuestions() override;

    void forgetRefusals();

private:
    struct Bridge;
    std::optional<std::string> askSecret(const std::string& prompt, bool echo);
    bool askHostKey(const core::UnknownHostKey& unknown);
    void warnChangedHostKey(const core::ChangedHostKey& changed);

    QWidget* m_parent;
    std::shared_ptr<Bridge> m_bridge;
};

} // namespace lantern::ui
