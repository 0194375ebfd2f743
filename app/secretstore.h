#pragma once
// SecretStore: where the console keeps secrets the user typed (bearer tokens for a kubeconfig
// context) — an asynchronous key/value store of byte strings, one entry per account. The
// console's implementation is the system keychain (KeychainSecretStore, through QtKeychain);
// tests use a fake. The interface is QtCore only, so nothing but app/ links QtKeychain.
//
// Accounts are plain names chosen by the caller ("<kubeconfig file>#<context>"); the store adds
// its own service name. Answers are values: a store without a working backend (no Secret
// Service on the session bus, headless) answers NoBackend instead of failing later.
//
// Thread affinity: call from the thread of `context`; `done` runs there, never synchronously
// inside the call, and not at all when `context` is destroyed first. Secrets travel only in
// SecretResult::secret: messages never contain them.

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace timonel {

struct SecretResult {
    enum class Outcome {
        Ok,        // done; for read(): `secret` holds the value
        NotFound,  // read()/remove(): no such entry
        NoBackend, // no keychain to use (none installed or reachable): keep secrets elsewhere
        Failed,    // the keychain refused or failed (locked, denied, timed out): see message
    };
    Outcome outcome = Outcome::Failed;
    QByteArray secret;
    QString message; // why, for the user; never the secret

    bool ok() const { return outcome == Outcome::Ok; }
};

class SecretStore
{
public:
    using Callback = std::function<void(SecretResult)>;

    virtual ~SecretStore() = default;

    virtual void read(const QString &account, QObject *context, Callback done) = 0;
    virtual void write(const QString &account, const QByteArray &secret, QObject *context, Callback done) = 0;
    virtual void remove(const QString &account, QObject *context, Callback done) = 0;
    // What the store is, for the user ("the system keychain").
    virtual QString describe() const = 0;
};

} // namespace timonel
