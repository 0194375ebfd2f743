#pragma once
// HostPort: one (hostIP, protocol, hostPort) a container claims on its node, and upstream's
// conflict rule (HostPortInfo.CheckConflict): same protocol and port, and the same IP or either
// side listening on the 0.0.0.0 wildcard.
//
// Plain value type; usable from any thread.

#include <QString>

namespace kube::scheduler {

struct HostPort {
    QString ip = QStringLiteral("0.0.0.0"); // empty hostIP means the wildcard
    QString protocol = QStringLiteral("TCP"); // empty protocol means TCP
    int port = 0;

    bool conflictsWith(const HostPort &other) const
    {
        if (port != other.port || protocol != other.protocol)
            return false;
        return ip == other.ip || isWildcard() || other.isWildcard();
    }
    bool isWildcard() const { return ip == u"0.0.0.0"; }
    friend bool operator==(const HostPort &, const HostPort &) = default;
};

} // namespace kube::scheduler
