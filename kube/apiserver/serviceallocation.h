#pragma once
// Service addresses, as kube-apiserver's service registry assigns them on create and update:
// a cluster IP from the service CIDR (10.96.0.0/12; 10.96.0.1 is the `kubernetes` Service's)
// and a node port from 30000–32767 for every port of a NodePort or LoadBalancer Service.
// Requested values are checked (in range, not taken) with upstream's messages; addresses once
// assigned survive updates; changing a cluster IP is refused.
//
// ServiceAllocator is pure (the used sets are given); allocateServiceAddresses reads them from
// the store. Write handlers run on worker threads, concurrently; a read of the used sets
// followed by the write cannot race another allocation because every Service write holds
// WriteSerialization's services lock around both (ApiServer::handleResource).

#include "kube/api/status.h"

#include <QJsonObject>
#include <QSet>

namespace kube {

struct ApiContext;
struct ResourceRequest;

class ServiceAllocator
{
public:
    static constexpr quint32 RangeBase = (10u << 24) | (96u << 16); // 10.96.0.0
    static constexpr int RangePrefix = 12;
    static constexpr int FirstNodePort = 30000;
    static constexpr int LastNodePort = 32767;

    ServiceAllocator(QSet<quint32> usedIps, QSet<int> usedNodePorts)
        : m_usedIps(std::move(usedIps)), m_usedPorts(std::move(usedNodePorts)) {}

    // Fills spec.clusterIP(s) and nodePorts of `service`; `old` is the stored Service on update
    // (null on create). 422-style causes on bad requests.
    QList<StatusCause> allocate(QJsonObject &service, const QJsonObject *old);

    static QString formatIp(quint32 ip);
    static std::optional<quint32> parseIp(const QString &text);
    static bool inRange(quint32 ip);
    static QString rangeText(); // "10.96.0.0/12"

private:
    std::optional<quint32> takeIp(quint32 seed);
    std::optional<int> takePort(quint32 seed);

    QSet<quint32> m_usedIps;
    QSet<int> m_usedPorts;
};

// Reads the used addresses of every other Service from the store and allocates for `service`.
Status allocateServiceAddresses(QJsonObject &service, const QJsonObject *old, const ApiContext &context);

// The admission step every write path runs: allocateServiceAddresses for core/v1 Services
// (not their status subresource); nothing for other kinds.
Status admitServiceAddresses(QJsonObject &object, const ResourceRequest &request, const ApiContext &context,
                             const QJsonObject *old);

} // namespace kube
