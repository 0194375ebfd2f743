// Networking: Services, Endpoints, EndpointSlices and Ingresses, as `kubectl describe` shows
// them (type, selector, IPs, ports, endpoints, rules).

#include "describeutil.h"

namespace timonel::describe {

namespace {

QString orNone(const QString &text)
{
    return text.isEmpty() ? none() : text;
}

QString loadBalancerIngress(const QJsonObject &status)
{
    QStringList out;
    for (const QJsonValue &v : arr(obj(status, u"loadBalancer"), u"ingress")) {
        const QJsonObject ingress = v.toObject();
        out.append(str(ingress, u"ip").isEmpty() ? str(ingress, u"hostname") : str(ingress, u"ip"));
    }
    return out.join(u", ");
}

QString endpointPortText(const QJsonObject &port)
{
    QString protocol = str(port, u"protocol");
    if (protocol.isEmpty())
        protocol = u"TCP"_qs;
    const QString text = QString::number(integer(port, u"port")) + u'/' + protocol;
    return str(port, u"name").isEmpty() ? text : str(port, u"name") + u' ' + text;
}

QString targetRefText(const QJsonObject &ref)
{
    if (ref.isEmpty())
        return {};
    return str(ref, u"kind") + u'/' + str(ref, u"name");
}

QString ingressBackendText(const QJsonObject &backend)
{
    if (has(backend, u"service")) {
        const QJsonObject service = obj(backend, u"service");
        const QJsonObject port = obj(service, u"port");
        const QString portText = has(port, u"name") ? str(port, u"name") : QString::number(integer(port, u"number"));
        return str(service, u"name") + u':' + portText;
    }
    if (has(backend, u"resource")) {
        const QJsonObject resource = obj(backend, u"resource");
        return str(resource, u"kind") + u'/' + str(resource, u"name");
    }
    return {};
}

} // namespace

void describeService(ObjectDescription &d, const QJsonObject &object, const Context &)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    QList<DescriptionRow> rows;
    const QString type = str(spec, u"type");
    rows.append(row(Tr::tr("Type"), type.isEmpty() ? u"ClusterIP"_qs : type));
    rows.append(row(Tr::tr("Selector"), mapSelectorText(obj(spec, u"selector"))));
    addIfSet(rows, Tr::tr("IP family policy"), str(spec, u"ipFamilyPolicy"));
    addIfSet(rows, Tr::tr("IP families"), joined(arr(spec, u"ipFamilies"), u", "));
    addIfSet(rows, Tr::tr("Cluster IP"), str(spec, u"clusterIP"));
    if (arr(spec, u"clusterIPs").size() > 1)
        rows.append(row(Tr::tr("Cluster IPs"), joined(arr(spec, u"clusterIPs"), u", ")));
    addIfSet(rows, Tr::tr("External name"), str(spec, u"externalName"));
    addIfSet(rows, Tr::tr("External IPs"), joined(arr(spec, u"externalIPs"), u", "));
    addIfSet(rows, Tr::tr("Load balancer IP"), str(spec, u"loadBalancerIP"));
    addIfSet(rows, Tr::tr("Load balancer ingress"), loadBalancerIngress(status));
    const QString affinity = str(spec, u"sessionAffinity");
    rows.append(row(Tr::tr("Session affinity"), affinity.isEmpty() ? u"None"_qs : affinity));
    addIfSet(rows, Tr::tr("External traffic policy"), str(spec, u"externalTrafficPolicy"));
    addIfSet(rows, Tr::tr("Internal traffic policy"), str(spec, u"internalTrafficPolicy"));
    if (integer(spec, u"healthCheckNodePort") != 0)
        rows.append(row(Tr::tr("Health check node port"), QString::number(integer(spec, u"healthCheckNodePort"))));
    addSection(d, Tr::tr("Service")).rows = rows;

    const QJsonArray ports = arr(spec, u"ports");
    if (ports.isEmpty())
        return;
    DescriptionTable table;
    table.columns = {Tr::tr("Name"), Tr::tr("Port"), Tr::tr("Target port"), Tr::tr("Node port"), Tr::tr("Protocol")};
    for (const QJsonValue &v : ports) {
        const QJsonObject p = v.toObject();
        const QString port = QString::number(integer(p, u"port"));
        const QString target = has(p, u"targetPort") ? intOrString(p.value(u"targetPort")) : port;
        const qint64 nodePort = integer(p, u"nodePort");
        QString protocol = str(p, u"protocol");
        if (protocol.isEmpty())
            protocol = u"TCP"_qs;
        table.rows.append({{orNone(str(p, u"name"))}, {port}, {target}, {nodePort ? QString::number(nodePort) : QString()}, {protocol}});
    }
    addSection(d, Tr::tr("Ports")).table = table;
}

