#pragma once
// StatefulPodControl: the writes of the StatefulSet controller and the events that tell them
// (upstream stateful_pod_control.go): a member's claims are created before its pod, pods are
// created, updated and deleted (deletes carry the pod's UID as a precondition, so a stale cache
// never deletes the member's successor), claims get their owner references. Events on the set:
//   SuccessfulCreate  "create Pod web-0 in StatefulSet web successful"
//   SuccessfulCreate  "create Claim www-web-0 Pod web-0 in StatefulSet web success"
//   SuccessfulDelete  "delete Pod web-2 in StatefulSet web successful"
//   SuccessfulUpdate  "update Pod web-1 in StatefulSet web successful"
//   Failed<Verb>      "… failed error: <the server's message>"
// AlreadyExists on a create and NotFound on a delete count as done (a cache that lags).
//
// Thread affinity: the controllers' thread. Cost: one request per object written.

#include "kube/api/object.h"
#include "kube/api/status.h"

#include <QJsonObject>
#include <QList>

#include <functional>

namespace kube {

struct ControllerContext;

class StatefulPodControl
{
public:
    using Report = std::function<void(const Status &)>;

    StatefulPodControl(const ControllerContext &context, QString component);

    // CreateStatefulPod: claims (those not existing yet), then the pod.
    void createPod(const Object &set, const QJsonObject &pod, const QList<QJsonObject> &claims, Report report);
    void deletePod(const Object &set, const QString &podName, const QString &podUid, Report report);
    void updatePod(const Object &set, const QJsonObject &pod, Report report);
    void createClaims(const Object &set, const QString &podName, const QList<QJsonObject> &claims, Report report);
    void updateClaim(const QJsonObject &claim, Report report);

private:
    void recordPodEvent(const Object &set, const QString &verb, const QString &podName, const Status &error);

    const ControllerContext &m_context;
    const QString m_component;
};

} // namespace kube
