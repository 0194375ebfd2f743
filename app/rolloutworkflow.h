#pragma once
// RolloutWorkflow: keeps a RolloutPanel live for one Deployment, DaemonSet or StatefulSet and
// carries out its intents through the ClusterSession, with the requests kubectl makes
// (models/rollouthistory.h):
//   undo       GET the Deployment (kubectl decides on the live object, not a cache), then the
//              JSON patch of `rollout undo --to-revision` (field manager kubectl-rollout);
//              a paused Deployment, an unknown revision or a revision that is already current
//              is reported with kubectl's message and sends nothing
//   pause      strategic merge patch spec.paused (kubectl-rollout)
//   restart    ObjectActions::restart (kubectl.kubernetes.io/restartedAt)
//   set image  strategic merge patch of the container's image + change-cause (kubectl-set)
// Each result is reported by actionFinished() (what, success, the server's message).
//
// DaemonSets and StatefulSets (models/workloadhistory.h): undo GETs the workload and sends the
// chosen ControllerRevision's data bytes as a strategic merge patch (kubectl-rollout); the
// revisions come from the informer cache (kubectl lists them from the server); pause and
// resume are refused with kubectl's words; restart and set image are the Deployment's
// requests on the workload. Their informers are the workload's resource, controllerrevisions.apps, pods and
// events, each held through a kube::InformerSubscription.
//
// Live data: while a Deployment is set and a session is connected, it holds the session's
// shared informers for deployments.apps, replicasets.apps, pods and events (all namespaces,
// so they are the ones the console already watches) and refreshes the panel (debounced,
// kRefreshDelay) when any of them delivers. setDeployment(null), setSession(null) and the
// destructor release them.
//
// GUI thread only.

#include "kube/api/object.h"
#include "kube/api/status.h"
#include "kube/cache/informersubscription.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

#include <map>
#include <memory>

namespace kube {
struct ResourceRef;
}

namespace timonel {

class ClusterSession;
class ObjectActions;
class RolloutPanel;

class RolloutWorkflow : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const kube::Status &status)>;
    static constexpr std::chrono::milliseconds kRefreshDelay{100};

    // panel: not owned; its intents are connected here.
    explicit RolloutWorkflow(RolloutPanel *panel, QObject *parent = nullptr);
    ~RolloutWorkflow() override;

    void setSession(ClusterSession *session);
    // resourceId: "deployments.apps", "daemonsets.apps" or "statefulsets.apps"; a null object
    // (or another kind) empties the panel and releases the informers.
    void setDeployment(const QString &resourceId, const kube::Object &deployment);
    const kube::Object &deployment() const { return m_deployment; }
    RolloutPanel *panel() const { return m_panel; }

    // The panel's intents (also callable directly).
    void undo(const kube::Object &deployment, qint64 revision, Done done);
    void setPaused(const kube::Object &deployment, bool pause, Done done);
    void restart(const kube::Object &deployment, Done done);
    void setImage(const kube::Object &deployment, const QString &container, const QString &image, const QString &changeCause,
                  Done done);

    // Re-reads the caches into the panel now (the informers' handler does it debounced).
    void refresh();
    int heldInformerCount() const { return int(m_informers.size()); }

Q_SIGNALS:
    void actionFinished(const QString &what, bool ok, const QString &message);

private:
    void acquireInformers();
    void releaseInformers();
    void report(const QString &what, const kube::Status &status);
    Done reporter(const QString &what);

    RolloutPanel *m_panel;
    ObjectActions *m_actions;
    QPointer<ClusterSession> m_session;
    kube::SharedInformer *informer(const QString &resource) const;
    kube::ResourceRef workloadRef(const kube::Object &workload) const;

    QString m_resourceId;
    QString m_kind; // "Deployment", "DaemonSet", "StatefulSet"; empty when none
    kube::Object m_deployment;
    std::map<QString, std::unique_ptr<kube::InformerSubscription>> m_informers; // by resource id
    QTimer m_refresh;
};

} // namespace timonel
