#include "serviceallocation.h"

#include "resourcerequest.h"

#include "kube/api/kindinfo.h"

#include "kube/store/store.h"
#include "kube/store/storekey.h"

#include <QJsonArray>

namespace kube {

namespace {

constexpr quint32 RangeSize = 1u << (32 - ServiceAllocator::RangePrefix);

QString serviceType(const QJsonObject &spec)
{
    const QString type = spec.value(u"type").toString();
    return type.isEmpty() ? u"ClusterIP"_qs : type;
}

bool wantsNodePorts(const QString &type)
{
    return type == u"NodePort" || type == u"LoadBalancer";
}

// A stable starting point per Service so names do not all crowd the start of the range.
quint32 seedFor(const QJsonObject &service, int salt)
{
    const QJsonObject meta = service.value(u"metadata").toObject();
    return qHash(meta.value(u"namespace").toString() + u'/' + meta.value(u"name").toString(), size_t(salt));
}

// The nodePort the old Service gave the same port (by port number and protocol), if any.
int oldNodePort(const QJsonObject *old, const QJsonObject &port)
{
    if (!old)
        return 0;
    const QJsonArray ports = old->value(u"spec").toObject().value(u"ports").toArray();
    for (const auto &p : ports) {
        const QJsonObject o = p.toObject();
        if (o.value(u"port").toInt() == port.value(u"port").toInt()
            && o.value(u"protocol").toString(u"TCP"_qs) == port.value(u"protocol").toString(u"TCP"_qs))
            return o.value(u"nodePort").toInt();
    }
    return 0;
}

} // namespace

QString ServiceAllocator::formatIp(quint32 ip)
{
    return QStringLiteral("%1.%2.%3.%4").arg(ip >> 24).arg((ip >> 16) & 0xff).arg((ip >> 8) & 0xff).arg(ip & 0xff);
}

std::optional<quint32> ServiceAllocator::parseIp(const QString &text)
{
    const auto parts = QStringView(text).split(u'.');
    if (parts.size() != 4)
        return std::nullopt;
    quint32 ip = 0;
    for (const auto &part : parts) {
        bool ok = false;
        const uint byte = part.toUInt(&ok);
        if (!ok || byte > 255 || part.isEmpty())
            return std::nullopt;
        ip = (ip << 8) | byte;
    }
    return ip;
}

bool ServiceAllocator::inRange(quint32 ip)
{
    // The network and broadcast addresses are never handed out.
    return (ip & ~(RangeSize - 1)) == RangeBase && ip != RangeBase && ip != RangeBase + RangeSize - 1;
}

QString ServiceAllocator::rangeText()
{
    return formatIp(RangeBase) + u'/' + QString::number(RangePrefix);
}

std::optional<quint32> ServiceAllocator::takeIp(quint32 seed)
{
    // 10.96.0.1 belongs to the `kubernetes` Service; others start past the first /24.
    const quint32 span = RangeSize - 258;
    for (quint32 i = 0; i < span; ++i) {
        const quint32 ip = RangeBase + 257 + (seed + i) % span;
        if (!m_usedIps.contains(ip)) {
            m_usedIps.insert(ip);
            return ip;
        }
    }
    return std::nullopt;
}

std::optional<int> ServiceAllocator::takePort(quint32 seed)
{
    const int span = LastNodePort - FirstNodePort + 1;
    for (int i = 0; i < span; ++i) {
        const int port = FirstNodePort + int((seed + quint32(i)) % quint32(span));
        if (!m_usedPorts.contains(port)) {
            m_usedPorts.insert(port);
            return port;
        }
    }
    return std::nullopt;
}

QList<StatusCause> ServiceAllocator::allocate(QJsonObject &service, const QJsonObject *old)
{
    QList<StatusCause> causes;
    QJsonObject spec = service.value(u"spec").toObject();
    const QString type = serviceType(spec);
    const QJsonObject oldSpec = old ? old->value(u"spec").toObject() : QJsonObject();

    if (type != u"ExternalName") {
        QString requested = spec.value(u"clusterIP").toString();
        if (requested.isEmpty() && !spec.value(u"clusterIPs").toArray().isEmpty())
            requested = spec.value(u"clusterIPs").toArray().first().toString();
        const QString previous = oldSpec.value(u"clusterIP").toString();
        if (requested.isEmpty() && !previous.isEmpty())
            requested = previous; // an update that omits the address keeps it
        if (!previous.isEmpty() && requested != previous) {
            causes.append({u"FieldValueInvalid"_qs,
                           QStringLiteral("Invalid value: \"%1\": field is immutable").arg(requested), u"spec.clusterIPs[0]"_qs});
        } else if (requested == u"None") {
            spec.insert(u"clusterIP", requested);
            spec.insert(u"clusterIPs", QJsonArray{requested});
        } else if (requested.isEmpty()) {
            const auto ip = takeIp(seedFor(service, 1));
            if (!ip)
                return {{u"FieldValueInvalid"_qs, u"Internal error: range is full"_qs, u"spec.clusterIPs"_qs}};
            spec.insert(u"clusterIP", formatIp(*ip));
            spec.insert(u"clusterIPs", QJsonArray{formatIp(*ip)});
        } else if (requested != previous) {
            const auto ip = parseIp(requested);
            QString why;
            if (!ip)
                why = u"must be a valid IP address"_qs;
            else if (!inRange(*ip))
                why = QStringLiteral("failed to allocate IP %1: provided IP (%1) is not in the valid range. The range of valid IPs is %2")
                          .arg(requested, rangeText());
            else if (m_usedIps.contains(*ip))
                why = QStringLiteral("failed to allocate IP %1: provided IP is already allocated").arg(requested);
            if (!why.isEmpty()) {
                causes.append({u"FieldValueInvalid"_qs, QStringLiteral("Invalid value: []string{\"%1\"}: %2").arg(requested, why),
                               u"spec.clusterIPs"_qs});
            } else {
                m_usedIps.insert(*ip);
                spec.insert(u"clusterIP", requested);
                spec.insert(u"clusterIPs", QJsonArray{requested});
            }
        } else {
            spec.insert(u"clusterIP", requested);
            spec.insert(u"clusterIPs", QJsonArray{requested});
        }
        if (requested != u"None" && !spec.contains(u"ipFamilies")) {
            spec.insert(u"ipFamilies", QJsonArray{u"IPv4"_qs});
            spec.insert(u"ipFamilyPolicy", u"SingleStack"_qs);
        }
    }

    QJsonArray ports = spec.value(u"ports").toArray();
    for (qsizetype i = 0; i < ports.size(); ++i) {
        QJsonObject port = ports.at(i).toObject();
        if (!wantsNodePorts(type)) {
            if (port.contains(u"nodePort") && port.value(u"nodePort").toInt() != 0) {
                causes.append({u"FieldValueForbidden"_qs, u"Forbidden: may not be used when `type` is 'ClusterIP'"_qs,
                               QStringLiteral("spec.ports[%1].nodePort").arg(i)});
            }
            continue;
        }
        int requested = port.value(u"nodePort").toInt();
        const int kept = oldNodePort(old, port);
        if (requested == 0 && kept != 0)
            requested = kept;
        const QString field = QStringLiteral("spec.ports[%1].nodePort").arg(i);
        if (requested == 0) {
            const auto allocated = takePort(seedFor(service, 2 + int(i)));
            if (!allocated) {
                causes.append({u"FieldValueInvalid"_qs, u"Internal error: range is full"_qs, field});
                continue;
            }
            port.insert(u"nodePort", *allocated);
        } else if (requested != kept) {
            if (requested < FirstNodePort || requested > LastNodePort) {
                causes.append({u"FieldValueInvalid"_qs,
                               QStringLiteral("Invalid value: %1: provided port is not in the valid range. The range of valid ports is %2-%3")
                                   .arg(requested).arg(FirstNodePort).arg(LastNodePort), field});
                continue;
            }
            if (m_usedPorts.contains(requested)) {
                causes.append({u"FieldValueInvalid"_qs, QStringLiteral("Invalid value: %1: provided port is already allocated").arg(requested), field});
                continue;
            }
            m_usedPorts.insert(requested);
            port.insert(u"nodePort", requested);
        } else {
            port.insert(u"nodePort", requested);
        }
        ports[i] = port;
    }
    if (!ports.isEmpty())
        spec.insert(u"ports", ports);
    service.insert(u"spec", spec);
    return causes;
}

Status allocateServiceAddresses(QJsonObject &service, const QJsonObject *old, const ApiContext &context)
{
    const QJsonObject meta = service.value(u"metadata").toObject();
    const QString self = meta.value(u"namespace").toString() + u'/' + meta.value(u"name").toString();
    QSet<quint32> ips{ServiceAllocator::RangeBase + 1};
    QSet<int> ports;
    const auto services = context.store->list(StoreKey::prefix(u""_qs, u"services"_qs));
    if (!services)
        return services.error();
    for (const Object &other : services->items) {
        if (other.namespace_() + u'/' + other.name() == self)
            continue;
        const QJsonObject spec = other.toJson().value(u"spec").toObject();
        for (const auto &ip : spec.value(u"clusterIPs").toArray()) {
            if (const auto parsed = ServiceAllocator::parseIp(ip.toString()))
                ips.insert(*parsed);
        }
        for (const auto &p : spec.value(u"ports").toArray()) {
            if (const int nodePort = p.toObject().value(u"nodePort").toInt())
                ports.insert(nodePort);
        }
    }
    ServiceAllocator allocator(std::move(ips), std::move(ports));
    const QList<StatusCause> causes = allocator.allocate(service, old);
    if (causes.isEmpty())
        return {};
    return Status::invalid(QString(), u"Service"_qs, meta.value(u"name").toString(), causes);
}

Status admitServiceAddresses(QJsonObject &object, const ResourceRequest &request, const ApiContext &context,
                             const QJsonObject *old)
{
    const GroupVersionKind &gvk = request.kind->gvk;
    if (!gvk.group.isEmpty() || gvk.kind != u"Service" || !request.subresource.isEmpty())
        return {};
    return allocateServiceAddresses(object, old, context);
}

} // namespace kube
