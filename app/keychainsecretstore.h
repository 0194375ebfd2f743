#pragma once
// KeychainSecretStore: SecretStore over the system keychain through QtKeychain (Secret Service
// / KWallet on Linux, Keychain on macOS, Credential Manager on Windows), entries under one
// service name ("timonel"). QtKeychain's plain-text fallback stays off: without a backend the
// answer is NoBackend and the caller decides (see CredentialsWorkflow).
//
// Every job is bounded by a timeout: a session bus that never answers gives Failed after
// timeoutMs instead of a request that hangs (a late answer is then ignored).
//
// Thread affinity: the thread of the callers' contexts (QtKeychain jobs run their D-Bus calls
// asynchronously on it). Cost: one keychain round trip per call (milliseconds; the first one
// may show the desktop's unlock prompt).

#include "secretstore.h"

namespace timonel {

class KeychainSecretStore : public SecretStore
{
public:
    static constexpr int kDefaultTimeoutMs = 15000;

    explicit KeychainSecretStore(QString service = QStringLiteral("timonel"), int timeoutMs = kDefaultTimeoutMs);

    void read(const QString &account, QObject *context, Callback done) override;
    void write(const QString &account, const QByteArray &secret, QObject *context, Callback done) override;
    void remove(const QString &account, QObject *context, Callback done) override;
    QString describe() const override;

    QString service() const { return m_service; }

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace timonel
