#include "resourcerequest.h"

#include "storagekeys.h"

namespace kube {

QByteArray ResourceRequest::key() const
{
    return storageKey(*kind, namespace_, name);
}

QByteArray ResourceRequest::prefix() const
{
    return storagePrefix(*kind, namespace_);
}

void respondObject(ApiResponder &responder, int status, const Object &object)
{
    responder.respondJson(status, object.json());
}

Expected<qint64> parseResourceVersion(const QString &rv)
{
    if (rv.isEmpty())
        return qint64(0);
    bool ok = false;
    const qint64 value = rv.toLongLong(&ok);
    if (!ok || value < 0)
        return Status::badRequest(u"invalid resource version: \"%1\""_qs.arg(rv));
    return value;
}

} // namespace kube
