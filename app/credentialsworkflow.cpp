#include "credentialsworkflow.h"

#include <QSettings>
#include <QTimer>

namespace timonel {

namespace {

const QString kRememberedKey = QStringLiteral("credentials/keychainAccounts");

void later(QObject *context, std::function<void()> fn)
{
    QTimer::singleShot(0, context, std::move(fn));
}

} // namespace

CredentialsWorkflow::CredentialsWorkflow(std::shared_ptr<SecretStore> keychain, PlainTextSecretFile plainTextFile,
                                         QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_keychain(std::move(keychain)), m_file(std::move(plainTextFile)), m_dialogParent(dialogParent)
{
}

CredentialsWorkflow::~CredentialsWorkflow()
{
    delete m_dialog.data();
}

QString CredentialsWorkflow::accountFor(const QString &kubeconfigFile, const QString &contextName)
{
    return kubeconfigFile + u'#' + contextName;
}

bool CredentialsWorkflow::hasCredentials(const kube::RestConfig &config)
{
    return !config.bearerToken.isEmpty() || config.credentialSource || !config.clientCertificatePem.isEmpty()
        || !config.username.isEmpty();
}

bool CredentialsWorkflow::isResolved(const QString &account) const
{
    return m_resolved.contains(account);
}

bool CredentialsWorkflow::resolve(const QString &account, const QString &contextName, std::function<void()> done)
{
    if (m_resolved.contains(account))
        return true;
    auto pending = m_resolving.find(account);
    if (pending != m_resolving.end()) {
        pending->append(std::move(done));
        return false;
    }
    if (!rememberedAccounts().contains(account)) {
        finishResolve(account); // the plain-text file only
        return true;
    }
    m_resolving.insert(account, {std::move(done)});
    m_keychain->read(account, this, [this, account, contextName](SecretResult result) {
        noteOutcome(result);
        if (result.ok() && !result.secret.isEmpty())
            m_tokens.insert(account, result.secret);
        else if (result.outcome == SecretResult::Outcome::NotFound)
            setRemembered(account, false); // removed from the keychain behind our back
        else if (!result.ok())
            Q_EMIT message(tr("The token saved for %1 could not be read: %2").arg(contextName, result.message));
        finishResolve(account);
    });
    return false;
}

void CredentialsWorkflow::finishResolve(const QString &account)
{
    // A file token when the keychain had none (the user opted in on a machine without one).
    if (!m_tokens.contains(account)) {
        if (const std::optional<QByteArray> token = m_file.read(account); token && !token->isEmpty())
            m_tokens.insert(account, *token);
    }
    m_resolved.insert(account);
    const QList<std::function<void()>> callbacks = m_resolving.take(account);
    for (const std::function<void()> &callback : callbacks) {
        if (callback)
            callback();
    }
}

bool CredentialsWorkflow::applyTo(const QString &account, kube::RestConfig &config) const
{
    const auto it = m_tokens.constFind(account);
    if (it == m_tokens.cend())
        return false;
    config.bearerToken = *it;
    config.credentialSource.reset();
    config.clientCertificatePem.clear();
    config.clientKeyPem.clear();
    config.username.clear();
    config.password.clear();
    return true;
}

void CredentialsWorkflow::noteOutcome(const SecretResult &result)
{
    if (result.outcome == SecretResult::Outcome::NoBackend)
        m_keychainAvailable = false;
    else if (result.outcome != SecretResult::Outcome::Failed)
        m_keychainAvailable = true;
}

void CredentialsWorkflow::signIn(const SignInRequest &request, std::function<void(bool)> done)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    if (m_keychainAvailable.has_value()) {
        showDialog(request, std::move(done));
        return;
    }
    // Ask the keychain first, so the dialog tells the truth about where the token can go.
    m_keychain->read(request.account, this, [this, request, done = std::move(done)](SecretResult result) mutable {
        noteOutcome(result);
        showDialog(request, std::move(done));
    });
}

void CredentialsWorkflow::showDialog(const SignInRequest &request, std::function<void(bool)> done)
{
    if (m_dialog)
        return;
    SignInDialog::Request r;
    r.contextName = request.contextName;
    r.server = request.server;
    r.reason = request.reason;
    r.keychainAvailable = m_keychainAvailable.value_or(true);
    r.plainTextFile = m_file.path();
    auto *dialog = new SignInDialog(r, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog, request, done = std::move(done)](int code) {
        const QByteArray token = dialog->token();
        if (code != QDialog::Accepted || token.isEmpty()) {
            if (done)
                done(false);
            return;
        }
        m_tokens.insert(request.account, token);
        m_resolved.insert(request.account);
        keep(request, token, dialog->keep());
        if (done)
            done(true);
    });
    dialog->open();
}

