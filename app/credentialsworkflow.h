#pragma once
// CredentialsWorkflow: the bearer tokens the user typed for kubeconfig contexts — asked for with
// SignInDialog when a context's credentials are refused (or missing), used instead of the
// kubeconfig user's credentials for that context, remembered in the system keychain (a
// SecretStore) when the user wants, and forgotten on request.
//
// Where a token is kept, per account ("<kubeconfig file>#<context>"):
//   - always in memory while Timonel runs;
//   - in the keychain when "Remember" was ticked; the names of the accounts remembered there
//     (never the tokens) are listed in QSettings, so opening a context that never had a token
//     costs no keychain round trip (nor an unlock prompt);
//   - without a keychain, only if the user opted in: the plain-text file (PlainTextSecretFile).
// The token never reaches a log, a message, a Status or a window title.
//
// resolve() is asynchronous (a keychain read); the console opens a context only once its
// account is resolved, so a remembered token is used from the first request.
//
// GUI thread only. The dialog is window-modal and non-blocking (open(), not exec()).

#include "plaintextsecretfile.h"
#include "secretstore.h"

#include "kube/client/restconfig.h"
#include "views/signindialog.h"

#include <QHash>
#include <QSet>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QWidget;

namespace timonel {

class CredentialsWorkflow : public QObject
{
    Q_OBJECT
public:
    // keychain: never null (the console passes a KeychainSecretStore); dialogParent: the window.
    CredentialsWorkflow(std::shared_ptr<SecretStore> keychain, PlainTextSecretFile plainTextFile, QWidget *dialogParent,
                        QObject *parent = nullptr);
    ~CredentialsWorkflow() override;

    static QString accountFor(const QString &kubeconfigFile, const QString &contextName);
    // Whether the kubeconfig gives this configuration any way to authenticate.
    static bool hasCredentials(const kube::RestConfig &config);

    // Looks up a remembered token once per account per run. True when the answer is known now
    // (looked up before, or nothing in the keychain for it: the plain-text file is read at
    // once); false while the keychain is asked, and done runs when it answered.
    // contextName: for messages.
    bool isResolved(const QString &account) const;
    bool resolve(const QString &account, const QString &contextName, std::function<void()> done);
    bool hasToken(const QString &account) const { return m_tokens.contains(account); }
    // Replaces the user credentials of config (token, token file, exec plugin, client
    // certificate, basic auth) with the signed-in token; false (config untouched) without one.
    bool applyTo(const QString &account, kube::RestConfig &config) const;

    struct SignInRequest {
        QString account;
        QString contextName;
        QString server;
        QString reason; // why sign-in is offered, for the dialog
    };
    // Finds out whether a keychain is available, then shows the dialog. done(true) once the
    // token is in memory (storing it goes on in the background and reports via message()).
    void signIn(const SignInRequest &request, std::function<void(bool signedIn)> done);
    // Drops the token from memory, the keychain and the plain-text file; done runs after.
    void forget(const QString &account, const QString &contextName, std::function<void()> done);

    // Whether the keychain answered NoBackend (unknown until asked).
    std::optional<bool> keychainAvailable() const { return m_keychainAvailable; }
    SignInDialog *dialog() const { return m_dialog; }
    const PlainTextSecretFile &plainTextFile() const { return m_file; }

Q_SIGNALS:
    // A sentence for the status bar (saved, not saved and why, forgotten).
    void message(const QString &text);

private:
    void showDialog(const SignInRequest &request, std::function<void(bool)> done);
    void keep(const SignInRequest &request, const QByteArray &token, SignInDialog::Keep how);
    void noteOutcome(const SecretResult &result);
    void finishResolve(const QString &account);
    QStringList rememberedAccounts() const;
    void setRemembered(const QString &account, bool remembered);

    std::shared_ptr<SecretStore> m_keychain;
    PlainTextSecretFile m_file;
    QPointer<QWidget> m_dialogParent;
    QPointer<SignInDialog> m_dialog;
    std::optional<bool> m_keychainAvailable;
    QHash<QString, QByteArray> m_tokens;
    QSet<QString> m_resolved;
    QHash<QString, QList<std::function<void()>>> m_resolving;
};

} // namespace timonel
