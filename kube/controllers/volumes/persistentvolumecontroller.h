#pragma once
// PersistentVolumeController: the embedded cluster's persistentvolume-controller (upstream
// pkg/controller/volume/persistentvolume), with what kind's other storage pieces do around it:
//   binding     a pending claim gets the best Available volume (persistentvolumebinder.h),
//               or the one it names; both sides are written as upstream writes them
//               (bindingupdates.h), and broken bindings end Lost or are repaired;
//   provisioning a claim of a class whose provisioner is timonel.dev/local-path gets a volume
//               made for it (provisioner.h); other provisioners are waited for, as upstream;
//   reclaim     a volume whose claim is gone is Released, then kept, deleted or failed by its
//               reclaim policy (reclaim.h);
//   protection  the kubernetes.io/pvc-protection and pv-protection finalizers: a claim a
//               running pod uses, and a Bound volume, stay Terminating until released;
//   scheduling  installs the claim lookup of the scheduler's VolumeBinding filter for this
//               thread and re-queues pods waiting on a claim once it is Bound (upstream's
//               scheduling queue moves them on PVC events).
// StorageClasses in WaitForFirstConsumer mode bind or provision once a pod uses the claim (no
// node selection: volumes here have no topology).
//
// Keys: claims "namespace/name", volumes "name" (cluster-scoped, so no slash). Each sync takes
// one step and writes; the informer events of its own writes bring the next step.
//
// Thread affinity: the controllers' thread. Cost per sync: a parse of the object, and for an
// unbound claim one of every volume.

#include "kube/controllers/controller.h"

#include <QJsonObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace kube {

namespace scheduler {
class ScopedClaimLookup;
}

class SharedInformer;
struct ClaimInfo;
struct ResourceRef;
struct StorageClassInfo;
struct VolumeInfo;

class PersistentVolumeController : public Controller
{
    Q_OBJECT
public:
    // peers: the controllers already running; the scheduler ("default-scheduler") among them is
    // told when pods may have become schedulable.
    PersistentVolumeController(const ControllerContext &context, const std::vector<std::unique_ptr<Controller>> &peers,
                               QObject *parent = nullptr);
    ~PersistentVolumeController() override;

protected:
    void sync(const QString &key, Done done) override;

private:
    // Informer handlers (persistentvolumecontroller.cpp).
    void claimChanged(const Object *oldClaim, const Object &claim, bool deleted);
    void volumeChanged(const Object &volume, bool deleted);
    void enqueueUnboundClaims(const QString &storageClass = {});
    void wakeConsumers(const QString &ns, const QString &claim);
    QList<Object> consumers(const QString &ns, const QString &claim) const;
    bool claimInUse(const ClaimInfo &claim) const;
    // Finalizers; true when a write was started (it ends the sync).
    bool syncClaimProtection(const ClaimInfo &claim, const Done &done);
    bool syncVolumeProtection(const VolumeInfo &volume, const Done &done);

    // The reconcile steps (persistentvolumesync.cpp).
    void syncClaim(const ClaimInfo &claim, Done done);
    void syncUnboundClaim(const ClaimInfo &claim, Done done);
    void syncBoundClaim(const ClaimInfo &claim, Done done);
    void provisionClaim(const ClaimInfo &claim, const StorageClassInfo *storageClass, Done done);
    void syncVolume(const VolumeInfo &volume, Done done);
    void releaseVolume(const VolumeInfo &volume, Done done);
    void markReleased(const VolumeInfo &volume, Done done);
    void reclaimVolume(const VolumeInfo &volume, Done done);
    void bind(const VolumeInfo &volume, const ClaimInfo &claim, Done done);
    void setClaimPhase(const ClaimInfo &claim, const QString &phase, Done done, const QString &warningReason = {},
                       const QString &warningMessage = {});
    void setVolumePhase(const VolumeInfo &volume, const QString &phase, Done done, const QString &warningReason = {},
                        const QString &warningMessage = {});
    // PUTs edited (when set) to ref and hands the stored object to next; with nothing to write,
    // hands current. An error ends the sync; next is dropped if the controller is gone.
    using Next = std::function<void(const QJsonObject &stored)>;
    void put(const ResourceRef &ref, const std::optional<QJsonObject> &edited, const QJsonObject &current, const Done &done, Next next);
    QList<VolumeInfo> volumes() const;
    std::optional<StorageClassInfo> storageClass(const QString &name) const;

    SharedInformer *m_claims;
    SharedInformer *m_volumes;
    SharedInformer *m_classes;
    SharedInformer *m_pods;
    QPointer<Controller> m_scheduler;
    std::unique_ptr<scheduler::ScopedClaimLookup> m_claimLookup;
};

} // namespace kube
