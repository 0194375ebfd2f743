#include "persistentvolumecontroller.h"

#include "bindingupdates.h"
#include "volumeinfo.h"

#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/scheduler/volumebinding.h"

#include <algorithm>

namespace kube {

namespace {

// The pods informer's index of the claims each pod's volumes name: "namespace/claim".
constexpr auto PodClaimsIndex = "persistentVolumeClaims";

GroupVersionResource claimsResource() { return {QString(), u"v1"_qs, u"persistentvolumeclaims"_qs}; }
GroupVersionResource volumesResource() { return {QString(), u"v1"_qs, u"persistentvolumes"_qs}; }
GroupVersionResource classesResource() { return {u"storage.k8s.io"_qs, u"v1"_qs, u"storageclasses"_qs}; }

QStringList podClaimKeys(const Object &pod)
{
    QStringList keys;
    for (const QString &claim : podClaimNames(pod))
        keys.append(queueKey(pod.namespace_(), claim));
    return keys;
}

std::optional<QString> stringAt(const Object &object, QStringView path)
{
    return object.scalarAt(path);
}

// What the scheduler's VolumeBinding filter needs to know of one claim.
scheduler::ClaimState claimState(const Lister &claims, const Lister &classes, const QString &ns, const QString &name)
{
    using scheduler::ClaimState;
    const std::optional<Object> claim = claims.get(ns, name);
    if (!claim)
        return ClaimState::Missing;
    if (claim->isBeingDeleted())
        return ClaimState::Deleting;
    // Upstream's isPVCFullyBound: a volume named and the binding completed.
    if (!stringAt(*claim, u"spec.volumeName").value_or(QString()).isEmpty()
        && claim->annotations().contains(QString::fromLatin1(volumeannotation::BindCompleted)))
        return ClaimState::Bound;
    const std::optional<Object> storageClass = classes.get(QString(), stringAt(*claim, u"spec.storageClassName").value_or(QString()));
    if (storageClass && stringAt(*storageClass, u"volumeBindingMode") == u"WaitForFirstConsumer")
        return ClaimState::UnboundWaitForFirstConsumer;
    return ClaimState::Unbound;
}

} // namespace

PersistentVolumeController::PersistentVolumeController(const ControllerContext &context,
                                                       const std::vector<std::unique_ptr<Controller>> &peers, QObject *parent)
    : Controller(u"persistentvolume-controller"_qs, context, parent)
    , m_claims(context.informer(claimsResource()))
    , m_volumes(context.informer(volumesResource()))
    , m_classes(context.informer(classesResource()))
    , m_pods(context.informer(gvr::pods()))
{
    for (const auto &peer : peers) {
        if (peer->name() == u"default-scheduler")
            m_scheduler = peer.get();
    }
    m_pods->addIndexer(QString::fromLatin1(PodClaimsIndex), podClaimKeys);
    m_claimLookup = std::make_unique<scheduler::ScopedClaimLookup>(
        [claims = m_claims->lister(), classes = m_classes->lister()](const QString &ns, const QString &name) {
            return claimState(claims, classes, ns, name);
        });

    ResourceEventHandler claims;
    claims.added = [this](const Object &c) { claimChanged(nullptr, c, false); };
    claims.updated = [this](const Object &o, const Object &c) { claimChanged(&o, c, false); };
    claims.deleted = [this](const Object &c, DeleteState) { claimChanged(nullptr, c, true); };
    m_claims->addEventHandler(this, claims);

    ResourceEventHandler volumes;
    volumes.added = [this](const Object &v) { volumeChanged(v, false); };
    volumes.updated = [this](const Object &, const Object &v) { volumeChanged(v, false); };
    volumes.deleted = [this](const Object &v, DeleteState) { volumeChanged(v, true); };
    m_volumes->addEventHandler(this, volumes);

    ResourceEventHandler classes;
    classes.added = [this](const Object &c) { enqueueUnboundClaims(c.name()); };
    classes.updated = [this](const Object &, const Object &c) { enqueueUnboundClaims(c.name()); };
    m_classes->addEventHandler(this, classes);

    // A pod coming or going changes whether its claims are in use (protection) or have a
    // consumer (WaitForFirstConsumer).
    ResourceEventHandler pods;
    const auto podChanged = [this](const Object &pod) {
        for (const QString &key : podClaimKeys(pod))
            enqueue(key);
    };
    pods.added = podChanged;
    pods.updated = [podChanged](const Object &, const Object &p) { podChanged(p); };
    pods.deleted = [podChanged](const Object &p, DeleteState) { podChanged(p); };
    m_pods->addEventHandler(this, pods);
}

PersistentVolumeController::~PersistentVolumeController() = default;

void PersistentVolumeController::claimChanged(const Object *oldClaim, const Object &claim, bool deleted)
{
    enqueue(claim);
    const QString volumeName = stringAt(claim, u"spec.volumeName").value_or(QString());
    if (deleted) {
        // Its volume is released: the one it names, or one provisioned for it but not yet bound.
        if (!volumeName.isEmpty())
            enqueue(volumeName);
        for (const Object &volume : m_volumes->lister().list()) {
            if (stringAt(volume, u"spec.claimRef.uid") == claim.uid())
                enqueue(volume.name());
        }
        return;
    }
    const bool bound = stringAt(claim, u"status.phase") == u"Bound";
    const bool wasBound = oldClaim && stringAt(*oldClaim, u"status.phase") == u"Bound";
    if (bound && !wasBound)
        wakeConsumers(claim.namespace_(), claim.name());
}

void PersistentVolumeController::volumeChanged(const Object &volume, bool deleted)
{
    if (!deleted)
        enqueue(volume.name());
    const QString claimName = stringAt(volume, u"spec.claimRef.name").value_or(QString());
    if (!claimName.isEmpty())
        enqueue(queueKey(stringAt(volume, u"spec.claimRef.namespace").value_or(QString()), claimName));
    // A volume that may be free now can satisfy a waiting claim (upstream finds it on its
    // periodic resync; ours has none).
    if (!deleted && stringAt(volume, u"spec.claimRef.uid").value_or(QString()).isEmpty())
        enqueueUnboundClaims();
}

void PersistentVolumeController::enqueueUnboundClaims(const QString &storageClass)
{
    for (const Object &claim : m_claims->lister().list()) {
        if (claim.annotations().contains(QString::fromLatin1(volumeannotation::BindCompleted)))
            continue;
        if (!storageClass.isEmpty() && stringAt(claim, u"spec.storageClassName") != storageClass)
            continue;
        enqueue(claim);
    }
}

QList<Object> PersistentVolumeController::consumers(const QString &ns, const QString &claim) const
{
    return m_pods->lister().byIndex(QString::fromLatin1(PodClaimsIndex), queueKey(ns, claim));
}

void PersistentVolumeController::wakeConsumers(const QString &ns, const QString &claim)
{
    if (!m_scheduler)
        return;
    for (const Object &pod : consumers(ns, claim)) {
        if (stringAt(pod, u"spec.nodeName").value_or(QString()).isEmpty())
            m_scheduler->enqueue(queueKey(pod.namespace_(), pod.name()));
    }
}

bool PersistentVolumeController::claimInUse(const ClaimInfo &claim) const
{
    const QList<Object> pods = consumers(claim.namespace_, claim.name);
    return std::any_of(pods.begin(), pods.end(), [](const Object &pod) { return podHoldsClaims(pod); });
}

void PersistentVolumeController::sync(const QString &key, Done done)
{
    // A bound claim whose volume is not cached yet would look Lost: wait for every cache.
    if (!m_claims->hasSynced() || !m_volumes->hasSynced() || !m_classes->hasSynced() || !m_pods->hasSynced()) {
        enqueueAfterRealTime(key, 100);
        done({});
        return;
    }
    const auto [ns, objectName] = splitQueueKey(key);
    if (ns.isEmpty()) {
        const std::optional<Object> volume = m_volumes->lister().get(QString(), objectName);
        if (!volume) {
            done({});
            return;
        }
        const VolumeInfo info = VolumeInfo::from(*volume);
        if (syncVolumeProtection(info, done))
            return;
        syncVolume(info, std::move(done));
        return;
    }
    const std::optional<Object> claim = m_claims->lister().get(ns, objectName);
    if (!claim) {
        done({});
        return;
    }
    const ClaimInfo info = ClaimInfo::from(*claim);
    if (syncClaimProtection(info, done))
        return;
    if (info.deleting) {
        done({}); // kept only while a pod uses it; nothing to bind any more
        return;
    }
    syncClaim(info, std::move(done));
}

// upstream pvc-protection-controller: the finalizer goes on every claim, and comes off a
// deleted one once no scheduled, unfinished pod uses it.
bool PersistentVolumeController::syncClaimProtection(const ClaimInfo &claim, const Done &done)
{
    const QString finalizer = QString::fromLatin1(volumefinalizer::ClaimProtection);
    const bool wanted = !claim.deleting || claimInUse(claim);
    const auto edited = withFinalizer(claim.json, finalizer, wanted);
    if (!edited || (claim.deleting && wanted))
        return false;
    put({claimsResource(), claim.namespace_, claim.name, QString()}, edited, claim.json, done, [done](const QJsonObject &) { done({}); });
    return true;
}

// upstream pv-protection-controller: the finalizer goes on every volume, and comes off a
// deleted one once it is not Bound.
bool PersistentVolumeController::syncVolumeProtection(const VolumeInfo &volume, const Done &done)
{
    const QString finalizer = QString::fromLatin1(volumefinalizer::VolumeProtection);
    const bool wanted = !volume.deleting || volume.phase == u"Bound";
    const auto edited = withFinalizer(volume.json, finalizer, wanted);
    if (!edited || (volume.deleting && wanted))
        return false;
    put({volumesResource(), QString(), volume.name, QString()}, edited, volume.json, done, [done](const QJsonObject &) { done({}); });
    return true;
}

void PersistentVolumeController::put(const ResourceRef &ref, const std::optional<QJsonObject> &edited, const QJsonObject &current,
                                     const Done &done, Next next)
{
    if (!edited) {
        next(current);
        return;
    }
    QPointer<PersistentVolumeController> self(this);
    m_context.client->update(ref, Object::fromJson(*edited), [self, done, next = std::move(next)](Expected<Object> stored) {
        if (!self)
            return;
        if (!stored) {
            done(stored.error().is(reason::NotFound) ? Status() : stored.error());
            return;
        }
        next(stored->toJson());
    });
}

QList<VolumeInfo> PersistentVolumeController::volumes() const
{
    QList<VolumeInfo> infos;
    for (const Object &volume : m_volumes->lister().list())
        infos.append(VolumeInfo::from(volume));
    return infos;
}

std::optional<StorageClassInfo> PersistentVolumeController::storageClass(const QString &name) const
{
    if (name.isEmpty())
        return std::nullopt;
    const std::optional<Object> found = m_classes->lister().get(QString(), name);
    if (!found)
        return std::nullopt;
    return StorageClassInfo::from(*found);
}

} // namespace kube
