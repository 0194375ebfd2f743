#pragma once
// RestConfig: everything a transport needs to talk to one cluster as one user — the resolved
// form of a kubeconfig context (kubeconfig loading produces it; the transport consumes it).
// CredentialSource: credentials that can change while the client runs (exec plugins, token
// files); the transport asks for one per request and forces a refresh after a 401.
//
// Plain value types; a RestConfig may be copied to any thread. Secrets (token, key, password)
// live only here and in the requests' headers: never log or print them (redactedSummary()).

#include "kube/api/expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <memory>

namespace kube {

// One credential, as an ExecCredential's status or a token file provides it.
struct Credential {
    QByteArray token;                // bearer token; empty when the credential is a client certificate
    QByteArray clientCertificatePem; // with clientKeyPem: a client certificate to present
    QByteArray clientKeyPem;
    QDateTime expiry;                // invalid: does not expire
};

// Thread safety: implementations must be safe to call from any thread (the transport's).
class CredentialSource
{
public:
    virtual ~CredentialSource() = default;
    // The credential to use now: cached while valid, refreshed when expired or when forceRefresh
    // (the server answered 401 to the last one). Errors are Status values saying why — an exec
    // plugin awaiting the user's approval, a command that failed (with its stderr), a token file
    // that cannot be read.
    virtual Expected<Credential> credential(bool forceRefresh) = 0;
    // Shown to the user ("exec plugin /usr/bin/aws-iam-authenticator", "token file ~/t").
    virtual QString describe() const = 0;
};

struct RestConfig {
    // Where it came from (for messages and the UI).
    QString contextName;
    QString clusterName;
    QString userName;
    QString namespace_ = QStringLiteral("default"); // the context's default namespace

    // Cluster.
    QUrl server;                       // "https://host:port[/prefix]"
    QByteArray certificateAuthorityPem; // empty: the system's CAs
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;             // SNI and verification name when not the server's host
    QUrl proxyUrl;                     // http(s)://, socks5://; empty: none (no env proxies)

    // User. At most one of token / credentialSource is used; a client certificate may be
    // combined with either.
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QByteArray bearerToken;
    std::shared_ptr<CredentialSource> credentialSource; // exec plugin or token file
    QString username;                  // basic auth (still accepted by client-go)
    QByteArray password;
    QString impersonateUser;           // "as" in kubeconfig
    QStringList impersonateGroups;

    // Client behaviour (client-go's defaults are 5 QPS / burst 10; kubectl raises them).
    double qps = 50;
    int burst = 100;
    int requestTimeoutMs = 0;          // 0: no timeout for plain requests (watches never time out)
    QString userAgent;

    // A one-line description with every secret replaced by "<redacted>".
    QString redactedSummary() const;
};

} // namespace kube
