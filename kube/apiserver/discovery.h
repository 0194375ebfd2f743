#pragma once
// Discovery documents, built from the type registry: the aggregated form (apidiscovery.k8s.io
// v2, one request for everything, each resource with its responseKind) and the legacy form
// (/api, /apis, /api/v1, /apis/<group>/<version>) that older clients fall back to.
// Pure functions; any thread. Cost: proportional to the number of kinds (~40); callers cache
// the bytes and rebuild them when a CustomResourceDefinition changes.

#include <QByteArray>
#include <QString>

#include <optional>

namespace kube {

class TypeRegistry;
struct GroupVersion;

enum class DiscoveryFormat { Legacy, AggregatedV2, AggregatedV2Beta1 };

// Which form the Accept header asks for (client-go sends aggregated v2 first, then v2beta1,
// then plain JSON).
DiscoveryFormat negotiateDiscovery(QByteArrayView acceptHeader);
// The Content-Type that goes with an aggregated answer.
QByteArray discoveryContentType(DiscoveryFormat format);

// /api (core == true) or /apis as an APIGroupDiscoveryList.
QByteArray aggregatedDiscovery(const TypeRegistry &registry, bool core, DiscoveryFormat format);
// /api as APIVersions; serverAddress is "127.0.0.1:<port>".
QByteArray legacyApiVersions(const QString &serverAddress);
// /apis as APIGroupList.
QByteArray legacyGroupList(const TypeRegistry &registry);
// /apis/<group> as APIGroup; nullopt when the group is not served.
std::optional<QByteArray> legacyGroup(const TypeRegistry &registry, const QString &group);
// /api/v1 or /apis/<group>/<version> as APIResourceList; nullopt when not served.
std::optional<QByteArray> legacyResourceList(const TypeRegistry &registry, const GroupVersion &gv);

} // namespace kube
