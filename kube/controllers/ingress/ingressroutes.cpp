#include "ingressroutes.h"

#include <QJsonArray>
#include <QSet>

#include <tuple>

#include <algorithm>

namespace kube {

namespace {

IngressPathType pathTypeOf(const QString &name)
{
    if (name == u"Exact")
        return IngressPathType::Exact;
    if (name == u"ImplementationSpecific")
        return IngressPathType::ImplementationSpecific;
    return IngressPathType::Prefix;
}

IngressBackend backendOf(const QJsonObject &json, const QString &namespace_, const QString &ingress)
{
    IngressBackend backend;
    backend.namespace_ = namespace_;
    backend.ingress = ingress;
    const QJsonObject service = json.value(u"service").toObject();
    if (service.isEmpty()) {
        backend.resourceKind = json.value(u"resource").toObject().value(u"kind").toString(u"resource"_qs);
        return backend;
    }
    backend.service = service.value(u"name").toString();
    const QJsonObject port = service.value(u"port").toObject();
    backend.portNumber = port.value(u"number").toInt();
    backend.portName = port.value(u"name").toString();
    return backend;
}

// The path a request asks for: no query or fragment, never empty.
QString requestPath(const QString &target)
{
    qsizetype end = target.size();
    for (const QChar c : {QChar(u'?'), QChar(u'#')}) {
        const qsizetype at = target.indexOf(c);
        if (at >= 0 && at < end)
            end = at;
    }
    const QString path = target.left(end);
    return path.isEmpty() ? u"/"_qs : path;
}

// A Prefix path without its trailing slash ("/" becomes ""), which is what length compares.
QString trimmedPrefix(const QString &prefix)
{
    QString p = prefix;
    while (p.endsWith(u'/'))
        p.chop(1);
    return p;
}

} // namespace

QString IngressRouteTable::normalizeHost(const QString &hostHeader)
{
    QString host = hostHeader.trimmed().toLower();
    if (host.startsWith(u'[')) { // an IPv6 literal: "[::1]:8080"
        const qsizetype close = host.indexOf(u']');
        return close < 0 ? host : host.left(close + 1);
    }
    const qsizetype colon = host.lastIndexOf(u':');
    if (colon >= 0)
        host.truncate(colon);
    if (host.endsWith(u'.'))
        host.chop(1);
    return host;
}

bool IngressRouteTable::hostMatchesWildcard(const QString &wildcard, const QString &host)
{
    if (!wildcard.startsWith(u"*."))
        return false;
    const QString suffix = wildcard.mid(1); // ".example.com"
    if (!host.endsWith(suffix) || host.size() == suffix.size())
        return false;
    const QString label = host.left(host.size() - suffix.size());
    return !label.contains(u'.'); // exactly one more label
}

bool IngressRouteTable::prefixMatches(const QString &prefix, const QString &path)
{
    const QString p = trimmedPrefix(prefix);
    if (p.isEmpty())
        return path.startsWith(u'/'); // "/" matches every path
    if (!path.startsWith(p))
        return false;
    // Element-wise: the request continues with a new element, or ends (trailing "/" or not).
    return path.size() == p.size() || path.at(p.size()) == u'/';
}

void IngressRouteTable::sortOldestFirst(QList<QJsonObject> &ingresses)
{
    auto key = [](const QJsonObject &ingress) {
        const QJsonObject metadata = ingress.value(u"metadata").toObject();
        // RFC 3339 UTC timestamps order as strings.
        return std::make_tuple(metadata.value(u"creationTimestamp").toString(), metadata.value(u"namespace").toString(),
                               metadata.value(u"name").toString());
    };
    std::stable_sort(ingresses.begin(), ingresses.end(), [&](const QJsonObject &a, const QJsonObject &b) { return key(a) < key(b); });
}

void IngressRouteTable::addIngress(const QJsonObject &ingress)
{
    const QJsonObject metadata = ingress.value(u"metadata").toObject();
    const QString ns = metadata.value(u"namespace").toString();
    const QString name = ns + u'/' + metadata.value(u"name").toString();
    const QJsonObject spec = ingress.value(u"spec").toObject();
    if (spec.contains(u"defaultBackend"))
        m_defaults.append({name, backendOf(spec.value(u"defaultBackend").toObject(), ns, name)});

    for (const QJsonValue &r : spec.value(u"rules").toArray()) {
        const QJsonObject rule = r.toObject();
        Route base;
        base.host = rule.value(u"host").toString().toLower();
        base.hostKind = base.host.isEmpty() ? HostKind::Any : base.host.startsWith(u"*.") ? HostKind::Wildcard : HostKind::Exact;
        base.backend.ingress = name;
        const QJsonArray paths = rule.value(u"http").toObject().value(u"paths").toArray();
        if (paths.isEmpty()) {
            // A host without paths still claims the host: its requests get the default backend.
            base.pathless = true;
            base.order = int(m_routes.size());
            m_routes.append(base);
            continue;
        }
        for (const QJsonValue &p : paths) {
            const QJsonObject path = p.toObject();
            Route route = base;
            route.path = path.value(u"path").toString(u"/"_qs);
            route.type = pathTypeOf(path.value(u"pathType").toString());
            route.backend = backendOf(path.value(u"backend").toObject(), ns, name);
            route.order = int(m_routes.size());
            m_routes.append(route);
        }
    }
}

bool IngressRouteTable::routeMatchesHost(const Route &route, const QString &host) const
{
    switch (route.hostKind) {
    case HostKind::Exact: return route.host == host;
    case HostKind::Wildcard: return hostMatchesWildcard(route.host, host);
    case HostKind::Any: return true;
    }
    return false;
}

std::optional<IngressBackend> IngressRouteTable::route(const QString &hostHeader, const QString &target) const
{
    const QString host = normalizeHost(hostHeader);
    const QString path = requestPath(target);

    // The most precise host kind with a matching rule decides which rules are considered.
    QList<const Route *> candidates;
    for (HostKind kind : {HostKind::Exact, HostKind::Wildcard, HostKind::Any}) {
        for (const Route &route : m_routes) {
            if (route.hostKind == kind && routeMatchesHost(route, host))
                candidates.append(&route);
        }
        if (!candidates.isEmpty())
            break;
    }

    const Route *best = nullptr;
    qsizetype bestLength = -1;
    for (const Route *route : candidates) {
        if (route->pathless)
            continue;
        const bool exact = route->type == IngressPathType::Exact;
        if (exact ? route->path != path : !prefixMatches(route->path, path))
            continue;
        const qsizetype length = exact ? route->path.size() : trimmedPrefix(route->path).size();
        // Longer wins; at equal length Exact beats Prefix; then the older declaration stays.
        if (length > bestLength || (length == bestLength && exact && best->type != IngressPathType::Exact)) {
            best = route;
            bestLength = length;
        }
    }
    if (best)
        return best->backend;

    QSet<QString> claimants;
    for (const Route *route : candidates)
        claimants.insert(route->backend.ingress);
    for (const DefaultBackend &d : m_defaults) {
        if (claimants.contains(d.ingress))
            return d.backend;
    }
    if (!m_defaults.isEmpty())
        return m_defaults.first().backend;
    return std::nullopt;
}

} // namespace kube
