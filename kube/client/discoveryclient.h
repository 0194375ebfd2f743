#pragma once
// DiscoveryClient: which resources a cluster serves — kind ↔ resource, scope, verbs, short
// names, categories, subresources — read with aggregated discovery (one request each to /api
// and /apis, Accept: application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList)
// and, when the server does not speak it, the legacy walk (/api, /apis, then every
// /api/v1 and /apis/<group>/<version>). The result is cached until refresh() (call it when a
// CustomResourceDefinition changes).
//
// Thread affinity: the transport's thread; callbacks and signals arrive there. The transport
// is not owned and must outlive the client. Cost: 2 requests (aggregated) or 2 + one per group
// version (legacy) per refresh; lookups are linear scans of a few hundred entries.

#include "kube/api/expected.h"
#include "kube/api/groupversion.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace kube {

class ClusterTransport;

struct ApiResource {
    GroupVersionResource gvr;
    QString kind;
    QString singularName;
    bool namespaced = false;
    bool preferredVersion = false; // the group's preferred version (the first one listed)
    QStringList verbs;
    QStringList shortNames;
    QStringList categories;
    QStringList subresources;      // "status", "scale", "log"…

    bool hasVerb(QStringView verb) const { return verbs.contains(verb); }
    GroupVersionKind gvk() const { return {gvr.group, gvr.version, kind}; }
};

class DiscoveryClient : public QObject
{
    Q_OBJECT
public:
    enum class Format { Aggregated, Legacy };
    enum class Negotiation { PreferAggregated, LegacyOnly };

    explicit DiscoveryClient(ClusterTransport *transport, QObject *parent = nullptr);

    void setNegotiation(Negotiation n) { m_negotiation = n; }
    // Fetches everything again; done (optional) gets success or why it failed. Concurrent calls
    // share one refresh. On failure the previous cache stays.
    void refresh(std::function<void(Status)> done = {});

    bool isLoaded() const { return m_loaded; }
    Format format() const { return m_format; }
    const QList<ApiResource> &resources() const { return m_resources; }
    // Group versions whose legacy discovery failed (an unavailable aggregated API server).
    const QStringList &failedGroupVersions() const { return m_failed; }

    std::optional<ApiResource> resourceForKind(const GroupVersionKind &gvk) const;
    std::optional<ApiResource> resource(const GroupVersionResource &gvr) const;
    // kubectl-style lookup: "deploy", "deployments", "deployment", "deployments.apps"; the
    // preferred version wins.
    std::optional<ApiResource> find(const QString &nameOrShortName) const;
    QList<ApiResource> inCategory(const QString &category) const;

Q_SIGNALS:
    void refreshed();

private:
    struct Walk;
    void startAggregated();
    void startLegacy();
    void finish(Status status, QList<ApiResource> resources, Format format);

    ClusterTransport *m_transport;
    Negotiation m_negotiation = Negotiation::PreferAggregated;
    Format m_format = Format::Aggregated;
    QList<ApiResource> m_resources;
    QStringList m_failed;
    QList<std::function<void(Status)>> m_waiting;
    bool m_loaded = false;
    bool m_running = false;
};

} // namespace kube
