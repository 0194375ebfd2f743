#pragma once
// What the persistent volume controller reads from PersistentVolumeClaims, PersistentVolumes,
// StorageClasses and Pods, extracted once per sync from their bytes, and the annotation,
// finalizer and label names upstream's controllers write (component-helpers/storage/volume).
// A claim's or volume's class is upstream's GetPersistentVolume(Claim)Class: the beta
// annotation volume.beta.kubernetes.io/storage-class wins over spec.storageClassName.
//
// Plain value types and functions; any thread. Each from() costs one JSON parse.

#include "kube/api/labelselector.h"
#include "kube/api/object.h"
#include "kube/api/quantity.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace kube {

namespace volumeannotation {
inline constexpr auto BindCompleted = "pv.kubernetes.io/bind-completed";
inline constexpr auto BoundByController = "pv.kubernetes.io/bound-by-controller";
inline constexpr auto ProvisionedBy = "pv.kubernetes.io/provisioned-by";
inline constexpr auto StorageProvisioner = "volume.kubernetes.io/storage-provisioner";
inline constexpr auto BetaStorageProvisioner = "volume.beta.kubernetes.io/storage-provisioner";
inline constexpr auto BetaStorageClass = "volume.beta.kubernetes.io/storage-class";
inline constexpr auto IsDefaultClass = "storageclass.kubernetes.io/is-default-class";
} // namespace volumeannotation

namespace volumefinalizer {
inline constexpr auto ClaimProtection = "kubernetes.io/pvc-protection";
inline constexpr auto VolumeProtection = "kubernetes.io/pv-protection";
} // namespace volumefinalizer

// A set of access modes (ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod).
class AccessModes
{
public:
    AccessModes() = default;
    static AccessModes fromJson(const QJsonValue &modes); // unknown names are ignored
    QJsonArray toJson() const;                            // in upstream's order
    bool containsAll(AccessModes other) const { return (m_bits & other.m_bits) == other.m_bits; }
    int count() const;
    quint8 bits() const { return m_bits; }
    friend bool operator==(AccessModes, AccessModes) = default;

private:
    quint8 m_bits = 0;
};

struct ClaimRef {
    QString namespace_;
    QString name;
    QString uid; // empty: pre-bound by name only
};

struct ClaimInfo {
    Object object;
    QJsonObject json;
    QString namespace_;
    QString name;
    QString uid;
    QString storageClass;   // "" when none
    bool hasClass = false;  // a class was asked for (even ""): the default one no longer applies
    QString volumeName;     // spec.volumeName
    AccessModes accessModes;
    Quantity request;       // spec.resources.requests.storage
    QString volumeMode;     // Filesystem unless Block
    std::optional<LabelSelector> selector; // nullopt: none; an invalid one selects nothing
    QString phase;
    Labels annotations;
    QStringList finalizers;
    bool deleting = false;

    bool hasAnnotation(const char *key) const { return annotations.contains(QString::fromLatin1(key)); }
    QString key() const { return namespace_ + u'/' + name; }
    static ClaimInfo from(const Object &claim);
};

struct VolumeInfo {
    Object object;
    QJsonObject json;
    QString name;
    QString storageClass;
    AccessModes accessModes;
    Quantity capacity;      // spec.capacity.storage
    QString volumeMode;
    std::optional<ClaimRef> claimRef;
    QString phase;
    QString reclaimPolicy;  // Retain unless set
    QString hostPath;       // spec.hostPath.path; empty for other sources
    Labels labels;
    Labels annotations;
    QStringList finalizers;
    bool deleting = false;

    bool hasAnnotation(const char *key) const { return annotations.contains(QString::fromLatin1(key)); }
    static VolumeInfo from(const Object &volume);
};

struct StorageClassInfo {
    QString name;
    QString provisioner;
    QString reclaimPolicy = u"Delete"_qs;
    bool waitForFirstConsumer = false; // volumeBindingMode
    QJsonValue mountOptions;

    static StorageClassInfo from(const Object &storageClass);
};

// The claims a pod's volumes name (spec.volumes[].persistentVolumeClaim.claimName), in order.
// Cheap for pods without any: the bytes are searched before parsing.
QStringList podClaimNames(const Object &pod);
// The pod can hold a claim: scheduled and not finished (upstream's pvc-protection podUsesPVC,
// which ignores unscheduled pods: the kubelet never starts them on a deleting claim).
bool podHoldsClaims(const Object &pod);

} // namespace kube