void CredentialsWorkflow::keep(const SignInRequest &request, const QByteArray &token, SignInDialog::Keep how)
{
    const QString &account = request.account;
    const QString context = request.contextName;
    switch (how) {
    case SignInDialog::Keep::InKeychain:
        m_file.remove(account); // one place only: the keychain now
        m_keychain->write(account, token, this, [this, account, context](SecretResult result) {
            noteOutcome(result);
            if (result.ok()) {
                setRemembered(account, true);
                Q_EMIT message(tr("The token for %1 is saved in %2.").arg(context, m_keychain->describe()));
                return;
            }
            Q_EMIT message(tr("The token for %1 could not be saved (%2); it is kept only until Timonel quits.")
                               .arg(context, result.message));
        });
        return;
    case SignInDialog::Keep::InPlainTextFile: {
        const kube::Status written = m_file.write(account, token);
        if (written.isSuccess())
            Q_EMIT message(tr("The token for %1 is saved in plain text in %2.").arg(context, m_file.path()));
        else
            Q_EMIT message(tr("The token for %1 could not be saved: %2. It is kept only until Timonel quits.")
                               .arg(context, written.message()));
        return;
    }
    case SignInDialog::Keep::ForThisSession:
        break;
    }
    // Not to be remembered: a token remembered earlier must not come back at the next start.
    m_file.remove(account);
    if (rememberedAccounts().contains(account)) {
        m_keychain->remove(account, this, [this, account](SecretResult result) {
            if (result.ok() || result.outcome == SecretResult::Outcome::NotFound)
                setRemembered(account, false);
        });
    }
    Q_EMIT message(tr("The token for %1 is kept only until Timonel quits.").arg(context));
}

void CredentialsWorkflow::forget(const QString &account, const QString &contextName, std::function<void()> done)
{
    m_tokens.remove(account);
    m_resolved.insert(account);
    const kube::Status removed = m_file.remove(account);
    const QString &context = contextName;
    if (!removed.isSuccess())
        Q_EMIT message(removed.message());
    if (!rememberedAccounts().contains(account)) {
        Q_EMIT message(tr("The token for %1 is forgotten.").arg(context));
        later(this, std::move(done));
        return;
    }
    m_keychain->remove(account, this, [this, account, context, done = std::move(done)](SecretResult result) {
        noteOutcome(result);
        if (result.ok() || result.outcome == SecretResult::Outcome::NotFound) {
            setRemembered(account, false);
            Q_EMIT message(tr("The token for %1 is forgotten.").arg(context));
        } else {
            Q_EMIT message(tr("The token for %1 could not be removed from %2: %3")
                               .arg(context, m_keychain->describe(), result.message));
        }
        if (done)
            done();
    });
}

QStringList CredentialsWorkflow::rememberedAccounts() const
{
    return QSettings().value(kRememberedKey).toStringList();
}

void CredentialsWorkflow::setRemembered(const QString &account, bool remembered)
{
    QStringList accounts = rememberedAccounts();
    if (remembered == accounts.contains(account))
        return;
    if (remembered)
        accounts.append(account);
    else
        accounts.removeAll(account);
    QSettings settings;
    if (accounts.isEmpty())
        settings.remove(kRememberedKey);
    else
        settings.setValue(kRememberedKey, accounts);
}

} // namespace timonel
