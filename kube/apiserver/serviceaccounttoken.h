#pragma once
// Service account tokens (what TokenRequest, serviceaccounts/<name>/token, hands out and the
// HTTP front then accepts as a bearer token): a JWT with upstream's claims (iss, sub
// "system:serviceaccount:<ns>:<name>", aud, iat, nbf, exp, jti, and "kubernetes.io" naming the
// namespace, the account and an optional bound pod or secret by name and uid), signed with
// HMAC-SHA256 ("HS256") under a key derived from the cluster's own bearer token — so only this
// cluster can mint them and they survive restarts with it. Upstream signs with an RSA key;
// a client never reads the signature, only the API server checks it.
//
// A token authenticates while: its signature holds, iat/nbf ≤ now < exp, its audiences include
// the API server's (the issuer URL), and the account — and the bound object, if any — still
// exists with the uid it was issued for. Anything else is 401 Unauthorized. Tokens are never
// logged.
//
// Value type; any thread (verify() reads the store, which is thread-safe). Cost: one HMAC per
// issue or check, plus one or two store reads per check.

#include "kube/api/expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace kube {

class Store;
class TypeRegistry;

struct ServiceAccountTokenClaims {
    QString namespace_;
    QString serviceAccount;
    QString serviceAccountUid;
    QStringList audiences;
    QDateTime issuedAt;
    QDateTime expires;
    QString boundKind; // "Pod" or "Secret", or empty
    QString boundName;
    QString boundUid;
    QString id; // jti: names this credential ("authentication.kubernetes.io/credential-id": "JTI=<id>")
};

class ServiceAccountTokens
{
public:
    // The API server's issuer and default audience (upstream's default --service-account-issuer).
    static QString issuer() { return QStringLiteral("https://kubernetes.default.svc.cluster.local"); }

    ServiceAccountTokens() = default;
    // key: the cluster's bearer token; the signing key is derived from it.
    explicit ServiceAccountTokens(const QByteArray &clusterToken);
    bool isEnabled() const { return !m_key.isEmpty(); }

    QByteArray issue(const ServiceAccountTokenClaims &claims) const;
    // The claims of a well-formed token whose signature holds; no time, audience or object
    // checks (see authenticates()).
    Expected<ServiceAccountTokenClaims> decode(QByteArrayView token) const;
    // Whether token is a live service account token of this cluster at now (see above).
    bool authenticates(QByteArrayView token, const QDateTime &now, const Store &store, const TypeRegistry &registry) const;
    // The claims of a live token meant for one of audiences (empty: the API server's), with
    // *matched (if given) set to the audiences it is valid for; 401 otherwise (TokenReview).
    Expected<ServiceAccountTokenClaims> verify(QByteArrayView token, const QDateTime &now, const Store &store, const TypeRegistry &registry,
                                               const QStringList &audiences = {}, QStringList *matched = nullptr) const;

private:
    QByteArray sign(QByteArrayView signingInput) const;
    QByteArray m_key;
};

} // namespace kube
