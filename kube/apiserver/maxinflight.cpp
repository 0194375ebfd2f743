#include "maxinflight.h"

namespace kube {

bool MaxInFlight::isLongRunning(const RequestInfo &info)
{
    if (info.verb == u"watch" || info.verb == u"proxy")
        return true;
    static const QStringList streaming = {u"attach"_qs, u"exec"_qs, u"proxy"_qs, u"log"_qs, u"portforward"_qs};
    return info.isResourceRequest && streaming.contains(info.subresource);
}

bool MaxInFlight::isMutating(QByteArrayView method)
{
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

MaxInFlight::Slot MaxInFlight::acquire(QByteArrayView method, const RequestInfo &info)
{
    if (isLongRunning(info))
        return Slot(nullptr, true);
    const bool mutating = isMutating(method);
    int &count = mutating ? m_mutating : m_reads;
    const int limit = mutating ? m_mutatingLimit : m_readLimit;
    if (limit > 0 && count >= limit)
        return Slot(nullptr, false);
    ++count;
    return Slot(&count, true);
}

} // namespace kube
