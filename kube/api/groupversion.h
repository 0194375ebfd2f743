#pragma once
// Group/version/kind and group/version/resource: the names every Kubernetes object and
// REST path is built from. Plain value types; cheap to copy; usable from any thread.

#include <QHashFunctions>
#include <QString>

namespace kube {

struct GroupVersion {
    QString group;   // "" for the legacy core group
    QString version; // "v1", "v1beta1", …

    // "apps/v1", or just "v1" for the core group: the form apiVersion fields use.
    QString apiVersion() const { return group.isEmpty() ? version : group + u'/' + version; }
    static GroupVersion fromApiVersion(QStringView apiVersion);
    bool isEmpty() const { return version.isEmpty(); }
    friend bool operator==(const GroupVersion &, const GroupVersion &) = default;
};

struct GroupVersionKind {
    QString group;
    QString version;
    QString kind;

    GroupVersion groupVersion() const { return {group, version}; }
    QString apiVersion() const { return groupVersion().apiVersion(); }
    bool isEmpty() const { return kind.isEmpty(); }
    // "apps/v1, Kind=Deployment", as upstream prints it in errors.
    QString toString() const;
    friend bool operator==(const GroupVersionKind &, const GroupVersionKind &) = default;
};

struct GroupVersionResource {
    QString group;
    QString version;
    QString resource; // plural, lower case: "deployments"

    GroupVersion groupVersion() const { return {group, version}; }
    bool isEmpty() const { return resource.isEmpty(); }
    // "deployments.apps" (or "pods"): the form used in Status details and RBAC.
    QString groupResource() const { return group.isEmpty() ? resource : resource + u'.' + group; }
    friend bool operator==(const GroupVersionResource &, const GroupVersionResource &) = default;
};

inline size_t qHash(const GroupVersionKind &k, size_t seed = 0) { return qHashMulti(seed, k.group, k.version, k.kind); }
inline size_t qHash(const GroupVersionResource &r, size_t seed = 0) { return qHashMulti(seed, r.group, r.version, r.resource); }

} // namespace kube
