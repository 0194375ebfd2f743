#pragma once
// SignInDialog: asks for a bearer token for one kubeconfig context whose credentials the server
// refused (or that has none) — the context and server named, why sign-in is offered, a
// password-style field, and where the token is kept:
//   - with a system keychain: "Remember in the system keychain" (checked by default);
//   - without one: the plain statement that the token is kept only until Timonel quits, and an
//     explicit, unchecked opt-in to a plain-text file readable only by the user, whose path and
//     nature (unencrypted) the dialog spells out when ticked.
// The dialog only collects the answer; app/ (CredentialsWorkflow) stores and uses it.
//
// Keyboard: focus starts in the token field; Enter signs in (the default button, enabled once a
// token is typed), Esc cancels; Alt+R / Alt+F toggle the storage boxes.
//
// GUI thread only. The token lives in the line edit until the dialog is destroyed.

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace timonel {

class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    struct Request {
        QString contextName;
        QString server;
        QString reason;             // why sign-in is offered ("The server answered 401 Unauthorized…")
        bool keychainAvailable = true;
        QString plainTextFile;      // where the opt-in file would be written
    };
    enum class Keep { ForThisSession, InKeychain, InPlainTextFile };

    explicit SignInDialog(const Request &request, QWidget *parent = nullptr);

    // The token as typed, trimmed (a pasted "Bearer " prefix removed). Empty until valid.
    QByteArray token() const;
    Keep keep() const;

    QLineEdit *tokenField() const { return m_token; }
    QCheckBox *rememberBox() const { return m_remember; }   // null without a keychain
    QCheckBox *plainTextBox() const { return m_plainText; } // null with a keychain
    QLabel *noKeychainLabel() const { return m_noKeychain; } // null with a keychain
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void updateState();

    QLineEdit *m_token = nullptr;
    QLabel *m_hint = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_noKeychain = nullptr;
    QCheckBox *m_plainText = nullptr;
    QLabel *m_plainTextNote = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace timonel