void describeEndpoints(ObjectDescription &d, const QJsonObject &object, const Context &)
{
    DescriptionTable table;
    table.columns = {Tr::tr("Address"), Tr::tr("Ready"), Tr::tr("Target"), Tr::tr("Node"), Tr::tr("Ports")};
    for (const QJsonValue &s : arr(object, u"subsets")) {
        const QJsonObject subset = s.toObject();
        QStringList ports;
        for (const QJsonValue &p : arr(subset, u"ports"))
            ports.append(endpointPortText(p.toObject()));
        const QString portText = ports.join(u", ");
        auto addAddresses = [&](QStringView key, bool ready) {
            for (const QJsonValue &a : arr(subset, key)) {
                const QJsonObject address = a.toObject();
                const StatusCategory category = ready ? StatusCategory::Good : StatusCategory::Warning;
                table.rows.append({{str(address, u"ip")}, {ready ? u"True"_qs : u"False"_qs, category},
                                   {targetRefText(obj(address, u"targetRef"))}, {str(address, u"nodeName")}, {portText}});
            }
        };
        addAddresses(u"addresses", true);
        addAddresses(u"notReadyAddresses", false);
    }
    DescriptionSection &section = addSection(d, Tr::tr("Endpoints"));
    if (table.rows.isEmpty())
        section.rows.append(row(Tr::tr("Addresses"), none()));
    else
        section.table = table;
}

void describeEndpointSlice(ObjectDescription &d, const QJsonObject &object, const Context &)
{
    const QJsonObject labels = obj(obj(object, u"metadata"), u"labels");
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Address type"), str(object, u"addressType")));
    addIfSet(rows, Tr::tr("Service"), str(labels, u"kubernetes.io/service-name"));
    addIfSet(rows, Tr::tr("Managed by"), str(labels, u"endpointslice.kubernetes.io/managed-by"));
    QStringList ports;
    for (const QJsonValue &p : arr(object, u"ports"))
        ports.append(endpointPortText(p.toObject()));
    rows.append(row(Tr::tr("Ports"), orNone(ports.join(u", "))));
    addSection(d, Tr::tr("Endpoint slice")).rows = rows;

    const QJsonArray endpoints = arr(object, u"endpoints");
    if (endpoints.isEmpty())
        return;
    DescriptionTable table;
    table.columns = {Tr::tr("Addresses"), Tr::tr("Ready"), Tr::tr("Serving"), Tr::tr("Terminating"), Tr::tr("Target"), Tr::tr("Node"), Tr::tr("Zone")};
    auto condition = [](const QJsonObject &conditions, QStringView key, bool unsetMeans) {
        const QJsonValue v = conditions.value(key);
        const bool value = v.isBool() ? v.toBool() : unsetMeans;
        return value ? u"True"_qs : u"False"_qs;
    };
    for (const QJsonValue &v : endpoints) {
        const QJsonObject e = v.toObject();
        const QJsonObject conditions = obj(e, u"conditions");
        const QString ready = condition(conditions, u"ready", true);
        table.rows.append({{joined(arr(e, u"addresses"), u", ")},
                           {ready, ready == u"True" ? StatusCategory::Good : StatusCategory::Warning},
                           {condition(conditions, u"serving", ready == u"True")},
                           {condition(conditions, u"terminating", false)},
                           {targetRefText(obj(e, u"targetRef"))},
                           {str(e, u"nodeName")},
                           {str(e, u"zone")}});
    }
    addSection(d, Tr::tr("Endpoints")).table = table;
}

void describeIngress(ObjectDescription &d, const QJsonObject &object, const Context &)
{
    const QJsonObject spec = obj(object, u"spec");
    QList<DescriptionRow> rows;
    QString ingressClass = str(spec, u"ingressClassName");
    if (ingressClass.isEmpty())
        ingressClass = str(obj(obj(object, u"metadata"), u"annotations"), u"kubernetes.io/ingress.class");
    rows.append(row(Tr::tr("Ingress class"), orNone(ingressClass)));
    rows.append(row(Tr::tr("Address"), orNone(loadBalancerIngress(obj(object, u"status")))));
    rows.append(row(Tr::tr("Default backend"), orNone(ingressBackendText(obj(spec, u"defaultBackend")))));
    const QJsonArray tls = arr(spec, u"tls");
    if (!tls.isEmpty()) {
        DescriptionRow r = row(Tr::tr("TLS"), QString::number(tls.size()));
        for (const QJsonValue &v : tls) {
            const QJsonObject t = v.toObject();
            r.children.append(row(orNone(str(t, u"secretName")), Tr::tr("terminates %1").arg(joined(arr(t, u"hosts"), u", "))));
        }
        rows.append(r);
    }
    addSection(d, Tr::tr("Ingress")).rows = rows;

    DescriptionTable table;
    table.columns = {Tr::tr("Host"), Tr::tr("Path"), Tr::tr("Path type"), Tr::tr("Backend")};
    for (const QJsonValue &v : arr(spec, u"rules")) {
        const QJsonObject rule = v.toObject();
        const QString host = str(rule, u"host").isEmpty() ? u"*"_qs : str(rule, u"host");
        const QJsonArray paths = arr(obj(rule, u"http"), u"paths");
        if (paths.isEmpty())
            table.rows.append({{host}, {}, {}, {ingressBackendText(obj(spec, u"defaultBackend"))}});
        for (const QJsonValue &p : paths) {
            const QJsonObject path = p.toObject();
            table.rows.append({{host}, {str(path, u"path").isEmpty() ? u"/"_qs : str(path, u"path")}, {str(path, u"pathType")},
                               {ingressBackendText(obj(path, u"backend"))}});
        }
    }
    if (!table.rows.isEmpty())
        addSection(d, Tr::tr("Rules")).table = table;
}

} // namespace timonel::describe
