#include "handlers.h"

#include "admission.h"
#include "codec.h"
#include "managedfields.h"
#include "objectrules.h"
#include "resourcerequest.h"
#include "serviceallocation.h"

#include "kube/api/clock.h"
#include "kube/store/store.h"

#include <QJsonObject>

namespace kube {

void handleCreate(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder)
{
    if (!request.name.isEmpty()) {
        return responder.respondStatus(Status(405, QString::fromLatin1(reason::MethodNotAllowed),
                                              u"the server does not allow this method on the requested resource"_qs));
    }
    auto body = decodeObjectBody(request.http.header("Content-Type"), request.http.body, *context.registry, request.kind->gvk);
    if (!body.ok())
        return responder.respondStatus(body.error());

    QJsonObject object = body->toJson();
    if (Status s = admitDecoded(object, request, context, responder, u"CreateOptions"_qs); !s.isSuccess())
        return responder.respondStatus(s);
    const CreateContext rules{*request.kind, *context.registry, *context.clock, request.namespace_, request.subresource};
    if (Status s = prepareForCreate(object, rules); !s.isSuccess())
        return responder.respondStatus(s);
    const QString name = object.value(u"metadata").toObject().value(u"name").toString();
    if (Status s = admitNamespace(context, *request.kind, request.namespace_); !s.isSuccess())
        return responder.respondStatus(s);
    defaultObject(object, *request.kind, context);
    if (Status s = admitServiceAddresses(object, request, context, nullptr); !s.isSuccess())
        return responder.respondStatus(s);
    if (Status s = validateForStore(object, request, context); !s.isSuccess())
        return responder.respondStatus(s);
    recordUpdate(object, QJsonObject(), request, context);

    const Object created = Object::fromJson(object);
    if (request.isDryRun())
        return respondObject(responder, 201, created);
    const ResourceRequest target{request.http, request.kind, request.namespace_, name, {}};
    auto stored = context.store->create(target.key(), created);
    if (!stored.ok()) {
        if (stored.error().is(reason::AlreadyExists))
            return responder.respondStatus(Status::alreadyExists(request.kind->gvr().groupResource(), name));
        return responder.respondStatus(stored.error());
    }
    respondObject(responder, 201, stored.value());
}

} // namespace kube
