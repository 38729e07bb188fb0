#pragma once
// File › Open Remote Log Directory…: host, user, port and path, made into the
// ssh://[user@]host[:port]/path spec the loader reads. OK stays disabled, with the reason
// shown, until the fields make a valid URL.

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace lantern::ui {

class RemoteLogdirDialog : public QDialog {
    Q_OBJECT
public:
    explicit RemoteLogdirDialog(QWidget* parent = nullptr);

    // The spec the fields make; empty while they are not valid (problem() says why).
    QString spec() const;
    QString problem() const;

private:
    QString url() const; // what the fields make, valid or not
    void validate();

    QLineEdit* m_host;
    QLineEdit* m_user;
    QSpinBox* m_port; // 0: the port ~/.ssh/config gives, else 22
    QLineEdit* m_path;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace lantern::ui
