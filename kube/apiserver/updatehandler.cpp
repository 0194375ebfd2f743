#include "handlers.h"

#include "admission.h"
#include "deleteoptions.h"
#include "codec.h"
#include "managedfields.h"
#include "objectrules.h"
#include "resourcerequest.h"
#include "serviceallocation.h"

#include "kube/store/store.h"

#include <QJsonObject>

namespace kube {

void handleUpdate(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder)
{
    auto body = decodeObjectBody(request.http.header("Content-Type"), request.http.body, *context.registry, request.kind->gvk);
    if (!body.ok())
        return responder.respondStatus(body.error());
    auto wanted = parseResourceVersion(body->resourceVersion());
    if (!wanted.ok())
        return responder.respondStatus(wanted.error());

    const QString groupResource = request.kind->gvr().groupResource();
    const CreateContext rules{*request.kind, *context.registry, *context.clock, request.namespace_, request.subresource};
    QJsonObject given = body->toJson();
    if (Status s = admitDecoded(given, request, context, responder, u"UpdateOptions"_qs); !s.isSuccess())
        return responder.respondStatus(s);
    Object result;
    auto tryUpdate = [&](const Object &current) -> Expected<Object> {
        if (current.isNull())
            return Status::notFound(groupResource, request.name);
        // A PUT that names a resourceVersion is conditional on it; one without is not.
        if (*wanted != 0 && current.resourceVersion().toLongLong() != *wanted) {
            return Status::conflict(groupResource, request.name,
                                    u"the object has been modified; please apply your changes to the latest version and try again"_qs);
        }
        QJsonObject object = given;
        if (Status s = prepareForUpdate(object, current.toJson(), rules, request.name); !s.isSuccess())
            return s;
        defaultObject(object, *request.kind, context);
        const QJsonObject old = current.toJson();
        if (Status s = admitServiceAddresses(object, request, context, &old); !s.isSuccess())
            return s;
        if (Status s = validateForStore(object, request, context, &old); !s.isSuccess())
            return s;
        recordUpdate(object, old, request, context);
        result = Object::fromJson(object);
        if (request.isDryRun())
            return current; // nothing written
        return result;
    };
    auto stored = context.store->guaranteedUpdate(request.key(), tryUpdate);
    if (!stored.ok()) {
        if (stored.error().code() == 404)
            return responder.respondStatus(Status::notFound(groupResource, request.name));
        return responder.respondStatus(stored.error());
    }
    if (!request.isDryRun())
        deleteIfFinalized(context, *request.kind, request.key(), stored.value());
    respondObject(responder, 200, request.isDryRun() ? result : stored.value());
}

} // namespace kube
