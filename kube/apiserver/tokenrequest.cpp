#include "tokenrequest.h"

#include "codec.h"
#include "resourcerequest.h"
#include "serviceaccounttoken.h"
#include "storagekeys.h"

#include "kube/api/clock.h"
#include "kube/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

namespace {

constexpr qint64 DefaultExpirationSeconds = 3600;
constexpr qint64 MinExpirationSeconds = 600;
constexpr qint64 MaxExpirationSeconds = qint64(1) << 32;

Status invalidRequest(const QString &name, const QString &field, const QString &message)
{
    return Status::invalid(u"authentication.k8s.io"_qs, u"TokenRequest"_qs, name, {{u"FieldValueInvalid"_qs, message, field}});
}

} // namespace

void handleTokenRequest(const ApiContext &context, const ServiceAccountTokens &tokens, const ResourceRequest &request,
                        ApiResponder &responder)
{
    if (!tokens.isEnabled())
        return responder.respondStatus(Status::internalError(u"this API server cannot sign service account tokens"_qs));
    auto body = decodeObjectBody(request.http.header("Content-Type"), request.http.body, *context.registry,
                                 GroupVersionKind{u"authentication.k8s.io"_qs, u"v1"_qs, u"TokenRequest"_qs});
    if (!body)
        return responder.respondStatus(body.error());
    QJsonObject tokenRequest = body->toJson();
    QJsonObject spec = tokenRequest.value(u"spec").toObject();
    if (!spec.contains(u"expirationSeconds"))
        spec[u"expirationSeconds"_qs] = DefaultExpirationSeconds;
    const qint64 seconds = spec.value(u"expirationSeconds").toInteger();
    if (seconds < MinExpirationSeconds) {
        return responder.respondStatus(invalidRequest(request.name, u"spec.expirationSeconds"_qs,
                                                      u"Invalid value: %1: may not specify a duration less than 10 minutes"_qs.arg(seconds)));
    }
    if (seconds > MaxExpirationSeconds) {
        return responder.respondStatus(invalidRequest(request.name, u"spec.expirationSeconds"_qs,
                                                      u"Invalid value: %1: may not specify a duration larger than 2^32 seconds"_qs.arg(seconds)));
    }
    QStringList audiences;
    for (const auto &a : spec.value(u"audiences").toArray())
        audiences << a.toString();
    if (audiences.isEmpty()) {
        audiences << ServiceAccountTokens::issuer();
        spec[u"audiences"_qs] = QJsonArray::fromStringList(audiences);
    }

    const KindInfoPtr accounts = context.registry->resource({QString(), u"v1"_qs, u"serviceaccounts"_qs});
    const auto account = context.store->get(storageKey(*accounts, request.namespace_, request.name));
    if (!account.ok())
        return responder.respondStatus(Status::notFound(u"serviceaccounts"_qs, request.name));

    ServiceAccountTokenClaims claims;
    claims.namespace_ = request.namespace_;
    claims.serviceAccount = request.name;
    claims.serviceAccountUid = account->uid();
    claims.audiences = audiences;
    claims.issuedAt = context.clock->now();
    claims.expires = claims.issuedAt.addSecs(seconds);

    const QJsonObject ref = spec.value(u"boundObjectRef").toObject();
    if (!ref.isEmpty()) {
        const QString kind = ref.value(u"kind").toString();
        const QString apiVersion = ref.value(u"apiVersion").toString(u"v1"_qs);
        if ((kind != u"Pod" && kind != u"Secret") || apiVersion != u"v1")
            return responder.respondStatus(Status::badRequest(u"cannot bind token for object of kind \"%1\""_qs.arg(kind)));
        const QString resource = kind == u"Pod" ? u"pods"_qs : u"secrets"_qs;
        const QString name = ref.value(u"name").toString();
        const KindInfoPtr boundKind = context.registry->resource({QString(), u"v1"_qs, resource});
        const auto bound = context.store->get(storageKey(*boundKind, request.namespace_, name));
        if (!bound.ok())
            return responder.respondStatus(Status::notFound(resource, name));
        const QString uid = ref.value(u"uid").toString();
        if (!uid.isEmpty() && uid != bound->uid()) {
            return responder.respondStatus(Status::conflict(
                kind, name, u"the UID in the bound object reference (%1) does not match the UID in record. The object might have been deleted and then recreated"_qs.arg(uid)));
        }
        claims.boundKind = kind;
        claims.boundName = name;
        claims.boundUid = bound->uid();
    }

    QJsonObject metadata = tokenRequest.value(u"metadata").toObject();
    metadata[u"name"_qs] = request.name;
    metadata[u"namespace"_qs] = request.namespace_;
    if (!metadata.contains(u"creationTimestamp"))
        metadata[u"creationTimestamp"_qs] = QJsonValue::Null;
    tokenRequest[u"apiVersion"_qs] = u"authentication.k8s.io/v1"_qs;
    tokenRequest[u"kind"_qs] = u"TokenRequest"_qs;
    tokenRequest[u"metadata"_qs] = metadata;
    tokenRequest[u"spec"_qs] = spec;
    tokenRequest[u"status"_qs] = QJsonObject{{u"token"_qs, QString::fromLatin1(tokens.issue(claims))},
                                            {u"expirationTimestamp"_qs, formatKubeTime(claims.expires)}};
    responder.respondJson(201, QJsonDocument(tokenRequest).toJson(QJsonDocument::Compact));
}

} // namespace kube
