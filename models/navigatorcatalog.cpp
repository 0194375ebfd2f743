#include "navigatorcatalog.h"

#include "kube/client/discoveryclient.h"

#include <QCoreApplication>
#include <QHash>

namespace timonel {

namespace {

struct BuiltinResource {
    const char *group;
    const char *resource;
    NavigatorGroup navigatorGroup;
    const char *title; // translated in the "NavigatorModel" context
};

// In sidebar order within each group.
constexpr BuiltinResource builtins[] = {
    {"", "pods", NavigatorGroup::Workloads, QT_TRANSLATE_NOOP("NavigatorModel", "Pods")},
    {"apps", "deployments", NavigatorGroup::Workloads, QT_TRANSLATE_NOOP("NavigatorModel", "Deployments")},
    {"apps", "replicasets", NavigatorGroup::Workloads, QT_TRANSLATE_NOOP("NavigatorModel", "Replica Sets")},
    {"apps", "statefulsets", NavigatorGroup::Workloads, QT_TRANSLATE_NOOP("NavigatorModel", "Stateful Sets")},
    {"apps", "daemonsets", NavigatorGroup::Workloads, QT_TRANSLATE_NOOP("NavigatorModel", "Daemon Sets")},
    {"batch", "jobs", NavigatorGroup::Workloads, QT_TRANSLATE_NOOP("NavigatorModel", "Jobs")},
    {"batch", "cronjobs", NavigatorGroup::Workloads, QT_TRANSLATE_NOOP("NavigatorModel", "Cron Jobs")},
    {"", "replicationcontrollers", NavigatorGroup::Workloads, QT_TRANSLATE_NOOP("NavigatorModel", "Replication Controllers")},
    {"", "podtemplates", NavigatorGroup::Workloads, QT_TRANSLATE_NOOP("NavigatorModel", "Pod Templates")},

    {"", "services", NavigatorGroup::Network, QT_TRANSLATE_NOOP("NavigatorModel", "Services")},
    {"", "endpoints", NavigatorGroup::Network, QT_TRANSLATE_NOOP("NavigatorModel", "Endpoints")},
    {"discovery.k8s.io", "endpointslices", NavigatorGroup::Network, QT_TRANSLATE_NOOP("NavigatorModel", "Endpoint Slices")},
    {"networking.k8s.io", "ingresses", NavigatorGroup::Network, QT_TRANSLATE_NOOP("NavigatorModel", "Ingresses")},
    {"networking.k8s.io", "ingressclasses", NavigatorGroup::Network, QT_TRANSLATE_NOOP("NavigatorModel", "Ingress Classes")},
    {"networking.k8s.io", "networkpolicies", NavigatorGroup::Network, QT_TRANSLATE_NOOP("NavigatorModel", "Network Policies")},
    {"networking.k8s.io", "ipaddresses", NavigatorGroup::Network, QT_TRANSLATE_NOOP("NavigatorModel", "IP Addresses")},
    {"networking.k8s.io", "servicecidrs", NavigatorGroup::Network, QT_TRANSLATE_NOOP("NavigatorModel", "Service CIDRs")},

    {"", "configmaps", NavigatorGroup::Config, QT_TRANSLATE_NOOP("NavigatorModel", "Config Maps")},
    {"", "secrets", NavigatorGroup::Config, QT_TRANSLATE_NOOP("NavigatorModel", "Secrets")},
    {"", "resourcequotas", NavigatorGroup::Config, QT_TRANSLATE_NOOP("NavigatorModel", "Resource Quotas")},
    {"", "limitranges", NavigatorGroup::Config, QT_TRANSLATE_NOOP("NavigatorModel", "Limit Ranges")},
    {"autoscaling", "horizontalpodautoscalers", NavigatorGroup::Config, QT_TRANSLATE_NOOP("NavigatorModel", "Horizontal Pod Autoscalers")},
    {"policy", "poddisruptionbudgets", NavigatorGroup::Config, QT_TRANSLATE_NOOP("NavigatorModel", "Pod Disruption Budgets")},
    {"scheduling.k8s.io", "priorityclasses", NavigatorGroup::Config, QT_TRANSLATE_NOOP("NavigatorModel", "Priority Classes")},
    {"node.k8s.io", "runtimeclasses", NavigatorGroup::Config, QT_TRANSLATE_NOOP("NavigatorModel", "Runtime Classes")},
    {"coordination.k8s.io", "leases", NavigatorGroup::Config, QT_TRANSLATE_NOOP("NavigatorModel", "Leases")},

    {"", "persistentvolumeclaims", NavigatorGroup::Storage, QT_TRANSLATE_NOOP("NavigatorModel", "Persistent Volume Claims")},
    {"", "persistentvolumes", NavigatorGroup::Storage, QT_TRANSLATE_NOOP("NavigatorModel", "Persistent Volumes")},
    {"storage.k8s.io", "storageclasses", NavigatorGroup::Storage, QT_TRANSLATE_NOOP("NavigatorModel", "Storage Classes")},
    {"storage.k8s.io", "volumeattachments", NavigatorGroup::Storage, QT_TRANSLATE_NOOP("NavigatorModel", "Volume Attachments")},
    {"storage.k8s.io", "csidrivers", NavigatorGroup::Storage, QT_TRANSLATE_NOOP("NavigatorModel", "CSI Drivers")},
    {"storage.k8s.io", "csinodes", NavigatorGroup::Storage, QT_TRANSLATE_NOOP("NavigatorModel", "CSI Nodes")},
    {"storage.k8s.io", "csistoragecapacities", NavigatorGroup::Storage, QT_TRANSLATE_NOOP("NavigatorModel", "CSI Storage Capacities")},
    {"storage.k8s.io", "volumeattributesclasses", NavigatorGroup::Storage, QT_TRANSLATE_NOOP("NavigatorModel", "Volume Attributes Classes")},

    {"", "serviceaccounts", NavigatorGroup::AccessControl, QT_TRANSLATE_NOOP("NavigatorModel", "Service Accounts")},
    {"rbac.authorization.k8s.io", "roles", NavigatorGroup::AccessControl, QT_TRANSLATE_NOOP("NavigatorModel", "Roles")},
    {"rbac.authorization.k8s.io", "rolebindings", NavigatorGroup::AccessControl, QT_TRANSLATE_NOOP("NavigatorModel", "Role Bindings")},
    {"rbac.authorization.k8s.io", "clusterroles", NavigatorGroup::AccessControl, QT_TRANSLATE_NOOP("NavigatorModel", "Cluster Roles")},
    {"rbac.authorization.k8s.io", "clusterrolebindings", NavigatorGroup::AccessControl, QT_TRANSLATE_NOOP("NavigatorModel", "Cluster Role Bindings")},
    {"certificates.k8s.io", "certificatesigningrequests", NavigatorGroup::AccessControl, QT_TRANSLATE_NOOP("NavigatorModel", "Certificate Signing Requests")},

    {"", "nodes", NavigatorGroup::Cluster, QT_TRANSLATE_NOOP("NavigatorModel", "Nodes")},
    {"", "namespaces", NavigatorGroup::Cluster, QT_TRANSLATE_NOOP("NavigatorModel", "Namespaces")},
    {"apiextensions.k8s.io", "customresourcedefinitions", NavigatorGroup::Cluster, QT_TRANSLATE_NOOP("NavigatorModel", "Custom Resource Definitions")},
    {"apiregistration.k8s.io", "apiservices", NavigatorGroup::Cluster, QT_TRANSLATE_NOOP("NavigatorModel", "API Services")},
    {"apps", "controllerrevisions", NavigatorGroup::Cluster, QT_TRANSLATE_NOOP("NavigatorModel", "Controller Revisions")},
    {"admissionregistration.k8s.io", "mutatingwebhookconfigurations", NavigatorGroup::Cluster, QT_TRANSLATE_NOOP("NavigatorModel", "Mutating Webhook Configurations")},
    {"admissionregistration.k8s.io", "validatingwebhookconfigurations", NavigatorGroup::Cluster, QT_TRANSLATE_NOOP("NavigatorModel", "Validating Webhook Configurations")},
    {"admissionregistration.k8s.io", "validatingadmissionpolicies", NavigatorGroup::Cluster, QT_TRANSLATE_NOOP("NavigatorModel", "Validating Admission Policies")},
    {"admissionregistration.k8s.io", "validatingadmissionpolicybindings", NavigatorGroup::Cluster, QT_TRANSLATE_NOOP("NavigatorModel", "Validating Admission Policy Bindings")},
    {"flowcontrol.apiserver.k8s.io", "flowschemas", NavigatorGroup::Cluster, QT_TRANSLATE_NOOP("NavigatorModel", "Flow Schemas")},
    {"flowcontrol.apiserver.k8s.io", "prioritylevelconfigurations", NavigatorGroup::Cluster, QT_TRANSLATE_NOOP("NavigatorModel", "Priority Level Configurations")},

    {"", "events", NavigatorGroup::Events, QT_TRANSLATE_NOOP("NavigatorModel", "Events")},
};

constexpr const char *builtinGroups[] = {
    "", "apps", "batch", "autoscaling", "policy", "extensions", "networking.k8s.io", "discovery.k8s.io",
    "rbac.authorization.k8s.io", "storage.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io",
    "admissionregistration.k8s.io", "coordination.k8s.io", "events.k8s.io", "flowcontrol.apiserver.k8s.io",
    "node.k8s.io", "scheduling.k8s.io", "certificates.k8s.io", "authentication.k8s.io", "authorization.k8s.io",
    "resource.k8s.io", "storagemigration.k8s.io", "internal.apiserver.k8s.io",
};

// "group/resource" → index into builtins.
const QHash<QString, int> &builtinIndex()
{
    static const QHash<QString, int> index = [] {
        QHash<QString, int> h;
        for (int i = 0; i < int(std::size(builtins)); ++i)
            h.insert(QLatin1StringView(builtins[i].group) + u'/' + QLatin1StringView(builtins[i].resource), i);
        return h;
    }();
    return index;
}

// Unlisted resources of Kubernetes groups come after the listed ones.
constexpr int unlistedOrder = 1000;

} // namespace

bool isBuiltinApiGroup(QStringView group)
{
    for (const char *g : builtinGroups) {
        if (group == QLatin1StringView(g))
            return true;
    }
    return false;
}

std::optional<NavigatorPlacement> navigatorPlacement(const kube::ApiResource &resource)
{
    const QString &group = resource.gvr.group;
    if (group == u"events.k8s.io" && resource.gvr.resource == u"events")
        return std::nullopt;
    if (const auto it = builtinIndex().constFind(group + u'/' + resource.gvr.resource); it != builtinIndex().cend()) {
        const BuiltinResource &b = builtins[*it];
        return NavigatorPlacement{b.navigatorGroup, *it, QCoreApplication::translate("NavigatorModel", b.title)};
    }
    if (isBuiltinApiGroup(group))
        return NavigatorPlacement{NavigatorGroup::Cluster, unlistedOrder, resource.kind};
    return NavigatorPlacement{NavigatorGroup::CustomResources, unlistedOrder, resource.kind};
}

QString navigatorGroupTitle(NavigatorGroup group)
{
    switch (group) {
    case NavigatorGroup::Workloads: return QCoreApplication::translate("NavigatorModel", "Workloads");
    case NavigatorGroup::Network: return QCoreApplication::translate("NavigatorModel", "Network");
    case NavigatorGroup::Config: return QCoreApplication::translate("NavigatorModel", "Config");
    case NavigatorGroup::Storage: return QCoreApplication::translate("NavigatorModel", "Storage");
    case NavigatorGroup::AccessControl: return QCoreApplication::translate("NavigatorModel", "Access control");
    case NavigatorGroup::Cluster: return QCoreApplication::translate("NavigatorModel", "Cluster");
    case NavigatorGroup::CustomResources: return QCoreApplication::translate("NavigatorModel", "Custom resources");
    case NavigatorGroup::Events: return QCoreApplication::translate("NavigatorModel", "Events");
    }
    return {};
}

} // namespace timonel
