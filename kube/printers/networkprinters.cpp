// Rows of the networking kinds: Service, Endpoints, EndpointSlice, Ingress, IngressClass,
// NetworkPolicy — kube-apiserver's print handlers for them, printed wide as the server always
// does (load-balancer addresses are not clipped).

#include "rowprinters.h"

#include <QStringList>

#include <set>

namespace kube::printers {

namespace {

// loadBalancerStatusStringer (wide): the sorted, de-duplicated IPs (else hostnames).
QString loadBalancerAddresses(const QJsonObject &loadBalancer)
{
    std::set<QString> result;
    for (const QJsonValue &v : arr(loadBalancer, u"ingress")) {
        const QJsonObject ingress = v.toObject();
        if (!str(ingress, u"ip").isEmpty())
            result.insert(str(ingress, u"ip"));
        else if (!str(ingress, u"hostname").isEmpty())
            result.insert(str(ingress, u"hostname"));
    }
    return QStringList(result.begin(), result.end()).join(u',');
}

QString serviceExternalIP(const QString &type, const QJsonObject &spec, const QJsonObject &status)
{
    const QJsonArray externalIPs = arr(spec, u"externalIPs");
    if (type == u"ClusterIP" || type == u"NodePort")
        return externalIPs.isEmpty() ? u"<none>"_qs : joinStrings(externalIPs, u",");
    if (type == u"LoadBalancer") {
        const QString lbIps = loadBalancerAddresses(obj(status, u"loadBalancer"));
        if (!externalIPs.isEmpty()) {
            const QString ips = joinStrings(externalIPs, u",");
            return lbIps.isEmpty() ? ips : lbIps + u',' + ips;
        }
        return lbIps.isEmpty() ? u"<pending>"_qs : lbIps;
    }
    if (type == u"ExternalName")
        return str(spec, u"externalName");
    return u"<unknown>"_qs;
}

// makePortString: "80/TCP", "80:30080/TCP" with a node port. Protocol defaults to TCP.
QString servicePorts(const QJsonArray &ports)
{
    QStringList pieces;
    for (const QJsonValue &v : ports) {
        const QJsonObject port = v.toObject();
        const QString protocol = str(port, u"protocol").isEmpty() ? u"TCP"_qs : str(port, u"protocol");
        const qint64 nodePort = integer(port, u"nodePort");
        if (nodePort > 0)
            pieces.append(u"%1:%2/%3"_qs.arg(integer(port, u"port")).arg(nodePort).arg(protocol));
        else
            pieces.append(u"%1/%2"_qs.arg(integer(port, u"port")).arg(protocol));
    }
    return pieces.join(u',');
}

// net.JoinHostPort: IPv6 addresses in brackets.
QString joinHostPort(const QString &host, qint64 port)
{
    if (host.contains(u':'))
        return u"[%1]:%2"_qs.arg(host).arg(port);
    return u"%1:%2"_qs.arg(host).arg(port);
}

// formatEndpoints with all ports: up to three "ip:port" entries, then "+ N more...".
QString formatEndpoints(const QJsonArray &subsets)
{
    if (subsets.isEmpty())
        return u"<none>"_qs;
    constexpr int max = 3;
    QStringList list;
    bool more = false;
    int count = 0;
    for (const QJsonValue &s : subsets) {
        const QJsonObject subset = s.toObject();
        const QJsonArray addresses = arr(subset, u"addresses");
        const QJsonArray ports = arr(subset, u"ports");
        if (ports.isEmpty()) {
            // Headless services may have no ports.
            count += int(addresses.size());
            for (const QJsonValue &a : addresses) {
                if (list.size() == max) {
                    more = true;
                    break;
                }
                list.append(str(a.toObject(), u"ip"));
            }
            continue;
        }
        for (const QJsonValue &p : ports) {
            count += int(addresses.size());
            for (const QJsonValue &a : addresses) {
                if (list.size() == max) {
                    more = true;
                    break;
                }
                list.append(joinHostPort(str(a.toObject(), u"ip"), integer(p.toObject(), u"port")));
            }
        }
    }
    const QString joined = list.join(u',');
    return more ? u"%1 + %2 more..."_qs.arg(joined).arg(count - max) : joined;
}

QString formatDiscoveryPorts(const QJsonArray &ports)
{
    constexpr int max = 3;
    QStringList list;
    bool more = false;
    int count = 0;
    for (const QJsonValue &v : ports) {
        const QJsonObject port = v.toObject();
        if (list.size() < max) {
            if (has(port, u"port"))
                list.append(QString::number(integer(port, u"port")));
            else if (has(port, u"name"))
                list.append(str(port, u"name"));
            else
                list.append(u"*"_qs);
        } else if (list.size() == max) {
            more = true;
        }
        ++count;
    }
    return listWithMoreString(list, more, count, max);
}

QString formatDiscoveryEndpoints(const QJsonArray &endpoints)
{
    constexpr int max = 3;
    QStringList list;
    bool more = false;
    int count = 0;
    for (const QJsonValue &e : endpoints) {
        for (const QJsonValue &address : arr(e.toObject(), u"addresses")) {
            if (list.size() < max)
                list.append(address.toString());
            else if (list.size() == max)
                more = true;
            ++count;
        }
    }
    return listWithMoreString(list, more, count, max);
}

// formatHosts: up to three rule hosts, "*" when none.
QString formatHosts(const QJsonArray &rules)
{
    constexpr int max = 3;
    QStringList list;
    bool more = false;
    for (const QJsonValue &r : rules) {
        if (list.size() == max)
            more = true;
        const QString host = str(r.toObject(), u"host");
        if (!more && !host.isEmpty())
            list.append(host);
    }
    if (list.isEmpty())
        return u"*"_qs;
    const QString joined = list.join(u',');
    return more ? u"%1 + %2 more..."_qs.arg(joined).arg(rules.size() - max) : joined;
}

} // namespace

Row printService(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    // Defaulting sets type ClusterIP; conversion lets clusterIP win over clusterIPs.
    const QString type = str(spec, u"type").isEmpty() ? u"ClusterIP"_qs : str(spec, u"type");
    QString clusterIP = str(spec, u"clusterIP");
    const QJsonArray clusterIPs = arr(spec, u"clusterIPs");
    if (clusterIP.isEmpty() && !clusterIPs.isEmpty())
        clusterIP = clusterIPs.first().toString();
    QString ports = servicePorts(arr(spec, u"ports"));
    Row row;
    row.cells = {name(object),
                 type,
                 clusterIP.isEmpty() ? u"<none>"_qs : clusterIP,
                 serviceExternalIP(type, spec, obj(object, u"status")),
                 ports.isEmpty() ? u"<none>"_qs : ports,
                 age(object, now),
                 formatLabels(spec.value(u"selector"))};
    return row;
}

Row printEndpoints(const QJsonObject &object, const QDateTime &now)
{
    Row row;
    row.cells = {name(object), formatEndpoints(arr(object, u"subsets")), age(object, now)};
    return row;
}

Row printEndpointSlice(const QJsonObject &object, const QDateTime &now)
{
    Row row;
    row.cells = {name(object), str(object, u"addressType"), formatDiscoveryPorts(arr(object, u"ports")),
                 formatDiscoveryEndpoints(arr(object, u"endpoints")), age(object, now)};
    return row;
}

Row printIngress(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    const QString className = has(spec, u"ingressClassName") ? str(spec, u"ingressClassName") : u"<none>"_qs;
    Row row;
    row.cells = {name(object),
                 className,
                 formatHosts(arr(spec, u"rules")),
                 loadBalancerAddresses(obj(obj(object, u"status"), u"loadBalancer")),
                 arr(spec, u"tls").isEmpty() ? u"80"_qs : u"80, 443"_qs,
                 age(object, now)};
    return row;
}

Row printIngressClass(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    QString parameters = u"<none>"_qs;
    if (has(spec, u"parameters")) {
        const QJsonObject p = obj(spec, u"parameters");
        parameters = str(p, u"kind");
        if (has(p, u"apiGroup"))
            parameters += u'.' + str(p, u"apiGroup");
        parameters += u'/' + str(p, u"name");
    }
    // Kubernetes 1.35 marks the default class as it does StorageClasses.
    QString displayName = name(object);
    if (obj(obj(object, u"metadata"), u"annotations").value(u"ingressclass.kubernetes.io/is-default-class").toString() == u"true")
        displayName += u" (default)"_qs;
    Row row;
    row.cells = {displayName, str(spec, u"controller"), parameters, age(object, now)};
    return row;
}

Row printNetworkPolicy(const QJsonObject &object, const QDateTime &now)
{
    // &obj.Spec.PodSelector is never nil: an absent selector is the empty one.
    const QJsonObject podSelector = obj(obj(object, u"spec"), u"podSelector");
    Row row;
    row.cells = {name(object), formatLabelSelector(QJsonValue(podSelector)), age(object, now)};
    return row;
}

} // namespace kube::printers
