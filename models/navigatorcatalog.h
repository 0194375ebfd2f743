#pragma once
// The navigator's catalogue: which sidebar group a served resource belongs to (Workloads,
// Network, Config, Storage, Access control, Cluster, Custom resources, Events), its place in
// that group and its translated title ("Config Maps", "Persistent Volume Claims"). Built-in
// resources are placed by (API group, resource); other resources of a Kubernetes API group go
// to Cluster under their Kind; resources of any other API group are custom resources.
//
// Pure functions over a static table; any thread (titles are translated on each call, so they
// follow the installed translator). Cost: one hash lookup.

#include <QString>

#include <optional>

namespace kube {
struct ApiResource;
}

namespace timonel {

enum class NavigatorGroup { Workloads, Network, Config, Storage, AccessControl, Cluster, CustomResources, Events };
constexpr int navigatorGroupCount = 8;

struct NavigatorPlacement {
    NavigatorGroup group = NavigatorGroup::Cluster;
    int order = 0;  // position among the group's built-ins; unlisted ones sort by title after
    QString title;  // translated plural for built-ins, else the Kind
};

// Where the navigator shows a resource; nullopt when it hides it (events.k8s.io's copy of the
// core events).
std::optional<NavigatorPlacement> navigatorPlacement(const kube::ApiResource &resource);
// "", "apps", "rbac.authorization.k8s.io", …: the API groups Kubernetes itself serves.
bool isBuiltinApiGroup(QStringView group);
QString navigatorGroupTitle(NavigatorGroup group);

} // namespace timonel
