#include "serviceaccounttoken.h"

#include "storagekeys.h"

#include "kube/api/constanttime.h"
#include "kube/api/typeregistry.h"
#include "kube/store/store.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QUuid>

namespace kube {

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encodePart(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(Base64Url);
}

Status invalidToken() { return Status(401, QString::fromLatin1(reason::Unauthorized), u"Unauthorized"_qs); }

// The uid of a stored object, empty when it does not exist.
QString storedUid(const Store &store, const TypeRegistry &registry, const GroupVersionResource &resource,
                  const QString &namespace_, const QString &name)
{
    const KindInfoPtr kind = registry.resource(resource);
    if (!kind)
        return {};
    const auto object = store.get(storageKey(*kind, namespace_, name));
    return object.ok() && !object->isBeingDeleted() ? object->uid() : QString();
}

} // namespace

ServiceAccountTokens::ServiceAccountTokens(const QByteArray &clusterToken)
    : m_key(QCryptographicHash::hash("timonel service account tokens\n" + clusterToken, QCryptographicHash::Sha256))
{
}

QByteArray ServiceAccountTokens::sign(QByteArrayView signingInput) const
{
    return QMessageAuthenticationCode::hash(signingInput.toByteArray(), m_key, QCryptographicHash::Sha256).toBase64(Base64Url);
}

QByteArray ServiceAccountTokens::issue(const ServiceAccountTokenClaims &c) const
{
    Q_ASSERT(isEnabled());
    QJsonObject kubernetes{{u"namespace"_qs, c.namespace_},
                           {u"serviceaccount"_qs, QJsonObject{{u"name"_qs, c.serviceAccount}, {u"uid"_qs, c.serviceAccountUid}}}};
    if (!c.boundKind.isEmpty())
        kubernetes[c.boundKind.toLower()] = QJsonObject{{u"name"_qs, c.boundName}, {u"uid"_qs, c.boundUid}};
    const QJsonObject claims{{u"aud"_qs, QJsonArray::fromStringList(c.audiences)},
                             {u"exp"_qs, c.expires.toSecsSinceEpoch()},
                             {u"iat"_qs, c.issuedAt.toSecsSinceEpoch()},
                             {u"nbf"_qs, c.issuedAt.toSecsSinceEpoch()},
                             {u"iss"_qs, issuer()},
                             {u"jti"_qs, c.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : c.id},
                             {u"kubernetes.io"_qs, kubernetes},
                             {u"sub"_qs, u"system:serviceaccount:%1:%2"_qs.arg(c.namespace_, c.serviceAccount)}};
    const QByteArray input = encodePart(QJsonObject{{u"alg"_qs, u"HS256"_qs}, {u"typ"_qs, u"JWT"_qs}}) + '.' + encodePart(claims);
    return input + '.' + sign(input);
}

Expected<ServiceAccountTokenClaims> ServiceAccountTokens::decode(QByteArrayView token) const
{
    if (!isEnabled())
        return invalidToken();
    const qsizetype first = token.indexOf('.');
    const qsizetype last = token.lastIndexOf('.');
    if (first <= 0 || last <= first)
        return invalidToken();
    const QByteArrayView input = token.first(last);
    if (!equalsInConstantTime(sign(input), token.sliced(last + 1)))
        return invalidToken();
    const QJsonObject header = QJsonDocument::fromJson(QByteArray::fromBase64(token.first(first).toByteArray(), Base64Url)).object();
    if (header.value(u"alg").toString() != u"HS256")
        return invalidToken();
    const QJsonObject claims =
        QJsonDocument::fromJson(QByteArray::fromBase64(token.sliced(first + 1, last - first - 1).toByteArray(), Base64Url)).object();
    if (claims.value(u"iss").toString() != issuer())
        return invalidToken();
    ServiceAccountTokenClaims c;
    const QJsonObject kubernetes = claims.value(u"kubernetes.io").toObject();
    c.namespace_ = kubernetes.value(u"namespace").toString();
    const QJsonObject account = kubernetes.value(u"serviceaccount").toObject();
    c.serviceAccount = account.value(u"name").toString();
    c.serviceAccountUid = account.value(u"uid").toString();
    c.id = claims.value(u"jti").toString();
    for (const auto &a : claims.value(u"aud").toArray())
        c.audiences << a.toString();
    c.issuedAt = QDateTime::fromSecsSinceEpoch(claims.value(u"nbf").toInteger(), Qt::UTC);
    c.expires = QDateTime::fromSecsSinceEpoch(claims.value(u"exp").toInteger(), Qt::UTC);
    for (const QString &kind : {u"Pod"_qs, u"Secret"_qs}) {
        const QJsonObject bound = kubernetes.value(kind.toLower()).toObject();
        if (!bound.isEmpty()) {
            c.boundKind = kind;
            c.boundName = bound.value(u"name").toString();
            c.boundUid = bound.value(u"uid").toString();
        }
    }
    if (c.namespace_.isEmpty() || c.serviceAccount.isEmpty())
        return invalidToken();
    return c;
}

bool ServiceAccountTokens::authenticates(QByteArrayView token, const QDateTime &now, const Store &store, const TypeRegistry &registry) const
{
    return verify(token, now, store, registry).ok();
}

Expected<ServiceAccountTokenClaims> ServiceAccountTokens::verify(QByteArrayView token, const QDateTime &now, const Store &store,
                                                                 const TypeRegistry &registry, const QStringList &audiences,
                                                                 QStringList *matched) const
{
    auto claims = decode(token);
    if (!claims.ok())
        return claims;
    if (now < claims->issuedAt.addSecs(-60) || now >= claims->expires) // a minute of leeway for nbf, as upstream
        return invalidToken();
    QStringList valid;
    for (const QString &a : audiences.isEmpty() ? QStringList{issuer()} : audiences) {
        if (claims->audiences.contains(a))
            valid << a;
    }
    if (valid.isEmpty())
        return invalidToken();
    const QString accountUid = storedUid(store, registry, {QString(), u"v1"_qs, u"serviceaccounts"_qs}, claims->namespace_, claims->serviceAccount);
    if (accountUid.isEmpty() || accountUid != claims->serviceAccountUid)
        return invalidToken();
    if (!claims->boundKind.isEmpty()) {
        const QString resource = claims->boundKind == u"Pod" ? u"pods"_qs : u"secrets"_qs;
        const QString boundUid = storedUid(store, registry, {QString(), u"v1"_qs, resource}, claims->namespace_, claims->boundName);
        if (boundUid.isEmpty() || boundUid != claims->boundUid)
            return invalidToken();
    }
    if (matched)
        *matched = valid;
    return claims;
}

} // namespace kube
