#include "statefulpodcontrol.h"

#include "kube/client/restclient.h"
#include "kube/controllers/controller.h"
#include "kube/controllers/controllercontext.h"
#include "kube/controllers/eventrecorder.h"

namespace kube {

namespace {

QString objectName(const QJsonObject &object)
{
    return object.value(u"metadata").toObject().value(u"name").toString();
}

QString capitalized(const QString &verb)
{
    return verb.left(1).toUpper() + verb.mid(1);
}

} // namespace

StatefulPodControl::StatefulPodControl(const ControllerContext &context, QString component)
    : m_context(context), m_component(std::move(component))
{
}

void StatefulPodControl::recordPodEvent(const Object &set, const QString &verb, const QString &podName, const Status &error)
{
    if (error.isSuccess()) {
        m_context.events->record(set, EventRecorder::Type::Normal, u"Successful"_qs + capitalized(verb),
                                 QStringLiteral("%1 Pod %2 in StatefulSet %3 successful").arg(verb, podName, set.name()), m_component);
        return;
    }
    m_context.events->record(set, EventRecorder::Type::Warning, u"Failed"_qs + capitalized(verb),
                             QStringLiteral("%1 Pod %2 in StatefulSet %3 failed error: %4").arg(verb, podName, set.name(), error.message()),
                             m_component);
}

void StatefulPodControl::createClaims(const Object &set, const QString &podName, const QList<QJsonObject> &claims, Report report)
{
    // Reports once every claim was answered (at once when there is none).
    auto join = std::make_shared<WriteJoin>(std::move(report));
    for (const QJsonObject &claim : claims) {
        const QString claimName = objectName(claim);
        auto done = join->expect();
        m_context.client->create({{QString(), u"v1"_qs, u"persistentvolumeclaims"_qs}, set.namespace_(), QString(), QString()},
                                 Object::fromJson(claim), [this, set, podName, claimName, done](Expected<Object> created) {
            if (created.ok() || created.error().is(reason::AlreadyExists)) {
                if (created.ok())
                    m_context.events->record(set, EventRecorder::Type::Normal, u"SuccessfulCreate"_qs,
                                             QStringLiteral("create Claim %1 Pod %2 in StatefulSet %3 success").arg(claimName, podName, set.name()),
                                             m_component);
                done({});
                return;
            }
            m_context.events->record(set, EventRecorder::Type::Warning, u"FailedCreate"_qs,
                                     QStringLiteral("create Claim %1 for Pod %2 in StatefulSet %3 failed error: %4")
                                         .arg(claimName, podName, set.name(), created.error().message()),
                                     m_component);
            Status failed = created.error();
            done(Status(failed.code(), failed.reason(), QStringLiteral("failed to create PVC %1: %2").arg(claimName, failed.message())));
        });
    }
}

void StatefulPodControl::createPod(const Object &set, const QJsonObject &pod, const QList<QJsonObject> &claims, Report report)
{
    const QString podName = objectName(pod);
    createClaims(set, podName, claims, [this, set, pod, podName, report](const Status &claimed) {
        if (!claimed.isSuccess()) {
            recordPodEvent(set, u"create"_qs, podName, claimed);
            report(claimed);
            return;
        }
        m_context.client->create({{QString(), u"v1"_qs, u"pods"_qs}, set.namespace_(), QString(), QString()}, Object::fromJson(pod),
                                 [this, set, podName, report](Expected<Object> created) {
            if (!created && created.error().is(reason::AlreadyExists)) {
                report({});
                return;
            }
            const Status status = created.ok() ? Status() : created.error();
            recordPodEvent(set, u"create"_qs, podName, status);
            report(status);
        });
    });
}

void StatefulPodControl::deletePod(const Object &set, const QString &podName, const QString &podUid, Report report)
{
    DeleteOptions options;
    options.preconditionUid = podUid;
    m_context.client->remove({{QString(), u"v1"_qs, u"pods"_qs}, set.namespace_(), podName, QString()},
                             [this, set, podName, report](Expected<Object> removed) {
        // NotFound: already gone; Conflict: the UID precondition failed, the member is another pod.
        if (!removed && (removed.error().is(reason::NotFound) || removed.error().is(reason::Conflict))) {
            report({});
            return;
        }
        const Status status = removed.ok() ? Status() : removed.error();
        recordPodEvent(set, u"delete"_qs, podName, status);
        report(status);
    }, options);
}

void StatefulPodControl::updatePod(const Object &set, const QJsonObject &pod, Report report)
{
    const QString podName = objectName(pod);
    m_context.client->update({{QString(), u"v1"_qs, u"pods"_qs}, set.namespace_(), podName, QString()}, Object::fromJson(pod),
                             [this, set, podName, report](Expected<Object> updated) {
        const Status status = updated.ok() ? Status() : updated.error();
        recordPodEvent(set, u"update"_qs, podName, status);
        report(status);
    });
}

void StatefulPodControl::updateClaim(const QJsonObject &claim, Report report)
{
    const QString ns = claim.value(u"metadata").toObject().value(u"namespace").toString();
    m_context.client->update({{QString(), u"v1"_qs, u"persistentvolumeclaims"_qs}, ns, objectName(claim), QString()}, Object::fromJson(claim),
                             [report](Expected<Object> updated) {
        report(updated.ok() || updated.error().is(reason::NotFound) ? Status() : updated.error());
    });
}

} // namespace kube
