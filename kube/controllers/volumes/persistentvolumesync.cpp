// PersistentVolumeController's reconcile steps (upstream pv_controller.go): syncClaim,
// syncUnboundClaim, syncBoundClaim, syncVolume, bind, provisioning and reclaim. Each reads the
// caches, starts the writes of one step and reports through done.
#include "persistentvolumecontroller.h"

#include "bindingupdates.h"
#include "persistentvolumebinder.h"
#include "provisioner.h"
#include "reclaim.h"
#include "volumeinfo.h"

#include "kube/api/clock.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/eventrecorder.h"

#include <algorithm>

namespace kube {

namespace {

GroupVersionResource claimsResource() { return {QString(), u"v1"_qs, u"persistentvolumeclaims"_qs}; }
GroupVersionResource volumesResource() { return {QString(), u"v1"_qs, u"persistentvolumes"_qs}; }

// upstream's NotSupportedProvisioner: the class has no dynamic provisioning at all.
constexpr auto NoProvisioner = "kubernetes.io/no-provisioner";

ResourceRef claimRef(const ClaimInfo &claim, const QString &subresource = {})
{
    return {claimsResource(), claim.namespace_, claim.name, subresource};
}

ResourceRef volumeRef(const QString &name, const QString &subresource = {})
{
    return {volumesResource(), QString(), name, subresource};
}

} // namespace

void PersistentVolumeController::syncClaim(const ClaimInfo &claim, Done done)
{
    if (!claim.hasAnnotation(volumeannotation::BindCompleted))
        syncUnboundClaim(claim, std::move(done));
    else
        syncBoundClaim(claim, std::move(done));
}

void PersistentVolumeController::syncUnboundClaim(const ClaimInfo &claim, Done done)
{
    const QList<VolumeInfo> all = volumes();
    if (claim.volumeName.isEmpty()) {
        const std::optional<StorageClassInfo> cls = storageClass(claim.storageClass);
        // WaitForFirstConsumer: nothing is bound or provisioned before a pod uses the claim.
        const bool delayBinding = cls && cls->waitForFirstConsumer && consumers(claim.namespace_, claim.name).isEmpty();
        const qsizetype match = findBestMatchForClaim(claim, all, delayBinding);
        if (match >= 0) {
            bind(all.at(match), claim, std::move(done));
            return;
        }
        if (delayBinding) {
            m_context.events->record(claim.object, EventRecorder::Type::Normal, u"WaitForFirstConsumer"_qs,
                                     u"waiting for first consumer to be created before binding"_qs, name());
        } else if (!claim.storageClass.isEmpty()) {
            provisionClaim(claim, cls ? &*cls : nullptr, std::move(done));
            return;
        } else {
            m_context.events->record(claim.object, EventRecorder::Type::Normal, u"FailedBinding"_qs,
                                     u"no persistent volumes available for this claim and no storage class is set"_qs, name());
        }
        setClaimPhase(claim, u"Pending"_qs, std::move(done));
        return;
    }
    // The user asked for a specific volume.
    const auto found = std::find_if(all.begin(), all.end(), [&](const VolumeInfo &v) { return v.name == claim.volumeName; });
    if (found == all.end()) {
        setClaimPhase(claim, u"Pending"_qs, std::move(done)); // it may be created later
        return;
    }
    if (!found->claimRef) {
        const QString mismatch = checkVolumeSatisfyClaim(*found, claim);
        if (mismatch.isEmpty()) {
            bind(*found, claim, std::move(done));
            return;
        }
        m_context.events->record(claim.object, EventRecorder::Type::Warning, u"VolumeMismatch"_qs,
                                 u"Cannot bind to requested volume \"%1\": %2"_qs.arg(found->name, mismatch), name());
        setClaimPhase(claim, u"Pending"_qs, std::move(done));
        return;
    }
    if (isVolumeBoundToClaim(*found, claim)) {
        bind(*found, claim, std::move(done)); // finish a binding begun on the volume's side
        return;
    }
    // Claimed by another: wait, the user may free it.
    setClaimPhase(claim, u"Pending"_qs, std::move(done));
}

void PersistentVolumeController::syncBoundClaim(const ClaimInfo &claim, Done done)
{
    if (claim.volumeName.isEmpty()) {
        setClaimPhase(claim, u"Lost"_qs, std::move(done), u"ClaimLost"_qs,
                      u"Bound claim has lost reference to PersistentVolume. Data on the volume is lost!"_qs);
        return;
    }
    const std::optional<Object> volume = m_volumes->lister().get(QString(), claim.volumeName);
    if (!volume) {
        setClaimPhase(claim, u"Lost"_qs, std::move(done), u"ClaimLost"_qs,
                      u"Bound claim has lost its PersistentVolume. Data on the volume is lost!"_qs);
        return;
    }
    const VolumeInfo info = VolumeInfo::from(*volume);
    if (!info.claimRef || info.claimRef->uid == claim.uid) {
        bind(info, claim, std::move(done)); // repairs whatever side is not bound; usually writes nothing
        return;
    }
    setClaimPhase(claim, u"Lost"_qs, std::move(done), u"ClaimMisbound"_qs,
                  u"Two claims are bound to the same volume, this one is bound incorrectly"_qs);
}

// upstream provisionClaim: in-tree plugins are none here; an external provisioner is asked for
// with the storage-provisioner annotations, and ours (localpath) answers in the next sync.
void PersistentVolumeController::provisionClaim(const ClaimInfo &claim, const StorageClassInfo *cls, Done done)
{
    if (!cls || cls->provisioner == QLatin1StringView(NoProvisioner)) {
        const QString message = cls ? u"no volume plugin matched name: %1"_qs.arg(cls->provisioner)
                                    : u"storageclass.storage.k8s.io \"%1\" not found"_qs.arg(claim.storageClass);
        m_context.events->record(claim.object, EventRecorder::Type::Warning, u"ProvisioningFailed"_qs, message, name());
        setClaimPhase(claim, u"Pending"_qs, std::move(done));
        return;
    }
    const auto annotated = withAnnotations(claim.json, {{QString::fromLatin1(volumeannotation::StorageProvisioner), cls->provisioner},
                                                        {QString::fromLatin1(volumeannotation::BetaStorageProvisioner), cls->provisioner}});
    if (annotated) {
        m_context.events->record(claim.object, EventRecorder::Type::Normal, u"ExternalProvisioning"_qs,
                                 u"Waiting for a volume to be created either by the external provisioner '%1' or manually by the "
                                 "system administrator. If volume creation is delayed, please verify that the provisioner is "
                                 "running and correctly registered."_qs.arg(cls->provisioner), name());
        put(claimRef(claim), annotated, claim.json, done, [done](const QJsonObject &) { done({}); });
        return;
    }
    if (cls->provisioner != QLatin1StringView(localpath::Provisioner)) {
        done({}); // another provisioner's work
        return;
    }
    // The local-path provisioner. Its volume, once seen, re-queues the claim, which binds it.
    if (m_volumes->lister().get(QString(), provisionedVolumeName(claim))) {
        done({});
        return;
    }
    const QString component = QString::fromLatin1(localpath::EventComponent);
    m_context.events->record(claim.object, EventRecorder::Type::Normal, u"Provisioning"_qs,
                             u"External provisioner is provisioning volume for claim \"%1\""_qs.arg(claim.key()), component);
    const QJsonObject volume = buildProvisionedVolume(claim, *cls);
    QPointer<PersistentVolumeController> self(this);
    m_context.client->create(volumeRef(QString()), Object::fromJson(volume),
        [self, claim = claim.object, storageClass = cls->name, component, done](Expected<Object> created) {
            if (!self)
                return;
            if (!created) {
                if (created.error().is(reason::AlreadyExists)) {
                    done({});
                    return;
                }
                self->m_context.events->record(claim, EventRecorder::Type::Warning, u"ProvisioningFailed"_qs,
                                               u"failed to provision volume with StorageClass \"%1\": %2"_qs.arg(storageClass, created.error().message()),
                                               component);
                done(created.error());
                return;
            }
            self->m_context.events->record(claim, EventRecorder::Type::Normal, u"ProvisioningSucceeded"_qs,
                                           u"Successfully provisioned volume %1"_qs.arg(created->name()), component);
            done({});
        });
}

void PersistentVolumeController::syncVolume(const VolumeInfo &volume, Done done)
{
    // Free, or reserved by name for a claim that will find it.
    if (!volume.claimRef || volume.claimRef->uid.isEmpty()) {
        setVolumePhase(volume, u"Available"_qs, std::move(done));
        return;
    }
    std::optional<ClaimInfo> claim;
    if (const auto found = m_claims->lister().get(volume.claimRef->namespace_, volume.claimRef->name))
        claim = ClaimInfo::from(*found);
    if (claim && claim->uid != volume.claimRef->uid)
        claim.reset(); // deleted, and another made with the same name
    if (!claim) {
        releaseVolume(volume, std::move(done));
        return;
    }
    if (claim->volumeName.isEmpty()) {
        enqueue(claim->key()); // the claim's sync finishes the binding
        done({});
        return;
    }
    if (claim->volumeName == volume.name) {
        setVolumePhase(volume, u"Bound"_qs, std::move(done));
        return;
    }
    // The claim is bound to another volume.
    if (volume.hasAnnotation(volumeannotation::ProvisionedBy) && volume.reclaimPolicy == u"Delete") {
        if (volume.phase == u"Released" || volume.phase == u"Failed")
            reclaimVolume(volume, std::move(done));
        else
            markReleased(volume, std::move(done)); // provisioned for nothing: delete it
        return;
    }
    const QJsonObject unbound = unbindVolume(volume);
    put(volumeRef(volume.name), unbound, volume.json, done, [this, done](const QJsonObject &stored) {
        setVolumePhase(VolumeInfo::from(Object::fromJson(stored)), u"Available"_qs, done);
    });
}

// The claim is gone: Released, then the reclaim policy. The cache may lag behind a claim made
// just now, so before releasing a volume that is still Bound the API server is asked.
void PersistentVolumeController::releaseVolume(const VolumeInfo &volume, Done done)
{
    if (volume.phase == u"Released" || volume.phase == u"Failed") {
        reclaimVolume(volume, std::move(done));
        return;
    }
    QPointer<PersistentVolumeController> self(this);
    m_context.client->get({claimsResource(), volume.claimRef->namespace_, volume.claimRef->name, QString()},
        [self, volume, done](Expected<Object> claim) {
            if (!self)
                return;
            if (claim && claim->uid() == volume.claimRef->uid) {
                done({}); // the claim exists; its informer event brings us back
                return;
            }
            if (!claim && !claim.error().is(reason::NotFound)) {
                done(claim.error());
                return;
            }
            self->markReleased(volume, done);
        });
}

void PersistentVolumeController::markReleased(const VolumeInfo &volume, Done done)
{
    const auto released = volumeWithPhase(volume.json, u"Released"_qs, {}, m_context.clock->now());
    put(volumeRef(volume.name, u"status"_qs), released, volume.json, done, [this, done](const QJsonObject &stored) {
        reclaimVolume(VolumeInfo::from(Object::fromJson(stored)), done);
    });
}

void PersistentVolumeController::reclaimVolume(const VolumeInfo &volume, Done done)
{
    const ReclaimDecision decision = decideReclaim(volume);
    switch (decision.action) {
    case ReclaimDecision::Action::Keep:
    case ReclaimDecision::Action::WaitForExternal:
        done({});
        return;
    case ReclaimDecision::Action::KeepWithWarning:
        m_context.events->record(volume.object, EventRecorder::Type::Warning, decision.reason, decision.message, name());
        done({});
        return;
    case ReclaimDecision::Action::Fail:
        setVolumePhase(volume, u"Failed"_qs, std::move(done), decision.reason, decision.message);
        return;
    case ReclaimDecision::Action::Delete:
        break;
    }
    if (volume.deleting) {
        done({}); // the pv-protection finalizer comes off in the next sync
        return;
    }
    m_context.client->remove(volumeRef(volume.name), [done](Expected<Object> removed) {
        done(removed || removed.error().is(reason::NotFound) ? Status() : removed.error());
    });
}

// upstream bind(): the volume's claimRef, its phase, the claim's volumeName, its status —
// each written only when not already so.
void PersistentVolumeController::bind(const VolumeInfo &volume, const ClaimInfo &claim, Done done)
{
    const QDateTime now = m_context.clock->now();
    const QString volumeName = volume.name;
    put(volumeRef(volumeName), bindVolumeToClaim(volume, claim), volume.json, done, [this, claim, volumeName, now, done](const QJsonObject &pv) {
        put(volumeRef(volumeName, u"status"_qs), volumeWithPhase(pv, u"Bound"_qs, {}, now), pv, done,
            [this, claim, volumeName, done](const QJsonObject &pv) {
                put(claimRef(claim), bindClaimToVolume(claim, volumeName), claim.json, done, [this, claim, pv, done](const QJsonObject &pvc) {
                    put(claimRef(claim, u"status"_qs), claimWithStatus(pvc, u"Bound"_qs, &pv), pvc, done,
                        [done](const QJsonObject &) { done({}); });
                });
            });
    });
}

void PersistentVolumeController::setClaimPhase(const ClaimInfo &claim, const QString &phase, Done done,
                                               const QString &warningReason, const QString &warningMessage)
{
    const auto edited = claimWithStatus(claim.json, phase, nullptr);
    if (edited && !warningReason.isEmpty() && claim.phase != phase)
        m_context.events->record(claim.object, EventRecorder::Type::Warning, warningReason, warningMessage, name());
    put(claimRef(claim, u"status"_qs), edited, claim.json, done, [done](const QJsonObject &) { done({}); });
}

void PersistentVolumeController::setVolumePhase(const VolumeInfo &volume, const QString &phase, Done done,
                                                const QString &warningReason, const QString &warningMessage)
{
    const auto edited = volumeWithPhase(volume.json, phase, warningMessage, m_context.clock->now());
    if (edited && !warningReason.isEmpty())
        m_context.events->record(volume.object, EventRecorder::Type::Warning, warningReason, warningMessage, name());
    put(volumeRef(volume.name, u"status"_qs), edited, volume.json, done, [done](const QJsonObject &) { done({}); });
}

} // namespace kube
