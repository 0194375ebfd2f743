#include "reviews.h"

#include "accesscontrol.h"
#include "apirequest.h"
#include "codec.h"
#include "resourcerequest.h"

#include "kube/api/jsonstrings.h"
#include "kube/api/status.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

namespace {


Status invalid(const QString &kind, const QString &field, const QString &value, const QString &detail)
{
    return Status::invalid(u"authorization.k8s.io"_qs, kind, QString(),
                           {{u"FieldValueInvalid"_qs, u"Invalid value: %1: %2"_qs.arg(value, detail), field}});
}

QJsonObject accessStatus(const AuthorizationDecision &d)
{
    QJsonObject status{{u"allowed"_qs, d.allowed}};
    if (!d.reason.isEmpty())
        status[u"reason"_qs] = d.reason;
    return status;
}

// The attributes a SubjectAccessReview spec asks about, or the reason it asks about nothing.
Expected<AuthorizationAttributes> specAttributes(const QJsonObject &spec, const QString &kind)
{
    const QJsonObject resource = spec.value(u"resourceAttributes").toObject();
    const QJsonObject nonResource = spec.value(u"nonResourceAttributes").toObject();
    const bool hasResource = spec.value(u"resourceAttributes").isObject();
    const bool hasNonResource = spec.value(u"nonResourceAttributes").isObject();
    if (hasResource == hasNonResource)
        return invalid(kind, u"spec.resourceAttributes"_qs, hasResource ? u"\"{...}\""_qs : u"\"null\""_qs,
                       u"exactly one of nonResourceAttributes or resourceAttributes must be specified"_qs);
    AuthorizationAttributes a;
    if (hasResource) {
        a.namespace_ = resource.value(u"namespace").toString();
        a.verb = resource.value(u"verb").toString();
        a.apiGroup = resource.value(u"group").toString();
        a.apiVersion = resource.value(u"version").toString();
        a.resource = resource.value(u"resource").toString();
        a.subresource = resource.value(u"subresource").toString();
        a.name = resource.value(u"name").toString();
    } else {
        a.isResourceRequest = false;
        a.path = nonResource.value(u"path").toString();
        a.verb = nonResource.value(u"verb").toString();
    }
    return a;
}

QJsonObject rulesStatus(const RulesForUser &rules)
{
    QJsonArray resourceRules;
    QJsonArray nonResourceRules;
    for (const PolicyRule &r : rules.rules) {
        if (!r.resources.isEmpty()) {
            QJsonObject o{{u"verbs"_qs, QJsonArray::fromStringList(r.verbs)}};
            if (!r.apiGroups.isEmpty())
                o[u"apiGroups"_qs] = QJsonArray::fromStringList(r.apiGroups);
            o[u"resources"_qs] = QJsonArray::fromStringList(r.resources);
            if (!r.resourceNames.isEmpty())
                o[u"resourceNames"_qs] = QJsonArray::fromStringList(r.resourceNames);
            resourceRules.append(o);
        }
        if (!r.nonResourceURLs.isEmpty())
            nonResourceRules.append(QJsonObject{{u"verbs"_qs, QJsonArray::fromStringList(r.verbs)},
                                                {u"nonResourceURLs"_qs, QJsonArray::fromStringList(r.nonResourceURLs)}});
    }
    QJsonObject status{{u"resourceRules"_qs, resourceRules}, {u"nonResourceRules"_qs, nonResourceRules},
                       {u"incomplete"_qs, !rules.errors.isEmpty()}};
    if (rules.errors.size() == 1)
        status[u"evaluationError"_qs] = rules.errors.first();
    else if (!rules.errors.isEmpty())
        status[u"evaluationError"_qs] = u"["_qs + rules.errors.join(u", "_qs) + u']';
    return status;
}

} // namespace

