#pragma once
// ObjectActions: the changes the console's action buttons make, each as the same request kubectl
// makes for it, so the cluster (and `kubectl rollout history`, audit logs, field managers) sees
// the same thing:
//   delete   DELETE with propagationPolicy and gracePeriodSeconds
//   scale    PUT …/scale
//   restart  strategic merge patch of spec.template.metadata.annotations
//            kubectl.kubernetes.io/restartedAt (kubectl rollout restart)
//   cordon   strategic merge patch spec.unschedulable (kubectl cordon / uncordon)
//   drain    cordon, then an Eviction (policy/v1) for every pod on the node except DaemonSet and
//            mirror pods (kubectl drain --ignore-daemonsets); a PodDisruptionBudget refusal (429)
//            is reported per pod
//   labels   merge patch of metadata.labels (removed keys set to null)
// Every answer comes back as a Status naming the object (success, or the server's message).
//
// GUI thread only; requests go through the ClusterSession.

#include "kube/api/labels.h"
#include "kube/api/object.h"
#include "kube/api/status.h"
#include "kube/client/restclient.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace timonel {

class ClusterSession;

class ObjectActions : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const kube::Status &status)>;

    explicit ObjectActions(QObject *parent = nullptr);
    void setSession(ClusterSession *session) { m_session = session; }

    // resourceId: the kind's id ("deployments.apps"); the object's name and namespace are used.
    void remove(const QString &resourceId, const kube::Object &object, kube::PropagationPolicy propagation,
                std::optional<qint64> gracePeriodSeconds, Done done);
    void scale(const QString &resourceId, const kube::Object &object, qint64 replicas, Done done);
    void restart(const QString &resourceId, const kube::Object &object, Done done);
    void cordon(const kube::Object &node, bool unschedulable, Done done);
    // pods: the pods currently bound to the node (from the console's cache).
    void drain(const kube::Object &node, const QList<kube::Object> &pods, Done done);
    void setLabels(const QString &resourceId, const kube::Object &object, const kube::Labels &labels, Done done);

    // The body of each patch (exposed for tests).
    static QByteArray restartPatch(const QDateTime &now);
    static QByteArray labelsPatch(const kube::Labels &before, const kube::Labels &after);
    // Pods drain evicts: not owned by a DaemonSet, not mirror pods, not already finished.
    static bool evictedByDrain(const kube::Object &pod);

private:
    std::optional<kube::ResourceRef> refFor(const QString &resourceId, const kube::Object &object) const;

    QPointer<ClusterSession> m_session;
};

} // namespace timonel
