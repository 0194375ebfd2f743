#include "removedapis.h"

#include "editortr.h"

namespace timonel {

namespace {

QList<RemovedApi> buildTable()
{
    QList<RemovedApi> t;
    const auto add = [&t](const char *apiVersion, std::initializer_list<const char *> kinds, const char *removedIn,
                          const char *replacement, bool convertible) {
        for (const char *kind : kinds) {
            t.append({QString::fromLatin1(apiVersion), QString::fromLatin1(kind), QString::fromLatin1(removedIn),
                      QString::fromLatin1(replacement), convertible});
        }
    };
    // 1.16
    add("extensions/v1beta1", {"Deployment", "DaemonSet", "ReplicaSet"}, "1.16", "apps/v1", true);
    add("apps/v1beta1", {"Deployment", "StatefulSet"}, "1.16", "apps/v1", true);
    add("apps/v1beta2", {"Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"}, "1.16", "apps/v1", true);
    add("apps/v1beta1", {"ControllerRevision"}, "1.16", "apps/v1", false);
    add("apps/v1beta2", {"ControllerRevision"}, "1.16", "apps/v1", false);
    add("extensions/v1beta1", {"NetworkPolicy"}, "1.16", "networking.k8s.io/v1", true);
    add("extensions/v1beta1", {"PodSecurityPolicy"}, "1.16", "", false);
    // 1.22
    add("extensions/v1beta1", {"Ingress"}, "1.22", "networking.k8s.io/v1", true);
    add("networking.k8s.io/v1beta1", {"Ingress"}, "1.22", "networking.k8s.io/v1", true);
    add("networking.k8s.io/v1beta1", {"IngressClass"}, "1.22", "networking.k8s.io/v1", true);
    add("rbac.authorization.k8s.io/v1beta1", {"ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"}, "1.22",
        "rbac.authorization.k8s.io/v1", true);
    add("rbac.authorization.k8s.io/v1alpha1", {"ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"}, "1.22",
        "rbac.authorization.k8s.io/v1", true);
    add("apiextensions.k8s.io/v1beta1", {"CustomResourceDefinition"}, "1.22", "apiextensions.k8s.io/v1", false);
    add("admissionregistration.k8s.io/v1beta1", {"MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"}, "1.22",
        "admissionregistration.k8s.io/v1", false);
    add("apiregistration.k8s.io/v1beta1", {"APIService"}, "1.22", "apiregistration.k8s.io/v1", false);
    add("certificates.k8s.io/v1beta1", {"CertificateSigningRequest"}, "1.22", "certificates.k8s.io/v1", false);
    add("coordination.k8s.io/v1beta1", {"Lease"}, "1.22", "coordination.k8s.io/v1", true);
    add("scheduling.k8s.io/v1beta1", {"PriorityClass"}, "1.22", "scheduling.k8s.io/v1", true);
    add("storage.k8s.io/v1beta1", {"StorageClass", "CSINode", "CSIDriver", "VolumeAttachment"}, "1.22", "storage.k8s.io/v1", true);
    // 1.25
    add("batch/v1beta1", {"CronJob"}, "1.25", "batch/v1", true);
    add("policy/v1beta1", {"PodDisruptionBudget"}, "1.25", "policy/v1", true);
    add("policy/v1beta1", {"PodSecurityPolicy"}, "1.25", "", false);
    add("autoscaling/v2beta1", {"HorizontalPodAutoscaler"}, "1.25", "autoscaling/v2", true);
    add("discovery.k8s.io/v1beta1", {"EndpointSlice"}, "1.25", "discovery.k8s.io/v1", false);
    add("events.k8s.io/v1beta1", {"Event"}, "1.25", "events.k8s.io/v1", false);
    add("node.k8s.io/v1beta1", {"RuntimeClass"}, "1.25", "node.k8s.io/v1", false);
    // 1.26 and later
    add("autoscaling/v2beta2", {"HorizontalPodAutoscaler"}, "1.26", "autoscaling/v2", true);
    add("flowcontrol.apiserver.k8s.io/v1beta1", {"FlowSchema", "PriorityLevelConfiguration"}, "1.26",
        "flowcontrol.apiserver.k8s.io/v1", false);
    add("storage.k8s.io/v1beta1", {"CSIStorageCapacity"}, "1.27", "storage.k8s.io/v1", false);
    add("flowcontrol.apiserver.k8s.io/v1beta2", {"FlowSchema", "PriorityLevelConfiguration"}, "1.29",
        "flowcontrol.apiserver.k8s.io/v1", false);
    add("flowcontrol.apiserver.k8s.io/v1beta3", {"FlowSchema", "PriorityLevelConfiguration"}, "1.32",
        "flowcontrol.apiserver.k8s.io/v1", false);
    return t;
}

} // namespace

const QList<RemovedApi> &removedApis()
{
    static const QList<RemovedApi> table = buildTable();
    return table;
}

const RemovedApi *findRemovedApi(QStringView apiVersion, QStringView kind)
{
    for (const RemovedApi &api : removedApis()) {
        if (api.apiVersion == apiVersion && api.kind == kind)
            return &api;
    }
    return nullptr;
}

QString removedApiExplanation(const RemovedApi &api)
{
    if (api.replacement.isEmpty()) {
        return Tr::tr("%1 %2 was removed in Kubernetes %3 and nothing replaces it.")
            .arg(api.apiVersion, api.kind, api.removedIn);
    }
    return Tr::tr("%1 %2 was removed in Kubernetes %3; use %4.").arg(api.apiVersion, api.kind, api.removedIn, api.replacement);
}

} // namespace timonel
