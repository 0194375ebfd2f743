// The pod subresources the control plane writes through: binding (the scheduler assigns a
// node) and eviction (kubectl drain, the node lifecycle controller). Upstream: pkg/registry/
// core/pod/storage (BindingREST, EvictionREST). An eviction honours the PodDisruptionBudget
// that selects the pod (evictionbudget.h).
#include "handlers.h"

#include "codec.h"
#include "deleteoptions.h"
#include "evictionbudget.h"
#include "resourcerequest.h"

#include "kube/api/clock.h"
#include "kube/api/typeregistry.h"
#include "kube/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

namespace {

void respondSuccess(ApiResponder &responder)
{
    const QJsonObject status{{u"kind"_qs, u"Status"_qs}, {u"apiVersion"_qs, u"v1"_qs}, {u"metadata"_qs, QJsonObject()},
                             {u"status"_qs, u"Success"_qs}, {u"code"_qs, 201}};
    responder.respondJson(201, QJsonDocument(status).toJson(QJsonDocument::Compact));
}

} // namespace

void handleBinding(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder)
{
    auto body = decodeObjectBody(request.http.header("Content-Type"), request.http.body, *context.registry,
                                 GroupVersionKind{QString(), u"v1"_qs, u"Binding"_qs});
    if (!body)
        return responder.respondStatus(body.error());
    const QJsonObject binding = body->toJson();
    const QString node = binding.value(u"target").toObject().value(u"name").toString();
    if (node.isEmpty()) {
        return responder.respondStatus(Status::invalid(QString(), u"Binding"_qs, request.name,
                                                       {{u"FieldValueRequired"_qs, u"Required value"_qs, u"target.name"_qs}}));
    }
    const QString now = formatKubeTime(context.clock->now());
    auto stored = context.store->guaranteedUpdate(request.key(), [&](const Object &current) -> Expected<Object> {
        QJsonObject pod = current.toJson();
        QJsonObject spec = pod.value(u"spec").toObject();
        const QString assigned = spec.value(u"nodeName").toString();
        if (!assigned.isEmpty()) {
            return Status::conflict(u"pods"_qs, request.name,
                                    QStringLiteral("pod %1 is already assigned to node \"%2\"").arg(request.name, assigned));
        }
        if (current.isBeingDeleted())
            return Status::conflict(u"pods"_qs, request.name, QStringLiteral("pod %1 is being deleted, cannot be assigned to a host").arg(request.name));
        spec.insert(u"nodeName", node);
        pod.insert(u"spec", spec);
        QJsonObject status = pod.value(u"status").toObject();
        QJsonArray conditions;
        for (const auto &c : status.value(u"conditions").toArray()) {
            if (c.toObject().value(u"type").toString() != u"PodScheduled")
                conditions.append(c);
        }
        conditions.append(QJsonObject{{u"type"_qs, u"PodScheduled"_qs}, {u"status"_qs, u"True"_qs},
                                      {u"lastProbeTime"_qs, QJsonValue::Null}, {u"lastTransitionTime"_qs, now}});
        status.insert(u"conditions", conditions);
        pod.insert(u"status", status);
        return Object::fromJson(pod);
    });
    if (!stored)
        return responder.respondStatus(stored.error().code() == 404 ? Status::notFound(u"pods"_qs, request.name) : stored.error());
    respondSuccess(responder);
}

void handleEviction(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder)
{
    auto body = decodeObjectBody(request.http.header("Content-Type"), request.http.body, *context.registry,
                                 GroupVersionKind{u"policy"_qs, u"v1"_qs, u"Eviction"_qs});
    if (!body)
        return responder.respondStatus(body.error());
    const QJsonObject eviction = body->toJson();
    const QString named = eviction.value(u"metadata").toObject().value(u"name").toString();
    if (!named.isEmpty() && named != request.name) {
        return responder.respondStatus(Status::badRequest(
            QStringLiteral("name in URL does not match name in Eviction object")));
    }
    // The eviction's deleteOptions become the pod's DeleteOptions (grace period, preconditions).
    DeleteOptions options;
    const QJsonObject deleteOptions = eviction.value(u"deleteOptions").toObject();
    if (deleteOptions.contains(u"gracePeriodSeconds"))
        options.gracePeriodSeconds = deleteOptions.value(u"gracePeriodSeconds").toInteger();
    const QJsonObject preconditions = deleteOptions.value(u"preconditions").toObject();
    options.preconditionUid = preconditions.value(u"uid").toString();
    options.preconditionResourceVersion = preconditions.value(u"resourceVersion").toString();
    options.dryRun = deleteOptions.value(u"dryRun").toArray().contains(u"All"_qs) || request.isDryRun();
    // The pod's PodDisruptionBudget must allow one more disruption (and records it) first.
    if (Status s = admitEvictionBudget(context, request.namespace_, request.name, options.dryRun); !s.isSuccess())
        return responder.respondStatus(s);
    bool marked = false;
    const QString podsResource = u"pods"_qs;
    const KindInfoPtr pods = context.registry->resource({QString(), u"v1"_qs, podsResource});
    auto result = deleteObject(context, *pods, request.key(), request.name, options, &marked);
    if (!result)
        return responder.respondStatus(result.error());
    respondSuccess(responder);
}

} // namespace kube
