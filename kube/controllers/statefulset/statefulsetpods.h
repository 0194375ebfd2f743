#pragma once
// The identity of a StatefulSet's members (upstream stateful_set_utils.go): pod "<set>-<ordinal>"
// with hostname = its name and subdomain = spec.serviceName, labelled with
// statefulset.kubernetes.io/pod-name, apps.kubernetes.io/pod-index and controller-revision-hash
// (the ControllerRevision's name), controlled by the set; and one PersistentVolumeClaim
// "<template>-<set>-<ordinal>" per volumeClaimTemplate, labelled with the selector's matchLabels
// and mounted as the pod volume named after the template.
// Sets and pods are JSON objects as the API serves them. Pure functions; any thread.

#include "kube/api/object.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace kube::statefulset {

inline constexpr auto PodNameLabel = "statefulset.kubernetes.io/pod-name";
inline constexpr auto PodIndexLabel = "apps.kubernetes.io/pod-index";
inline constexpr auto RevisionLabel = "controller-revision-hash";

// getParentNameAndOrdinal: "web-2" → {web, 2}; a name without a numeric suffix has ordinal -1.
struct MemberName {
    QString parent;
    int ordinal = -1;
};
MemberName parseMemberName(const QString &podName);

QString podName(const QString &setName, int ordinal);
QString claimName(const QString &templateName, const QString &setName, int ordinal);

// spec.ordinals.start (0 when unset).
int startOrdinal(const QJsonObject &set);

// newStatefulSetPod: the pod for ordinal made from set's spec.template (the caller passes the
// set with the template of the wanted revision, see applyRevision), labelled with revisionName.
QJsonObject newStatefulSetPod(const QJsonObject &set, int ordinal, const QString &revisionName);

// getPersistentVolumeClaims: the claims of the member with ordinal, in template order (without
// owner references; the retention policy decides those).
QList<QJsonObject> claimsForOrdinal(const QJsonObject &set, int ordinal);

// identityMatches: the pod is the set's member of its ordinal, with its pod-name and pod-index labels.
bool identityMatches(const QJsonObject &set, const Object &pod);
// updateIdentity: the pod (JSON) with its identity labels restored.
QJsonObject withIdentity(const QJsonObject &set, QJsonObject pod);

} // namespace kube::statefulset