bool isReviewRequest(const RequestInfo &info)
{
    if (!info.isResourceRequest || info.verb != u"create" || info.apiVersion != u"v1" || !info.subresource.isEmpty())
        return false;
    if (info.apiGroup == u"authentication.k8s.io")
        return info.resource == u"selfsubjectreviews" || info.resource == u"tokenreviews";
    if (info.apiGroup == u"authorization.k8s.io")
        return info.resource == u"selfsubjectaccessreviews" || info.resource == u"subjectaccessreviews"
            || info.resource == u"localsubjectaccessreviews" || info.resource == u"selfsubjectrulesreviews";
    return false;
}

void handleReview(const AccessControl &access, const ApiContext &context, const UserInfo &user, const ApiRequest &request,
                  ApiResponder &responder)
{
    const RequestInfo &info = request.info;
    const KindInfoPtr kind = context.registry->resource({info.apiGroup, info.apiVersion, info.resource});
    if (!kind)
        return responder.respondStatus(Status(404, QString::fromLatin1(reason::NotFound), u"the server could not find the requested resource"_qs));
    if (!info.name.isEmpty())
        return responder.respondStatus(Status(405, QString::fromLatin1(reason::MethodNotAllowed),
                                              u"the server does not allow this method on the requested resource"_qs));
    const auto body = decodeObjectBody(request.header("Content-Type"), request.body, *context.registry, kind->gvk);
    if (!body.ok())
        return responder.respondStatus(body.error());
    QJsonObject review = body->toJson();
    review[u"apiVersion"_qs] = kind->gvk.group + u"/v1"_qs;
    review[u"kind"_qs] = kind->gvk.kind;
    const QJsonObject spec = review.value(u"spec").toObject();
    const QString &k = kind->gvk.kind;

    if (k == u"SelfSubjectReview") {
        review[u"status"_qs] = QJsonObject{{u"userInfo"_qs, user.toJson()}};
    } else if (k == u"TokenReview") {
        const QString token = spec.value(u"token").toString();
        if (token.isEmpty())
            return responder.respondStatus(Status::badRequest(u"token is required for TokenReview in authentication"_qs));
        const auto found = access.authenticate(token.toUtf8(), jsonStrings(spec.value(u"audiences")));
        QJsonObject status;
        if (found) {
            status[u"authenticated"_qs] = true;
            status[u"user"_qs] = found->user.toJson();
            status[u"audiences"_qs] = QJsonArray::fromStringList(found->audiences);
        } else {
            status[u"user"_qs] = QJsonObject();
            status[u"error"_qs] = u"invalid bearer token"_qs;
        }
        review[u"status"_qs] = status;
    } else if (k == u"SelfSubjectRulesReview") {
        review[u"status"_qs] = rulesStatus(access.rulesFor(user, spec.value(u"namespace").toString()));
    } else {
        auto attributes = specAttributes(spec, k);
        if (!attributes.ok())
            return responder.respondStatus(attributes.error());
        UserInfo subject = user;
        if (k == u"LocalSubjectAccessReview") {
            if (!attributes->isResourceRequest)
                return responder.respondStatus(invalid(k, u"spec.nonResourceAttributes"_qs, u"\"{...}\""_qs,
                                                       u"disallowed on this kind of request"_qs));
            if (attributes->namespace_ != info.namespace_)
                return responder.respondStatus(Status::badRequest(u"spec.resourceAttributes.namespace must match namespace: "_qs + info.namespace_));
        }
        if (k != u"SelfSubjectAccessReview") {
            subject = UserInfo{spec.value(u"user").toString(), spec.value(u"uid").toString(), jsonStrings(spec.value(u"groups")), {}};
            const QJsonObject extra = spec.value(u"extra").toObject();
            for (auto it = extra.begin(); it != extra.end(); ++it)
                subject.extra.insert(it.key(), jsonStrings(it.value()));
            if (subject.name.isEmpty() && subject.groups.isEmpty())
                return responder.respondStatus(invalid(k, u"spec.user"_qs, u"\"\""_qs, u"at least one of user or group must be specified"_qs));
        }
        review[u"status"_qs] = accessStatus(access.authorize(subject, *attributes));
    }
    responder.respondJson(201, QJsonDocument(review).toJson(QJsonDocument::Compact));
}

} // namespace kube
