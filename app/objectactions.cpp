#include "objectactions.h"

#include "clustersession.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace timonel {

namespace {

kube::Status describeResult(const kube::Expected<kube::Object> &result)
{
    return result ? kube::Status() : result.error();
}

kube::Status noSession()
{
    return kube::Status::badRequest(QCoreApplication::translate("ObjectActions", "not connected to a cluster"));
}

} // namespace

ObjectActions::ObjectActions(QObject *parent) : QObject(parent) {}

std::optional<kube::ResourceRef> ObjectActions::refFor(const QString &resourceId, const kube::Object &object) const
{
    if (!m_session)
        return std::nullopt;
    const std::optional<kube::ApiResource> resource = m_session->findResource(resourceId);
    if (!resource)
        return std::nullopt;
    return kube::ResourceRef{resource->gvr, resource->namespaced ? object.namespace_() : QString(), object.name(), {}};
}

void ObjectActions::remove(const QString &resourceId, const kube::Object &object, kube::PropagationPolicy propagation,
                           std::optional<qint64> gracePeriodSeconds, Done done)
{
    const std::optional<kube::ResourceRef> ref = refFor(resourceId, object);
    if (!ref)
        return done(noSession());
    kube::DeleteOptions options;
    options.propagationPolicy = propagation;
    options.gracePeriodSeconds = gracePeriodSeconds;
    // Delete exactly the object the user looked at, not a namesake created since.
    options.preconditionUid = object.uid();
    m_session->remove(*ref, [done](kube::Expected<kube::Object> r) { done(describeResult(r)); }, options);
}

void ObjectActions::scale(const QString &resourceId, const kube::Object &object, qint64 replicas, Done done)
{
    const std::optional<kube::ResourceRef> ref = refFor(resourceId, object);
    if (!ref)
        return done(noSession());
    m_session->updateScale(*ref, replicas, [done](kube::Expected<kube::Object> r) { done(describeResult(r)); });
}

QByteArray ObjectActions::restartPatch(const QDateTime &now)
{
    const QString stamp = now.toUTC().toString(Qt::ISODate);
    return QByteArrayLiteral(R"({"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":")") +
           stamp.toUtf8() + QByteArrayLiteral(R"("}}}}})");
}

void ObjectActions::restart(const QString &resourceId, const kube::Object &object, Done done)
{
    const std::optional<kube::ResourceRef> ref = refFor(resourceId, object);
    if (!ref)
        return done(noSession());
    kube::PatchOptions options;
    options.fieldManager = QStringLiteral("kubectl-rollout");
    m_session->patch(*ref, kube::PatchType::StrategicMerge, restartPatch(QDateTime::currentDateTimeUtc()),
                     [done](kube::Expected<kube::Object> r) { done(describeResult(r)); }, options);
}

void ObjectActions::cordon(const kube::Object &node, bool unschedulable, Done done)
{
    if (!m_session)
        return done(noSession());
    const kube::ResourceRef ref{{QString(), QStringLiteral("v1"), QStringLiteral("nodes")}, QString(), node.name(), {}};
    // kubectl uncordon clears the field rather than writing false.
    const QByteArray body = unschedulable ? QByteArrayLiteral(R"({"spec":{"unschedulable":true}})")
                                          : QByteArrayLiteral(R"({"spec":{"unschedulable":null}})");
    kube::PatchOptions options;
    options.fieldManager = QStringLiteral("kubectl-cordon");
    m_session->patch(ref, kube::PatchType::StrategicMerge, body,
                     [done](kube::Expected<kube::Object> r) { done(describeResult(r)); }, options);
}

bool ObjectActions::evictedByDrain(const kube::Object &pod)
{
    for (const kube::OwnerReference &owner : pod.ownerReferences()) {
        if (owner.controller && owner.kind == u"DaemonSet")
            return false;
    }
    if (pod.annotations().contains(u"kubernetes.io/config.mirror"))
        return false;
    const QString phase = pod.toJson().value(u"status").toObject().value(u"phase").toString();
    return phase != u"Succeeded" && phase != u"Failed";
}

void ObjectActions::drain(const kube::Object &node, const QList<kube::Object> &pods, Done done)
{
    if (!m_session)
        return done(noSession());
    QPointer<ClusterSession> session = m_session;
    QList<kube::Object> doomed;
    for (const kube::Object &pod : pods) {
        if (evictedByDrain(pod))
            doomed.append(pod);
    }
    cordon(node, true, [session, doomed, done](const kube::Status &cordoned) {
        if (!cordoned.isSuccess() || !session)
            return done(cordoned);
        if (doomed.isEmpty())
            return done(kube::Status());
        // Every eviction is tried; the first refusal (a budget, a missing pod) is what is reported.
        struct Progress {
            qsizetype pending;
            kube::Status firstError;
        };
        auto progress = std::make_shared<Progress>(Progress{doomed.size(), kube::Status()});
        for (const kube::Object &pod : doomed) {
            const kube::ResourceRef ref{{QString(), QStringLiteral("v1"), QStringLiteral("pods")}, pod.namespace_(), pod.name(),
                                        QStringLiteral("eviction")};
            QJsonObject eviction{{u"apiVersion"_qs, u"policy/v1"_qs},
                                 {u"kind"_qs, u"Eviction"_qs},
                                 {u"metadata"_qs, QJsonObject{{u"name"_qs, pod.name()}, {u"namespace"_qs, pod.namespace_()}}}};
            session->create(ref, kube::Object::fromJson(eviction), [progress, done, pod](kube::Expected<kube::Object> r) {
                if (!r && progress->firstError.isSuccess() && r.error().code() != 404)
                    progress->firstError = kube::Status(r.error().code(), r.error().reason(),
                                                        pod.namespace_() + u'/' + pod.name() + QStringLiteral(": ") + r.error().message());
                if (--progress->pending == 0)
                    done(progress->firstError);
            });
        }
    });
}

QByteArray ObjectActions::labelsPatch(const kube::Labels &before, const kube::Labels &after)
{
    QJsonObject labels;
    for (const auto &[key, value] : before) {
        if (!after.contains(key))
            labels.insert(key, QJsonValue::Null);
    }
    for (const auto &[key, value] : after)
        labels.insert(key, value);
    return QJsonDocument(QJsonObject{{u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}}}).toJson(QJsonDocument::Compact);
}

void ObjectActions::setLabels(const QString &resourceId, const kube::Object &object, const kube::Labels &labels, Done done)
{
    const std::optional<kube::ResourceRef> ref = refFor(resourceId, object);
    if (!ref)
        return done(noSession());
    kube::PatchOptions options;
    options.fieldManager = QStringLiteral("timonel");
    m_session->patch(*ref, kube::PatchType::Merge, labelsPatch(object.labels(), labels),
                     [done](kube::Expected<kube::Object> r) { done(describeResult(r)); }, options);
}

} // namespace timonel
