#pragma once
// IngressRouteTable: where an HTTP request goes, given the Ingresses one controller serves —
// pure routing as the Ingress spec (networking.k8s.io/v1) and ingress-nginx define it.
//
// Host: a rule's host matches the request's Host (port stripped, case-insensitive) exactly;
// "*.example.com" matches exactly one more DNS label ("a.example.com", not "example.com" nor
// "a.b.example.com"); a rule without host matches every request. Exact hosts take precedence
// over wildcards, wildcards over host-less rules, and only the rules of the most precise host
// kind that matches are considered (a host picks its nginx server; there is no fall-through).
// Path: Exact compares the whole path (case-sensitive, query stripped); Prefix matches element
// by element ("/foo" matches "/foo" and "/foo/bar", not "/foobar"; a trailing "/" is ignored);
// ImplementationSpecific is treated as Prefix. The longest path wins, Exact over Prefix at equal
// length; between two Ingresses declaring the same path the older one wins (ingress-nginx).
// No path matched: the defaultBackend of the oldest Ingress that contributed the chosen host's
// rules, else of the oldest Ingress that has one, else nothing (the caller answers 404).
//
// Thread affinity: none (a value). Cost: built in O(paths), matched in O(paths of the host).

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace kube {

// Where a matched request goes: a Service port (by number or name) or an unsupported resource.
struct IngressBackend {
    QString namespace_;
    QString ingress;        // the Ingress that declared it ("namespace/name")
    QString service;        // empty for a resource backend
    int portNumber = 0;     // 0 when the port is named
    QString portName;
    QString resourceKind;   // spec.*.backend.resource.kind, when not a Service
    bool operator==(const IngressBackend &) const = default;
};

enum class IngressPathType { Exact, Prefix, ImplementationSpecific };

class IngressRouteTable
{
public:
    // Adds every rule of ingress (its JSON). Add older Ingresses first: earlier ones win ties.
    void addIngress(const QJsonObject &ingress);
    // Orders Ingresses as ingress-nginx does: oldest creationTimestamp first, then namespace/name.
    static void sortOldestFirst(QList<QJsonObject> &ingresses);

    // The backend for a request (host as sent, path with or without a query); nullopt: 404.
    std::optional<IngressBackend> route(const QString &host, const QString &path) const;

    // Pure predicates, exposed for tests.
    static bool hostMatchesWildcard(const QString &wildcard, const QString &host);
    static bool prefixMatches(const QString &prefix, const QString &path);
    static QString normalizeHost(const QString &hostHeader);

private:
    enum class HostKind { Exact, Wildcard, Any };
    struct Route {
        HostKind hostKind = HostKind::Any;
        QString host;             // lower-case; "*.example.com" for wildcards
        QString path;
        IngressPathType type = IngressPathType::Prefix;
        IngressBackend backend;
        int order = 0;            // insertion order: older Ingresses first
        bool pathless = false;    // a rule without http paths: claims its host only
    };
    struct DefaultBackend {
        QString ingress;
        IngressBackend backend;
    };
    bool routeMatchesHost(const Route &route, const QString &host) const;

    QList<Route> m_routes;
    QList<DefaultBackend> m_defaults; // oldest Ingress first
};

} // namespace kube
