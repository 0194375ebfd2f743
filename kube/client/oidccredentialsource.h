#pragma once
// OidcCredentialSource: a kubeconfig user's `auth-provider: {name: oidc}` as a CredentialSource,
// as kubectl's (client-go's) oidc provider behaves: the `id-token` is the bearer token while its
// JWT `exp` is more than 10 s away; otherwise the `refresh-token` is exchanged at the issuer's
// token endpoint (found through `<idp-issuer-url>/.well-known/openid-configuration`; client
// id/secret sent as HTTP Basic, then as form fields if the endpoint refuses that), the answer's
// `id_token` (and a rotated `refresh_token`) are written back into the kubeconfig file that
// defines the user — only that user's auth-provider config changes — and used from then on.
// `idp-certificate-authority(-data)` replace the system's CAs for the issuer's TLS.
// No id-token and no refresh-token, a token that is not a JWT, or a refresh that fails are
// errors naming the user and what to do; tokens never appear in any message.
//
// Thread safety: credential() may be called from any thread; concurrent callers wait for one
// refresh (one mutex). Cost: none while the token is valid; a refresh is two HTTPS requests on
// a short-lived thread, blocking the caller up to the time-out (30 s each).

#include "kube/api/clock.h"
#include "kube/client/restconfig.h"

#include <QMap>
#include <QMutex>
#include <QSslConfiguration>

namespace kube {

class OidcCredentialSource final : public CredentialSource
{
public:
    struct Options {
        QMap<QString, QString> config; // auth-provider.config as written (id-token, refresh-token, …)
        QString kubeconfigPath;        // the file defining the user: refreshed tokens go back there
        QString userName;
        const Clock *clock = &Clock::system();
        int timeoutMs = 30'000;
    };

    explicit OidcCredentialSource(Options options);

    Expected<Credential> credential(bool forceRefresh) override;
    QString describe() const override;

    // The `exp` claim of a JWT (seconds since the epoch, as UTC); an error when it is not a JWT.
    static Expected<QDateTime> expiryOf(const QByteArray &jwt);
    // How many refreshes ran (tests, diagnostics).
    int refreshCount() const;

private:
    Expected<QByteArray> refresh();
    Expected<QString> tokenEndpoint();
    Expected<QSslConfiguration> issuerTls() const;
    Status persist(const QMap<QString, QString> &config) const;
    Status failure(const QString &what) const;

    Options m_options;
    mutable QMutex m_mutex;
    int m_refreshes = 0;
};

} // namespace kube
